"""Confidence signals: hedges, apologies and self-deprecation, as the writer uses them.

A signal counts only in the writer's own words (not in a quotation or a title), and not
where it does another job: "just as many", "just launched", "what kind of", "no apologies",
a reasoned "I think X because Y", or "I'm a marketer, not an engineer, so..." (transparency).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal, NamedTuple

import regex

from bot.feedback import grammar, intensify, lexicon

if TYPE_CHECKING:
    from bot.feedback.text import Draft

Kind = Literal["hedge", "apology", "self_deprecation"]
NEGATION_BEFORE = re.compile(r"\b(?:no|not|without|never)\s+$")
# The word after "just", hyphens included ("just open-sourced").
NEXT_WORD = re.compile(r"\s+([\w'-]+)")
# "just" before these past forms still minimises ("I just wanted to say", "I just thought").
MINIMISING_PAST = frozenset(
    "wanted thought felt needed wondered hoped meant figured happened guessed".split()
)
# "Just Salad's packaging team", "Just Eat Takeaway": a capitalised "Just" before a capitalised
# word or a possessive is a name, not a minimiser.
JUST_NAME = regex.compile(r"Just(?:\s+(?!I\b)\p{Lu}|['’]s\b)")
# "Sorry, Jenkins:" speaks to someone and "Sorry, not sorry" refuses to apologise.
VOCATIVE_AFTER = re.compile(
    r"\s*,\s*(?:[A-Z][\w'-]*\s*){1,3}[:,!\u2014\u2013-]|\s*,?\s*not\s+sorry\b"
)
# "Sorry, Android users:" speaks to a group; "We're sorry: our payments page was down" owns an
# event (unless what follows is about the post itself: "Sorry: long post ahead").
ADDRESSED_AFTER = re.compile(r"\s*,\s*((?:[\w'-]+\s+){0,2}[\w'-]+)\s*[:!\u2014\u2013]")
EVENT_AFTER = re.compile(r"\s*[:\u2014\u2013]\s*([^.!?\n]{1,80})")
# "Sorry for the outage" owns a real event; "sorry for the long post" or "for the late update"
# apologises for the writing itself.
APOLOGY_OBJECT = re.compile(r"\s+(?:for|about)\s+([^.,!?;:\n]{1,60})")
# "Apologies to everyone whose builds failed": said to the people an event affected.
APOLOGY_TO_THE_AFFECTED = re.compile(
    r"\s+to\s+(?:everyone|anyone|all|those|the\s+\w+|our\s+\w+|every\s+\w+)\s+(?:\w+\s+)?"
    r"(?:who|whose|affected|hit|caught)\b"
)
ABOUT_POSTING = re.compile(
    r"\b(?:post\w*|length|long|rant\w*|rambl\w*|wall|text|spam\w*|plug\w*|promo\w*|noise"
    r"|another|novel|essay|thread|brag\w*|humblebrag\w*|off-topic|interrupt\w*|english|typos?"
    r"|grammar|format\w*|cross-?post\w*|repost\w*|tagging|shameless|being|writing|sharing"
    r"|silence|quiet|absence|asking|bother\w*|updates?|repl(?:y|ies)|response|messages?"
    # a non-native writer's "sorry for mistakes", "sorry for my bad English"
    r"|mistakes?|errors?|language|spelling|wording|vocabulary|accent"
    r"|this\s*$|my\s+(?:\w+\s+)?(?:opinion|take|thoughts))"
)


def _kinds(draft: Draft) -> list[tuple[Kind, object]]:
    """What to read the draft with; the two regular expressions only when a word they need
    is there."""
    kinds: list[tuple[Kind, object]] = [
        ("self_deprecation", lexicon.SELF_DEPRECATION),
        ("hedge", lexicon.HEDGES),
        ("hedge", intensify.hedge_list()),
    ]
    if draft.has_any(lexicon.APOLOGY_WORDS):
        kinds.append(("apology", lexicon.APOLOGIES))
    if draft.has_any(lexicon.HEDGE_CLAUSE_WORDS):
        kinds.append(("hedge", lexicon.HEDGE_CLAUSES))
    return kinds


class Signal(NamedTuple):
    """One hedge, apology or self-deprecating phrase and where it is."""

    start: int
    end: int
    text: str
    kind: Kind


def signals(draft: Draft) -> tuple[Signal, ...]:
    """Every confidence signal in the draft, longest first where two overlap."""
    lower = draft.lower
    found = [
        Signal(m.start(), m.end(), m.group(), kind)
        for kind, pattern in _kinds(draft)
        for m in pattern.finditer(lower)  # type: ignore[attr-defined]
    ]
    kept = [s for s in found if draft.is_own(s.start, s.end) and not _excused(draft, s)]
    return tuple(_without_overlaps(kept))


def _excused(draft: Draft, signal: Signal) -> bool:
    lower = draft.lower
    if any(t.start <= signal.start < t.end for t in draft.transparency):
        return True
    before = lower[max(0, signal.start - 12) : signal.start]
    if NEGATION_BEFORE.search(before):
        return True  # "no apologies", "not sorry"
    if signal.kind == "apology":
        return _not_an_apology(draft, signal)
    if signal.text == "just":
        if JUST_NAME.match(draft.text, signal.start):
            return True
        following = NEXT_WORD.match(lower, signal.end)
        if following and _past_tense(following.group(1)):
            return True  # "just launched", "just open-sourced" is time, not a minimiser
        if lexicon.JUST_NOT_MINIMISING_AFTER.match(lower, signal.end):
            return True
        return bool(lexicon.JUST_NOT_MINIMISING_BEFORE.search(before))
    if signal.text.startswith(("kind of", "sort of")):
        return bool(lexicon.KIND_OF_AS_NOUN.search(before))
    if signal.text in ("i think", "i believe"):
        sentence = draft.sentence_at(signal.start)
        return bool(sentence and sentence.start in draft.reasoned_sentences)
    return False


def _past_tense(word: str) -> bool:
    last = word.rsplit("-", 1)[-1]
    if last in MINIMISING_PAST:
        return False
    return last in lexicon.TEMPORAL_AFTER_JUST or grammar.is_participle(last)


def _not_an_apology(draft: Draft, signal: Signal) -> bool:
    """True for 'Sorry, Jenkins:' (said to someone), 'sorry for the delay' and 'apologies to
    everyone whose builds failed' (owning an event): none apologises for posting."""
    if VOCATIVE_AFTER.match(draft.prose, signal.end):
        return True
    for said in (
        ADDRESSED_AFTER.match(draft.lower, signal.end),
        EVENT_AFTER.match(draft.lower, signal.end),
    ):
        if said and not ABOUT_POSTING.search(said.group(1)):
            return True
    if APOLOGY_TO_THE_AFFECTED.match(draft.lower, signal.end):
        return True
    owned = APOLOGY_OBJECT.match(draft.lower, signal.end)
    return bool(owned and not ABOUT_POSTING.search(owned.group(1)))


def _without_overlaps(signals: list[Signal]) -> list[Signal]:
    """Keep the longest of overlapping signals ("i'm not sure" over "not sure if")."""
    kept: list[Signal] = []
    for signal in sorted(signals, key=lambda s: (s.start, -(s.end - s.start))):
        if not kept or signal.start >= kept[-1].end:
            kept.append(signal)
    return kept

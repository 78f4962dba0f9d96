"""Confidence signals: hedges, apologies and self-deprecation, as the writer uses them.

A signal counts only in the writer's own words (not in a quotation or a title), and not
where it does another job: "just as many", "just launched", "what kind of", "no apologies",
a reasoned "I think X because Y", or "I'm a marketer, not an engineer, so..." (transparency).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal, NamedTuple

from bot.feedback import lexicon
from bot.feedback.match import TOKEN

if TYPE_CHECKING:
    from bot.feedback.text import Draft

Kind = Literal["hedge", "apology", "self_deprecation"]
NEGATION_BEFORE = re.compile(r"\b(?:no|not|without|never)\s+$")
KINDS: tuple[tuple[Kind, object], ...] = (
    ("self_deprecation", lexicon.SELF_DEPRECATION),
    ("apology", lexicon.APOLOGIES),
    ("hedge", lexicon.HEDGES),
)


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
        for kind, pattern in KINDS
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
    if signal.text == "just":
        following = TOKEN.match(lower, signal.end + 1)
        if following and following.group() in lexicon.TEMPORAL_AFTER_JUST:
            return True  # "just launched" is time, not a minimiser
        if lexicon.JUST_NOT_MINIMISING_AFTER.match(lower, signal.end):
            return True
        return bool(lexicon.JUST_NOT_MINIMISING_BEFORE.search(before))
    if signal.text.startswith(("kind of", "sort of")):
        return bool(lexicon.KIND_OF_AS_NOUN.search(before))
    if signal.text in ("i think", "i believe"):
        sentence = draft.sentence_at(signal.start)
        return bool(sentence and sentence.start in draft.reasoned_sentences)
    return False


def _without_overlaps(signals: list[Signal]) -> list[Signal]:
    """Keep the longest of overlapping signals ("i'm not sure" over "not sure if")."""
    kept: list[Signal] = []
    for signal in sorted(signals, key=lambda s: (s.start, -(s.end - s.start))):
        if not kept or signal.start >= kept[-1].end:
            kept.append(signal)
    return kept

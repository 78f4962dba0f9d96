"""Hedges and weasel words from the lists retext-intensify reads: words/hedges and
words/weasels (MIT, vendored unchanged in bot/feedback/data/intensify.json).

retext-intensify flags every entry, and its lists are long because they serve academic prose:
"can", "most", "often", "clearly", "found". Chorus applies them the way retext's own `ignore`
option does: IGNORED names, by reason, the entries that in a post are everyday words doing
another job, so what is left are the words whose job is to hedge or to hide who said it
("apparently", "presumably", "supposedly", "arguably", "reportedly", "somewhat"). The list
loads with the first draft, once per process.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from bot.feedback.lexicon import WordList, phrases

DATA = Path(__file__).parent / "data"

_MODALS = "can could may might must should will would"
_QUANTITIES = """
a lot, lots, all, almost, almost never, always, approximately, around, at least, bunch,
couple, enough, few, many, most, much, several, some, various, vast, huge, tiny, little,
often, rarely, rare, seldom, sometimes, usually, frequently, occasionally, generally,
in general, mainly, mostly, largely, overall, partially, roughly, so far, far, over, up, down,
back, again, already, also, still, then, ever, even, only, own, that, so, well, close, bit,
sort, is a number, are a number, about, anyway, et cetera, and so forth, somebody, someone,
something, somewhere, somehow
"""
# Intensifiers and judgements say more, not less: they are not hedges.
_INTENSIFIERS = """
actually, certainly, quite clearly, clearly, completely, definitely, definite, certain, clear,
exceedingly, extremely, really, real, very, remarkably, significantly, substantially,
surprisingly, interestingly, literally, excellent, effective, effectively, efficient, useful,
better, improved, gains, helps, works, supports, combats, acts, linked to, consistent with,
diagnostic, not rocket science, outside the box, expert, experts, surely, necessarily,
practically, virtually, basically, pretty, rather, quite, fairly, relatively
"""
# Verbs of thinking, saying and seeing narrate; Chorus reads "I think" and "I guess" itself.
_NARRATION = """
believe, believed, believes, think, thinks, thought, find, finds, found, consider, considered,
considers, assume, assumed, assumes, assumption, estimate, estimated, estimates, guess,
guessed, guesses, suggest, suggested, suggests, suggestive, indicate, understand, understands,
understood, knew, don't know, doubt, doubtful, say, says, read, heard, saw, noticed, looked,
looks, look like, looks like, is like, like, watched, smelled, touched, felt, wanted, wished,
wondered, decided, began, started, realised, realized, recognised, recognized, appear,
appears, appeared, apparent, seemed, speculate, speculated, speculates, suppose, supposes,
supposed, tend, in my mind, in my opinion, in my view, my thinking is, their impression,
allege, alleged, just
"""
# Likelihoods and estimates are facts about the world, not about the writer's nerve.
_ESTIMATES = "probability probable improbable possibility possible likely unlikely inconclusive"
IGNORED = frozenset(
    " ".join(entry.split())
    for group in (_QUANTITIES, _INTENSIFIERS, _NARRATION)
    for entry in group.split(",")
    if entry.strip()
) | frozenset([*_MODALS.split(), "be able to", "be sure", *_ESTIMATES.split()])


def _lists() -> dict[str, list[str]]:
    return json.loads((DATA / "intensify.json").read_text(encoding="utf-8"))


# The adverb of a word on the hedges list hedges too, where the list has only the word:
# "alleged" gives "allegedly", "presumable" "presumably" (the list's "-ly" forms are uneven).
# Forms that are not words ("seemedly") never match anything.
ADVERB_OF = (("able", "ably"), ("ible", "ibly"), ("ed", "edly"))


def applied() -> list[str]:
    """The entries of the hedges and weasels lists that Chorus flags, with their adverbs."""
    data = _lists()
    entries = dict.fromkeys(e.lower() for e in (*data["hedges"], *data["weasels"]))
    adverbs = [
        entry[: -len(ending)] + adverb
        for entry in dict.fromkeys(e.lower() for e in data["hedges"])
        if " " not in entry
        for ending, adverb in ADVERB_OF
        if entry.endswith(ending)
    ]
    return [e for e in dict.fromkeys([*entries, *adverbs]) if e not in IGNORED]


@cache
def hedge_list() -> WordList:
    """The applied hedges and weasels as a word list (built once, on first use)."""
    return phrases(applied())

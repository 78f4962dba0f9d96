"""Literal and technical senses: a word a list flags can mean something else in its sentence.

"Bandwidth" is a buzzword in "I don't have the bandwidth" and a measurement in "our Wi-Fi
bandwidth"; "low-hanging fruit" is jargon in a plan and fruit in an orchard; "bipolar" makes
light of an illness in "the weather is so bipolar" and is physics in "two bipolar magnets".
A word is read in its literal sense when its sentence (for a few, the whole draft) has words
of that sense's domain (or, for "leverage", when it is the noun, not the verb). The buzzword
and the inclusive-language rules share this reading.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.feedback.lexicon_senses import DOMAINS

if TYPE_CHECKING:
    from bot.feedback.text import Draft

# "leverage" the noun (a lever's, a lender's, a negotiator's) is plain English; the buzzword is
# the verb ("we leverage our partners").
NOUN_BEFORE = re.compile(
    r"(?:\b(?:of|the|more|less|some|no|any|much|enough|our|their|your|its|his|her|financial"
    r"|negotiating|bargaining|political|real|gives?|gave|have|has|had|gain(?:ed)?|lose|lost|with"
    r"|for|without|little|great|huge|little)\s+|\w['’]s\s+|\ws['’]\s+)$"
)
NOUN_ONLY = frozenset({"leverage"})


BEGINNINGS = tuple(DOMAINS)
# Words whose literal sense is the subject of the whole post, not of one sentence: fostering
# children, a tackle in a match, a lame horse at the vet, a tribe's land.
WHOLE_DRAFT = frozenset({"foster", "tackl", "strengthen", "lame", "tribe"})


def literal(draft: Draft, start: int, end: int) -> bool:
    """True when the flagged words at text[start:end] are used in a literal or technical sense."""
    said = draft.lower[start:end]
    if said in NOUN_ONLY and NOUN_BEFORE.search(draft.lower, max(0, start - 24), start):
        return True
    if not said.startswith(BEGINNINGS):
        return False  # most flagged words have no literal sense to look for
    for beginning, domain in DOMAINS.items():
        if said.startswith(beginning):
            if beginning in WHOLE_DRAFT:
                return domain.search(draft.lower) is not None
            sentence = draft.sentence_at(start)
            if sentence and domain.search(draft.lower, sentence.start, sentence.end):
                return True
    return False

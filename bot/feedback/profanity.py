"""Profanity: cuss's "likely profane" words (MIT), Joblint's list, and compounds of them.

- cuss rates words 0-2; Chorus takes "likely profane" (sureness 2), as retext-profanities'
  `sureness: 2`, less EVERYDAY_NOT_PROFANE words cuss rates too high ("welfare", "tinker").
- Joblint's profanity list ("damn", "shit") is what a professional post should not say,
  whatever cuss rates the word.
- A word made of a profane word and an English one ("shitshow", "clusterfuck") is profane too.

The lists load on first use, once per process.
"""

from __future__ import annotations

import re
from functools import cache

from bot.feedback import inclusive, roles
from bot.feedback.lexicon_tone import is_english_word
from bot.feedback.match import Match, Phrasebook, Tokens

# Words cuss rates "likely profane" that are ordinary in a professional post.
EVERYDAY_NOT_PROFANE = frozenset(
    """
    beanbag beanbags chunky chunkies chunkys cocky dope dumb stupid idiot moron retard retarded
    slave gypsy gypsies gypsys redskin redskins tranny trannie transvestite homo japs
    bung bong dong flange chug chugs dink dinks ero fu barf booby booty commie dahmer carruth
    fatah dix evl floo forni geni gora goras hork kwa mams mau maus nudger orga panti payo
    pom poms pommy rigger redleg redlegs skum swalow wab welcher whash wn yellowman gables
    geez jeez geezer hobo jig jigs jigger jiggers jiggy kum looser loser muncher niggard
    niggarded niggarding niggardliness niggardlinesss niggards niggle niggled niggles niggling
    nigglings nip noonan piker pimp poo poop puke pud quickie raper rearend rere scallywag
    sexed shav sissy sooty spit spitter spunky stringer taff tang teste thirdeye tinker
    tinkers triplex turnon uck usama vomit welfare whacker whiz yank yanks crap crappy krap
    cracka cooly coolie eight ball eight balls stuinties beaney beaneys getiton hotdamn
    hottotrot wuss weenie twinkie juggalo reefer limey limy hoser smut sucker bogan chav
    hillbilly hillbillies redneck rednecks gringo gringos mofo horney
    """.split()
)
PROFANITY_SURENESS = 2
MIN_STEM = 4  # letters of a profane word a compound is built from
MIN_PART = 3  # letters of the English word beside it


@cache
def profanity_book() -> Phrasebook[str]:
    """cuss's likely-profane words and their plurals, less everyday words (built once)."""
    words = inclusive.load("profanities.json")["words"]
    entries: list[tuple[str, str]] = []
    for word, sureness in words.items():
        if sureness < PROFANITY_SURENESS or word in EVERYDAY_NOT_PROFANE:
            continue
        entries.append((word, word))
        if word.isalpha() and not word.endswith("s"):
            entries.append((word + "s", word))
    return Phrasebook(entries)


@cache
def _stems() -> frozenset[str]:
    """The profane words a compound can be built from: cuss's likely-profane words and Joblint's
    list, four letters or more (so "ass" never splits "assessment")."""
    words = inclusive.load("profanities.json")["words"]
    stems = {
        w
        for w, sureness in words.items()
        if sureness >= PROFANITY_SURENESS and len(w) >= MIN_STEM and w.isalpha()
    }
    stems |= {w for w in roles.joblint_profanity_words() if len(w) >= MIN_STEM and w.isalpha()}
    return frozenset(stems - EVERYDAY_NOT_PROFANE)


@cache
def _stem_gate() -> re.Pattern[str]:
    """Any stem anywhere: one search tells whether a draft can hold a compound at all."""
    return re.compile("|".join(sorted(_stems(), key=len, reverse=True)))


def _compound(word: str) -> str | None:
    """The profane part of a word made of a profane word and an English one ("shitshow",
    "clusterfuck"), or None. A word English already has ("cocktail", "arsenal") is not one."""
    if is_english_word(word):
        return None
    stems = _stems()
    for cut in range(MIN_STEM, len(word) - MIN_PART + 1):
        head, tail = word[:cut], word[cut:]
        if head in stems and is_english_word(tail):
            return head
    for cut in range(MIN_PART, len(word) - MIN_STEM + 1):
        head, tail = word[:cut], word[cut:]
        if tail in stems and is_english_word(head):
            return tail
    return None


def compounds(tokens: Tokens, folded: str) -> list[Match[str]]:
    """Profane compounds among the draft's words."""
    if not _stem_gate().search(folded):
        return []
    found = []
    for start, end, word in zip(tokens.starts, tokens.ends, tokens.words, strict=True):
        if len(word) >= MIN_STEM + MIN_PART and (stem := _compound(word)):
            found.append(Match(start, end, stem))
    return found


def profanities(tokens: Tokens, text: str, folded: str = "") -> list[Match[str]]:
    """Likely-profane words in the draft (cuss's, Joblint's for professional posts, and
    compounds of them)."""
    found = profanity_book().find(tokens, text)
    taken = {(m.start, m.end) for m in found}
    more = [m for m in roles.joblint_profanities(tokens, text) if (m.start, m.end) not in taken]
    taken |= {(m.start, m.end) for m in more}
    more += [m for m in compounds(tokens, folded or text.lower()) if (m.start, m.end) not in taken]
    return sorted([*found, *more], key=lambda m: m.start) if more else found

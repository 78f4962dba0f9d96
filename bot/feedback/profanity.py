"""Profanity: cuss's "likely profane" words (MIT), Joblint's list, and compounds of them.

- cuss rates words 0-2; Chorus takes "likely profane" (sureness 2), as retext-profanities'
  `sureness: 2`, less EVERYDAY_NOT_PROFANE words cuss rates too high ("welfare", "tinker").
- Joblint's profanity list ("damn", "shit") is what a professional post should not say,
  whatever cuss rates the word.
- A word made of one of Joblint's profane roots and an English word ("shitshow",
  "clusterfuck") is profane too.

The lists load on first use, once per process.
"""

from __future__ import annotations

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
    """The profane roots a compound is built from: Joblint's list ("shit", "fuck", "piss"),
    short and curated for professional posts, four letters or more (so "ass" never splits
    "assessment"). cuss's long list holds slurs and fragments that would split innocent words."""
    words = {w for w in roles.joblint_profanity_words() if len(w) >= MIN_STEM and w.isalpha()}
    return frozenset(words - EVERYDAY_NOT_PROFANE - roles.JOBLINT_IGNORED)


@cache
def _stem_edges() -> tuple[frozenset[str], frozenset[str]]:
    """The first and the last MIN_STEM letters of every stem: two set look-ups tell whether a
    word can hold a compound at all."""
    stems = _stems()
    return frozenset(w[:MIN_STEM] for w in stems), frozenset(w[-MIN_STEM:] for w in stems)


def _compound(word: str) -> str | None:
    """The profane part of a word made of a profane word and an English one ("shitshow",
    "clusterfuck"), or None. A word English already has ("cocktail", "arsenal") is not one."""
    stems = _stems()
    heads = [c for c in range(MIN_STEM, len(word) - MIN_PART + 1) if word[:c] in stems]
    tails = [c for c in range(MIN_PART, len(word) - MIN_STEM + 1) if word[c:] in stems]
    if not (heads or tails) or is_english_word(word):
        return None  # set look-ups first: the word list's binary search only for candidates
    for cut in heads:
        if is_english_word(word[cut:]):
            return word[:cut]
    for cut in tails:
        if is_english_word(word[:cut]):
            return word[cut:]
    return None


@cache
def _roots() -> tuple[str, ...]:
    """The first MIN_STEM letters of every stem, each once."""
    return tuple(sorted({w[:MIN_STEM] for w in _stems()}))


def compounds(tokens: Tokens, folded: str) -> list[Match[str]]:
    """Profane compounds among the draft's words."""
    shortest = MIN_STEM + MIN_PART
    if not any(root in folded for root in _roots()):
        return []  # a few substring searches rule out almost every post at once
    firsts, lasts = _stem_edges()
    candidates = {
        w
        for w in tokens.vocabulary
        if len(w) >= shortest
        and (w[:MIN_STEM] in firsts or w[-MIN_STEM:] in lasts)
        and w.isalpha()
        and _compound(w)
    }
    if not candidates:
        return []
    return [
        Match(start, end, word)
        for start, end, word in zip(tokens.starts, tokens.ends, tokens.words, strict=True)
        if word in candidates
    ]


def profanities(tokens: Tokens, text: str) -> list[Match[str]]:
    """Likely-profane words in the draft (cuss's, Joblint's for professional posts, and
    compounds of them)."""
    found = profanity_book().find(tokens, text)
    taken = {(m.start, m.end) for m in found}
    more = [m for m in roles.joblint_profanities(tokens, text) if (m.start, m.end) not in taken]
    taken |= {(m.start, m.end) for m in more}
    more += [m for m in compounds(tokens, text.lower()) if (m.start, m.end) not in taken]
    return sorted([*found, *more], key=lambda m: m.start) if more else found

"""Word-level phrase matching over a draft's tokens: whole words, inflections, wildcards.

A phrase list becomes a Phrasebook: an index from a phrase's first word to the phrases that
start with it, so matching is one dictionary look-up per word of the draft, however long the
list (retext-equality alone has over a thousand phrases). Words are compared in lower case
with apostrophes straightened; a phrase written with capitals (retext-equality's "ADD", "MD")
matches only those capitals, as it does in retext.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, NamedTuple, TypeVar

# A word: letters and digits, with inner apostrophes ("don't", "man's"); a hyphen splits words,
# so "game-changer" and "game changer" match the same phrase.
TOKEN = re.compile(r"[^\W_][\w']*")  # stdlib re: several times faster than regex here
PHRASE_WORD = re.compile(r"\*|[^\W_][\w'’]*")
# What may stand between two words of one phrase: spaces, a line break, hyphens or dashes, or
# the single dot of an abbreviation ("o.c.d").
JOIN = re.compile(r"[\s\-‐‑–]+|\.")
WILDCARD = "*"
VOWELS = frozenset("aeiou")

V = TypeVar("V")
# Every word a phrase of any phrase book starts with (and the cue words quoting.py needs):
# a draft records where these are, and only these.
FIRST_WORDS: set[str] = set()


class Token(NamedTuple):
    """One word of the draft: where it is, and the forms a phrase may match it by."""

    start: int
    end: int
    keys: tuple[str, ...]  # the folded word, then without "'s", then without apostrophes


def keys_of(word: str) -> tuple[str, ...]:
    """The forms a folded word is matched by: itself, its stem before "'s", no apostrophes."""
    if "'" not in word:
        return (word,)
    keys = [word]
    if word.endswith("'s"):
        keys.append(word[:-2])
    keys.append(word.replace("'", ""))
    return tuple(dict.fromkeys(keys))


class Tokens(Sequence[Token]):
    """The words of folded text, kept as parallel lists (building a tuple per word costs more
    than every phrase look-up together)."""

    def __init__(self, folded: str, skip_tags: bool = True) -> None:
        spans = [m.span() for m in TOKEN.finditer(folded)]
        if skip_tags:
            spans = [(s, e) for s, e in spans if not (s and folded[s - 1] in "#@")]
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]
        self.words = [folded[s:e] for s, e in spans]
        # Every form of every word, and where the words that start some phrase are (one pass;
        # a phrase book built later finds its first words with positions_of).
        self.vocabulary = set(self.words)
        self._positions: dict[str, list[int]] = {}
        starting = FIRST_WORDS
        for at, word in enumerate(self.words):
            if word in starting:
                self._positions.setdefault(word, []).append(at)
                if "'" in word:  # its other forms too ("it's" -> "its"): a second word may be one
                    self.vocabulary.update(keys_of(word))
            elif "'" in word:
                for key in keys_of(word):
                    self.vocabulary.add(key)
                    self._positions.setdefault(key, []).append(at)

    def __len__(self) -> int:
        return len(self.words)

    def positions_of(self, word: str) -> list[int]:
        """Where a word (or a form of one, "man" in "man's") stands."""
        found = self._positions.get(word)
        if found is None:
            found = [
                i
                for i, w in enumerate(self.words)
                if w == word or ("'" in w and word in keys_of(w))
            ]
            self._positions[word] = found
        return found

    def __getitem__(self, i: int) -> Token:  # type: ignore[override]
        return Token(self.starts[i], self.ends[i], keys_of(self.words[i]))


def tokenize(folded: str, skip_tags: bool = True) -> Tokens:
    """The words of folded text (hashtags and @mentions left out when `skip_tags`)."""
    return Tokens(folded, skip_tags)


def inflections(word: str) -> set[str]:
    """Regular plural and verb forms of an English word ("leader" -> "leaders", "leveraging")."""
    forms = {word}
    if len(word) < 3 or not word.isalpha():
        return forms
    last = word[-1]
    if word.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(word + "es")
    elif last == "y" and word[-2] not in VOWELS:
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    else:
        forms.add(word + "s")
    if last == "e":
        forms |= {word + "d", word[:-1] + "ing"}
    else:
        forms |= {word + "ed", word + "ing"}
        if last not in VOWELS and last not in "wxy" and word[-2] in VOWELS:
            forms |= {word + last + "ed", word + last + "ing"}  # "plan" -> "planned"
    return forms


# One unit of a simple regular expression, and whether a "?" makes it optional.
_UNIT = re.compile(
    r"\(\?:([^()]*)\)(\?)?|\(([^()?][^()]*)\)(\?)?|\[([^\]]+)\](\*|\?)?|([\w' ])(\?)?"
)


def expand(pattern: str) -> list[str]:
    """The phrases a simple regular expression matches, so a linter's pattern list can be a
    phrase book: literals, [ae] classes, (?:es|ic) groups, a "?" after any of them, and
    "[ -]*" between words ("rock[ -]*stars?" -> rock star, rockstar, ...). Anything else is a
    ValueError: the data changed and needs a look."""
    options: list[list[str]] = []
    at = 0
    while at < len(pattern):
        unit = _UNIT.match(pattern, at)
        if not unit:
            raise ValueError(f"can't expand {pattern!r} at {pattern[at:]!r}")
        group, group_optional, plain, plain_optional, chars, quantity, char, char_optional = (
            unit.groups()
        )
        if group is not None or plain is not None:
            alternatives = (group if group is not None else plain).split("|")
            choices = [phrase for a in alternatives for phrase in (expand(a) if a else [""])]
            optional = group_optional or plain_optional
        elif chars is not None:
            if quantity == "*":
                if set(chars) - set(" -"):
                    raise ValueError(f"can't expand {pattern!r}: [{chars}]*")
                choices, optional = [" ", ""], False  # "rock star", "rock-star", "rockstar"
            else:
                choices, optional = list(chars), quantity == "?"
        else:
            choices, optional = [char], char_optional
        options.append([*choices, ""] if optional else choices)
        at = unit.end()
    phrases = [""]
    for choices in options:
        phrases = [p + c for p in phrases for c in choices]
    return [" ".join(p.split()) for p in dict.fromkeys(phrases)]


@dataclass(frozen=True)
class Match(Generic[V]):
    """A phrase found in the draft: the span of its words and what the phrase maps to."""

    start: int
    end: int
    value: V


@dataclass(frozen=True)
class _Entry(Generic[V]):
    words: tuple[str, ...]
    value: V
    exact: bool  # written with capitals: match the original text's case


class Phrasebook(Generic[V]):
    """Phrases (each mapped to a value) indexed by their first two words, matched over a
    draft's tokens: one or two dictionary look-ups per word of the draft."""

    def __init__(self, phrases: Iterable[tuple[str, V]], inflect: bool = False) -> None:
        self._phrases = list(phrases)
        self._inflect = inflect
        # Built on first need: a post with none of the first words never pays for the index.
        self._index: dict[str, dict[str, list[_Entry[V]]]] | None = None
        self._firsts = frozenset(
            first for phrase, _ in self._phrases for first in _first_words(phrase, inflect)
        )
        FIRST_WORDS.update(self._firsts)

    def _build(self) -> dict[str, dict[str, list[_Entry[V]]]]:
        # first word -> second word ("" for one-word phrases) -> entries, longest first
        index: dict[str, dict[str, list[_Entry[V]]]] = {}
        for phrase, value in self._phrases:
            for words in _variants(phrase, self._inflect):
                exact = any(w != w.lower() for w in words)
                entry = _Entry(words if exact else tuple(w.lower() for w in words), value, exact)
                second = entry.words[1].lower() if len(entry.words) > 1 else ""
                by_second = index.setdefault(entry.words[0].lower(), {})
                by_second.setdefault(second, []).append(entry)
        for by_second in index.values():
            for entries in by_second.values():
                entries.sort(key=lambda e: -len(e.words))
        return index

    @property
    def index(self) -> dict[str, dict[str, list[_Entry[V]]]]:
        """The index, built the first time it is needed."""
        if self._index is None:
            self._index = self._build()
        return self._index

    def __len__(self) -> int:
        return sum(len(e) for by_second in self.index.values() for e in by_second.values())

    def find(self, tokens: Tokens, text: str) -> list[Match[V]]:
        """Every non-overlapping match, longest first at each word; `text` is the original."""
        found: list[Match[V]] = []
        here = tokens.vocabulary & self._firsts
        if not here:
            return found
        index, words, last = self.index, tokens.words, len(tokens) - 1
        # A first word whose phrases all need a second word the draft doesn't have ("on" of
        # "on my plate" in a post without "my") can't start a match anywhere: skip its places.
        here = {
            word
            for word in here
            if (seconds := index.get(word)) is None
            or "" in seconds
            or WILDCARD in seconds
            or not tokens.vocabulary.isdisjoint(seconds)
        }
        taken_to = 0  # matches don't overlap: the first, longest one wins
        for i in sorted({at for word in here for at in tokens.positions_of(word)}):
            if i < taken_to:
                continue
            by_second = index.get(words[i])
            if (
                by_second is not None
                and "" not in by_second
                and WILDCARD not in by_second
                and (i == last or words[i + 1] not in by_second)
                and "'" not in words[i]
                and (i == last or "'" not in words[i + 1])
            ):
                continue  # no phrase here can start with these two words
            matched = self._longest_at(tokens, i, text)
            if matched:
                length, entry = matched
                found.append(Match(tokens.starts[i], tokens.ends[i + length - 1], entry.value))
                taken_to = i + length
        return found

    def _longest_at(self, tokens: Tokens, i: int, text: str) -> tuple[int, _Entry[V]] | None:
        words = tokens.words
        following = words[i + 1] if i + 1 < len(words) else None
        best: tuple[int, _Entry[V]] | None = None
        index = self.index
        for key in _keys(words[i]):
            by_second = index.get(key)
            if not by_second:
                continue
            seconds = [*(_keys(following) if following else ()), WILDCARD, ""]
            for second in seconds:
                for entry in by_second.get(second, ()):
                    if best and len(entry.words) <= best[0]:
                        break
                    if _match_at(entry, tokens, i, text):
                        best = (len(entry.words), entry)
                        break
        return best


def _keys(word: str) -> tuple[str, ...]:
    return keys_of(word) if "'" in word else (word,)


def _match_at(entry: _Entry[object], tokens: Tokens, i: int, text: str) -> bool:
    words = entry.words
    if i + len(words) > len(tokens):
        return False
    starts, ends, folded = tokens.starts, tokens.ends, tokens.words
    at = i
    for word in words:
        if word != WILDCARD:
            if entry.exact:
                if text[starts[at] : ends[at]] != word:
                    return False
            elif word != folded[at] and word not in keys_of(folded[at]):
                return False
        if (
            at > i
            and text[ends[at - 1] : starts[at]] != " "
            and not JOIN.fullmatch(text, ends[at - 1], starts[at])
        ):
            return False
        at += 1
    return True


def _first_words(phrase: str, inflect: bool) -> set[str]:
    """Every first word the phrase can start with, in lower case (cheaper than _variants)."""
    first = PHRASE_WORD.match(phrase.lstrip())
    if not first:
        return set()
    word = first.group().replace("’", "'").lower()
    return inflections(word) if inflect else {word}


def _variants(phrase: str, inflect: bool) -> list[tuple[str, ...]]:
    words = tuple(w.replace("’", "'") for w in PHRASE_WORD.findall(phrase))
    if not words:
        return []
    if not inflect:
        return [words]
    variants = {words}
    for form in inflections(words[-1]):
        variants.add((*words[:-1], form))
    if len(words) > 1:
        for form in inflections(words[0]):
            variants.add((form, *words[1:]))
    return sorted(variants)

"""One analysis of a draft that every rule shares: words, sentences, links, tags, emoji."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

import regex

from bot.feedback import lexicon
from bot.feedback.length import measure
from bot.feedback.model import LengthInfo
from bot.feedback.platforms import Platform

WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}\p{M}'’_-]*")
PROSE_WORD = regex.compile(r"(?<![#@\p{L}\p{N}\p{M}'’_-])[\p{L}\p{N}][\p{L}\p{N}\p{M}'’_-]*")
URL = regex.compile(r"(?:https?://|www\.)[^\s<>\"]+[^\s<>\".,;:!?)\]'’”]", regex.IGNORECASE)
HASHTAG = regex.compile(r"(?<![\w#&])#(\p{L}[\p{L}\p{N}_]*)")
MENTION = regex.compile(r"(?<![\w@/])@([A-Za-z0-9_][\w.-]*[\w])")
SENTENCE_END = regex.compile(r"(?<=[.!?…])[\"'”’)]*\s+|\n+")
EMOJI = regex.compile(r"(?=[\p{Extended_Pictographic}\p{Regional_Indicator}])\X")
NOT_LETTER = regex.compile(r"\P{L}+")

ENGLISH_FUNCTION_WORDS = frozenset(
    """
    the a an and or but of to in on at for with is are was
    were be been it this that i you we they he she my our your their
    me us not no do does did have has had will would can could should what
    how why when who which if so as from by about just
    """.split()
)

# Common function words of other languages written in Latin script (fr, es, de, pt, it, nl).
FOREIGN_FUNCTION_WORDS = (
    frozenset(
        """
    le la les des et est une pour dans que qui pas sur avec nous vous ce cette sont
    el los las y es una para por con del al muy pero como más está
    der die das und ist nicht ein eine mit für auf sich auch wir ich sie
    os é um com não uma mais são
    il gli è che non della sono anche
    het een en niet van op zijn ook maar
    """.split()
    )
    - ENGLISH_FUNCTION_WORDS
)

MAX_GRADE = 20.0  # past postgraduate level the formula stops meaning anything
NEGATION_BEFORE = regex.compile(r"\b(?:no|not|without|never)\s+$")
TEMPORAL_AFTER_JUST = frozenset(
    """
    got won hit shipped launched finished started joined landed published
    released signed passed moved opened closed became received announced completed
    graduated turned hired promoted arrived returned reached crossed celebrated
    """.split()
)


class Span(NamedTuple):
    """A piece of the draft and where it sits in the original text."""

    start: int
    end: int
    text: str


def _spans(
    pattern: regex.Pattern[str] | re.Pattern[str], text: str, group: int = 0
) -> tuple[Span, ...]:
    return tuple(Span(m.start(), m.end(), m.group(group)) for m in pattern.finditer(text))


@dataclass(frozen=True)
class Draft:
    """A draft plus the context it will be published in; analyses are computed on first use."""

    text: str
    platform: Platform
    companies: Sequence[str] = field(default=())
    policy_terms: Sequence[str] = field(default=())

    @cached_property
    def length(self) -> LengthInfo:
        """Length facts by the platform's own counting."""
        return measure(self.text, self.platform)

    @cached_property
    def urls(self) -> tuple[Span, ...]:
        """Links in the draft."""
        return _spans(URL, self.text)

    @cached_property
    def prose(self) -> str:
        """The text with links blanked out (same length, so spans still line up)."""
        text = self.text
        for url in self.urls:
            text = text[: url.start] + " " * (url.end - url.start) + text[url.end :]
        return text

    @cached_property
    def lower(self) -> str:
        """The prose in lower case, with curly apostrophes straightened (same length)."""
        return self.prose.lower().replace("’", "'")

    @cached_property
    def words(self) -> tuple[str, ...]:
        """Words of prose, not counting links, hashtags or mentions."""
        return tuple(PROSE_WORD.findall(self.prose))

    @cached_property
    def sentences(self) -> tuple[Span, ...]:
        """Sentences; a line break ends one too, as it does in a social post."""
        found: list[Span] = []
        start = 0
        for m in SENTENCE_END.finditer(self.text):
            found.extend(self._trimmed(start, m.start()))
            start = m.end()
        found.extend(self._trimmed(start, len(self.text)))
        return tuple(s for s in found if WORD.search(s.text))

    def _trimmed(self, start: int, end: int) -> list[Span]:
        piece = self.text[start:end]
        stripped = piece.strip()
        if not stripped:
            return []
        offset = start + piece.index(stripped)
        return [Span(offset, offset + len(stripped), stripped)]

    @cached_property
    def paragraphs(self) -> tuple[Span, ...]:
        """Blocks separated by a blank line."""
        found: list[Span] = []
        start = 0
        for m in regex.finditer(r"\n\s*\n", self.text):
            found.extend(self._trimmed(start, m.start()))
            start = m.end()
        found.extend(self._trimmed(start, len(self.text)))
        return tuple(found)

    @cached_property
    def hashtags(self) -> tuple[Span, ...]:
        """Hashtags, including the '#'."""
        return _spans(HASHTAG, self.prose)

    @cached_property
    def mentions(self) -> tuple[Span, ...]:
        """@mentions, including the '@'."""
        return _spans(MENTION, self.prose)

    @cached_property
    def emoji(self) -> tuple[Span, ...]:
        """Emoji, one per grapheme cluster (a family emoji is one)."""
        return _spans(EMOJI, self.text)

    @cached_property
    def word_count(self) -> int:
        """How many words of prose there are."""
        return len(self.words)

    @cached_property
    def is_english(self) -> bool:
        """True when English function words outnumber other languages' (else: all ASCII)."""
        words = [w.lower() for w in self.words]
        english = sum(1 for w in words if w in ENGLISH_FUNCTION_WORDS)
        foreign = sum(1 for w in words if w in FOREIGN_FUNCTION_WORDS)
        if english or foreign:
            return english > foreign
        return all(w.isascii() for w in words)

    @cached_property
    def transparency(self) -> tuple[Span, ...]:
        """Statements of background ("I'm a marketer, not an engineer, so...")."""
        return _spans(lexicon.TRANSPARENCY, self.lower)

    @cached_property
    def hedges(self) -> tuple[Span, ...]:
        """Hedges, minimisers, apologies and self-deprecation, minus reasoned views."""
        found = [
            s
            for pattern in (lexicon.HEDGES, lexicon.APOLOGIES, lexicon.SELF_DEPRECATION)
            for s in _spans(pattern, self.lower)
        ]
        kept = [s for s in found if not self._excused(s)]
        return tuple(sorted(_without_overlaps(kept), key=lambda s: s.start))

    def _excused(self, hedge: Span) -> bool:
        if any(t.start <= hedge.start < t.end for t in self.transparency):
            return True
        if NEGATION_BEFORE.search(self.lower, max(0, hedge.start - 12), hedge.start):
            return True  # "no apologies", "not sorry"
        if hedge.text == "just":
            following = WORD.match(self.lower, hedge.end + 1)
            return bool(following and following.group() in TEMPORAL_AFTER_JUST)
        if hedge.text in ("i think", "i believe"):
            sentence = self.sentence_at(hedge.start)
            return bool(sentence and lexicon.REASONED.search(sentence.text))
        return False

    @cached_property
    def stance(self) -> Span | None:
        """The first phrase that states a view (a bare hedging "I think" doesn't count)."""
        for m in lexicon.STANCE.finditer(self.lower):
            if not any(h.start <= m.start() < h.end for h in self.hedges):
                return Span(m.start(), m.end(), m.group())
        return None

    @cached_property
    def hedges_per_100_words(self) -> float:
        """Hedges per hundred words of prose."""
        return round(100 * len(self.hedges) / self.word_count, 1) if self.word_count else 0.0

    @cached_property
    def grade(self) -> float:
        """Coleman-Liau grade (0-20): letters and sentences per 100 words, no syllable data."""
        if not self.word_count:
            return 0.0
        letters = len(NOT_LETTER.sub("", "".join(self.words)))
        per_100 = 100 / self.word_count
        grade = 0.0588 * letters * per_100 - 0.296 * len(self.sentences) * per_100 - 15.8
        return round(min(max(grade, 0.0), MAX_GRADE), 1)

    def excerpt(self, start: int, end: int) -> str:
        """The original text between start and end."""
        return self.text[start:end]

    def sentence_at(self, index: int) -> Span | None:
        """The sentence that contains character `index`."""
        for sentence in self.sentences:
            if sentence.start <= index < sentence.end:
                return sentence
        return None


def _without_overlaps(spans: list[Span]) -> list[Span]:
    """Keep the longest of overlapping spans ("i'm not sure" over "not sure if")."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept

"""One analysis of a draft that every rule shares: words, sentences, links, tags, emoji."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

import regex

from bot.feedback import confidence, inclusive, lexicon, quoting, roles, stance
from bot.feedback.chars import ends_with_abbreviation, fold, merged
from bot.feedback.confidence import Signal
from bot.feedback.length import measure
from bot.feedback.match import Tokens
from bot.feedback.model import LengthInfo
from bot.feedback.platforms import Platform

# Words, the stdlib way (several times faster than `regex` here): letters and digits, with
# apostrophes and hyphens inside ("don't", "four-day").
WORD = re.compile(r"[^\W_][\w'’-]*")
PROSE_WORD = re.compile(r"(?<![#@\w'’-])[^\W_][\w'’-]*")
URL = re.compile(r"(?:https?://|www\.)[^\s<>\"]+[^\s<>\".,;:!?)\]'’”]", re.IGNORECASE)
# A "#" word joined to more by a hyphen is a channel ("#inc-webhooks", "#support-leads"), not a tag.
HASHTAG = regex.compile(
    r"(?<![\w#&])#((?=[\p{L}\p{N}_]*\p{L})[\p{L}\p{N}_]+)(?![\p{L}\p{N}_]|-[\p{L}\p{N}])"
)
MENTION = re.compile(r"(?<![\w@/])@([A-Za-z0-9_][\w.-]*[\w])")
SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+|\n+")
# An emoji can end a sentence as a full stop does ("my brain is full 🧠✨ Best session so
# far: ..."): the space after a run of emoji, when a capitalised word follows.
# Read only after an emoji (the draft's emoji are found anyway), never over the whole text.
AFTER_EMOJI = regex.compile(r"[ \t]+(?=[\"'“‘(]?\p{Lu})")

# ™ ® © are symbols, not emoji, unless drawn as emoji (followed by U+FE0F).
EMOJI = regex.compile(r"(?=[\p{Extended_Pictographic}\p{Regional_Indicator}])(?![©®™](?!\ufe0f))\X")
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
        if not self.urls:
            return self.text
        pieces, at = [], 0
        for url in self.urls:
            pieces += [self.text[at : url.start], " " * (url.end - url.start)]
            at = url.end
        pieces.append(self.text[at:])
        return "".join(pieces)

    @cached_property
    def lower(self) -> str:
        """The prose in lower case, with curly apostrophes straightened (same length)."""
        return fold(self.prose).replace("’", "'")

    @cached_property
    def tokens(self) -> Tokens:
        """Words of prose for phrase matching (hashtags and mentions left out)."""
        return lexicon.words_of(self.lower)

    def has_any(self, words: frozenset[str]) -> bool:
        """True when the prose has one of the (folded) words: a cheap gate before a pattern."""
        return not self.tokens.vocabulary.isdisjoint(words)

    @cached_property
    def inconsiderate(self) -> tuple[inclusive.Found, ...]:
        """Terms retext-equality calls inconsiderate (quoted ones included)."""
        found = [
            *inclusive.inconsiderate(self.tokens, self.text, self.lower),
            *roles.joblint_terms(
                self.tokens, self.prose, self.lower, [(s.start, s.end) for s in self.sentences]
            ),
            *roles.gendered_roles(
                self.lower, [s.end for s in self.sentences], self.tokens.vocabulary
            ),
            *inclusive.trivialising(self.tokens, self.prose, self.lower),
        ]
        unique = {(f.start, f.end): f for f in reversed(found)}  # the first reading of a span
        return tuple(sorted(unique.values(), key=lambda f: f.start))

    @cached_property
    def not_own(self) -> tuple[tuple[int, int], ...]:
        """Spans the writer quotes, names as a title, or mentions rather than uses."""
        starts = {self._first_token_at(s.start) for s in self.sentences}
        spans = [
            *quoting.quoted(self.prose),
            *quoting.titles(self.prose, starts),
            *quoting.mentioned(self.lower, self.tokens, [s.end for s in self.sentences]),
        ]
        return tuple(merged(spans))

    @cached_property
    def _not_own_starts(self) -> list[int]:
        return [start for start, _ in self.not_own]

    def _first_token_at(self, index: int) -> int:
        starts = self.tokens.starts
        at = bisect_right(starts, index - 1)
        return starts[at] if at < len(starts) else -1

    def is_own(self, start: int, end: int) -> bool:
        """True unless the span lies in a quotation, a title or a mentioned term."""
        at = bisect_right(self._not_own_starts, start) - 1
        return at < 0 or end > self.not_own[at][1]

    @cached_property
    def words(self) -> tuple[str, ...]:
        """Words of prose, not counting links, hashtags or mentions."""
        return tuple(PROSE_WORD.findall(self.prose))

    @cached_property
    def sentences(self) -> tuple[Span, ...]:
        """Sentences; a line break ends one too, as it does in a social post."""
        found: list[Span] = []
        start = 0
        ends: list[re.Match[str] | regex.Match[str]] = list(SENTENCE_END.finditer(self.text))
        after_emoji = [AFTER_EMOJI.match(self.text, e.end) for e in self.emoji]
        if any(after_emoji):
            ends = sorted([*ends, *filter(None, after_emoji)], key=lambda m: m.start())
        for m in ends:
            if m.start() < start:
                continue
            if "\n" not in m.group() and ends_with_abbreviation(self.text, m.start()):
                continue  # "Dr. Smith" is one sentence
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
    def reasoned_sentences(self) -> frozenset[int]:
        """Where the sentences that give a reason ("because", "so that") start."""
        return frozenset(s.start for s in self.sentences if lexicon.REASONED.search(s.text))

    @cached_property
    def hedges(self) -> tuple[Signal, ...]:
        """Hedges, minimisers, apologies and self-deprecation, minus reasoned views."""
        return confidence.signals(self)

    def _unhedged_own(self, spans: list[tuple[int, int]]) -> tuple[Span, ...]:
        starts = [h.start for h in self.hedges]

        def hedged(index: int) -> bool:
            at = bisect_right(starts, index) - 1
            return at >= 0 and index < self.hedges[at].end

        return tuple(
            Span(start, end, self.text[start:end])
            for start, end in sorted(spans)
            if not hedged(start) and self.is_own(start, end)
        )

    @cached_property
    def stock_stances(self) -> tuple[Span, ...]:
        """Stock phrases that state a view ("I think", "the lesson"), not hedged; "must read"
        labels a link and says nothing of what the writer thinks."""
        return self._unhedged_own(
            [
                m.span()
                for m in lexicon.STANCE.finditer(self.lower)
                if not lexicon.LINK_LABEL.match(self.lower, m.start())
            ]
        )

    @cached_property
    def stances(self) -> tuple[Span, ...]:
        """Everything that states a view: stock phrases, judgements, contrasts, advice."""
        views = self._unhedged_own(stance.views(self.lower))
        return tuple(sorted({*self.stock_stances, *views}))

    @cached_property
    def stance(self) -> Span | None:
        """The first phrase that states a view (the judgements are read only if needed)."""
        found = self.stock_stances or self.stances
        return found[0] if found else None

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

    def words_in(self, start: int, end: int) -> int:
        """How many words of prose start in text[start:end]."""
        starts = self.tokens.starts
        return bisect_left(starts, end) - bisect_left(starts, start)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, index: int) -> Span | None:
        """The sentence that contains character `index`."""
        at = bisect_right(self._sentence_starts, index) - 1
        if at >= 0 and index < self.sentences[at].end:
            return self.sentences[at]
        return None

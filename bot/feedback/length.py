"""Length by each platform's own counting, the "see more" fold, and X thread splits.

X counts as twitter-text v3 does (URLs 23, an emoji sequence 2, CJK 2, most else 1). The
weighing is done here in one linear pass (twitter-text's own parser re-checks every
character and takes a quarter of a second on a 40,000-character post); twitter-text still
finds the URLs, and the conformance suite in tests/feedback holds the two together.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from bisect import bisect_right
from functools import cache, lru_cache
from itertools import accumulate
from types import ModuleType

import regex

from bot.feedback.chars import ends_with_abbreviation, without_surrogates
from bot.feedback.model import LengthInfo
from bot.feedback.platforms import Platform

GRAPHEME = regex.compile(r"\X")
URL_HINT = re.compile(r"[.:/]\w")  # anything twitter-text might read as a link
FOLD_LINES = 3  # LinkedIn and Instagram cut after about three lines, whichever comes first
# twitter-text v3 weighs these ranges 1 and every other code point 2.
LIGHT = "\u0000-\u10ff\u2000-\u200d\u2010-\u201f\u2032-\u2037"
HEAVY = re.compile(f"[^{LIGHT}]")
URL_WEIGHT = 23
EMOJI_WEIGHT = 2
# Where emoji can be: runs of emoji parts that hold at least one pictograph, flag, skin tone
# or keycap. twitter-text's own emoji pattern, which is slow, only reads these runs.
EMOJI_RUN = regex.compile(
    r"[\p{Extended_Pictographic}\p{Emoji_Component}\ufe0e\ufe0f\u200d\u20e3]+"
)
# Without one of these a run is single pictographs, each weighing 2 (© and ® included).
EMOJI_JOINER = regex.compile(
    r"[\p{Regional_Indicator}\p{Emoji_Modifier}\u20e3\u200d\ufe0e\ufe0f\U000e0020-\U000e007f]"
)
PICTOGRAPH = regex.compile(r"\p{Extended_Pictographic}")
# A word twitter-text could read as a link: a scheme, or a dot before two letters or more.
LINK_LIKE = re.compile(r"[^ \t\n]*(?::/|\.[^\W\d_]{2})[^ \t\n]*")
SENTENCE_BREAK = re.compile(r"(?<=[.!?…])\s+|(?<=[。！？])|\n+")
SPACE = re.compile(r"\s+")
EXTENDER = regex.compile(r"[\p{M}\u200d\ufe0e\ufe0f\p{Emoji_Modifier}]|(?<=\u200d).|(?<=\r)\n")


@cache
def _twitter_text() -> ModuleType:
    # Imported on first use: compiling its TLD patterns costs about 0.3 s.
    return importlib.import_module("twitter_text.extract_urls")


@cache
def _twitter_emoji() -> regex.Pattern[str]:
    return importlib.import_module("twitter_text.regexp.emoji").emoji


def _normalized(text: str) -> str:
    """What twitter-text weighs: NFC, one kind of line break, no lone surrogates."""
    text = without_surrogates(text).replace("\r\n", "\n").replace("\r", "\n")
    return text if text.isascii() else unicodedata.normalize("NFC", text)


@lru_cache(maxsize=4)
def char_weights(text: str) -> tuple[int, ...]:
    """Each code point's X weight; a URL or emoji weighs on its first code point, then 0."""
    weights = [2 if HEAVY.match(c) else 1 for c in text] if not text.isascii() else [1] * len(text)
    taken: list[tuple[int, int]] = []
    if URL_HINT.search(text):
        for start, end in _links(text):
            weights[start:end] = [URL_WEIGHT] + [0] * (end - start - 1)
            taken.append((start, end))
    for run in EMOJI_RUN.finditer(text) if not text.isascii() else ():
        if not EMOJI_JOINER.search(run.group()):
            for pictograph in PICTOGRAPH.finditer(run.group()):
                if weights[run.start() + pictograph.start()]:  # not inside a URL
                    weights[run.start() + pictograph.start()] = EMOJI_WEIGHT
            continue
        for emoji in _twitter_emoji().finditer(run.group()):
            start, end = run.start() + emoji.start(), run.start() + emoji.end()
            if not any(s <= start < e for s, e in taken):
                weights[start:end] = [EMOJI_WEIGHT] + [0] * (end - start - 1)
    return tuple(weights)


def _links(text: str) -> list[tuple[int, int]]:
    """Spans of what twitter-text reads as URLs, looking only at words that could be one."""
    words = list(LINK_LIKE.finditer(text))
    if not words:
        return []
    # One call over the candidate words, each after a space as in the text (a URL never spans
    # a space); a word that opens the text opens the joined string too.
    at = 0 if words[0].start() == 0 else 1
    joined, offsets = ([] if at == 0 else [""]), []
    for word in words:
        joined.append(word.group())
        offsets.append((at, word.start()))
        at += len(word.group()) + 1
    spans = []
    for url in _twitter_text().extract_urls_with_indices(" ".join(joined)):
        start, end = url["indices"]
        base, origin = offsets[bisect_right(offsets, (start, len(text))) - 1]
        spans.append((origin + start - base, origin + end - base))
    return spans


def x_weighted_length(text: str) -> int:
    """Length as X counts it (twitter-text v3: URLs 23, CJK and emoji weighted)."""
    if text.isascii() and not URL_HINT.search(text):
        return len(text.replace("\r\n", "\n"))  # every ASCII character weighs 1, no URL to shorten
    return sum(char_weights(_normalized(text)))


def grapheme_count(text: str) -> int:
    """User-perceived characters: a ZWJ family emoji or a flag counts as one."""
    return len(GRAPHEME.findall(text))


def count(text: str, platform: Platform) -> int:
    """Length of `text` in the platform's unit."""
    if platform.unit == "weighted":
        return x_weighted_length(text)
    if platform.unit == "graphemes":
        return grapheme_count(text)
    return len(text)


def above_fold(text: str, fold: int | None) -> str | None:
    """The text a reader sees before "see more": three lines or `fold` characters, cut
    between words."""
    if fold is None:
        return None
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    shown = "\n".join(lines[:FOLD_LINES])
    if len(shown) <= fold:
        return shown
    cut = shown[:fold]
    if not shown[fold].isspace() and any(c.isspace() for c in cut):
        cut = cut[: max(i for i, c in enumerate(cut) if c.isspace())]
    return cut.rstrip()


def measure(text: str, platform: Platform) -> LengthInfo:
    """Length facts for the draft on the platform."""
    used = count(text, platform)
    over = max(0, used - platform.limit) if platform.limit else 0
    return LengthInfo(used, platform.limit, platform.unit, over, above_fold(text, platform.fold))


def split_thread(text: str, limit: int = 280) -> list[str]:
    """Split a long post into a numbered X thread at sentence, then word, boundaries.

    The text is weighed once; every cut is made by running totals of those weights, so the
    work grows with the length of the text, never faster.
    """
    weighed = _Weighed(_normalized(text))
    pieces = [
        piece for start, end in weighed.sentences() for piece in weighed.fit(start, end, limit - 10)
    ]
    for reserve in (4, 6, 8):  # room for " 1/9", " 10/99", " 100/999"
        parts = _pack(pieces, limit - reserve)
        if len(str(len(parts))) * 2 + 2 <= reserve:
            break
    return [f"{part} {i}/{len(parts)}" for i, (part, _) in enumerate(parts, 1)]


Piece = tuple[str, int]  # text and its X weight


class _Weighed:
    """A text, the running total of its X weights, and where it may be cut."""

    def __init__(self, text: str) -> None:
        self.text = text
        weights = char_weights(text)  # the same weights x_weighted_length computed
        self.total = [0, *accumulate(weights)]
        # A cut may fall only between grapheme clusters, never inside a URL or an emoji
        # (whose later code points weigh 0): not before a combining mark or after a joiner.
        self.cuttable = [weight > 0 for weight in weights] + [True]
        if not text.isascii():
            for extender in EXTENDER.finditer(text):
                self.cuttable[extender.start()] = False

    def piece(self, start: int, end: int) -> Piece:
        """text[start:end] and its weight."""
        return self.text[start:end], self.total[end] - self.total[start]

    def sentences(self) -> list[tuple[int, int]]:
        """Sentence spans without their spaces: after . ! ? … (or 。！？) and at line breaks."""
        spans, at = [], 0
        breaks = [
            m
            for m in SENTENCE_BREAK.finditer(self.text)
            if not ends_with_abbreviation(self.text, m.start())
        ]
        for m in [*breaks, None]:
            end = m.start() if m else len(self.text)
            piece = self.text[at:end]
            if piece.strip():
                start = at + len(piece) - len(piece.lstrip())
                spans.append((start, start + len(piece.strip())))
            at = m.end() if m else end
        return spans

    def fit(self, start: int, end: int, budget: int) -> list[Piece]:
        """One sentence as pieces that each fit the budget: whole, by words, or cut."""
        whole = self.piece(start, end)
        if whole[1] <= budget:
            return [whole]
        words: list[Piece] = []
        at = start
        for gap in [*SPACE.finditer(self.text, start, end), None]:
            word_end = gap.start() if gap else end
            if word_end > at:
                words += self._cut(at, word_end, budget)
            at = gap.end() if gap else end
        return _pack(words, budget)

    def _cut(self, start: int, end: int, budget: int) -> list[Piece]:
        """A run with no spaces, cut into the longest prefixes that fit."""
        chunks: list[Piece] = []
        total = self.total
        while total[end] - total[start] > budget:
            cut, i = start, start + 1
            while i <= end and total[i] - total[start] <= budget:
                if self.cuttable[i]:
                    cut = i
                i += 1
            if cut == start:  # a single cluster heavier than the budget
                cut = next(i for i in range(start + 1, end + 1) if self.cuttable[i])
            chunks.append(self.piece(start, cut))
            start = cut
        return [*chunks, self.piece(start, end)] if start < end else chunks


def _pack(pieces: list[Piece], budget: int) -> list[Piece]:
    """Greedy packing; a joining space weighs 1, so weights add up without re-weighing."""
    parts: list[Piece] = []
    current: list[str] = []
    used = 0
    for piece, weight in pieces:
        if current and used + 1 + weight > budget:
            parts.append((" ".join(current), used))
            current, used = [], 0
        used += weight + (1 if current else 0)
        current.append(piece)
    if current:
        parts.append((" ".join(current), used))
    return parts

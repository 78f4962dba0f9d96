"""Tone: selling, shouting and jargon."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from bot.feedback import jargon, senses
from bot.feedback import lexicon_tone as words
from bot.feedback.lexicon import found_around
from bot.feedback.model import Hit
from bot.feedback.rules.base import rule
from bot.feedback.rules.voice import per_100
from bot.feedback.text import Draft

PRICE_HINT = re.compile(r"[%$€£]|half\s+price")
PLAIN = "plain words"  # what to offer when a list gives no alternative
STACKED_BUZZWORDS = 3  # in one sentence, or in the post at this many per 100 words
BUZZWORDS_PER_100 = 2.0


def alternatives(pairs: list[tuple[str, str]], most: int = 4) -> str:
    """'"leverage" → "use"; "synergy" → "working together"' for the first few words."""
    unique = list(dict.fromkeys((said.lower(), plain) for said, plain in pairs))
    return "; ".join(f'"{said}" → {plain}' for said, plain in unique[:most])


@rule("salesy.hard_sell", "salesy")
def hard_sell(draft: Draft) -> Iterator[Hit]:
    """Hard-sell phrases (buy now, limited time, 20% off, DM me for pricing). People follow a
    person to learn from them, not to be sold to; this is the fastest way to lose them."""
    found = sorted(
        {
            m.span()
            for pattern, text in (
                (words.SALES_PHRASES, draft.lower),
                (words.PRICE_PUSH, draft.lower if PRICE_HINT.search(draft.lower) else ""),
                (words.DEADLINE_PUSH, draft.lower if draft.has_any(words.DEADLINE_WORDS) else ""),
                (words.PROMO_CODE, draft.prose if "code" in draft.lower else ""),
                (words.POLITE_PITCH, draft.lower if draft.has_any(words.PITCH_WORDS) else ""),
            )
            for m in pattern.finditer(text)
            if draft.is_own(*m.span())
            and (pattern is not words.DEADLINE_PUSH or _beside_a_purchase(draft, m.start()))
            and not words.TALKED_ABOUT.match(draft.lower, m.end())
            and not _named_or_asked(draft, m.start(), m.end())
        }
    )
    found = sorted({*found, *_lures(draft), *_scarcity(draft), *_act_by(draft)})
    for start, end in found:
        yield Hit(
            "warning",
            f'"{draft.excerpt(start, end)}" reads like an ad, not a person.'
            if len(found) == 1
            else "Selling phrases make the post read like an ad, not a person.",
            start,
            end,
            "Share what you learned building or using it, and let interested people ask.",
        )


def _act_by(draft: Draft) -> list[tuple[int, int]]:
    """A buying verb with a deadline, or free months, read only around the words they need."""
    vocabulary = draft.tokens.vocabulary
    deadline = not vocabulary.isdisjoint(words.ACT_ANCHORS[:4])
    if not (deadline and draft.has_any(words.ACT_WORDS)) and not (
        "first" in vocabulary and draft.has_any(words.FREE_MONTHS_WORDS)
    ):
        return []
    return [
        m.span()
        for m in _around(draft, words.ACT_BY, words.ACT_ANCHORS, words.ACT_REACH)
        if not _named_or_asked(draft, m.start(), m.end())
    ]


def _named_or_asked(draft: Draft, start: int, end: int) -> bool:
    """A selling phrase that names a kind of credit ("buy-now-pay-later"), sits inside a
    hyphenated compound, or is a price someone else asks of the writer ("wants your bread at
    half price")."""
    folded = draft.lower
    return bool(
        words.NAMED_CREDIT.match(folded, end)
        or (folded[end : end + 1] == "-" and folded[end + 1 : end + 2].isalpha())
        or words.ASKED_OF.search(folded, max(0, start - 60), start)
    )


def _lures(draft: Draft) -> list[tuple[int, int]]:
    """Lead magnets and sales calls, read only around the words they need."""
    if not _may_lure(draft):
        return []
    return [
        m.span()
        for m in _around(draft, words.LEAD_MAGNET, words.LEAD_ANCHORS, words.LEAD_REACH)
        if _keyword_in_capitals(draft, m)
    ]


def _may_lure(draft: Draft) -> bool:
    """Whether the post has the words a lead magnet or a sales call needs (a cheap gate)."""
    has = draft.has_any
    return (
        has(words.LEAD_ASKS)
        or (has(words.LEAD_SENDS) and has(words.LEAD_PROMISES))
        or ("free" in draft.tokens.vocabulary and has(words.LEAD_TAKERS))
        or ("book" in draft.tokens.vocabulary and has(words.LEAD_CALLS))
    )


def _keyword_in_capitals(draft: Draft, match: re.Match[str]) -> bool:
    """A lead magnet's bare keyword is one in capitals ("Comment GUIDE below"), not a word
    ("Comment below and tell me...")."""
    if match.group("keyword") is None:
        return True
    return draft.prose[match.start("keyword") : match.end("keyword")].isupper()


def _scarcity(draft: Draft) -> list[tuple[int, int]]:
    """Scarcity ("Only 3 seats left") in a post that offers something to buy, book or enrol
    in, read only around the words it needs."""
    if not draft.has_any(words.STOCK_WORDS) or not draft.has_any(words.SCARCITY_WORDS):
        return []
    if not words.OFFER.search(draft.lower):
        return []
    return [
        m.span()
        for m in _around(draft, words.SCARCITY, words.SCARCITY_WORDS, words.SCARCITY_REACH)
        if not words.TALKED_ABOUT.match(draft.lower, m.end())
    ]


def _around(
    draft: Draft, pattern: re.Pattern[str], anchors: Iterable[str], reach: tuple[int, int]
) -> list[re.Match[str]]:
    """The writer's own matches of a pattern, read only around its anchor words."""
    found = found_around(pattern, draft.lower, anchors, reach, draft.tokens.vocabulary)
    return [m for m in found if draft.is_own(*m.span())]


def _beside_a_purchase(draft: Draft, at: int) -> bool:
    """A deadline sells only beside something to buy, in the same sentence."""
    sentence = draft.sentence_at(at)
    return bool(sentence and words.PURCHASE.search(draft.lower, sentence.start, sentence.end))


def _shouted(draft: Draft) -> list[tuple[int, int]]:
    """Capitalised words that shout: long or emphatic English words, runs with one, and the
    English words in capitals beside them. Names and acronyms (UNICEF, SPIN) don't shout."""
    licences = (
        [m.span() for m in words.LICENCE_NAME.finditer(draft.prose)] if "CC" in draft.prose else []
    )
    caps = [
        m
        for m in words.CAPS_WORD.finditer(draft.prose)
        if m.group() not in words.ACRONYMS
        and draft.is_own(m.start(), m.end())
        and not any(s <= m.start() and m.end() <= e for s, e in licences)
    ]
    if not caps:
        return []
    english = [words.is_english_word(m.group()) for m in caps]
    loud: set[int] = set()
    for n, m in enumerate(caps):
        if english[n] and (len(m.group()) > words.ACRONYM_MAX or m.group() in words.EMPHATIC):
            loud.add(n)
        joined = n and draft.prose[caps[n - 1].end() : m.start()].strip(" ,!") == ""
        if joined and (english[n] or english[n - 1]):
            loud |= {n - 1, n}
    shouting_sentences = {draft.sentence_at(caps[n].start()) for n in loud}
    spans: list[tuple[int, int]] = []
    for n, m in enumerate(caps):
        if n in loud or (english[n] and draft.sentence_at(m.start()) in shouting_sentences):
            if spans and draft.prose[spans[-1][1] : m.start()].isspace():
                spans[-1] = (spans[-1][0], m.end())
            else:
                spans.append((m.start(), m.end()))
    return spans


@rule("salesy.shouting", "salesy")
def shouting(draft: Draft) -> Iterator[Hit]:
    """Words in capitals read as shouting when they are long, emphatic ("HUGE") or come in a
    run ("THIS IS IT"); a short capitalised word on its own is taken as an acronym (SPIN,
    STEM, GDPR)."""
    spans = _shouted(draft)
    for start, end in spans:
        said = draft.excerpt(start, end)
        yield Hit(
            "warning",
            f'"{said}" in capitals reads as shouting.'
            if len(spans) == 1
            else "Words in capitals read as shouting.",
            start,
            end,
            f'Write "{said.capitalize()}"; let the point carry the emphasis.'
            if len(spans) == 1
            else "Write them in lower case; let the point carry the emphasis.",
        )


@rule("salesy.exclamations", "salesy", english_only=False)
def exclamations(draft: Draft) -> Iterator[Hit]:
    """Runs of exclamation marks sound like an advert and tire the reader."""
    for m in words.EXCLAMATION_RUN.finditer(draft.text):
        yield Hit(
            "warning",
            "A run of exclamation marks sounds like an advert.",
            m.start(),
            m.end(),
            "Use one full stop, or one '!' in the whole post at most.",
        )


@rule("jargon.buzzword", "jargon")
def buzzword(draft: Draft) -> Iterator[Hit]:
    """Buzzwords (synergy, leverage, game-changing) make a post sound like every other post
    and lose readers outside your field. Plain words travel further. A stack of them is a
    warning; one is a minor note."""
    found = [
        m
        for m in jargon.buzzwords(draft.tokens, draft.text)
        if draft.is_own(m.start, m.end) and not senses.literal(draft, m.start, m.end)
    ]
    if not found:
        return
    per_sentence: dict[object, int] = {}
    for m in found:
        key = draft.sentence_at(m.start)
        per_sentence[key] = per_sentence.get(key, 0) + 1
    stacked = len(found) >= STACKED_BUZZWORDS and (
        max(per_sentence.values()) >= STACKED_BUZZWORDS
        or per_100(len(found), draft) >= BUZZWORDS_PER_100
    )
    plain = alternatives(
        [(draft.excerpt(m.start, m.end), f'"{m.value}"' if m.value else PLAIN) for m in found]
    )
    for m in found:
        said = draft.excerpt(m.start, m.end)
        yield Hit(
            "warning" if stacked else "info",
            f'"{said}" is a buzzword.'
            if len(found) == 1
            else f"{len(found)} buzzwords make this sound like every other post.",
            m.start,
            m.end,
            (f'Try "{m.value}", or say' if m.value else "Say") + " concretely what happened."
            if len(found) == 1
            else f"Say it plainly: {plain}.",
        )

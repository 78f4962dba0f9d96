"""Tone: selling, shouting, jargon and exclusionary words."""

from __future__ import annotations

from collections.abc import Iterator

from bot.feedback import lexicon
from bot.feedback.model import Hit
from bot.feedback.rules.base import rule
from bot.feedback.text import Draft


@rule("salesy.hard_sell", "salesy")
def hard_sell(draft: Draft) -> Iterator[Hit]:
    """Hard-sell phrases (buy now, limited time, 20% off, DM me for pricing). People follow a
    person to learn from them, not to be sold to; this is the fastest way to lose them."""
    for pattern in (lexicon.SALES_PHRASES, lexicon.PERCENT_OFF):
        for m in pattern.finditer(draft.lower):
            yield Hit(
                "warning",
                f'"{draft.excerpt(m.start(), m.end())}" reads like an ad, not a person.',
                m.start(),
                m.end(),
                "Share what you learned building or using it, and let interested people ask.",
            )


@rule("salesy.shouting", "salesy")
def shouting(draft: Draft) -> Iterator[Hit]:
    """Words in ALL CAPS read as shouting (acronyms such as API or GDPR are fine)."""
    for m in lexicon.CAPS_WORD.finditer(draft.prose):
        if m.group() not in lexicon.ACRONYMS:
            yield Hit(
                "warning",
                f'"{m.group()}" in capitals reads as shouting.',
                m.start(),
                m.end(),
                f'Write "{m.group().capitalize()}"; let the point carry the emphasis.',
            )


@rule("salesy.exclamations", "salesy", english_only=False)
def exclamations(draft: Draft) -> Iterator[Hit]:
    """Runs of exclamation marks sound like an advert and tire the reader."""
    for m in lexicon.EXCLAMATION_RUN.finditer(draft.text):
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
    and lose readers outside your field. Plain words travel further."""
    for m in lexicon.JARGON_PATTERN.finditer(draft.lower):
        plain = lexicon.JARGON[m.group().lower()]
        yield Hit(
            "info",
            f'"{draft.excerpt(m.start(), m.end())}" is a buzzword.',
            m.start(),
            m.end(),
            f'Try "{plain}", or say concretely what happened.',
        )


@rule("inclusive.term", "inclusive")
def exclusionary_term(draft: Draft) -> Iterator[Hit]:
    """Some everyday words leave people out or make light of illness; a plain alternative
    reads just as naturally to everyone."""
    for m in lexicon.INCLUSIVE_PATTERN.finditer(draft.lower):
        alternative = lexicon.INCLUSIVE[m.group().lower()]
        yield Hit(
            "info",
            f'"{draft.excerpt(m.start(), m.end())}" can leave some readers out.',
            m.start(),
            m.end(),
            f"Consider {alternative}.",
        )

"""Inclusive language (retext-equality) and profanity (cuss), each its own rule."""

from __future__ import annotations

from collections.abc import Iterator

from bot.feedback import inclusive, senses
from bot.feedback import profanity as profane
from bot.feedback.model import Hit
from bot.feedback.rules.base import rule
from bot.feedback.rules.tone import alternatives
from bot.feedback.text import Draft


@rule("inclusive.term", "inclusive")
def exclusionary_term(draft: Draft) -> Iterator[Hit]:
    """Some everyday words leave people out, make light of illness or disability, or assume
    a gender ("guys", "crazy", "cameraman"); a plain alternative reads just as naturally to
    everyone. The list is retext-equality's (the engine behind alex), less words whose
    everyday sense is innocent."""
    humble = [(h.start, h.end) for h in draft.hedges if h.kind == "self_deprecation"]
    found = [
        f
        for f in draft.inconsiderate
        if draft.is_own(f.start, f.end)
        and not senses.literal(draft, f.start, f.end)  # "two bipolar magnets"
        and not any(s <= f.start and f.end <= e for s, e in humble)  # "a dumb question"
    ]
    plain = alternatives(
        [
            (draft.excerpt(f.start, f.end), inclusive.plain(f.term) or "a plainer word")
            for f in found
        ]
    )
    for f in found:
        said = draft.excerpt(f.start, f.end)
        yield Hit(
            "warning",
            f'"{said}" can leave some readers out.'
            if len(found) == 1
            else "Some words here can leave readers out.",
            f.start,
            f.end,
            inclusive.suggestion(f.term) if len(found) == 1 else f"Try: {plain}.",
        )


@rule("inclusive.profanity", "inclusive")
def profanity(draft: Draft) -> Iterator[Hit]:
    """Profanity and slurs (cuss's "likely profane" words) cost a professional post more
    readers than the emphasis gains."""
    terms = [(f.start, f.end) for f in draft.inconsiderate]
    found = [
        m
        for m in profane.profanities(draft.tokens, draft.text)
        if draft.is_own(m.start, m.end) and not any(s < m.end and m.start < e for s, e in terms)
    ]
    for m in found:
        said = draft.excerpt(m.start, m.end)
        yield Hit(
            "warning",
            f'"{said}" is profane to many readers.'
            if len(found) == 1
            else "Profanity costs a professional post readers.",
            m.start,
            m.end,
            "Say it without the swear word; the point is stronger on its own.",
        )

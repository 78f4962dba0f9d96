"""From findings to a score, subscores, priorities and strengths."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.feedback import lexicon
from bot.feedback.model import CATEGORIES, SEVERITY_RANK, Finding
from bot.feedback.text import Draft

PENALTY = {"info": 0.1, "warning": 0.3, "error": 0.6}
MAX_PRIORITIES = 3

# How much each category can take off the overall score.
WEIGHT = {
    "platform_fit": 40,
    "hook": 15,
    "point_of_view": 15,
    "confidence": 15,
    "salesy": 10,
    "engagement": 10,
    "readability": 10,
    "hashtags": 5,
    "links_mentions": 5,
    "jargon": 5,
    "disclosure": 35,
    "policy": 50,
    "inclusive": 5,
    "emoji": 5,
    "authenticity": 25,
}


def subscores(findings: Sequence[Finding]) -> dict[str, int]:
    """100 per category, each finding taking off a share of what is left."""
    remaining = dict.fromkeys(CATEGORIES, 1.0)
    for finding in findings:
        remaining[finding.category] *= 1 - PENALTY[finding.severity]
    return {category: round(100 * left) for category, left in remaining.items()}


def overall(findings: Sequence[Finding]) -> int:
    """0-100: every finding lowers it, so fixing one always raises it."""
    remaining = dict.fromkeys(CATEGORIES, 1.0)
    for finding in findings:
        remaining[finding.category] *= 1 - PENALTY[finding.severity]
    lost = sum(WEIGHT[c] * (1 - left) for c, left in remaining.items())
    return max(0, min(100, round(100 - lost)))


def priorities(findings: Sequence[Finding]) -> tuple[str, ...]:
    """Up to three rule ids to fix first: errors, then the weightiest warnings, one category
    each before any category gets a second."""
    ranked = sorted(
        (f for f in findings if f.severity != "info"),
        key=lambda f: (-SEVERITY_RANK[f.severity], -WEIGHT[f.category], f.start),
    )
    first_per_category = {f.category: f.rule for f in reversed(ranked)}
    ordered = [f.rule for f in ranked if first_per_category.get(f.category) == f.rule]
    ordered += [f.rule for f in ranked]
    return tuple(dict.fromkeys(ordered))[:MAX_PRIORITIES]


Strength = Callable[[Draft, set[str]], str | None]


def _hook(draft: Draft, flagged: set[str]) -> str | None:
    if "hook" in flagged or not draft.sentences or draft.word_count < 8:
        return None
    first = draft.sentences[0]
    if len(first.text.split()) <= 12:
        return f'Your opening line is short and direct: "{first.text}"'
    return None


def _stance(draft: Draft, flagged: set[str]) -> str | None:
    stance = draft.stance
    if not stance or "point_of_view" in flagged:
        return None
    sentence = draft.sentence_at(stance.start)
    quoted = sentence.text if sentence and len(sentence.text) <= 120 else stance.text
    return f'You say what you think: "{quoted}"'


def _transparency(draft: Draft, flagged: set[str]) -> str | None:
    if draft.transparency:
        return "You're open about where you're coming from; that builds trust."
    return None


def _confident(draft: Draft, flagged: set[str]) -> str | None:
    if draft.word_count >= 20 and not draft.hedges:
        return "You write with confidence: no hedges, no apologies."
    return None


def _invites(draft: Draft, flagged: set[str]) -> str | None:
    if draft.word_count >= 8 and ("?" in draft.prose or lexicon.ASKS.search(draft.lower)):
        return "You invite replies, which turns a post into a conversation."
    return None


def _readable(draft: Draft, flagged: set[str]) -> str | None:
    if len(draft.sentences) >= 2 and "readability" not in flagged:
        return "Easy to read: short sentences and plain words."
    return None


def _disclosed(draft: Draft, flagged: set[str]) -> str | None:
    if (
        draft.companies
        and "disclosure" not in flagged
        and lexicon.DISCLOSURE_PHRASES.search(draft.lower)
    ):
        return "You disclose your connection clearly."
    return None


def _fits(draft: Draft, flagged: set[str]) -> str | None:
    length = draft.length
    if not length.limit or length.over_by:
        return None
    return f"It fits {draft.platform.label}: {length.count:,} of {length.limit:,} {length.unit}."


ENGLISH_STRENGTHS: tuple[Strength, ...] = (
    _hook,
    _stance,
    _transparency,
    _confident,
    _invites,
    _readable,
    _disclosed,
)


def strengths(draft: Draft, findings: Sequence[Finding]) -> tuple[str, ...]:
    """What the draft already does well, most encouraging first."""
    flagged = {f.category for f in findings if f.severity != "info"}
    checks = (*ENGLISH_STRENGTHS, _fits) if draft.is_english else (_fits,)
    return tuple(s for s in (check(draft, flagged) for check in checks) if s)

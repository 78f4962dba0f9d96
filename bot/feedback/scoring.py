"""From findings to a score, subscores, priorities and strengths.

The score says how ready the draft is to publish. It starts at 100 and each rule that fired
takes off what its problem costs a reader: a missing essential (something to say, a view of
your own, fitting the platform, a disclosure) costs the most; a habit repeated many times
costs more than once, but less than many separate problems. Info notes cost a quarter of a
warning, so fixing any note raises the score.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence

from bot.feedback import lexicon_asks
from bot.feedback.lexicon_compliance import DISCLOSURE_PHRASES
from bot.feedback.model import CATEGORIES, SEVERITY_RANK, Finding
from bot.feedback.text import Draft, Span

MAX_PRIORITIES = 3
INFO_SHARE = 0.25  # an info note costs this share of the rule's warning cost
REPEAT_GROWTH = 0.35  # each doubling of a rule's findings adds this share of its cost
MIN_QUOTED_WORDS = 4

# What each rule's problem costs at warning severity (errors: the error cost).
COST: dict[str, float] = {
    "platform_fit.over_limit": 40,
    "hook.generic_opening": 8,
    "hook.below_fold": 6,
    "point_of_view.too_short": 50,
    "point_of_view.no_stance": 25,
    "confidence.hedge": 7,
    "confidence.apology": 8,
    "confidence.self_deprecation": 10,
    "salesy.hard_sell": 20,
    "salesy.shouting": 8,
    "salesy.exclamations": 5,
    "jargon.buzzword": 8,
    "inclusive.term": 8,
    "inclusive.profanity": 10,
    "engagement.no_invitation": 8,
    "hashtags.too_many": 5,
    "hashtags.stuffing": 5,
    "hashtags.lowercase": 4,
    "links_mentions.tracking": 5,
    "links_mentions.link_only": 25,
    "links_mentions.mention_flood": 6,
    "emoji.too_many": 10,
    "readability.long_sentence": 4,
    "readability.grade": 6,
    "readability.passive": 6,
    "readability.wall_of_text": 8,
    "disclosure.missing": 35,
    "policy.confidential": 50,
    "policy.company_term": 50,
    "authenticity.brief": 25,
    "authenticity.peer": 25,
    "disclosure.campaign": 35,
}
DEFAULT_COST = 5
SUBSCORE_SCALE = 40  # a category's subscore is 0 once its notes cost this much


def _by_rule(findings: Sequence[Finding]) -> dict[str, list[Finding]]:
    grouped: dict[str, list[Finding]] = {}
    for finding in findings:
        grouped.setdefault(finding.rule, []).append(finding)
    return grouped


def cost(rule: str, found: Sequence[Finding]) -> float:
    """What one rule's findings take off the score."""
    worst = max(found, key=lambda f: SEVERITY_RANK[f.severity]).severity
    base = COST.get(rule, DEFAULT_COST) * (INFO_SHARE if worst == "info" else 1.0)
    return base * (1 + REPEAT_GROWTH * math.log2(len(found)))


def _losses(findings: Sequence[Finding]) -> dict[str, float]:
    losses = dict.fromkeys(CATEGORIES, 0.0)
    for rule, found in _by_rule(findings).items():
        losses[found[0].category] += cost(rule, found)
    return losses


def subscores(findings: Sequence[Finding]) -> dict[str, int]:
    """100 per category, less what its notes cost (0 at SUBSCORE_SCALE)."""
    return {
        category: round(100 * max(0.0, 1 - loss / SUBSCORE_SCALE))
        for category, loss in _losses(findings).items()
    }


def overall(findings: Sequence[Finding]) -> int:
    """0-100, how ready to publish: 100 less what every note costs."""
    return max(0, min(100, round(100 - sum(_losses(findings).values()))))


def priorities(findings: Sequence[Finding]) -> tuple[str, ...]:
    """Up to three rule ids to fix first: errors, then what costs the reader most."""
    worth_fixing = [
        (rule, found)
        for rule, found in _by_rule(findings).items()
        if any(f.severity != "info" for f in found)
    ]
    ranked = sorted(
        worth_fixing,
        key=lambda item: (
            -max(SEVERITY_RANK[f.severity] for f in item[1]),
            -cost(*item),
            item[1][0].start,
        ),
    )
    return tuple(rule for rule, _ in ranked[:MAX_PRIORITIES])


Strength = Callable[[Draft, Sequence[Finding]], str | None]


def _flagged(findings: Sequence[Finding], *categories: str) -> bool:
    return any(f.category in categories for f in findings)


def _clean(start: int, end: int, findings: Sequence[Finding]) -> bool:
    """No finding points into text[start:end] (one about a whole paragraph or post doesn't)."""
    return not any(
        f.start < end and start < f.end and f.end - f.start <= end - start for f in findings
    )


def _hook(draft: Draft, findings: Sequence[Finding]) -> str | None:
    if _flagged(findings, "hook") or not draft.sentences or draft.word_count < 8:
        return None
    first = draft.sentences[0]
    words = len(first.text.split())
    if MIN_QUOTED_WORDS <= words <= 12 and _clean(first.start, first.end, findings):
        return f'Your opening line is short and direct: "{first.text}"'
    return None


def _stance(draft: Draft, findings: Sequence[Finding]) -> str | None:
    if _flagged(findings, "point_of_view"):
        return None
    for stance in _stances(draft):
        sentence = draft.sentence_at(stance.start)
        if (
            sentence
            and len(sentence.text) <= 160
            and len(sentence.text.split()) >= MIN_QUOTED_WORDS
            and _clean(sentence.start, sentence.end, findings)
        ):
            return f'You say what you think: "{sentence.text}"'
    return None


def _stances(draft: Draft) -> Iterator[Span]:
    yield from draft.stock_stances
    yield from draft.stances  # judgements and advice, read only when no stock phrase served


def _transparency(draft: Draft, findings: Sequence[Finding]) -> str | None:
    if draft.transparency:
        return "You're open about where you're coming from; that builds trust."
    return None


def _confident(draft: Draft, findings: Sequence[Finding]) -> str | None:
    if draft.word_count >= 20 and not draft.hedges and not _flagged(findings, "confidence"):
        return "You write with confidence: no hedges, no apologies."
    return None


def _invites(draft: Draft, findings: Sequence[Finding]) -> str | None:
    if draft.word_count >= 8 and ("?" in draft.prose or lexicon_asks.invites(draft.lower)):
        return "You invite replies, which turns a post into a conversation."
    return None


def _readable(draft: Draft, findings: Sequence[Finding]) -> str | None:
    if len(draft.sentences) >= 2 and not _flagged(findings, "readability", "jargon"):
        return "Easy to read: short sentences and plain words."
    return None


def _disclosed(draft: Draft, findings: Sequence[Finding]) -> str | None:
    if (
        draft.companies
        and not _flagged(findings, "disclosure")
        and DISCLOSURE_PHRASES.search(draft.lower)
    ):
        return "You disclose your connection clearly."
    return None


def _fits(draft: Draft, findings: Sequence[Finding]) -> str | None:
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
    """What the draft already does well, most encouraging first; never what a note flags."""
    checks = (*ENGLISH_STRENGTHS, _fits) if draft.is_english else (_fits,)
    return tuple(s for s in (check(draft, findings) for check in checks) if s)

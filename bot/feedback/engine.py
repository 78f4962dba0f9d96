"""The critique engine's entry point: text in, Critique out."""

from __future__ import annotations

from collections.abc import Sequence

from bot.feedback import scoring
from bot.feedback.chars import without_surrogates
from bot.feedback.model import Critique, Finding, Stats
from bot.feedback.platforms import DEFAULT_PLATFORM, get_platform
from bot.feedback.rules import RULES
from bot.feedback.text import Draft


def critique(
    text: str,
    platform: str = DEFAULT_PLATFORM,
    companies: Sequence[str] = (),
    policy_terms: Sequence[str] = (),
) -> Critique:
    """Critique a draft for a platform; pure, offline, and fast enough to run on every keystroke."""
    # Lone surrogates become U+FFFD (same length, so every span still points into `text`).
    draft = Draft(
        without_surrogates(text), get_platform(platform), tuple(companies), tuple(policy_terms)
    )
    findings = tuple(sorted(_findings(draft, text), key=lambda f: (f.start, f.end, f.rule)))
    return Critique(
        platform=draft.platform.name,
        score=scoring.overall(findings),
        subscores=scoring.subscores(findings),
        length=draft.length,
        findings=findings,
        priorities=scoring.priorities(findings),
        strengths=scoring.strengths(draft, findings),
        stats=Stats(
            words=draft.word_count,
            sentences=len(draft.sentences),
            hedges_per_100_words=draft.hedges_per_100_words,
            grade=draft.grade,
        ),
        english=draft.is_english,
    )


def _findings(draft: Draft, text: str) -> list[Finding]:
    found: list[Finding] = []
    for rule in RULES:
        if rule.english_only and not draft.is_english:
            continue
        for hit in rule.check(draft):
            found.append(
                Finding(
                    rule=rule.id,
                    category=rule.category,
                    severity=hit.severity,
                    message=hit.message,
                    start=hit.start,
                    end=hit.end,
                    excerpt=text[hit.start : hit.end],
                    suggestion=hit.suggestion,
                )
            )
    return found

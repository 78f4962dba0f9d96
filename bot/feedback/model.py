"""Values the critique engine produces: findings, length facts, stats, the Critique."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

Severity = Literal["info", "warning", "error"]
EDITOR_RULE = "editor.note"  # findings the optional language-model editor adds (never scored)
ALSO_NOTICED_MAX = 8  # notes shown beyond the priorities; the rest are counted, not listed
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}
TALLY_EXCERPT_MAX = 30  # longer spans (sentences, paragraphs) are counted, not quoted

CATEGORIES: tuple[str, ...] = (
    "platform_fit",
    "hook",
    "point_of_view",
    "confidence",
    "salesy",
    "engagement",
    "readability",
    "hashtags",
    "links_mentions",
    "jargon",
    "disclosure",
    "policy",
    "inclusive",
    "emoji",
    "authenticity",  # campaign drafts only: bot/feedback/authenticity.py
)


@dataclass(frozen=True)
class Hit:
    """What a rule reports: a problem at a span, before the engine names the rule."""

    severity: Severity
    message: str
    start: int
    end: int
    suggestion: str


@dataclass(frozen=True)
class Finding:
    """One problem in a draft, with where it is and how to fix it."""

    rule: str
    category: str
    severity: Severity
    message: str
    start: int
    end: int
    excerpt: str
    suggestion: str

    def to_dict(self) -> dict[str, Any]:
        """Return the finding as the JSON object `chorus review` prints."""
        return {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "start": self.start,
            "end": self.end,
            "excerpt": self.excerpt,
            "suggestion": self.suggestion,
        }


@dataclass(frozen=True)
class Note:
    """Every finding of one rule, told once: what it is, how often, and every span."""

    findings: tuple[Finding, ...]

    @property
    def first(self) -> Finding:
        """The earliest finding, whose message and suggestion speak for the note."""
        return self.findings[0]

    @property
    def rule(self) -> str:
        """The rule's stable id."""
        return self.first.rule

    @property
    def category(self) -> str:
        """The rule's category."""
        return self.first.category

    @property
    def severity(self) -> Severity:
        """The most severe of its findings."""
        return max((f.severity for f in self.findings), key=SEVERITY_RANK.__getitem__)

    @property
    def count(self) -> int:
        """How many times the rule fired."""
        return len(self.findings)

    @property
    def tally(self) -> str:
        """'"just" ×4, "maybe" ×2' for a repeated note ('4 places' when the spans are whole
        sentences); empty for a single finding."""
        if self.count == 1:
            return ""
        said = [" ".join(f.excerpt.split()).lower() for f in self.findings]
        if any(len(s) > TALLY_EXCERPT_MAX for s in said):
            return f"{self.count} places"
        counts = Counter(said)
        return ", ".join(
            f'"{excerpt}" ×{n}' if n > 1 else f'"{excerpt}"' for excerpt, n in counts.most_common()
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the note as JSON: the rule, its count and every span."""
        return {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "message": self.first.message,
            "suggestion": self.first.suggestion,
            "count": self.count,
            "spans": [
                {"start": f.start, "end": f.end, "excerpt": f.excerpt} for f in self.findings
            ],
        }


@dataclass(frozen=True)
class LengthInfo:
    """How long the draft is by the platform's own counting, and what shows before the fold."""

    count: int
    limit: int
    unit: Literal["characters", "weighted", "graphemes"]
    over_by: int
    above_fold: str | None

    def to_dict(self) -> dict[str, Any]:
        """Return the length facts as JSON."""
        return {
            "count": self.count,
            "limit": self.limit,
            "unit": self.unit,
            "over_by": self.over_by,
            "above_fold": self.above_fold,
        }


@dataclass(frozen=True)
class Stats:
    """Countable facts about the draft."""

    words: int
    sentences: int
    hedges_per_100_words: float
    grade: float

    def to_dict(self) -> dict[str, Any]:
        """Return the stats as JSON."""
        return {
            "words": self.words,
            "sentences": self.sentences,
            "hedges_per_100_words": self.hedges_per_100_words,
            "grade": self.grade,
        }


@dataclass(frozen=True)
class Critique:
    """The whole verdict on one draft for one platform."""

    platform: str
    score: int
    subscores: dict[str, int]
    length: LengthInfo
    findings: tuple[Finding, ...]
    priorities: tuple[str, ...]
    strengths: tuple[str, ...]
    stats: Stats
    english: bool = field(default=True)

    @cached_property
    def notes(self) -> tuple[Note, ...]:
        """One note per rule, most useful first: the priorities, then by severity and category
        (the editor's notes are kept apart)."""
        by_rule: dict[str, list[Finding]] = {}
        for finding in self.findings:
            if finding.rule != EDITOR_RULE:
                by_rule.setdefault(finding.rule, []).append(finding)
        notes = [Note(tuple(found)) for found in by_rule.values()]
        first = {rule: n for n, rule in enumerate(self.priorities)}
        return tuple(
            sorted(
                notes,
                key=lambda note: (
                    first.get(note.rule, len(first)),
                    -SEVERITY_RANK[note.severity],
                    CATEGORIES.index(note.category),
                    note.first.start,
                ),
            )
        )

    @property
    def priority_notes(self) -> tuple[Note, ...]:
        """The notes to fix first, in order."""
        return tuple(n for n in self.notes if n.rule in self.priorities)

    @property
    def other_notes(self) -> tuple[Note, ...]:
        """Every note that is not a priority, most useful first."""
        return tuple(n for n in self.notes if n.rule not in self.priorities)

    @property
    def has_errors(self) -> bool:
        """True when any finding has error severity."""
        return any(f.severity == "error" for f in self.findings)

    def to_dict(self) -> dict[str, Any]:
        """Return the critique in the documented JSON shape."""
        return {
            "platform": self.platform,
            "score": self.score,
            "subscores": dict(self.subscores),
            "length": self.length.to_dict(),
            "findings": [f.to_dict() for f in self.findings],
            "notes": [n.to_dict() for n in self.notes],
            "priorities": list(self.priorities),
            "strengths": list(self.strengths),
            "stats": self.stats.to_dict(),
        }

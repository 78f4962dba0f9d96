"""Values the critique engine produces: findings, length facts, stats, the Critique."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["info", "warning", "error"]
EDITOR_RULE = "editor.note"  # findings the optional language-model editor adds (never scored)

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
            "priorities": list(self.priorities),
            "strengths": list(self.strengths),
            "stats": self.stats.to_dict(),
        }

"""The curated tips library and offline retrieval over it (BM25 via bm25s)."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.errors import ChorusError

MAX_TIP_MINUTES = 15
EXTRA_STOPWORDS = ("tip", "tips", "advice", "anyone", "get", "make", "really", "thing", "things")


@dataclass(frozen=True)
class Tip:
    """One doable step, 15 minutes or less, with why it helps."""

    id: str
    title: str
    step: str
    why: str
    minutes: int
    tags: tuple[str, ...]

    @property
    def document(self) -> str:
        """The text retrieval indexes; tags count twice so curated keywords weigh more."""
        tags = " ".join(self.tags)
        return f"{self.title} {self.step} {self.why} {tags} {tags}"


@dataclass(frozen=True)
class Match:
    """A tip and how well it matched the question."""

    tip: Tip
    score: float


def load_tips(path: Path) -> tuple[Tip, ...]:
    """Read and validate the tips library."""
    try:
        data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
        tips = tuple(
            Tip(
                id=str(t["id"]),
                title=str(t["title"]),
                step=str(t["step"]),
                why=str(t["why"]),
                minutes=int(t["minutes"]),
                tags=tuple(str(tag) for tag in t.get("tags", ())),
            )
            for t in data["tips"]
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as error:
        raise ChorusError(f"The tips library at {path} can't be read: {error}") from error
    ids = [t.id for t in tips]
    if len(set(ids)) != len(ids):
        raise ChorusError(f"The tips library at {path} repeats a tip id.")
    too_long = [t.id for t in tips if t.minutes > MAX_TIP_MINUTES]
    if too_long:
        raise ChorusError(f"These tips take more than {MAX_TIP_MINUTES} minutes: {too_long}")
    return tips


class TipLibrary:
    """The tips and a BM25 index over them, built on the first question."""

    def __init__(self, tips: tuple[Tip, ...]) -> None:
        self.tips = tips
        self.by_id = {t.id: t for t in tips}
        self._lock = threading.Lock()
        self._index: Any = None

    @classmethod
    def from_file(cls, path: Path) -> TipLibrary:
        """Load the library from YAML."""
        return cls(load_tips(path))

    def _retriever(self) -> tuple[Any, Any, list[str]]:
        # bm25s and numpy cost about 0.15 s to import; only questions need them.
        import bm25s
        import snowballstemmer
        from bm25s.stopwords import STOPWORDS_EN_PLUS

        logging.getLogger("bm25s").setLevel(logging.WARNING)  # it sets DEBUG on import

        with self._lock:
            if self._index is None:
                stemmer = snowballstemmer.stemmer("english")
                stopwords = [*STOPWORDS_EN_PLUS, *EXTRA_STOPWORDS]
                tokens = bm25s.tokenize(
                    [t.document for t in self.tips],
                    stopwords=stopwords,
                    stemmer=stemmer,
                    show_progress=False,
                )
                index = bm25s.BM25()
                index.index(tokens, show_progress=False)
                self._index = (index, stemmer, stopwords)
        return self._index

    def search(self, question: str, limit: int = 2) -> list[Match]:
        """The tips that best answer the question, best first; empty when nothing matches."""
        import bm25s

        index, stemmer, stopwords = self._retriever()
        query = bm25s.tokenize(
            [question], stopwords=stopwords, stemmer=stemmer, show_progress=False
        )
        if not query.ids or not query.ids[0]:
            return []
        found, scores = index.retrieve(query, k=min(limit, len(self.tips)), show_progress=False)
        return [
            Match(self.tips[int(i)], float(s))
            for i, s in zip(found[0], scores[0], strict=True)
            if s > 0
        ]

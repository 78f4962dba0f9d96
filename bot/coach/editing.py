"""Asking the language-model editor, within each user's daily budget, with the offline coach
as the floor: every failure returns the offline result and a one-line note."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import datetime
from functools import cache

import regex

from bot.coach.editor import Editor, EditorResult, EditorUnavailable, accept
from bot.coach.prompts import fenced, render
from bot.coach.reply import Reply
from bot.coach.tips import Match
from bot.feedback import CATEGORIES, PLATFORMS, Critique
from storage import Store, User

log = logging.getLogger(__name__)

UNAVAILABLE = "The AI editor didn't answer this time, so these are my rule-based notes."
OVER_BUDGET = (
    "You've used today's AI editor allowance, so these are my rule-based notes. It resets tomorrow."
)
ANSWER_OVER_BUDGET = "(You've used today's AI editor allowance; it resets tomorrow.)"
CUT_SHORT = "\n\n(The AI editor stopped mid-answer. The tip it was drawing on: {title}: {step})"
MAX_FINDINGS_IN_PROMPT = 12
WITHHELD = "\n\n(I stopped there: that answer was heading somewhere I won't go.)"
SECRET = regex.compile(r"\b(?:sk-[A-Za-z0-9_-]{16,}|xox[abpre]-[A-Za-z0-9-]{8,}|xapp-[\w-]{8,})")


@cache
def _signature() -> str:
    return render("editor_system").splitlines()[0][:60]


def leaks(text: str) -> bool:
    """True when model output repeats the system prompt or looks like a key or token."""
    return _signature() in text or bool(SECRET.search(text))


class EditorDesk:
    """The editor, the budget and the prompts, for one coach."""

    def __init__(
        self, editor: Editor | None, store: Store, daily_limit: int, clock: Callable[[], datetime]
    ) -> None:
        self.editor = editor
        self.store = store
        self.daily_limit = daily_limit
        self.clock = clock

    @property
    def enabled(self) -> bool:
        """True when a model is configured."""
        return self.editor is not None

    def _over_budget(self, user: User) -> bool:
        return self.store.usage_on(user, self.clock().date()) >= self.daily_limit

    def enrich(self, user: User, reply: Reply, draft: str) -> Reply:
        """The critique with the model's validated notes added (the score never changes)."""
        if self.editor is None or reply.critique is None:
            return reply
        if self._over_budget(user):
            return replace(reply, note=OVER_BUDGET)
        prompt = render(
            "critique",
            platform=PLATFORMS[reply.critique.platform].label,
            findings=_findings(reply.critique),
            goals="; ".join(g.text for g in self.store.goals(user)) or "none set",
            categories=", ".join(CATEGORIES),
            draft=fenced(draft, "draft"),
        )
        try:
            result = self.editor.edit(render("editor_system"), prompt)
        except EditorUnavailable as error:
            log.warning("editor unavailable for a critique: %s", error.reason)
            return replace(reply, note=UNAVAILABLE)
        self.store.add_usage(user, self.clock().date(), result.tokens)
        view = accept(_without_leaks(result), reply.critique, draft)
        merged = sorted((*reply.critique.findings, *view.notes), key=lambda f: (f.start, f.rule))
        critique = replace(reply.critique, findings=tuple(merged))
        return replace(reply, critique=critique, editor=view)

    def answer(
        self, user: User, question: str, matches: list[Match], offline: Reply
    ) -> Iterator[str]:
        """The answer as it streams; the offline answer when the model can't help."""
        if self.editor is None or not matches:
            yield offline.text
            return
        if self._over_budget(user):
            yield f"{offline.text}\n{ANSWER_OVER_BUDGET}"
            return
        tips = "\n".join(
            f"[{m.tip.id}] {m.tip.title}: {m.tip.step} Why: {m.tip.why}" for m in matches
        )
        prompt = render("answer", tips=tips, question=fenced(question, "question"))
        sent = False
        try:
            streamed = self.editor.answer(render("editor_system"), prompt)
            written = ""
            for piece in streamed.pieces:
                written += piece
                if leaks(written):
                    log.warning("a streamed answer repeated protected text; stopped it")
                    yield WITHHELD
                    return
                sent = True
                yield piece
            self.store.add_usage(user, self.clock().date(), sum(streamed.usage))
        except EditorUnavailable as error:
            log.warning("editor unavailable for an answer: %s", error.reason)
            best = matches[0].tip
            yield CUT_SHORT.format(title=best.title, step=best.step) if sent else offline.text


def _without_leaks(result: EditorResult) -> EditorResult:
    notes = tuple(n for n in result.notes if not leaks(f"{n.note} {n.suggestion}"))
    return replace(
        result,
        notes=notes,
        opening_line="" if leaks(result.opening_line) else result.opening_line,
        question="" if leaks(result.question) else result.question,
    )


def _findings(critique: Critique) -> str:
    lines = [f"- {f.rule}: {f.message}" for f in critique.findings[:MAX_FINDINGS_IN_PROMPT]]
    return "\n".join(lines) or "- nothing"

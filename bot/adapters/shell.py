"""`chorus shell`: the coach in a terminal, one message at a time."""

from __future__ import annotations

import select
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from bot.adapters.text import Painter, render_editor, render_reply
from bot.coach import Coach, classify
from storage import UserKey

GREETING = (
    "Chorus, your writing coach. Paste a draft and press Enter on an empty line to send it.\n"
    "Ask a question, or type `help`. `quit` or Ctrl-D leaves."
)
PROMPT = "you › "
MORE = "   … "
QUIT = {"quit", "exit", "bye", ":q"}


def _pending(stream: TextIO) -> bool:
    """True when a paste is still arriving (more lines already waiting on a terminal)."""
    try:
        ready, _, _ = select.select([stream], [], [], 0.05)
    except (OSError, ValueError):
        return False
    return bool(ready)


def _terminal_width() -> int:
    return min(shutil.get_terminal_size().columns, 100)


class Shell:
    """Reads messages from a stream, sends them to the coach, prints the replies."""

    def __init__(
        self,
        coach: Coach,
        user: UserKey,
        stdin: TextIO,
        stdout: TextIO,
        interactive: bool,
        color: bool,
    ) -> None:
        self.coach = coach
        self.user = user
        self.stdin = stdin
        self.stdout = stdout
        self.interactive = interactive
        self.paint = Painter(color, _terminal_width() if interactive else None)
        self.pending: Callable[[], bool] = (
            (lambda: _pending(stdin)) if interactive else (lambda: False)
        )

    def _say(self, text: str, end: str = "\n") -> None:
        self.stdout.write(text + end)
        self.stdout.flush()

    def _prompt(self, text: str) -> None:
        if self.interactive:
            self._say(text, end="")

    def read_message(self) -> str | None:
        """One message: a command or question on one line, or a draft ended by an empty line."""
        lines: list[str] = []
        self._prompt(PROMPT)
        for line in iter(self.stdin.readline, ""):
            line = line.rstrip("\r\n")
            if not lines:
                if not line.strip():
                    self._prompt(PROMPT)
                    continue
                if classify(line).kind != "draft" and not self.pending():
                    return line
            elif not line.strip() and not self.pending():
                return "\n".join(lines)
            lines.append(line)
            if not self.pending():
                self._prompt(MORE)
        return "\n".join(lines) if lines else None

    def run(self) -> int:
        """Talk until the user quits or input ends."""
        self._say(self.paint("bold", GREETING))
        while True:
            try:
                message = self.read_message()
            except KeyboardInterrupt:
                message = None
            if message is None or message.strip().lower() in QUIT:
                self._say("\nBye. Write something brave today.")
                return 0
            self._answer(message)

    def _answer(self, message: str) -> None:
        """Reply to one message: streamed when a model writes answers, enriched critiques."""
        if self.coach.editor_enabled and classify(message).kind == "question":
            self._say("")
            for piece in self.coach.answer_stream(self.user, message):
                self._say(piece, end="")
            self._say("\n")
            return
        reply = self.coach.handle(self.user, message)
        self._say("\n" + render_reply(reply, self.paint, message) + "\n")
        if reply.image is not None:
            Path(reply.image.filename).write_bytes(reply.image.png)
        if reply.critique is not None and self.coach.editor_enabled:
            self._say(self.paint("info", "Asking the editor…"))
            extra = render_editor(self.coach.enrich(self.user, reply, message), self.paint)
            self._say(extra + "\n" if extra else "")

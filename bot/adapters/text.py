"""Render a Critique or Reply as terminal text, in colour when the terminal allows it."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from bot.feedback import ALSO_NOTICED_MAX, PLATFORMS, Critique, Finding

if TYPE_CHECKING:
    from bot.coach import Reply

STYLES = {
    "error": "\033[31m",
    "warning": "\033[33m",
    "info": "\033[2m",
    "good": "\033[32m",
    "bold": "\033[1m",
}
RESET = "\033[0m"
CATEGORY_LABEL = {
    "platform_fit": "Length",
    "point_of_view": "Point of view",
    "links_mentions": "Links & mentions",
    "salesy": "Selling",
}


class Painter:
    """Styles text with ANSI colours and wraps it to the terminal, or leaves it plain."""

    def __init__(self, color: bool, width: int | None = None) -> None:
        self.color = color
        self.width = width

    def __call__(self, style: str, text: str) -> str:
        """Styled text (plain when colour is off)."""
        return f"{STYLES[style]}{text}{RESET}" if self.color else text

    def fit(self, text: str) -> str:
        """Wrap long lines at word boundaries, keeping each line's indent for what follows."""
        if not self.width:
            return text
        lines = []
        for line in text.splitlines():
            indent = " " * (len(line) - len(line.lstrip()))
            lines.append(
                textwrap.fill(line, self.width, subsequent_indent=indent + "  ")
                if len(line) > self.width
                else line
            )
        return "\n".join(lines)


def label(category: str) -> str:
    """A category's name for people."""
    return CATEGORY_LABEL.get(category, category.replace("_", " ").capitalize())


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _indent(text: str, prefix: str) -> str:
    return "\n".join(prefix + line for line in text.splitlines())


def _line_of(critique_text: str | None, finding: Finding) -> str:
    if critique_text is None:
        return ""
    return f"line {critique_text.count(chr(10), 0, finding.start) + 1}: "


def render_critique(critique: Critique, paint: Painter, text: str | None = None) -> str:
    """The critique as readable terminal text: what works, what to fix first, the rest."""
    length = critique.length
    limit = f"/{length.limit:,}" if length.limit else ""
    out = [
        paint("bold", f"{PLATFORMS[critique.platform].label} · {critique.score}/100")
        + f" · {length.count:,}{limit} {length.unit}"
    ]
    if length.above_fold is not None:
        out.append(f"Above the fold: “{' '.join(length.above_fold.split())}”")
    if critique.strengths:
        out += ["", paint("bold", "What works")]
        out += [paint("good", f"  ✓ {s}") for s in critique.strengths]
    if critique.priority_notes:
        out += ["", paint("bold", "Fix these first")]
        for n, note in enumerate(critique.priority_notes, 1):
            first = note.first
            tally = f" ({note.tally})" if note.count > 1 else ""
            head = paint(note.severity, f"{label(note.category)}: ")
            out.append(f"  {n}. {head}{first.message}{tally}")
            if first.excerpt and first.end - first.start < len(text or first.excerpt):
                out.append(f"     {_line_of(text, first)}“{' '.join(first.excerpt.split())[:80]}”")
            out.append(_indent(f"→ {first.suggestion}", "     "))
    rest = critique.other_notes
    if rest:
        shown = rest[:ALSO_NOTICED_MAX]
        out += ["", paint("bold", f"Also noticed ({len(rest)})")]
        for note in shown:
            tally = f" ({note.tally})" if note.count > 1 else ""
            out.append(
                paint(note.severity, f"  · {label(note.category)}: ")
                + f"{note.first.message}{tally} "
                + _indent(f"→ {note.first.suggestion}", "").replace("\n", "\n    ")
            )
        if len(rest) > len(shown):
            left = len(rest) - len(shown)
            notes = "note" if left == 1 else "notes"
            out.append(f"  … and {left} minor {notes} (`--format json` lists every one)")
    if not critique.english:
        out += ["", "This doesn't read as English, so I only checked length, tags and links."]
    s = critique.stats
    out += [
        "",
        paint(
            "info",
            f"{_count(s.words, 'word')} · {_count(s.sentences, 'sentence')} · "
            f"{s.hedges_per_100_words:g} hedges per 100 words · grade {s.grade:g}",
        ),
    ]
    return paint.fit("\n".join(out))


def render_editor(reply: Reply, paint: Painter) -> str:
    """The language model's notes, better opening and question; or why they are missing."""
    out: list[str] = []
    view = reply.editor
    if view is not None and (view.notes or view.opening_line or view.question):
        out.append(paint("bold", "Editor's notes"))
        for note in view.notes:
            out.append(f"  • {note.message}")
            out.append(f"    “{' '.join(note.excerpt.split())[:80]}” → {note.suggestion}")
        if view.opening_line:
            out.append(f"  A stronger opening: {view.opening_line}")
        if view.question:
            out.append(f"  To sharpen your point: {view.question}")
    if reply.note:
        out.append(paint("info", reply.note))
    return paint.fit("\n".join(out))


def render_reply(reply: Reply, paint: Painter, text: str | None = None) -> str:
    """A coach Reply as terminal text; buttons become the commands to type."""
    if reply.critique is not None:
        body = render_critique(reply.critique, paint, text)
        return body + "\n" + paint("info", "Try it for another platform: `review for x: ...`")
    if reply.image is not None:
        return paint.fit(f"{reply.text}\n(Saved the chart as {reply.image.filename}.)")
    return paint.fit(reply.text)

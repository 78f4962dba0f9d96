"""Eight weeks of score and confidence as a PNG (matplotlib's Agg backend, no display)."""

from __future__ import annotations

import io
import math
from typing import TYPE_CHECKING

from bot.coach.weekly import WeekPoint

if TYPE_CHECKING:
    from matplotlib.figure import Figure

WIDTH_INCHES, HEIGHT_INCHES, DPI = 8, 4, 100  # 800 x 400 pixels
SCORE_COLOUR, CONFIDENCE_COLOUR = "#3b2a63", "#e07a2f"


def render_chart(history: tuple[WeekPoint, ...]) -> bytes:
    """A line chart of weekly average score (0-100) and confidence (1-5), as PNG bytes."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg  # 0.2 s; only for charts

    buffer = io.BytesIO()
    FigureCanvasAgg(chart_figure(history)).print_png(buffer)
    return buffer.getvalue()


def chart_figure(history: tuple[WeekPoint, ...]) -> Figure:
    """The chart as a matplotlib Figure; the legend sits below the dates, clear of them."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(WIDTH_INCHES, HEIGHT_INCHES), dpi=DPI, layout="constrained")
    scores = figure.add_subplot()
    confidence = scores.twinx()
    weeks = list(range(len(history)))
    scores.plot(
        weeks,
        [_value(p.score) for p in history],
        marker="o",
        color=SCORE_COLOUR,
        label="Average score",
    )
    confidence.plot(
        weeks,
        [_value(p.confidence) for p in history],
        marker="s",
        linestyle="--",
        color=CONFIDENCE_COLOUR,
        label="Confidence",
    )
    scores.set_ylim(0, 100)
    confidence.set_ylim(1, 5)
    scores.set_ylabel("Score (0-100)")
    confidence.set_ylabel("Confidence (1-5)")
    scores.set_xticks(weeks, [f"{p.start:%d %b}" for p in history])
    scores.set_title("Your last 8 weeks")
    figure.legend(loc="outside lower center", ncols=2, frameon=False)
    return figure


def _value(value: float | None) -> float:
    return math.nan if value is None else value

"""Eight weeks of score and confidence as a PNG (matplotlib's Agg backend, no display)."""

from __future__ import annotations

import io
import math

from bot.coach.weekly import WeekPoint

WIDTH_INCHES, HEIGHT_INCHES, DPI = 8, 4, 100  # 800 x 400 pixels
SCORE_COLOUR, CONFIDENCE_COLOUR = "#3b2a63", "#e07a2f"


def render_chart(history: tuple[WeekPoint, ...]) -> bytes:
    """A line chart of weekly average score (0-100) and confidence (1-5), as PNG bytes."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg  # 0.2 s; only for charts
    from matplotlib.figure import Figure

    figure = Figure(figsize=(WIDTH_INCHES, HEIGHT_INCHES), dpi=DPI)
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
    figure.legend(loc="lower left", frameon=False)
    figure.tight_layout()
    buffer = io.BytesIO()
    FigureCanvasAgg(figure).print_png(buffer)
    return buffer.getvalue()


def _value(value: float | None) -> float:
    return math.nan if value is None else value

"""The chart image and the line that goes with it."""

from __future__ import annotations

from datetime import date, timedelta

from matplotlib.backends.backend_agg import FigureCanvasAgg

from bot.coach.chart import chart_figure
from bot.coach.weekly import WeeklySummary, WeekPoint


def history(scores: list[float | None], confidence: list[float | None]) -> tuple[WeekPoint, ...]:
    start = date(2026, 9, 21)
    return tuple(
        WeekPoint(start + timedelta(weeks=n), s, c)
        for n, (s, c) in enumerate(zip(scores, confidence, strict=True))
    )


def summary(points: tuple[WeekPoint, ...]) -> WeeklySummary:
    return WeeklySummary(1, points[-1].score, None, None, (), 0, (), points)


def test_the_legend_does_not_cover_the_dates() -> None:
    figure = chart_figure(
        history([None, 71, 75, None, 80, 82, 83, 84], [2, None, 3, 3, 4, 4, 4, 4])
    )
    renderer = FigureCanvasAgg(figure).get_renderer()
    figure.draw(renderer)
    [legend] = figure.legends
    box = legend.get_window_extent(renderer)
    labels = [t for axes in figure.axes for t in axes.get_xticklabels() if t.get_text()]
    assert labels
    for label in labels:
        assert not box.overlaps(label.get_window_extent(renderer)), label.get_text()


def test_the_chart_line_says_what_changed() -> None:
    points = history([None, 71, 75, None, 80, 82, 83, 84], [2, None, 3, 3, 4, 4, 4, 4])
    line = summary(points).chart_line()
    assert line == (
        "Your average score rose from 71 to 84 since the week of 28 Sep. "
        "Your confidence rose from 2/5 to 4/5 since the week of 21 Sep."
    )
    alt = summary(points).alt_text()
    assert "none" not in alt and "28 Sep 71" in alt
    falling = summary(history([90, 80], [None, None])).chart_line()
    assert falling == "Your average score fell from 90 to 80 since the week of 21 Sep."
    assert summary(history([None], [None])).chart_line() == (
        "No drafts or check-ins in the last 1 week."
    )

"""Mood over time from the indexed entries: the data (no plotting library needed); the chart is kit.outputs.plots'."""

from __future__ import annotations

import html
import logging
from datetime import date, datetime, timedelta
from typing import Any

import IPython.display
import ipywidgets as w

from kit.dates import as_datetime
from kit.errors import KitError
from kit.index.search import _where
from kit.index.store import Index
from kit.outputs.plots import mood_figure, mood_series_chart
from kit.text import plural
from kit.widgets._shell import show_widget

NO_MATPLOTLIB = (
    "Mood charts need matplotlib, which is not installed — `pip install matplotlib`, then run again."
)


def mood_series(
    since: date | datetime | str | None = None,
    until: date | datetime | str | None = None,
    *,
    index: Any = None,
    refresh: bool = True,
) -> list[tuple[date, float | None]]:
    """One point per day from the first to the last day with a mood: the day's mean mood, or None (a gap)."""
    index = index or Index()
    if refresh:
        index.update(progress=False)
    where = _where(as_datetime(since), as_datetime(until, end_of_day=True), None)
    has_mood = {"mood": {"$gte": 0.0}}
    got = index.collection().get(
        where={"$and": [where, has_mood]} if where else has_mood, include=["metadatas"]
    )
    by_day: dict[date, list[float]] = {}
    for meta in got["metadatas"]:
        if meta and meta.get("mood") is not None:
            day = datetime.fromisoformat(meta["created"]).date()
            by_day.setdefault(day, []).append(float(meta["mood"]))
    if not by_day:
        return []
    first, last = min(by_day), max(by_day)
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    return [(d, round(sum(by_day[d]) / len(by_day[d]), 2) if d in by_day else None) for d in days]


def have_matplotlib() -> bool:
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return False
    return True


def mood_plot(
    since: date | datetime | str | None = None,
    until: date | datetime | str | None = None,
    *,
    index: Any = None,
    series: list[tuple[date, float | None]] | None = None,
) -> Any:
    """A line of mood (0–10) over dates with gaps where there is no data; returns the matplotlib Figure.

    Returns None (after logging why) when matplotlib is not installed.
    """
    if not have_matplotlib():
        logging.getLogger("kit").warning(NO_MATPLOTLIB)
        return None

    points = series if series is not None else mood_series(since, until, index=index)
    return mood_figure(points)


class MoodWidget:
    """Since / until and a Show button; draws the mood chart into an Output (or says what is missing)."""

    def __init__(self, since: Any = None, until: Any = None, *, index: Any = None, show: bool = True) -> None:
        self._index = index
        start, end = as_datetime(since), as_datetime(until)
        self.since = w.DatePicker(description="Since", value=start.date() if start else None)
        self.until = w.DatePicker(description="Until", value=end.date() if end else None)
        self.show_button = w.Button(description="Show")
        self.message = w.HTML()
        self.output = w.Output()
        self.figure: Any = None
        self.chart: Any = None
        self.series: list[tuple[date, float | None]] = []
        self.show_button.on_click(lambda _: self.draw())
        self.box = w.VBox([w.HBox([self.since, self.until, self.show_button]), self.message, self.output])
        if show:
            show_widget(self.box)
            self.draw()

    def draw(self) -> Any:
        """Compute the series and plot it; returns the Figure, or None with a one-line message."""
        try:
            self.series = mood_series(self.since.value, self.until.value, index=self._index)
        except KitError as exc:
            self.message.value = f"<p>{html.escape(str(exc))}</p>"
            return None
        days = sum(1 for _, m in self.series if m is not None)
        self.message.value = f"{plural(days, 'day')} with a mood"
        if not have_matplotlib():
            self.message.value += f" — {html.escape(NO_MATPLOTLIB)}"
            return None

        self.figure = mood_plot(series=self.series)
        # Shown as a PNG with alt text (kit.outputs.plots.Chart), so the saved notebook keeps it without a kernel.
        self.chart = mood_series_chart(self.series)
        self.output.clear_output()
        with self.output:
            IPython.display.display(self.chart if self.chart is not None else self.figure)
        return self.figure

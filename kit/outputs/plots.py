"""Charts of the journal's numbers — mood, behavioural activation, goals, values — as PNGs with alt text.

Each ``*_chart`` function takes entries (``kit.journal.entries.Entry``, e.g. ``scan_journal(journal).entries``) and
returns a ``Chart``: the PNG, a title, alt text that tells the trend in words, and the data points behind the
picture. When there is nothing to draw it returns **None** rather than raising: an empty week is normal, and a
notebook cell can write ``mood_chart(entries) or "No moods this week."``.

A ``Chart`` shown in a notebook is stored as ``image/png`` with its alt text in the output metadata, so it
survives without a kernel (and in the exported HTML). Private entries are left out of every chart, so a chart
can be shared like the rest of the review.

Where the numbers come from (the worksheets in ``templates/``):

- mood: ``metadata.kit.mood`` of any entry (0–10), one point per day (the day's mean), a gap on days without;
- behavioural activation: lines of the ``activity-log`` field such as "10:00 walk, mood 4, mastery 5, pleasure 3";
- WOOP goals: one worksheet notebook per goal; its ``wish`` names it, its ``progress`` field says "2 / 5" (steps
  done / planned), else ``small-steps`` lines count as planned and those marked ``[x]`` or ✓ as done;
- values: ``<area>-importance`` and ``<area>-consistency`` fields, each a number from 0 to 10.
"""

from __future__ import annotations

import base64
import io
import re
import struct
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from kit.dates import as_datetime
from kit.text import plural

# Okabe–Ito: distinguishable with the common colour-vision deficiencies and in greyscale print.
BLUE, ORANGE, GREEN, VERMILION, SKY, GREY = "#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#999999"
DPI = 150
DISPLAY_WIDTH = 800  # CSS pixels: the PNG is drawn at about twice that, so it stays sharp on high-DPI screens
_RC = {
    "font.size": 11,
    "axes.titlesize": 13,
    "axes.titleweight": "bold",
    "axes.labelsize": 11,
    "xtick.labelsize": 10,
    "ytick.labelsize": 10,
    "legend.fontsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#dddddd",
    "grid.linewidth": 0.8,
    "axes.axisbelow": True,
}

ACTIVATION_TEMPLATE = "behavioural-activation"
WOOP_TEMPLATE = "woop-goals"
VALUES_TEMPLATE = "values-clarification"
VALUE_AREAS = {  # slug in the field name -> how the worksheet names it, in the worksheet's order
    "relationships": "Relationships",
    "work-study": "Work or study",
    "health": "Health",
    "leisure": "Leisure and fun",
    "community": "Community",
    "growth": "Growth",
}


@dataclass(frozen=True)
class Chart:
    """A rendered chart: PNG bytes, title, alt text, and the plotted data as rows of ``columns``."""

    kind: str  # "mood" | "activation" | "goals" | "values"
    title: str
    alt: str
    png: bytes
    columns: tuple[str, ...]
    data: tuple[tuple[Any, ...], ...]

    def records(self) -> list[dict[str, Any]]:
        """The data as one dict per plotted point (dates as ISO strings)."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.data]

    def size(self) -> tuple[int, int]:
        """Width and height of the PNG in pixels (read from its header)."""
        return struct.unpack(">II", self.png[16:24])

    def metadata(self) -> dict[str, Any]:
        """What a notebook output keeps beside the PNG: ``{"image/png": {alt, width}, "kit": {…, data}}``."""
        width, height = self.size()
        shown = min(DISPLAY_WIDTH, width)
        return {
            "image/png": {"alt": self.alt, "width": shown, "height": round(height * shown / width)},
            "kit": {
                "kind": "chart",
                "chart": self.kind,
                "title": self.title,
                "alt": self.alt,
                "columns": list(self.columns),
                "data": [list(row) for row in self.data],
            },
        }

    def _repr_png_(self) -> bytes:
        return self.png

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> tuple[dict, dict]:
        data = {
            "image/png": base64.b64encode(self.png).decode("ascii"),
            "text/plain": f"{self.title}. {self.alt}",
        }
        return data, self.metadata()

    def __repr__(self) -> str:
        return f"Chart({self.kind!r}, {self.title!r}, {len(self.data)} points, {len(self.png)} bytes PNG)"


# ---------------------------------------------------------------- helpers


def _as_date(value: date | datetime | str | None) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    parsed = as_datetime(value)  # a typed error naming the format on a bad string
    return parsed.date() if parsed else None


def _in_period(entries: Iterable[Any], since: Any, until: Any) -> list[Any]:
    start, end = _as_date(since), _as_date(until)
    return [
        e
        for e in entries
        if not e.private
        and (start is None or e.created.date() >= start)
        and (end is None or e.created.date() <= end)
    ]


def _num(value: float | None) -> str:
    """4 for 4.0, 4.5 for 4.5: numbers read the way a person writes them."""
    if value is None:
        return "no value"
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def day_words(d: date) -> str:
    """``Mon 2 Mar``: a day as the charts' alt text and the review say it."""
    return f"{d:%a} {d.day} {d:%b}"


def _days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]


def _figure(width: float = 8.0, height: float = 3.4) -> Any:
    # A bare Figure (no pyplot): never registered with a GUI backend, so nothing stays open after rendering.
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


def render(fig: Any) -> bytes:
    """The figure as PNG bytes (Agg, no pyplot state; no software stamp, so the same data gives the same bytes).

    The figure is cleared afterwards: a chart is kept as its PNG, not as a live figure."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    with matplotlib.rc_context(_RC):
        FigureCanvasAgg(fig)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    fig.clear()
    return buffer.getvalue()


def _date_axis(ax: Any, first: date, last: date) -> None:
    """Every day labelled up to two weeks ("Mon / 2 Mar"), Mondays up to four months, months beyond."""
    import matplotlib.dates as mdates
    from matplotlib.ticker import FuncFormatter

    span = (last - first).days
    ax.set_xlim(
        mdates.date2num(datetime.combine(first, datetime.min.time())) - 0.5,
        mdates.date2num(datetime.combine(last, datetime.min.time())) + 0.5,
    )

    def day_month(x: float, _: Any) -> str:
        d = mdates.num2date(x)
        return f"{d:%a}\n{d.day} {d:%b}" if span <= 14 else f"{d.day} {d:%b}"

    if span <= 14:
        ax.xaxis.set_major_locator(mdates.DayLocator())
        ax.xaxis.set_major_formatter(FuncFormatter(day_month))
    elif span <= 120:
        ax.xaxis.set_major_locator(
            mdates.WeekdayLocator(byweekday=mdates.MO, interval=1 if span <= 60 else 2)
        )
        ax.xaxis.set_major_formatter(FuncFormatter(day_month))
        ax.set_xlabel("Weeks start on Monday")
    else:
        ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=4, maxticks=10))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
    ax.grid(False, axis="x")


def _mark_gaps(ax: Any, empty: Sequence[date], span: int) -> None:
    """Say "no entry" under days without data, so a gap reads as missing data, not as a broken chart."""
    if not empty or span > 21:  # on long periods the words would crowd; the broken line still shows the gap
        return
    for day in empty:
        ax.text(day, 0.4, "no entry", ha="center", va="bottom", fontsize=10, color="#666666", style="italic")


def _zero_to_ten(ax: Any, label: str) -> None:
    ax.set_ylim(-0.3, 10.3)
    ax.set_yticks(range(0, 11, 2))
    ax.set_ylabel(label)


def _build(
    kind: str, fig: Any, title: str, alt: str, columns: Sequence[str], rows: Iterable[Sequence]
) -> Chart:
    png = render(fig)
    data = tuple(tuple(v.isoformat() if isinstance(v, date) else v for v in row) for row in rows)
    return Chart(kind, title, alt, png, tuple(columns), data)


def _styled(draw: Any) -> Any:
    """Run a drawing function with the kit's readable defaults (fonts ≥ 10 pt, light grid, no top/right frame)."""
    import matplotlib

    with matplotlib.rc_context(_RC):
        return draw()


# ---------------------------------------------------------------- mood


def mood_points(
    entries: Iterable[Any], *, since: Any = None, until: Any = None
) -> list[tuple[date, float | None, int]]:
    """(day, mean mood or None, entries with a mood) for every day from ``since`` (or the first mood) to
    ``until`` (or the last mood); empty when no entry in the period has a mood."""
    by_day: dict[date, list[float]] = {}
    for e in _in_period(entries, since, until):
        if e.mood is not None:
            by_day.setdefault(e.created.date(), []).append(float(e.mood))
    if not by_day:
        return []
    first = _as_date(since) or min(by_day)
    last = _as_date(until) or max(by_day)
    return [
        (d, round(sum(by_day[d]) / len(by_day[d]), 2) if d in by_day else None, len(by_day.get(d, [])))
        for d in _days(first, last)
    ]


def mood_figure(series: Sequence[tuple[date, float | None]]) -> Any:
    """A matplotlib Figure: one line of daily mood (0–10), broken where a day has no mood."""

    def draw() -> Any:
        fig = _figure()
        ax = fig.subplots()
        days = [d for d, *_ in series]
        # NaN breaks the line, so a day without a mood shows as a gap instead of a guessed value.
        values = [float("nan") if m is None else m for _, m, *_ in series]
        ax.plot(days, values, color=BLUE, marker="o", markersize=6, linewidth=2, label="Mood")
        _mark_gaps(ax, [d for d, m, *_ in series if m is None], len(series))
        _zero_to_ten(ax, "Mood (0–10)")
        ax.set_title("Mood, day by day" if series else "No moods recorded in this period", loc="left")
        if days:
            _date_axis(ax, days[0], days[-1])
        return fig

    return _styled(draw)


def mood_alt(series: Sequence[tuple[date, float | None]]) -> str:
    """The mood chart in words: first and last value, range, days without an entry."""
    known = [(d, m) for d, m, *_ in series if m is not None]
    if not known:
        return "No moods recorded in this period."
    values = [m for _, m in known]
    gaps = len(series) - len(known)
    span = f"{day_words(series[0][0])} to {day_words(series[-1][0])}"
    if len(known) == 1:
        trend = f"Mood {_num(values[0])} on {day_words(known[0][0])}"
    else:
        first, last = _num(values[0]), _num(values[-1])
        trend = f"Mood began and ended at {first}" if first == last else f"Mood went from {first} to {last}"
    extremes = f" (lowest {_num(min(values))}, highest {_num(max(values))})" if len(known) > 2 else ""
    missing = f"{plural(gaps, 'day')} without an entry" if gaps else "an entry every day"
    return f"{trend} over {plural(len(series), 'day')}, {span}{extremes}; {missing}."


def mood_series_chart(series: Sequence[tuple[date, float | None]]) -> Chart | None:
    """A Chart of a ready-made (day, mood or None) series, e.g. ``kit.widgets.mood_series()``; None if empty."""
    if not any(m is not None for _, m, *_ in series):
        return None
    rows = [(d, m) for d, m, *_ in series]
    return _build("mood", mood_figure(series), "Mood, day by day", mood_alt(series), ("date", "mood"), rows)


def mood_chart(entries: Iterable[Any], *, since: Any = None, until: Any = None) -> Chart | None:
    """Daily mean mood (0–10) with dates on the x axis and gaps on days without a mood; None without moods."""
    points = mood_points(entries, since=since, until=until)
    if not points:
        return None
    series = [(d, m) for d, m, _ in points]
    fig = mood_figure(series)
    return _build("mood", fig, "Mood, day by day", mood_alt(series), ("date", "mood", "entries"), points)


# ---------------------------------------------------------------- behavioural activation

MEASURES = ("mood", "mastery", "pleasure")
_MEASURE = re.compile(
    r"\b(mood|mastery|pleasure)\b\s*[:=-]?\s*(\d+(?:[.,]\d+)?)(?:\s*/\s*10\b)?", re.IGNORECASE
)


def activities(text: str) -> list[dict[str, float]]:
    """The activity lines of an activity log that carry at least one of mood / mastery / pleasure (0–10)."""
    found = []
    for line in text.splitlines():
        scores: dict[str, float] = {}
        for name, value in _MEASURE.findall(line):
            number = float(value.replace(",", "."))
            if 0 <= number <= 10:
                scores.setdefault(name.lower(), number)
        if scores:
            found.append(scores)
    return found


def activation_points(
    entries: Iterable[Any], *, since: Any = None, until: Any = None
) -> list[tuple[date, float | None, float | None, float | None, int]]:
    """(day, mean mood, mean mastery, mean pleasure, activities) per day of the behavioural-activation logs,
    every day of the period included (None where nothing was logged)."""
    by_day: dict[date, list[dict[str, float]]] = {}
    for e in _in_period(entries, since, until):
        if e.template == ACTIVATION_TEMPLATE and e.field == "activity-log":
            logged = activities(e.text)
            if logged:
                by_day.setdefault(e.created.date(), []).extend(logged)
    if not by_day:
        return []
    first = _as_date(since) or min(by_day)
    last = _as_date(until) or max(by_day)

    def mean(day: date, name: str) -> float | None:
        values = [a[name] for a in by_day.get(day, []) if name in a]
        return round(sum(values) / len(values), 2) if values else None

    return [(d, *(mean(d, name) for name in MEASURES), len(by_day.get(d, []))) for d in _days(first, last)]


def activation_chart(entries: Iterable[Any], *, since: Any = None, until: Any = None) -> Chart | None:
    """Mood, mastery and pleasure (daily means of the activity log) over time; None without any logged activity.

    Three Okabe–Ito colours, and each series also has its own marker and line style so it reads without colour.
    """
    points = activation_points(entries, since=since, until=until)
    if not points:
        return None
    styles = {
        "mood": (BLUE, "o", "-"),
        "mastery": (ORANGE, "s", "--"),
        "pleasure": (GREEN, "^", ":"),
    }
    title = "Activities: mood, mastery and pleasure"

    def draw() -> Any:
        fig = _figure(8.0, 3.8)
        ax = fig.subplots()
        days = [p[0] for p in points]
        for n, name in enumerate(MEASURES, 1):
            colour, marker, line = styles[name]
            values = [float("nan") if p[n] is None else p[n] for p in points]
            # Dodge the three series a few hours apart so equal values do not hide each other's markers.
            shift = timedelta(hours=4 * (n - 2)) if len(points) <= 21 else timedelta(0)
            at = [datetime.combine(d, datetime.min.time()) + shift for d in days]
            ax.plot(at, values, color=colour, marker=marker, linestyle=line, linewidth=2, markersize=7,
                    label=name.capitalize())  # fmt: skip
        _mark_gaps(ax, [p[0] for p in points if not p[4]], len(points))
        _zero_to_ten(ax, "Daily average (0–10)")
        ax.set_title(title, loc="left")
        _date_axis(ax, days[0], days[-1])
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
        return fig

    logged = [p for p in points if p[4]]
    count = sum(p[4] for p in points)
    averages = []
    for n, name in enumerate(MEASURES, 1):
        values = [p[n] for p in logged if p[n] is not None]
        if values:
            averages.append(f"{name} {_num(round(sum(values) / len(values), 1))}")
    moods = [p[1] for p in logged if p[1] is not None]
    trend = f"; mood from {_num(moods[0])} to {_num(moods[-1])}" if len(moods) > 1 else ""
    gaps = len(points) - len(logged)
    alt = (
        f"{plural(count, 'activity', 'activities')} logged on {plural(len(logged), 'day')} from "
        f"{day_words(points[0][0])} to {day_words(points[-1][0])}. Average {', '.join(averages)}{trend}"
        + (f"; {plural(gaps, 'day')} without an entry." if gaps else ".")
    )
    return _build("activation", _styled(draw), title, alt, ("date", *MEASURES, "activities"), points)


# ---------------------------------------------------------------- WOOP goals

_PROGRESS = re.compile(r"(\d+)\s*(?:/|of|out of)\s*(\d+)", re.IGNORECASE)
_STEP_DONE = re.compile(
    r"^\s*(?:[-*•]\s*)?(?:\[[xX✓✔]\]|[✓✔☑]|~~)|\((?:done|did it)\)|\bdone\s*$", re.IGNORECASE
)
_STEP_LINE = re.compile(r"^\s*(?:[-*•]|\d+[.)]|\[[ xX✓✔]?\])?\s*(\S.*)$")


def _first_line(text: str, width: int = 40) -> str:
    line = next((ln.strip(" -*#") for ln in text.splitlines() if ln.strip(" -*#")), "")
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"


def goal_progress(
    entries: Iterable[Any], *, since: Any = None, until: Any = None
) -> list[tuple[str, int, int, str]]:
    """(goal, steps done, steps planned, notebook) for each WOOP worksheet with an entry in the period.

    The latest ``progress`` entry that reads "N / M" (or "N of M") wins; without one, ``small-steps`` lines are
    the plan and those marked ``[x]``, ✓ or "done" are done. A worksheet with neither is left out.
    """
    by_notebook: dict[str, list[Any]] = {}
    for e in _in_period(entries, since, until):
        if e.template == WOOP_TEMPLATE:
            by_notebook.setdefault(e.notebook, []).append(e)
    goals = []
    for notebook, found in sorted(by_notebook.items(), key=lambda kv: min(e.created for e in kv[1])):
        latest_first = sorted(found, key=lambda e: e.created, reverse=True)
        wish = next((e.text for e in latest_first if e.field == "wish" and e.text.strip()), "")
        name = _first_line(wish) or notebook.rsplit("/", 1)[-1].removesuffix(".ipynb")
        counts = None
        for e in latest_first:
            match = _PROGRESS.search(e.text) if e.field == "progress" else None
            if match:
                counts = (int(match.group(1)), int(match.group(2)))
                break
        if counts is None:
            steps = next((e.text for e in latest_first if e.field == "small-steps" and e.text.strip()), "")
            lines = [ln for ln in steps.splitlines() if _STEP_LINE.match(ln)]
            if lines:
                counts = (sum(1 for ln in lines if _STEP_DONE.search(ln)), len(lines))
        if counts and counts[1] > 0:
            goals.append((name, min(counts), counts[1], notebook))
    return goals


def goals_chart(entries: Iterable[Any], *, since: Any = None, until: Any = None) -> Chart | None:
    """WOOP small steps done against planned, one horizontal bar per goal; None without a goal with numbers."""
    goals = goal_progress(entries, since=since, until=until)
    if not goals:
        return None
    title = "Goals: small steps done of planned"

    def draw() -> Any:
        fig = _figure(8.0, 1.2 + 0.6 * len(goals))
        ax = fig.subplots()
        names = [g[0] for g in goals][::-1]  # first goal on top
        done = [g[1] for g in goals][::-1]
        planned = [g[2] for g in goals][::-1]
        ax.barh(names, done, color=BLUE, edgecolor=BLUE, linewidth=1.2, label="Done", zorder=3)
        ax.barh(names, planned, color="white", edgecolor=GREY, hatch="//", linewidth=1.2, label="Planned")
        for y, (d, p) in enumerate(zip(done, planned, strict=True)):
            ax.text(p + 0.1, y, f"{d} of {p}", va="center", fontsize=10)
        ax.set_xlim(0, max(planned) * 1.18 + 0.5)
        ax.set_xlabel("Small steps")
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.grid(False, axis="y")
        ax.set_title(title, loc="left")
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
        return fig

    alt = (
        f"{plural(len(goals), 'goal')}: "
        + "; ".join(f"“{g[0]}” {g[1]} of {g[2]} small steps done" for g in goals)
        + "."
    )
    return _build("goals", _styled(draw), title, alt, ("goal", "done", "planned", "notebook"), goals)


# ---------------------------------------------------------------- values

_NUMBER = re.compile(r"(?<![\d.])(\d+(?:[.,]\d+)?)")


def _score(text: str) -> float | None:
    match = _NUMBER.search(text)
    if not match:
        return None
    value = float(match.group(1).replace(",", "."))
    return value if 0 <= value <= 10 else None


def _area_name(slug: str) -> str:
    return VALUE_AREAS.get(slug) or slug.replace("-", " ").capitalize()


def values_scores(
    entries: Iterable[Any], *, since: Any = None, until: Any = None
) -> list[tuple[str, float | None, float | None]]:
    """(area, importance, consistency) from the values worksheets in the period: the latest number per field."""
    latest: dict[tuple[str, str], tuple[datetime, float]] = {}
    for e in _in_period(entries, since, until):
        if e.template != VALUES_TEMPLATE:
            continue
        for part in ("importance", "consistency"):
            if e.field.endswith(f"-{part}"):
                value = _score(e.text)
                key = (e.field.removesuffix(f"-{part}"), part)
                if value is not None and (key not in latest or e.created >= latest[key][0]):
                    latest[key] = (e.created, value)
    slugs = {slug for slug, _ in latest}
    order = [s for s in VALUE_AREAS if s in slugs] + sorted(slugs - set(VALUE_AREAS))
    return [
        (
            _area_name(s),
            *(latest[s, p][1] if (s, p) in latest else None for p in ("importance", "consistency")),
        )
        for s in order
    ]


def values_chart(entries: Iterable[Any], *, since: Any = None, until: Any = None) -> Chart | None:
    """How important each life area is and how closely it was lived, as paired bars; None without values worksheets."""
    scores = values_scores(entries, since=since, until=until)
    if not scores:
        return None
    title = "Values: how important, how closely lived"

    def draw() -> Any:
        fig = _figure(8.0, 3.8)
        ax = fig.subplots()
        xs = range(len(scores))
        width = 0.38
        nan = float("nan")
        ax.bar([x - width / 2 for x in xs], [nan if s[1] is None else s[1] for s in scores], width,
               color=BLUE, edgecolor=BLUE, label="How important")  # fmt: skip
        ax.bar([x + width / 2 for x in xs], [nan if s[2] is None else s[2] for s in scores], width,
               color=ORANGE, edgecolor="#8a5f00", hatch="//", label="How closely lived")  # fmt: skip
        ax.set_xticks(list(xs), [s[0].replace(" or ", " or\n").replace(" and ", " and\n") for s in scores])
        _zero_to_ten(ax, "Score (0–10)")
        ax.set_ylim(0, 10.3)
        ax.grid(False, axis="x")
        ax.set_title(title, loc="left")
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
        return fig

    both = [s for s in scores if s[1] is not None and s[2] is not None]
    alt = f"Importance and how closely you lived by it, for {plural(len(scores), 'area')} of life"
    if both:
        gap = max(both, key=lambda s: (s[1] - s[2], -scores.index(s)))
        if gap[1] - gap[2] > 0:
            alt += f". Biggest gap: {gap[0]} (importance {_num(gap[1])}, lived {_num(gap[2])})"
        else:
            alt += ". No area is lived less than its importance"
    return _build("values", _styled(draw), title, alt + ".", ("area", "importance", "consistency"), scores)

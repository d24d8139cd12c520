"""The period a question names in plain English ("in March", "last week", "since Christmas", "between May and
July"): found, resolved against today, and taken out of the words the embedder sees.

Only spans that clearly name a time are read; everything else stays in the query. A month or a season on its own
needs a cue — a preposition ("in", "since", "over the"), "last"/"this", a year or a day — except a capitalised
month name other than May ("March" is a month; "I may go" and "the march" are not). Holidays and weekdays need one
too ("at Christmas", "on Sunday"; not "Christmas tree", "Sunday roast"), and so does a bare year ("in 2025").

Seasons are the northern hemisphere's meteorological ones: spring March–May, summer June–August, autumn (fall)
September–November, winter December–February (winter 2025 runs from December 2025 to February 2026). Holidays:
Christmas is 24–26 December and New Year 31 December–1 January, as people spend them; Christmas Day, Christmas Eve,
New Year's Day and New Year's Eve are the one day, and "since" a holiday counts from its day ("since the new year":
from 1 January). A month, season or holiday may carry its year as words ("September last year", "last year in
March", "Christmas this year"). "The start/beginning/end of" a year is its first or last two months, of a month its
first or last ten days ("the end of last month"); "the weekend/week/month/year before last" is the one before the
last. Relative phrases and day dates ("two weeks ago", "yesterday", "the 3rd of May") are read by ``dateparser``,
imported only when a question has one.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

from kit.dates import EARLIEST_YEAR, Period, as_datetime
from kit.errors import BadPeriod

Span = tuple[date | None, date | None]  # (first day, last day); an open end is None

MONTHS = "january february march april may june july august september october november december".split()
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
# name -> (month, day, days before it, days after it): Christmas is Christmas Eve to Boxing Day, New Year the night
# it turns and the day after; "Christmas Day", "Christmas Eve", "New Year's Day/Eve" are the one day.
_HOLIDAYS = {
    "christmas": (12, 25, 1, 1),
    "christmas day": (12, 25, 0, 0),
    "xmas": (12, 25, 1, 1),
    "christmas eve": (12, 24, 0, 0),
    "new year": (1, 1, 1, 0),
    "new year's day": (1, 1, 0, 0),
    "new year's eve": (12, 31, 0, 0),
}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2, "couple of": 2, "a few": 3, "few": 3,
}  # fmt: skip
# A season followed by one of these is a thing, not a time ("spring cleaning", "summer rolls").
_SEASON_THINGS = {
    "cleaning", "clean", "onion", "onions", "roll", "rolls", "water", "greens", "squash", "salad", "dress",
    "dresses", "coat", "tyres", "tires",
}  # fmt: skip
# A time after one of these is not a period of the past ("next March", "every Sunday", "my last year at school",
# "the March for Science").
_NOT_AFTER = {
    "next", "coming", "upcoming", "following", "every", "each", "my", "your", "his", "her", "their", "our", "its",
    "the", "a", "an",
}  # fmt: skip
# A year followed by one of these is a count ("in 2000 steps").
_COUNT_WORDS = {
    "steps", "words", "metres", "meters", "miles", "km", "kilometres", "calories", "people", "times", "pounds",
    "dollars", "euros", "pages", "feet", "points", "minutes", "seconds", "hours", "days",
}  # fmt: skip

# ---------------------------------------------------------------- the grammar

_MONTH = "|".join(MONTHS)
_YEAR = r"(?:19|20)\d\d"
_ORD = r"\d{1,2}(?:st|nd|rd|th)?\b"
_NUM = r"\d{1,4}|a\s+couple\s+of|couple\s+of|a\s+few|few|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_UNIT = r"(?:day|week|fortnight|month|year)s?"
_PREP = r"in|during|over|since|before|after|until|till|up\s+to|from|on|at|around|through|throughout"
# "September last year", "the summer of last year", "Christmas this year": the year a month, season or holiday is in.
_QUALIFIER = r",?\s+(?:of\s+)?(?P<{g}>last|this)\s+year\b"


def _point(n: str) -> str:
    """One thing that names a time, its groups suffixed with ``n`` so a range can hold two."""
    return (
        rf"(?:(?P<mod{n}>last|this\s+past|this)\s+)?(?:"
        rf"(?P<iso{n}>\d{{4}}-\d\d-\d\d)"
        rf"|(?P<day{n}>(?:the\s+)?{_ORD}\s+(?:of\s+)?(?:{_MONTH})(?:,?\s+{_YEAR})?"
        rf"|(?:{_MONTH})\s+(?:the\s+)?{_ORD}(?:,?\s+{_YEAR})?)"
        rf"|(?:(?P<part{n}>early|mid|late)[\s-]+)?(?P<month{n}>{_MONTH})"
        rf"(?:\s+(?P<month_year{n}>{_YEAR})|{_QUALIFIER.format(g=f'month_qual{n}')})?"
        rf"|(?P<season{n}>spring|summer|autumn|fall|winter)"
        rf"(?:\s+(?:of\s+)?(?P<season_year{n}>{_YEAR})|{_QUALIFIER.format(g=f'season_qual{n}')})?"
        rf"|(?P<holiday{n}>christmas(?:\s+(?:day|eve))?|xmas|new\s+year(?:['’]?s)?(?:\s+(?:day|eve))?)"
        rf"(?:\s+(?P<holiday_year{n}>{_YEAR})|{_QUALIFIER.format(g=f'holiday_qual{n}')})?"
        rf"|(?P<rel{n}>yesterday|today|tonight|this\s+(?:morning|afternoon|evening)|last\s+night"
        rf"|the\s+day\s+before\s+yesterday|(?:{_NUM})\s+{_UNIT}\s+ago|(?:last|this)\s+(?:week|month|year))"
        rf"|(?P<weekend{n}>weekend)"
        rf"|(?P<weekday{n}>{'|'.join(WEEKDAYS)})"
        rf"|(?P<year{n}>{_YEAR})"
        r")\b(?:['’]s\b)?"  # "last week's argument": the time, with its possessive
    )


_THE = r"(?:(?P<the{n}>the)\s+)?"
_SINGLE = re.compile(rf"(?:(?P<prep>{_PREP})\s+)?{_THE.format(n='1')}{_point('1')}", re.IGNORECASE)
_BETWEEN = re.compile(
    rf"(?:between|from)\s+{_THE.format(n='1')}{_point('1')}\s*(?:and|to|until|till|through|-|–)\s*"
    rf"{_THE.format(n='2')}{_point('2')}",
    re.IGNORECASE,
)
_WINDOW = re.compile(
    rf"(?:(?:in|over|during|within|for)\s+)?(?P<the>the\s+)?(?P<which>last|past)\s+(?:(?P<n>{_NUM})\s+)?"
    rf"(?P<unit>{_UNIT})\b",
    re.IGNORECASE,
)
# "last year in March", "this year over the summer": the year first, then what in it.
_YEAR_FIRST = re.compile(
    r"(?P<which>last|this)\s+year,?\s+(?=(?:in|during|over|at|around|on)\s)", re.IGNORECASE
)
# "at the start of the year", "the end of last month", "the beginning of March 2025".
_EDGE = re.compile(
    r"(?:(?P<prep>at|around|by|towards?|from|since)\s+)?(?:the\s+)?(?P<edge>start|beginning|end)\s+of\s+"
    r"(?:(?:the\s+)?(?P<current>year)\b(?!['’]s))?",
    re.IGNORECASE,
)
_TIME_WORD = (
    rf"weekend|week|month|year|night|christmas|xmas|new|{_MONTH}|{'|'.join(WEEKDAYS)}"
    r"|spring|summer|autumn|fall|winter"
)
# "the weekend before last": the one before last weekend.
_BEFORE_LAST = re.compile(
    rf"(?:(?:over|during|in|on|at)\s+)?(?:the\s+)?(?P<unit>weekend|week|month|year)\s+before\s+last\b"
    rf"(?!\s+(?:{_TIME_WORD})\b)",
    re.IGNORECASE,
)
_WORD_START = re.compile(r"(?<![\w'’-])\w")


# ---------------------------------------------------------------- what a question was read as


@dataclass(frozen=True)
class Understood:
    """A question read for its dates: ``query`` is the question without its date words ("" when nothing else
    is left), ``period`` what the request covers, ``words`` the date words as typed. ``given`` is True when
    dates given explicitly (``--since``/``--until``, the date pickers) won over the words."""

    text: str
    query: str
    period: Period = field(default_factory=Period)
    words: tuple[str, ...] = ()
    given: bool = False

    @property
    def since(self) -> datetime | None:
        return self.period.since

    @property
    def until(self) -> datetime | None:
        return self.period.until

    @property
    def said(self) -> str | None:
        """The period in plain words ("entries from 1–31 March 2026"); None when it is open at both ends."""
        return describe(self.period)

    def line(self, given_as: str = "--since/--until") -> str | None:
        """One sentence saying what was understood, for a person to check; None when the text named no time."""
        if not self.words:
            return None
        quoted = " and ".join(f"“{w}”" for w in self.words)
        if self.given:
            return f"The dates from {given_as} win over {quoted}: {self.said or 'all entries'}."
        return f"Reading {quoted} as {self.said}."

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            **self.period.request(),
            "words": list(self.words),
            "dates_given": self.given,
            "said": self.line(),
        }


def understand(
    text: str,
    today: date | datetime | str | None = None,
    *,
    since: date | datetime | str | None = None,
    until: date | datetime | str | None = None,
) -> Understood:
    """Read the period ``text`` names, relative to ``today`` (default: the real today).

    Explicit ``since``/``until`` win over the words, which still leave the query. A period the words cannot
    make (an end before its start, a day not in the calendar) is a BadPeriod naming it."""
    if not isinstance(text, str):
        text = ""
    day = _today(today)
    given = since not in (None, "") or until not in (None, "")
    explicit = Period.of(since, until) if given else Period()  # a bad --since fails before the words are read
    try:
        found = _find(text, day)
    except BadPeriod:
        if not given:
            raise
        found = []  # the dates given win: words that make no period are left as words
    words = tuple(" ".join(text[a:b].split()) for a, b, _ in found)
    query = _without(text, [(a, b) for a, b, _ in found])
    if given:
        return Understood(text, query, explicit, words, given=True)
    if not found:
        return Understood(text, query)
    firsts = [s[0] for _, _, s in found]
    lasts = [s[1] for _, _, s in found]
    first = None if None in firsts else min(d for d in firsts if d is not None)
    last = None if None in lasts else max(d for d in lasts if d is not None)
    return Understood(text, query, Period.of(first, last), words)


def _find(text: str, today: date) -> list[tuple[int, int, Span]]:
    """Each span of ``text`` that names a time, as (start, end, days); words in quotes are left alone."""
    quoted = [m.span() for m in re.finditer(r'"[^"]*"|“[^”]*”', text)]
    found: list[tuple[int, int, Span]] = []
    pos = 0
    while (start := _WORD_START.search(text, pos)) is not None:
        at = start.start()
        inside = next((b for a, b in quoted if a <= at < b), None)
        if inside is not None:
            pos = inside
            continue
        got = _read_at(text, at, today)
        if got is None:
            pos = start.end()
            continue
        end, span = got
        found.append((at, end, span))
        pos = end
    return found


def describe(period: Period) -> str | None:
    """A period in plain words: "entries from 1–31 March 2026", "entries from 1 October 2025 on"."""
    first = period.since.date() if period.since else None
    last = period.until.date() if period.until else None
    if first and last:
        if first == last:
            return f"entries on {_day(first)}"
        if (first.year, first.month) == (last.year, last.month):
            return f"entries from {first.day}–{_day(last)}"
        if first.year == last.year:
            return f"entries from {first.day} {_month_name(first)} to {_day(last)}"
        return f"entries from {_day(first)} to {_day(last)}"
    if first:
        return f"entries from {_day(first)} on"
    if last:
        return f"entries up to {_day(last)}"
    return None


# ---------------------------------------------------------------- reading one span


def _read_at(text: str, pos: int, today: date) -> tuple[int, Span] | None:
    """The span of a time named at ``pos`` (its end and its days), or None when nothing there names one."""
    before = re.search(r"([\w'’]+)\W*$", text[:pos])
    if before and before.group(1).lower() in _NOT_AFTER:
        return None
    for special in (_read_before_last, _read_edge, _read_year_first):
        got = special(text, pos, today)
        if got is not None:
            return got
    for pattern, read in ((_BETWEEN, _read_range), (_WINDOW, _read_window), (_SINGLE, _read_single)):
        match = pattern.match(text, pos)
        if match is None:
            continue
        span = read(match, today)
        if span is not None:
            return match.end(), span
    return None


def _read_before_last(text: str, pos: int, today: date) -> tuple[int, Span] | None:
    m = _BEFORE_LAST.match(text, pos)
    if m is None:
        return None
    unit = m.group("unit").lower()
    if unit == "weekend":  # the Saturday of last weekend (as "last weekend" reads it), a week earlier
        saturday = today - timedelta(days=(today.weekday() - 5) % 7)
        if saturday + timedelta(days=1) >= today:
            saturday -= timedelta(days=7)
        saturday -= timedelta(days=7)
        return m.end(), (saturday, saturday + timedelta(days=1))
    if unit == "week":
        monday = today - timedelta(days=today.weekday() + 14)
        return m.end(), (monday, monday + timedelta(days=6))
    if unit == "month":
        first = _add_months(today.replace(day=1), -2)
        return m.end(), _month_span(first.year, first.month)
    return m.end(), (date(today.year - 2, 1, 1), date(today.year - 2, 12, 31))


def _read_edge(text: str, pos: int, today: date) -> tuple[int, Span] | None:
    """The start or end of a year (its first or last two months) or of a month (its first or last ten days); None
    for anything else, and for one still to come ("at the end of the month" may be a habit, not a time)."""
    m = _EDGE.match(text, pos)
    if m is None:
        return None
    end = m.end()
    if m.group("current"):  # "the year": this one ("the end of the month" is more often a habit than a time)
        span: Span = (date(today.year, 1, 1), date(today.year, 12, 31))
    else:
        point = _SINGLE.match(text, end)
        if (
            point is None
            or point.group("prep")
            or not (
                point.group("month1")
                or point.group("year1")
                or (point.group("rel1") or "").lower().endswith(("year", "month"))
            )
        ):
            return None
        if point.group("the1") and not _the_fits(point, "1"):
            return None
        try:
            span = _resolve(point, "1", today, before=None) or (None, None)
        except _NotADate:
            return None
        end = point.end()
    first, last = span
    if first is None or last is None:
        return None
    start = m.group("edge").lower() in ("start", "beginning")
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and first.year == last.year:
        first, last = (first, _month_span(first.year, 2)[1]) if start else (date(last.year, 11, 1), last)
    elif (first.year, first.month) == (last.year, last.month) and first.day == 1:
        first, last = (first, first.replace(day=10)) if start else (first.replace(day=21), last)
    else:
        return None
    if first > today:
        return None
    if (m.group("prep") or "").lower() in ("since", "from"):  # "since the start of the year": up to today
        return end, (first, today)
    return end, (first, min(last, today))


def _read_year_first(text: str, pos: int, today: date) -> tuple[int, Span] | None:
    lead = _YEAR_FIRST.match(text, pos)
    if lead is None:
        return None
    m = _SINGLE.match(text, lead.end())
    if m is None or not (m.group("month1") or m.group("season1") or m.group("holiday1")):
        return None
    if any(m.group(g) for g in ("mod1", "month_year1", "month_qual1", "season_year1", "season_qual1")) or any(
        m.group(g) for g in ("holiday_year1", "holiday_qual1")
    ):
        return None
    year = today.year - 1 if lead.group("which").lower() == "last" else today.year
    span = _read_single(m, today, year=year)
    return None if span is None else (m.end(), span)


def _read_range(m: re.Match[str], today: date) -> Span | None:
    if m.group("the1") and not _the_fits(m, "1") or m.group("the2") and not _the_fits(m, "2"):
        return None
    try:
        last = _resolve(m, "2", today, before=None)
        if last is None:
            return None
        first = _resolve(m, "1", today, before=last[0])
    except _NotADate:
        return None
    if first is None:
        return None
    if first[0] > last[1]:
        raise BadPeriod(
            f"“{_said(m)}” ends before it starts — give the earlier date first (or put the words in quotes to "
            "search for them as words)"
        )
    if first[0] > today:
        raise BadPeriod(
            f"“{_said(m)}” is after today ({_day(today)}), and the journal has no entries there yet — ask about "
            "a time that has begun (or put the words in quotes to search for them as words)"
        )
    return first[0], min(last[1], today)


def _read_window(m: re.Match[str], today: date) -> Span | None:
    n_text, unit = m.group("n"), m.group("unit").lower().rstrip("s")
    if not (m.group("the") or n_text or m.group("which").lower() == "past"):
        return None  # "last week" is the calendar week before this one, read as a single time
    if _next_word(m).lower() == "of":
        return None  # "the last day of school"
    n = _number(n_text) if n_text else 1
    if unit == "fortnight":
        unit, n = "week", n * 2
    if unit == "day":
        first = today - timedelta(days=n - 1)
    elif unit == "week":
        first = today - timedelta(days=7 * n - 1)
    else:
        months = n if unit == "month" else 12 * n
        first = _add_months(today, -months) + timedelta(days=1)
    if first.year < EARLIEST_YEAR:
        raise BadPeriod(f"“{_said(m)}” reaches back before {EARLIEST_YEAR} — ask about a shorter time")
    return first, today


def _read_single(m: re.Match[str], today: date, year: int | None = None) -> Span | None:
    prep = " ".join((m.group("prep") or "").lower().split())
    if not _fits(m, prep):
        return None
    try:
        got = _resolve(m, "1", today, before=None, year=year)
    except _NotADate:
        return None
    if got is None:
        return None
    first, last = got
    if prep == "since":
        if holiday := m.group("holiday1"):  # since the day itself: "since the new year" is since 1 January
            first += timedelta(days=_HOLIDAYS[_holiday_key(holiday)][2])
        span: Span = (first, today)
    elif prep == "after":
        span = (last + timedelta(days=1), today)
    elif prep == "before":
        return None, first - timedelta(days=1)
    elif prep in ("until", "till", "up to"):
        return None, last
    else:
        span = (first, min(last, today) if first <= today else last)
    if span[0] is not None and span[0] > today:
        raise BadPeriod(
            f"“{_said(m)}” is after today ({_day(today)}), and the journal has no entries there yet — ask about "
            "a time that has begun (or put the words in quotes to search for them as words)"
        )
    return span


def _fits(m: re.Match[str], prep: str) -> bool:
    """Whether a single time is named clearly enough to be read as one (see the module's docstring)."""
    mod = (m.group("mod1") or "").lower()
    if m.group("the1") and not _the_fits(m, "1"):
        return False
    if m.group("iso1") or m.group("day1") or m.group("rel1"):
        return True
    if month := m.group("month1"):
        if prep or mod or m.group("month_year1") or m.group("month_qual1") or m.group("part1"):
            return True
        return month[0].isupper() and month.lower() != "may"
    if season := m.group("season1"):
        if _next_word(m).lower() in _SEASON_THINGS:
            return False
        dated = m.group("season_year1") or m.group("season_qual1")
        if season.lower() == "fall":  # "since the fall" may be a tumble
            return bool(mod or dated or prep in ("in", "during", "over", "through", "throughout"))
        return bool(prep or mod or dated)
    if holiday := m.group("holiday1"):
        return bool(
            prep
            or mod
            or m.group("holiday_year1")
            or m.group("holiday_qual1")
            or holiday.lower().endswith(("day", "eve"))
        )
    if m.group("weekend1"):
        return mod in ("last", "this past") or (
            prep in ("over", "at", "on", "during", "since") and bool(m.group("the1"))
        )
    if m.group("weekday1"):
        return mod in ("last", "this past") or prep in ("on", "since", "before", "after", "until", "till")
    if m.group("year1"):
        return bool(prep) and not mod and _next_word(m).lower() not in _COUNT_WORDS
    return False


def _the_fits(m: re.Match[str], n: str) -> bool:
    """ "the" goes with a season, the new year, the weekend and a day ("over the summer", "the 3rd of May"), not
    with "the Christmas party" or "the March"."""
    holiday = (m.group(f"holiday{n}") or "").lower()
    return bool(
        m.group(f"season{n}")
        or m.group(f"weekend{n}")
        or m.group(f"day{n}")
        or holiday.startswith("new year")
    )


def _next_word(m: re.Match[str]) -> str:
    following = re.match(r"\s*([\w'’-]+)", m.string[m.end() :])
    return following.group(1) if following else ""


class _NotADate(Exception):
    """What matched is not a time after all (left in the query)."""


def _resolve(
    m: re.Match[str], n: str, today: date, *, before: date | None, year: int | None = None
) -> Span | None:
    """The days of point ``n`` of a match. Without a year, a named month, season or holiday is its most recent
    occurrence that has begun by ``today`` (or, with "last", that has ended before it); in a range's first half,
    the most recent one beginning by ``before``; ``year``, when given, is the year of one named without a year."""
    g = m.group
    mod = " ".join((g(f"mod{n}") or "").lower().split())
    if iso := g(f"iso{n}"):
        try:
            day = date.fromisoformat(iso)
        except ValueError:
            raise BadPeriod(f"“{iso}” is not a day in the calendar — write it as YYYY-MM-DD") from None
        return day, day
    if text := g(f"day{n}"):
        day = _parse_day(text, today)
        return day, day
    if month := g(f"month{n}"):
        number = MONTHS.index(month.lower()) + 1
        in_year = _year(m, "month", n, today) or (str(year) if year else None)
        span = _occurrence(lambda y: _month_span(y, number), in_year, mod, today, before)
        return _part(span, (g(f"part{n}") or "").lower())
    if season := g(f"season{n}"):
        start = _SEASON_START[season.lower()]
        in_year = _year(m, "season", n, today) or (str(year) if year else None)
        return _occurrence(lambda y: _season_span(y, start), in_year, mod, today, before)
    if holiday := g(f"holiday{n}"):
        key = _holiday_key(holiday)
        in_year = _year(m, "holiday", n, today) or (str(year) if year else None)
        return _occurrence(lambda y: _holiday_span(y, key), in_year, mod, today, before)
    if g(f"weekend{n}"):
        saturday = today - timedelta(days=(today.weekday() - 5) % 7)
        if mod == "last" and saturday + timedelta(days=1) >= today:
            saturday -= timedelta(days=7)
        return saturday, saturday + timedelta(days=1)
    if weekday := g(f"weekday{n}"):  # the most recent one before today (or before a range's end)
        limit = before or today
        day = limit - timedelta(days=(limit.weekday() - WEEKDAYS.index(weekday.lower())) % 7 or 7)
        return day, day
    if rel := g(f"rel{n}"):
        return _relative(rel, today)
    if year := g(f"year{n}"):
        y = int(year)
        return date(y, 1, 1), date(y, 12, 31)
    return None


def _year(m: re.Match[str], kind: str, n: str, today: date) -> str | None:
    """The year a month, season or holiday was given in: written out, or "last year" / "this year" after it."""
    qualifier = (m.group(f"{kind}_qual{n}") or "").lower()
    if qualifier:
        return str(today.year - 1 if qualifier == "last" else today.year)
    return m.group(f"{kind}_year{n}")


def _holiday_key(holiday: str) -> str:
    key = re.sub(r"new year'?s\b", "new year's", " ".join(holiday.lower().replace("’", "'").split()))
    return "new year" if key == "new year's" else key


def _holiday_span(year: int, key: str) -> tuple[date, date]:
    """The days of a holiday in ``year`` (New Year 2026 begins on 31 December 2025)."""
    month, day, before, after = _HOLIDAYS[key]
    main = date(year, month, day)
    return main - timedelta(days=before), main + timedelta(days=after)


def _occurrence(
    span_of: Callable[[int], tuple[date, date]], year: str | None, mod: str, today: date, before: date | None
) -> Span:
    if year:
        return span_of(int(year))
    if mod == "this":
        # The one under way, or else the one of this year (it may be still to come).
        for y in (today.year, today.year - 1):
            first, last = span_of(y)
            if first <= today <= last:
                return first, last
        return span_of(today.year)
    limit = before or today
    for y in range(limit.year, limit.year - 3, -1):
        first, last = span_of(y)
        if (last < limit) if mod == "last" and before is None else (first <= limit):
            return first, last
    raise _NotADate


def _relative(phrase: str, today: date) -> Span:
    """A relative phrase read by dateparser, as the whole day, week or month it falls in (a year ago: its month;
    last year, this year: the calendar year)."""
    words = " ".join(phrase.lower().split())
    for spelled, value in sorted(_NUMBERS.items(), key=lambda kv: -len(kv[0])):
        if words.startswith(spelled + " ") and words.endswith(" ago"):
            words = f"{value}{words[len(spelled) :]}"
            break
    got = _parser(today).get_date_data(words)
    if got is None or got.date_obj is None:
        raise _NotADate
    day, unit = got.date_obj.date(), got.period
    if day.year < EARLIEST_YEAR:
        raise BadPeriod(f"“{phrase}” reaches back before {EARLIEST_YEAR} — ask about a more recent time")
    if unit == "year" and words.endswith(" ago"):
        unit = "month"
    if unit == "week":
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    if unit == "month":
        return _month_span(day.year, day.month)
    if unit == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    return day, day


def _parse_day(text: str, today: date) -> date:
    got = _parser(today).get_date_data(" ".join(text.split()))
    if got is None or got.date_obj is None:
        raise BadPeriod(
            f"“{' '.join(text.split())}” is not a day in the calendar — check the day and the month"
        )
    return got.date_obj.date()


@lru_cache(maxsize=4)
def _parser(today: date) -> Any:
    from dateparser.date import DateDataParser  # 0.05 s, and its English data on first use: only when needed

    settings = {
        "RELATIVE_BASE": datetime.combine(today, time(12)),
        "PREFER_DATES_FROM": "past",
        "RETURN_TIME_AS_PERIOD": True,
    }
    return DateDataParser(languages=["en"], settings=settings)


# ---------------------------------------------------------------- calendar arithmetic


def _today(value: date | datetime | str | None) -> date:
    if value is None or value == "":
        return date.today()
    parsed = as_datetime(value)
    assert parsed is not None
    return parsed.date()


def _month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _season_span(year: int, start_month: int) -> tuple[date, date]:
    last_month = start_month + 2
    end_year, end_month = (year + 1, last_month - 12) if last_month > 12 else (year, last_month)
    return date(year, start_month, 1), _month_span(end_year, end_month)[1]


def _part(span: Span, part: str) -> Span:
    first, last = span
    if not part or first is None or last is None:
        return span
    if part == "early":
        return first, first.replace(day=10)
    if part == "mid":
        return first.replace(day=11), first.replace(day=20)
    return first.replace(day=21), last


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _number(text: str) -> int:
    words = " ".join(text.lower().split())
    return int(words) if words.isdigit() else _NUMBERS[words]


# ---------------------------------------------------------------- words


def _day(day: date) -> str:
    return f"{day.day} {_month_name(day)} {day.year}"


def _month_name(day: date) -> str:
    return MONTHS[day.month - 1].capitalize()


def _said(m: re.Match[str]) -> str:
    return " ".join(m.group(0).split())


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the date spans taken out and the seams tidied ("my sister in March?" → "my sister?")."""
    kept, pos = [], 0
    for start, end in spans:
        kept.append(text[pos:start])
        kept.append(" ")
        pos = end
    kept.append(text[pos:])
    out = " ".join("".join(kept).split())
    out = re.sub(r"\s+([?.!,;:])", r"\1", out)
    out = re.sub(r"([,;:])(?=[?.!,;:])", "", out)
    out = re.sub(r"(?i)\b(?:and|or)\s*(?=[?.!]|$)", "", out)
    out = re.sub(r"(?i)^\s*(?:and|or)\b", "", out)
    out = out.strip(" ,;:-–")
    return "" if not re.search(r"\w", out) else " ".join(out.split())


__all__ = ["Understood", "describe", "understand"]

"""Dates as a person writes them (``2026-03-01``, ``2026-W10``) and the periods a request covers.

A request reads its dates once, into a ``Period``; everything below it (the digest, the search, the provenance)
takes the Period's datetimes, which are never parsed again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from kit.errors import BadWeek, ConfigError

EARLIEST_YEAR = 1900  # a date before this is a typo, not a memory

_WEEK = re.compile(r"^\s*(\d{4})-?[Ww](\d{1,2})\s*$")


def as_datetime(value: date | datetime | str | None, end_of_day: bool = False) -> datetime | None:
    """A date, a datetime or ``YYYY-MM-DD`` as a timezone-aware datetime (a day's start, or with ``end_of_day``
    its end); None stays None. A string that is not a date is a ConfigError naming the form to use."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = (
                datetime.fromisoformat(value.strip()) if "T" in value else date.fromisoformat(value.strip())
            )
        except ValueError as exc:
            raise ConfigError(f"{value!r} is not a date — write it as YYYY-MM-DD, e.g. 2026-01-31") from exc
    if not isinstance(value, datetime):
        value = datetime.combine(value, time.max if end_of_day else time.min)
    if not EARLIEST_YEAR <= value.year <= 9998:
        raise ConfigError(f"{value.date().isoformat()} is out of range — give a date from {EARLIEST_YEAR} on")
    return value if value.tzinfo else value.astimezone()


@dataclass(frozen=True)
class Period:
    """The span a request covers: from ``since`` (the start of its day) to ``until`` (the end of its day); either
    end may be open (None)."""

    since: datetime | None = None
    until: datetime | None = None

    @classmethod
    def of(
        cls, since: date | datetime | str | None = None, until: date | datetime | str | None = None
    ) -> Period:
        """The period between two dates as given (``YYYY-MM-DD`` strings, dates or datetimes)."""
        return cls(as_datetime(since), as_datetime(until, end_of_day=True))

    def request(self) -> dict[str, str | None]:
        """The days as a saved reflection records them."""
        return {
            "since": self.since.date().isoformat() if self.since else None,
            "until": self.until.date().isoformat() if self.until else None,
        }


def iso_week(text: str) -> tuple[date, date]:
    """The Monday and Sunday of an ISO week written ``YYYY-Www`` (e.g. ``2026-W10``)."""
    match = _WEEK.match(text) if isinstance(text, str) else None
    if match:
        year, week = int(match.group(1)), int(match.group(2))
        try:
            monday = date.fromisocalendar(year, week, 1)
        except ValueError:
            pass
        else:
            return monday, monday + timedelta(days=6)
    raise BadWeek(
        f"{text!r} is not a week — write it as YYYY-Www, e.g. {week_of(date.today())} for this week "
        f"(weeks 01–52, or 53 in some years)"
    )


def week_of(day: date) -> str:
    """The ISO week a day falls in, as ``YYYY-Www``."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"

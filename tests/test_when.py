"""Dates in a question (kit.when): which words name a time, the days they mean, and what is left to search by."""

from __future__ import annotations

from datetime import date

import pytest

from kit.dates import Period
from kit.errors import BadPeriod, ConfigError
from kit.when import describe, understand

TUESDAY = "2026-02-10"  # a Tuesday in a year that is not a leap year


def _days(text: str, today: str = TUESDAY) -> tuple[date | None, date | None]:
    u = understand(text, today)
    return (u.since.date() if u.since else None, u.until.date() if u.until else None)


D = date


@pytest.mark.parametrize(
    ("text", "today", "first", "last"),
    [
        # months: the most recent one that has begun; "last" the most recent one that has ended
        ("in March 2026", "2026-04-02", D(2026, 3, 1), D(2026, 3, 31)),
        ("in March", TUESDAY, D(2025, 3, 1), D(2025, 3, 31)),  # asked in February: last year's
        ("in March", "2026-03-15", D(2026, 3, 1), D(2026, 3, 15)),  # under way: up to today
        ("last March", "2026-03-15", D(2025, 3, 1), D(2025, 3, 31)),
        ("last March", "2026-04-01", D(2026, 3, 1), D(2026, 3, 31)),
        ("last December", "2026-01-05", D(2025, 12, 1), D(2025, 12, 31)),
        ("March", TUESDAY, D(2025, 3, 1), D(2025, 3, 31)),
        ("in may", TUESDAY, D(2025, 5, 1), D(2025, 5, 31)),
        ("in February 2024", TUESDAY, D(2024, 2, 1), D(2024, 2, 29)),  # a leap year
        ("early March", TUESDAY, D(2025, 3, 1), D(2025, 3, 10)),
        ("mid-March 2025", TUESDAY, D(2025, 3, 11), D(2025, 3, 20)),
        ("late February", "2026-03-02", D(2026, 2, 21), D(2026, 2, 28)),
        # seasons (northern hemisphere, meteorological)
        ("in spring 2025", TUESDAY, D(2025, 3, 1), D(2025, 5, 31)),
        ("over the summer", TUESDAY, D(2025, 6, 1), D(2025, 8, 31)),
        ("in the fall", TUESDAY, D(2025, 9, 1), D(2025, 11, 30)),
        ("in winter", TUESDAY, D(2025, 12, 1), D(2026, 2, 10)),  # the winter under way
        ("last winter", TUESDAY, D(2024, 12, 1), D(2025, 2, 28)),
        ("winter 2023", TUESDAY, D(2023, 12, 1), D(2024, 2, 29)),
        # weeks, days, relative phrases (dateparser)
        ("last week", TUESDAY, D(2026, 2, 2), D(2026, 2, 8)),
        ("last week", "2026-01-01", D(2025, 12, 22), D(2025, 12, 28)),  # across the new year
        ("this week", TUESDAY, D(2026, 2, 9), D(2026, 2, 10)),
        ("yesterday", "2026-01-01", D(2025, 12, 31), D(2025, 12, 31)),
        ("today", TUESDAY, D(2026, 2, 10), D(2026, 2, 10)),
        ("last night", TUESDAY, D(2026, 2, 9), D(2026, 2, 9)),
        ("two weeks ago", TUESDAY, D(2026, 1, 26), D(2026, 2, 1)),
        ("a fortnight ago", TUESDAY, D(2026, 1, 26), D(2026, 2, 1)),
        ("3 days ago", TUESDAY, D(2026, 2, 7), D(2026, 2, 7)),
        ("a couple of weeks ago", TUESDAY, D(2026, 1, 26), D(2026, 2, 1)),
        ("a year ago", TUESDAY, D(2025, 2, 1), D(2025, 2, 28)),
        ("last month", TUESDAY, D(2026, 1, 1), D(2026, 1, 31)),
        ("last month", "2026-03-31", D(2026, 2, 1), D(2026, 2, 28)),
        ("last year", "2026-01-01", D(2025, 1, 1), D(2025, 12, 31)),
        ("on Sunday", TUESDAY, D(2026, 2, 8), D(2026, 2, 8)),
        ("last Tuesday", TUESDAY, D(2026, 2, 3), D(2026, 2, 3)),  # today is Tuesday: the one before
        ("last weekend", TUESDAY, D(2026, 2, 7), D(2026, 2, 8)),
        ("last weekend", "2026-02-08", D(2026, 1, 31), D(2026, 2, 1)),  # on a Sunday: the one before
        ("over the weekend", "2026-02-08", D(2026, 2, 7), D(2026, 2, 8)),
        # windows counted back from today
        ("in the last 3 days", TUESDAY, D(2026, 2, 8), D(2026, 2, 10)),
        ("in the last few days", TUESDAY, D(2026, 2, 8), D(2026, 2, 10)),
        ("over the past week", TUESDAY, D(2026, 2, 4), D(2026, 2, 10)),
        ("in the last month", "2026-03-31", D(2026, 3, 1), D(2026, 3, 31)),
        ("in the past year", "2024-02-29", D(2023, 3, 1), D(2024, 2, 29)),
        # days
        ("12 March", TUESDAY, D(2025, 3, 12), D(2025, 3, 12)),
        ("on 12 March", "2026-03-12", D(2026, 3, 12), D(2026, 3, 12)),
        ("the 3rd of May 2024", TUESDAY, D(2024, 5, 3), D(2024, 5, 3)),
        ("29 February", TUESDAY, D(2024, 2, 29), D(2024, 2, 29)),  # the last one there was
        ("on 2026-01-31", TUESDAY, D(2026, 1, 31), D(2026, 1, 31)),
        # holidays
        # holidays: Christmas is 24-26 December, New Year 31 December-1 January; the named day is one day
        ("at Christmas", TUESDAY, D(2025, 12, 24), D(2025, 12, 26)),
        ("at Christmas", "2025-12-20", D(2024, 12, 24), D(2024, 12, 26)),
        ("last Christmas", "2025-12-25", D(2024, 12, 24), D(2024, 12, 26)),
        ("last Christmas", "2026-12-01", D(2025, 12, 24), D(2025, 12, 26)),
        ("over Christmas", "2026-12-01", D(2025, 12, 24), D(2025, 12, 26)),
        ("Christmas 2025", TUESDAY, D(2025, 12, 24), D(2025, 12, 26)),
        ("this Christmas", "2026-12-25", D(2026, 12, 24), D(2026, 12, 25)),  # under way: up to today
        ("on Christmas Day", TUESDAY, D(2025, 12, 25), D(2025, 12, 25)),
        ("on Christmas Eve", TUESDAY, D(2025, 12, 24), D(2025, 12, 24)),
        ("at New Year", TUESDAY, D(2025, 12, 31), D(2026, 1, 1)),
        ("over New Year 2025", TUESDAY, D(2024, 12, 31), D(2025, 1, 1)),
        ("on New Year's Day", TUESDAY, D(2026, 1, 1), D(2026, 1, 1)),
        ("on New Year's Eve", TUESDAY, D(2025, 12, 31), D(2025, 12, 31)),
        ("since the new year", TUESDAY, D(2026, 1, 1), D(2026, 2, 10)),  # since the day itself
        ("since Christmas", TUESDAY, D(2025, 12, 25), D(2026, 2, 10)),
        # a month, season or holiday with "last year" / "this year", after it or before it
        ("in September last year", "2026-12-01", D(2025, 9, 1), D(2025, 9, 30)),
        ("September last year", "2026-12-01", D(2025, 9, 1), D(2025, 9, 30)),
        ("in September this year", "2026-12-01", D(2026, 9, 1), D(2026, 9, 30)),
        ("in March this year", "2026-03-15", D(2026, 3, 1), D(2026, 3, 15)),
        ("in the summer last year", "2026-12-01", D(2025, 6, 1), D(2025, 8, 31)),
        ("the summer of last year", "2026-12-01", D(2025, 6, 1), D(2025, 8, 31)),
        ("in spring this year", "2026-12-01", D(2026, 3, 1), D(2026, 5, 31)),
        ("at Christmas last year", "2026-12-01", D(2025, 12, 24), D(2025, 12, 26)),
        ("last year in March", "2026-12-01", D(2025, 3, 1), D(2025, 3, 31)),
        ("last year, in the autumn", "2026-12-01", D(2025, 9, 1), D(2025, 11, 30)),
        ("this year over the summer", "2026-12-01", D(2026, 6, 1), D(2026, 8, 31)),
        # the start or end of a year (two months) or a month (ten days); the weekend, week, month before last
        ("at the start of the year", "2026-12-01", D(2026, 1, 1), D(2026, 2, 28)),
        ("at the beginning of the year", "2026-01-20", D(2026, 1, 1), D(2026, 1, 20)),
        ("at the start of last year", "2026-12-01", D(2025, 1, 1), D(2025, 2, 28)),
        ("the end of last year", "2026-12-01", D(2025, 11, 1), D(2025, 12, 31)),
        ("end of last month", "2026-12-01", D(2026, 11, 21), D(2026, 11, 30)),
        ("at the beginning of March 2025", TUESDAY, D(2025, 3, 1), D(2025, 3, 10)),
        ("towards the end of 2025", TUESDAY, D(2025, 11, 1), D(2025, 12, 31)),
        ("since the start of the year", "2026-12-01", D(2026, 1, 1), D(2026, 12, 1)),
        ("since the end of last month", "2026-12-01", D(2026, 11, 21), D(2026, 12, 1)),
        ("the weekend before last", "2026-12-01", D(2026, 11, 21), D(2026, 11, 22)),
        ("the weekend before last", "2026-11-29", D(2026, 11, 14), D(2026, 11, 15)),  # on a Sunday
        ("the week before last", "2026-12-01", D(2026, 11, 16), D(2026, 11, 22)),
        ("the month before last", "2026-01-15", D(2025, 11, 1), D(2025, 11, 30)),
        ("the year before last", "2026-12-01", D(2024, 1, 1), D(2024, 12, 31)),
        # years and open ends
        ("in 2025", TUESDAY, D(2025, 1, 1), D(2025, 12, 31)),
        ("in 2026", TUESDAY, D(2026, 1, 1), D(2026, 2, 10)),
        ("since October", TUESDAY, D(2025, 10, 1), D(2026, 2, 10)),
        ("since October", "2025-10-15", D(2025, 10, 1), D(2025, 10, 15)),
        ("since last week", TUESDAY, D(2026, 2, 2), D(2026, 2, 10)),
        ("after Christmas", "2026-01-03", D(2025, 12, 27), D(2026, 1, 3)),
        ("before Christmas 2025", TUESDAY, None, D(2025, 12, 23)),
        ("until March 2025", TUESDAY, None, D(2025, 3, 31)),
        # ranges: the end is the most recent one, the start the most recent one before it
        ("between May and July", TUESDAY, D(2025, 5, 1), D(2025, 7, 31)),
        ("between November and January", TUESDAY, D(2025, 11, 1), D(2026, 1, 31)),
        ("from March to May 2024", TUESDAY, D(2024, 3, 1), D(2024, 5, 31)),
        ("between Christmas and New Year", TUESDAY, D(2025, 12, 24), D(2026, 1, 1)),
        ("from 2024 to 2025", TUESDAY, D(2024, 1, 1), D(2025, 12, 31)),
    ],
)
def test_the_days_a_time_names(text, today, first, last):
    assert _days(text, today) == (first, last)


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("what did I write about my sister in March?", "what did I write about my sister?"),
        ("a good day at work last week", "a good day at work"),
        ("between May and July, how was I sleeping", "how was I sleeping"),
        ("my sister in March and April", "my sister"),
        ("last week's argument with Sam", "argument with Sam"),
        ("In 2025 I started running", "I started running"),
        ("last week", ""),
        ("how was I feeling in September last year", "how was I feeling"),
        ("what did we eat last Christmas", "what did we eat"),
        ("my sister at the start of the year", "my sister"),
        ("the weekend before last with Sam", "with Sam"),
        ("last year in Paris was hard", "in Paris was hard"),  # the year is read; a place is not a time
    ],
)
def test_the_date_words_leave_the_query(text, query):
    assert understand(text, TUESDAY).query == query


@pytest.mark.parametrize(
    "text",
    [
        "I may go to the march",  # "may" the verb, "march" the walk
        "May I stop worrying about money",
        "sunday roast with family",  # a weekday needs "on" or "last"
        "spring cleaning the flat",  # a season followed by the thing it names
        "in spring onions",
        "a summer dress",  # a season needs a preposition, "last"/"this" or a year
        "Christmas tree shopping",  # a holiday too
        "at the Christmas party",
        "the last day of school",  # "the last day of…" is not the last day
        "my last year at school",
        "next March I will move",  # the kit reads the past, never "next"
        "every Sunday I call my mum",
        "the March for Science",
        "I ran 5 km in 2000 steps",  # a number, not a year
        "since the fall I hurt my back",  # "fall" as a tumble
        "tomorrow I see the doctor",
        "12/03/2026",  # day and month order is ambiguous: left alone
        "at the end of the month I pay the rent",  # a habit as often as a time
        "the end of the day",
        "start of the summer",
    ],
)
def test_words_that_are_not_dates_are_left_alone(text):
    u = understand(text, TUESDAY)
    assert (u.query, u.since, u.until, u.words) == (" ".join(text.split()), None, None, ())
    assert u.line() is None


def test_two_times_cover_the_span_from_the_first_to_the_last():
    u = understand("my sister in March and then over the summer", TUESDAY)
    assert u.words == ("in March", "over the summer")
    assert (u.since.date(), u.until.date()) == (D(2025, 3, 1), D(2025, 8, 31))


def test_explicit_dates_win_over_the_words_and_say_so():
    u = understand("my sister in March", TUESDAY, since="2026-01-01")
    assert u.given and u.query == "my sister"
    assert (u.since.date(), u.until) == (D(2026, 1, 1), None)
    assert u.line() == "The dates from --since/--until win over “in March”: entries from 1 January 2026 on."
    assert u.line(given_as="Since/Until").startswith("The dates from Since/Until win")


def test_explicit_dates_alone_need_no_words():
    u = understand("my sister", TUESDAY, until="2025-12-31")
    assert u.given and u.words == () and u.until.date() == D(2025, 12, 31)
    assert u.line() is None


def test_what_was_understood_in_plain_words():
    assert understand("my sister in March 2026", "2026-04-02").line() == (
        "Reading “in March 2026” as entries from 1–31 March 2026."
    )
    assert understand("since October", TUESDAY).said == "entries from 1 October 2025 to 10 February 2026"
    assert understand("between Christmas and New Year", TUESDAY).said == (
        "entries from 24 December 2025 to 1 January 2026"
    )
    assert understand("what did we do at Christmas 2025", TUESDAY).line() == (
        "Reading “at Christmas 2025” as entries from 24–26 December 2025."
    )
    assert understand("at New Year", TUESDAY).said == "entries from 31 December 2025 to 1 January 2026"
    assert understand("in September last year", "2026-12-01").line() == (
        "Reading “in September last year” as entries from 1–30 September 2025."
    )
    assert understand("yesterday", TUESDAY).said == "entries on 9 February 2026"
    assert understand("before Christmas 2025", TUESDAY).said == "entries up to 23 December 2025"
    assert describe(Period.of("2025-10-01")) == "entries from 1 October 2025 on"
    assert describe(Period()) is None


def test_to_dict_holds_what_a_script_needs():
    assert understand("my sister in March", TUESDAY).to_dict() == {
        "query": "my sister",
        "since": "2025-03-01",
        "until": "2025-03-31",
        "words": ["in March"],
        "dates_given": False,
        "said": "Reading “in March” as entries from 1–31 March 2025.",
    }


def test_today_defaults_to_the_real_today():
    today = date.today()
    u = understand("what did I write today")
    assert (u.since.date(), u.until.date()) == (today, today)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("on 31 February", "“31 February” is not a day in the calendar"),
        ("on 2026-02-30", "“2026-02-30” is not a day in the calendar"),
        ("between 2026 and 2025", "ends before it starts"),
        ("since 2027", "is after today (10 February 2026), and the journal has no entries there yet"),
        ("this March", "is after today"),  # asked in February
        ("in March 2026", "is after today"),
        ("in the last 500 years", "before 1900"),
    ],
)
def test_dates_that_make_no_period_are_one_clear_error(text, message):
    with pytest.raises(BadPeriod) as raised:
        understand(text, TUESDAY)
    assert message in str(raised.value) and "\n" not in str(raised.value)


@pytest.mark.parametrize("today", ["tomorrow", "2026-13-01", "10/02/2026"])
def test_a_today_that_is_not_a_date_names_the_form(today):
    with pytest.raises(ConfigError, match="YYYY-MM-DD"):
        understand("last week", today)


def test_a_question_without_dates_never_loads_dateparser():
    import subprocess
    import sys

    code = (
        "import sys; from kit.when import understand; "
        "u = understand('my sister in March and over the summer', '2026-02-10'); "
        "assert u.words; print('dateparser' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_words_in_quotes_are_searched_as_words():
    u = understand('notes on "the March for Science" and "spring 2025 plans" last week', TUESDAY)
    assert u.words == ("last week",)
    assert u.query == 'notes on "the March for Science" and "spring 2025 plans"'
    assert understand("“this March”", TUESDAY).words == ()  # after today, but quoted: no error


def test_given_dates_win_even_over_words_that_make_no_period():
    u = understand("plans for this March", TUESDAY, since="2026-01-01")
    assert u.given and u.words == () and u.query == "plans for this March"
    with pytest.raises(BadPeriod, match="put the words in quotes"):
        understand("plans for this March", TUESDAY)


def test_a_bad_since_is_named_before_the_words_are_read():
    with pytest.raises(ConfigError, match="'last tuesday' is not a date"):
        understand("in March", TUESDAY, since="last tuesday")

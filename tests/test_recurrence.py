"""Recurrence rules: RRULE text, validation, descriptions and range expansion."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from planner.recurrence import (
    Frequency,
    Recurrence,
    RecurrenceError,
    expand,
    naive_expand,
)

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
WEEKDAYS = (MON, TUE, WED, THU, FRI)
HOUR = timedelta(hours=1)


def d(text: str) -> datetime:
    """A naive local datetime from "YYYY-MM-DD HH:MM"."""
    return datetime.strptime(text, "%Y-%m-%d %H:%M")


def starts(
    rule: Recurrence,
    dtstart: datetime,
    window_start: datetime,
    window_end: datetime,
    duration: timedelta = HOUR,
) -> list[datetime]:
    return expand(
        rule,
        dtstart,
        duration,
        window_start,
        window_end,
        last_start=rule.last_start(dtstart),
    )


# -- RRULE text ---------------------------------------------------------------------


ROUND_TRIPS = [
    ("FREQ=DAILY", Recurrence(Frequency.DAILY), "FREQ=DAILY"),
    (
        "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR",
        Recurrence(Frequency.DAILY, weekdays=WEEKDAYS),
        "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR",
    ),
    (
        "FREQ=WEEKLY;BYDAY=FR,MO,WE",
        Recurrence(Frequency.WEEKLY, weekdays=(MON, WED, FRI)),
        "FREQ=WEEKLY;BYDAY=MO,WE,FR",
    ),
    (
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
        Recurrence(Frequency.WEEKLY, interval=2, weekdays=(TUE,)),
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
    ),
    (
        "FREQ=MONTHLY;BYMONTHDAY=15",
        Recurrence(Frequency.MONTHLY, month_day=15),
        "FREQ=MONTHLY;BYMONTHDAY=15",
    ),
    (
        "FREQ=MONTHLY;BYMONTHDAY=-1",
        Recurrence(Frequency.MONTHLY, month_day=-1),
        "FREQ=MONTHLY;BYMONTHDAY=-1",
    ),
    (
        "FREQ=MONTHLY;BYMONTHDAY=31",
        Recurrence(Frequency.MONTHLY, month_day=31),
        "FREQ=MONTHLY;BYMONTHDAY=31",
    ),
    (
        "FREQ=MONTHLY;BYDAY=2TU",
        Recurrence(Frequency.MONTHLY, nth_weekday=(2, TUE)),
        "FREQ=MONTHLY;BYDAY=2TU",
    ),
    (
        "FREQ=MONTHLY;BYDAY=+2TU",
        Recurrence(Frequency.MONTHLY, nth_weekday=(2, TUE)),
        "FREQ=MONTHLY;BYDAY=2TU",
    ),
    (
        "FREQ=MONTHLY;BYDAY=-1FR",
        Recurrence(Frequency.MONTHLY, nth_weekday=(-1, FRI)),
        "FREQ=MONTHLY;BYDAY=-1FR",
    ),
    (
        "FREQ=MONTHLY;INTERVAL=3;BYDAY=5WE",
        Recurrence(Frequency.MONTHLY, interval=3, nth_weekday=(5, WED)),
        "FREQ=MONTHLY;INTERVAL=3;BYDAY=5WE",
    ),
    (
        "FREQ=DAILY;UNTIL=20261231",
        Recurrence(Frequency.DAILY, until=date(2026, 12, 31)),
        "FREQ=DAILY;UNTIL=20261231T235959",
    ),
    (
        "FREQ=WEEKLY;BYDAY=MO;UNTIL=20261231T225959Z",
        Recurrence(Frequency.WEEKLY, weekdays=(MON,), until=date(2026, 12, 31)),
        "FREQ=WEEKLY;BYDAY=MO;UNTIL=20261231T235959",
    ),
    (
        "FREQ=WEEKLY;BYDAY=MO;UNTIL=20261231T080000",
        Recurrence(Frequency.WEEKLY, weekdays=(MON,), until=date(2026, 12, 31)),
        "FREQ=WEEKLY;BYDAY=MO;UNTIL=20261231T235959",
    ),
    (
        "FREQ=DAILY;COUNT=10",
        Recurrence(Frequency.DAILY, count=10),
        "FREQ=DAILY;COUNT=10",
    ),
    (
        "FREQ=WEEKLY;WKST=SU;BYDAY=SU,SA",
        Recurrence(Frequency.WEEKLY, weekdays=(SAT, SUN)),
        "FREQ=WEEKLY;BYDAY=SA,SU",
    ),
    ("RRULE:FREQ=DAILY;INTERVAL=3", Recurrence(Frequency.DAILY, interval=3), None),
    ("rrule:freq=weekly;byday=tu,th", Recurrence(Frequency.WEEKLY, weekdays=(TUE, THU)), None),
    ("  FREQ=DAILY;COUNT=5;\n", Recurrence(Frequency.DAILY, count=5), "FREQ=DAILY;COUNT=5"),
]


@pytest.mark.parametrize(("text", "rule", "canonical"), ROUND_TRIPS)
def test_rrule_text_round_trips(text: str, rule: Recurrence, canonical: str | None) -> None:
    parsed = Recurrence.parse(text)
    assert parsed == rule
    written = parsed.to_rrule()
    if canonical is not None:
        assert written == canonical
    assert "WKST" not in written and not written.startswith("RRULE:")
    assert Recurrence.parse(written) == rule
    assert Recurrence.parse("RRULE:" + written) == rule


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("RRULE:", "empty"),
        ("garbage", "“garbage” is not a NAME=VALUE"),
        ("FREQ=", "“FREQ=” is not a NAME=VALUE"),
        ("INTERVAL=2", "“?” is not supported"),
        ("FREQ=YEARLY", "“YEARLY” is not supported; use daily, weekly or monthly"),
        ("FREQ=HOURLY", "“HOURLY” is not supported"),
        ("FREQ=SECONDLY;INTERVAL=5", "“SECONDLY” is not supported"),
        ("FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2", "BYSETPOS are not supported"),
        ("FREQ=DAILY;BYHOUR=8", "BYHOUR are not supported"),
        ("FREQ=MONTHLY;BYMONTHDAY=1;BYMONTH=3", "BYMONTH are not supported"),
        ("FREQ=DAILY;UNTIL=20261231;COUNT=3", "on a date or after a number of times, not both"),
        ("FREQ=DAILY;INTERVAL=0", "interval must be between 1 and 99"),
        ("FREQ=DAILY;INTERVAL=100", "interval must be between 1 and 99"),
        ("FREQ=DAILY;INTERVAL=-2", "interval must be between 1 and 99"),
        ("FREQ=DAILY;INTERVAL=two", "not a whole number"),
        ("FREQ=DAILY;COUNT=0", "number of times must be between 1 and 1000"),
        ("FREQ=DAILY;COUNT=1001", "number of times must be between 1 and 1000"),
        ("FREQ=DAILY;COUNT=1.5", "not a whole number"),
        ("FREQ=WEEKLY", "Choose at least one day of the week"),
        ("FREQ=WEEKLY;INTERVAL=2", "Choose at least one day of the week"),
        ("FREQ=WEEKLY;BYDAY=2TU", "Only a monthly rule can name one “nth weekday”"),
        ("FREQ=DAILY;BYDAY=-1FR", "Only a monthly rule can name one “nth weekday”"),
        ("FREQ=MONTHLY;BYDAY=1MO,3MO", "Only a monthly rule can name one “nth weekday”"),
        ("FREQ=MONTHLY;BYDAY=2TU,FR", "Only a monthly rule can name one “nth weekday”"),
        ("FREQ=MONTHLY;BYDAY=FR,2TU", "Only a monthly rule can name one “nth weekday”"),
        ("FREQ=WEEKLY;BYDAY=XX", "“XX” is not a day of the week"),
        ("FREQ=WEEKLY;BYDAY=TUE", "“TUE” is not a day of the week"),
        ("FREQ=WEEKLY;BYDAY=MO,", "“” is not a day of the week"),
        ("FREQ=MONTHLY;BYDAY=XTU", "“XTU” is not a day of the week"),
        ("FREQ=MONTHLY;BYDAY=0TU", "1st to 5th or the last weekday"),
        ("FREQ=MONTHLY;BYDAY=6TU", "1st to 5th or the last weekday"),
        ("FREQ=MONTHLY;BYDAY=-2FR", "1st to 5th or the last weekday"),
        ("FREQ=MONTHLY;BYMONTHDAY=32", "day of the month must be 1 to 31, or the last day"),
        ("FREQ=MONTHLY;BYMONTHDAY=0", "day of the month must be 1 to 31, or the last day"),
        ("FREQ=MONTHLY;BYMONTHDAY=-2", "day of the month must be 1 to 31, or the last day"),
        ("FREQ=MONTHLY", "needs a day of the month or a weekday"),
        ("FREQ=MONTHLY;BYMONTHDAY=13;BYDAY=2FR", "on a date or on a weekday, not both"),
        ("FREQ=MONTHLY;BYDAY=MO", "not every"),
        ("FREQ=MONTHLY;BYMONTHDAY=13;BYDAY=FR", "not every"),
        ("FREQ=DAILY;BYMONTHDAY=15", "Only a monthly rule has a day of the month"),
        ("FREQ=WEEKLY;BYDAY=MO;BYMONTHDAY=1", "Only a monthly rule has a day of the month"),
        ("FREQ=DAILY;UNTIL=2026-12-31", "“2026-12-31” is not a date the repeat rule can end on"),
        ("FREQ=DAILY;UNTIL=20261331", "“20261331” is not a date the repeat rule can end on"),
        ("FREQ=DAILY;UNTIL=tomorrow", "“TOMORROW” is not a date the repeat rule can end on"),
        ("FREQ=DAILY;UNTIL=20261231T2500Z", "is not a date the repeat rule can end on"),
        ("FREQ=DAILY;UNTIL=2026123", "“2026123” is not a date the repeat rule can end on"),
        ("FREQ=DAILY;UNTIL=20261231Z", "“20261231Z” is not a date the repeat rule can end on"),
        ("FREQ=DAILY;UNTIL=20261231T080000ZZ", "is not a date the repeat rule can end on"),
    ],
)
def test_invalid_rules_are_refused_with_a_clear_message(text: str, words: str) -> None:
    with pytest.raises(RecurrenceError) as caught:
        Recurrence.parse(text)
    assert words in str(caught.value)


def test_check_reports_a_rule_built_in_code() -> None:
    assert Recurrence(Frequency.DAILY).check() == Recurrence(Frequency.DAILY)
    with pytest.raises(RecurrenceError, match="Weekdays must be Monday to Sunday"):
        Recurrence(Frequency.WEEKLY, weekdays=(7,)).check()
    with pytest.raises(RecurrenceError, match="1st to 5th or the last"):
        Recurrence(Frequency.MONTHLY, nth_weekday=(2, 9)).check()
    bad = Recurrence(Frequency.WEEKLY, interval=0, count=0)
    assert bad.problems() == [
        "The interval must be between 1 and 99.",
        "Choose at least one day of the week.",
        "The number of times must be between 1 and 1000.",
    ]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("FREQ=DAILY", "Every day"),
        ("FREQ=DAILY;INTERVAL=3", "Every 3 days"),
        ("FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", "Every weekday"),
        ("FREQ=DAILY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR", "Every 2 days on weekdays"),
        ("FREQ=DAILY;BYDAY=SA,SU", "Every day on Saturday, Sunday"),
        ("FREQ=WEEKLY;BYDAY=FR,MO,WE", "Every week on Monday, Wednesday, Friday"),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", "Every 2 weeks on Tuesday"),
        ("FREQ=MONTHLY;BYMONTHDAY=15", "Every month on day 15"),
        ("FREQ=MONTHLY;BYMONTHDAY=-1", "Every month on the last day"),
        ("FREQ=MONTHLY;BYDAY=2TU", "Every month on the 2nd Tuesday"),
        ("FREQ=MONTHLY;BYDAY=-1FR", "Every month on the last Friday"),
        ("FREQ=MONTHLY;INTERVAL=3;BYDAY=5WE", "Every 3 months on the 5th Wednesday"),
        ("FREQ=MONTHLY;BYDAY=1MO", "Every month on the 1st Monday"),
        ("FREQ=MONTHLY;BYDAY=3TH", "Every month on the 3rd Thursday"),
        ("FREQ=MONTHLY;BYDAY=4SU", "Every month on the 4th Sunday"),
        ("FREQ=WEEKLY;BYDAY=MO;UNTIL=20261231", "Every week on Monday, until 2026-12-31"),
        ("FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=20", "Every weekday, 20 times"),
    ],
)
def test_describe(text: str, words: str) -> None:
    assert Recurrence.parse(text).describe() == words


# -- expansion ------------------------------------------------------------------------


def test_every_weekday_skips_weekends() -> None:
    rule = Recurrence.parse("FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR")
    got = starts(rule, d("2026-03-02 08:00"), d("2026-03-05 00:00"), d("2026-03-11 00:00"))
    assert got == [
        d("2026-03-05 08:00"),
        d("2026-03-06 08:00"),
        d("2026-03-09 08:00"),
        d("2026-03-10 08:00"),
    ]


def test_every_other_tuesday() -> None:
    rule = Recurrence.parse("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU")
    got = starts(rule, d("2026-01-06 19:30"), d("2026-01-01 00:00"), d("2026-03-15 00:00"))
    assert got == [
        d("2026-01-06 19:30"),
        d("2026-01-20 19:30"),
        d("2026-02-03 19:30"),
        d("2026-02-17 19:30"),
        d("2026-03-03 19:30"),
    ]


def test_weekly_on_several_days_every_other_week() -> None:
    # From a Wednesday: the Monday of that week is before the start, so not in;
    # the next week is skipped; the Monday of the week after is.
    rule = Recurrence.parse("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE")
    got = starts(rule, d("2026-03-04 09:00"), d("2026-03-01 00:00"), d("2026-04-01 00:00"))
    assert got == [
        d("2026-03-04 09:00"),
        d("2026-03-16 09:00"),
        d("2026-03-18 09:00"),
        d("2026-03-30 09:00"),
    ]


def test_monthly_nth_weekday() -> None:
    rule = Recurrence.parse("FREQ=MONTHLY;BYDAY=2TU")
    got = starts(rule, d("2026-01-13 20:00"), d("2026-01-01 00:00"), d("2026-07-01 00:00"))
    assert [s.date() for s in got] == [
        date(2026, 1, 13),
        date(2026, 2, 10),
        date(2026, 3, 10),
        date(2026, 4, 14),
        date(2026, 5, 12),
        date(2026, 6, 9),
    ]
    assert {s.time().isoformat("minutes") for s in got} == {"20:00"}


def test_monthly_last_weekday() -> None:
    rule = Recurrence.parse("FREQ=MONTHLY;BYDAY=-1FR")
    got = starts(rule, d("2026-01-30 18:00"), d("2026-01-01 00:00"), d("2026-07-01 00:00"))
    assert [s.date() for s in got] == [
        date(2026, 1, 30),
        date(2026, 2, 27),
        date(2026, 3, 27),
        date(2026, 4, 24),
        date(2026, 5, 29),
        date(2026, 6, 26),
    ]


def test_fifth_weekday_skips_months_without_one() -> None:
    rule = Recurrence.parse("FREQ=MONTHLY;BYDAY=5WE")
    got = starts(rule, d("2026-01-01 10:00"), d("2026-01-01 00:00"), d("2027-01-01 00:00"))
    assert [s.date() for s in got] == [
        date(2026, 4, 29),
        date(2026, 7, 29),
        date(2026, 9, 30),
        date(2026, 12, 30),
    ]


def test_monthly_on_the_31st_skips_short_months() -> None:
    rule = Recurrence.parse("FREQ=MONTHLY;BYMONTHDAY=31")
    got = starts(rule, d("2026-01-31 09:00"), d("2026-01-01 00:00"), d("2027-01-01 00:00"))
    assert [(s.month, s.day) for s in got] == [(1, 31), (3, 31), (5, 31), (7, 31), (8, 31)] + [
        (10, 31),
        (12, 31),
    ]


def test_monthly_on_the_last_day() -> None:
    rule = Recurrence.parse("FREQ=MONTHLY;BYMONTHDAY=-1")
    got = starts(rule, d("2027-12-31 09:00"), d("2027-12-01 00:00"), d("2028-05-01 00:00"))
    assert [s.date() for s in got] == [
        date(2027, 12, 31),
        date(2028, 1, 31),
        date(2028, 2, 29),  # a leap year
        date(2028, 3, 31),
        date(2028, 4, 30),
    ]


def test_monthly_by_date_with_an_interval() -> None:
    rule = Recurrence.parse("FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=15")
    got = starts(rule, d("2026-01-15 12:00"), d("2026-05-01 00:00"), d("2027-02-01 00:00"))
    assert [s.date() for s in got] == [
        date(2026, 5, 15),
        date(2026, 7, 15),
        date(2026, 9, 15),
        date(2026, 11, 15),
        date(2027, 1, 15),
    ]


def test_count_bounds_the_series_even_in_a_later_window() -> None:
    rule = Recurrence.parse("FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=7")
    dtstart = d("2026-03-02 08:00")
    assert rule.last_start(dtstart) == d("2026-03-10 08:00")
    assert starts(rule, dtstart, d("2026-03-09 00:00"), d("2026-04-01 00:00")) == [
        d("2026-03-09 08:00"),
        d("2026-03-10 08:00"),
    ]
    # Without a stored last start, expand works it out itself.
    assert expand(rule, dtstart, HOUR, d("2026-03-09 00:00"), d("2026-04-01 00:00")) == [
        d("2026-03-09 08:00"),
        d("2026-03-10 08:00"),
    ]
    assert starts(rule, dtstart, d("2026-03-11 00:00"), d("2026-04-01 00:00")) == []


def test_until_is_inclusive_of_its_day() -> None:
    rule = Recurrence.parse("FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20260312")
    dtstart = d("2026-03-02 23:30")
    assert rule.last_start(dtstart) == d("2026-03-12 23:30")
    assert starts(rule, dtstart, d("2026-03-01 00:00"), d("2026-06-01 00:00")) == [
        d("2026-03-02 23:30"),
        d("2026-03-05 23:30"),
        d("2026-03-09 23:30"),
        d("2026-03-12 23:30"),
    ]
    assert Recurrence.parse("FREQ=DAILY").last_start(dtstart) is None


def test_a_window_in_the_middle_of_a_long_series() -> None:
    rule = Recurrence.parse("FREQ=DAILY;INTERVAL=3")
    dtstart = d("2020-01-01 07:00")
    # 2020-01-01 + 3n days: day 2250 (a multiple of 3) is 2026-02-28.
    assert dtstart + timedelta(days=2250) == d("2026-02-28 07:00")
    got = starts(rule, dtstart, d("2026-03-01 00:00"), d("2026-03-10 00:00"))
    assert got == [d("2026-03-03 07:00"), d("2026-03-06 07:00"), d("2026-03-09 07:00")]


def test_an_occurrence_overlapping_the_window_start_is_included() -> None:
    rule = Recurrence.parse("FREQ=WEEKLY;BYDAY=SU")
    dtstart = d("2026-01-04 22:00")
    four_hours = timedelta(hours=4)
    window = (d("2026-03-09 00:00"), d("2026-03-16 00:00"))
    assert expand(rule, dtstart, four_hours, *window) == [
        d("2026-03-08 22:00"),
        d("2026-03-15 22:00"),
    ]
    # Ending exactly at the window start is not overlapping.
    assert expand(rule, dtstart, timedelta(hours=2), *window) == [d("2026-03-15 22:00")]


def test_a_start_that_does_not_match_the_rule_is_not_an_occurrence() -> None:
    rule = Recurrence.parse("FREQ=MONTHLY;BYDAY=2TU")
    assert rule.starts(d("2026-03-01 20:00"), 2) == [d("2026-03-10 20:00"), d("2026-04-14 20:00")]


def test_expansion_is_in_local_wall_clock_time_across_dst() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    rule = Recurrence.parse("FREQ=WEEKLY;BYDAY=MO")
    got = starts(rule, d("2026-10-05 08:00"), d("2026-10-12 00:00"), d("2026-11-03 00:00"))
    assert got == [
        d("2026-10-12 08:00"),
        d("2026-10-19 08:00"),
        d("2026-10-26 08:00"),  # Berlin leaves summer time on Sunday 2026-10-25
        d("2026-11-02 08:00"),
    ]
    utc_hours = [s.replace(tzinfo=berlin).astimezone(UTC).hour for s in got]
    assert utc_hours == [6, 6, 7, 7]


# -- property: the jump-ahead matches walking from the start ------------------------


def min_gap(rule: Recurrence) -> timedelta:
    """A lower bound of the time between two occurrences of ``rule``."""
    if rule.freq is Frequency.DAILY:
        return timedelta(days=rule.interval)
    if rule.freq is Frequency.WEEKLY:
        days = sorted(rule.weekdays)
        gaps = [b - a for a, b in zip(days, days[1:], strict=False)]
        gaps.append(7 * rule.interval - days[-1] + days[0])
        return timedelta(days=min(gaps))
    return timedelta(days=28)


weekday_sets = st.sets(st.integers(0, 6), min_size=1).map(lambda s: tuple(sorted(s)))


@st.composite
def series(draw: st.DrawFn) -> tuple[Recurrence, datetime]:
    """A random rule and the start of its series."""
    dtstart = draw(st.datetimes(datetime(2024, 1, 1), datetime(2027, 12, 31, 23, 59)))
    dtstart = dtstart.replace(second=0, microsecond=0)
    freq = draw(st.sampled_from(Frequency))
    interval = draw(st.integers(1, 4))
    weekdays: tuple[int, ...] = ()
    month_day = None
    nth = None
    if freq is Frequency.DAILY:
        weekdays = draw(st.one_of(st.just(()), weekday_sets))
    elif freq is Frequency.WEEKLY:
        weekdays = draw(weekday_sets)
    elif draw(st.booleans()):
        month_day = draw(st.one_of(st.integers(1, 31), st.just(-1)))
    else:
        nth = (draw(st.sampled_from([1, 2, 3, 4, 5, -1])), draw(st.integers(0, 6)))
    ending = draw(st.sampled_from(["never", "until", "count"]))
    until = None
    if ending == "until":  # mostly after the start, sometimes before (no occurrence)
        until = dtstart.date() + timedelta(days=draw(st.integers(-10, 4 * 365)))
    count = draw(st.integers(1, 200)) if ending == "count" else None
    rule = Recurrence(freq, interval, weekdays, month_day, nth, until, count).check()
    return rule, dtstart


@settings(max_examples=600, deadline=None)
@given(
    rule_and_start=series(),
    duration_fraction=st.floats(0, 1),
    # Minutes from dtstart: around the start, or months to years on (where
    # the jump ahead matters).
    window_offset=st.one_of(
        st.integers(-60 * 24 * 40, 60 * 24 * 40), st.integers(60 * 24 * 60, 60 * 24 * 365 * 6)
    ),
    # A day cell or a week, or one to seven months (long enough to hold
    # occurrences of a rule every 4 months).
    window_minutes=st.one_of(st.integers(1, 60 * 24 * 8), st.integers(60 * 24 * 28, 60 * 24 * 220)),
)
def test_expand_matches_walking_from_the_first_occurrence(
    rule_and_start: tuple[Recurrence, datetime],
    duration_fraction: float,
    window_offset: int,
    window_minutes: int,
) -> None:
    rule, dtstart = rule_and_start
    longest = min(timedelta(days=3), min_gap(rule) - timedelta(minutes=1))
    shortest = timedelta(minutes=15)
    duration = shortest + (longest - shortest) * duration_fraction
    duration = timedelta(minutes=int(duration.total_seconds() // 60))
    window_start = dtstart + timedelta(minutes=window_offset)
    window_end = window_start + timedelta(minutes=window_minutes)
    fast = expand(
        rule, dtstart, duration, window_start, window_end, last_start=rule.last_start(dtstart)
    )
    slow = naive_expand(rule, dtstart, duration, window_start, window_end)
    event("occurrences in window" if slow else "empty window")
    assert fast == slow


@pytest.mark.parametrize(
    ("text", "old", "new", "expected"),
    [
        ("FREQ=WEEKLY;BYDAY=WE", "2026-03-04", "2026-03-05", "FREQ=WEEKLY;BYDAY=TH"),
        ("FREQ=WEEKLY;BYDAY=SA,SU", "2026-03-07", "2026-03-09", "FREQ=WEEKLY;BYDAY=MO,TU"),
        # a "2nd Tuesday" dropped on the 3rd Wednesday (2027-09-15)
        ("FREQ=MONTHLY;BYDAY=2TU", "2027-09-14", "2027-09-15", "FREQ=MONTHLY;BYDAY=3WE"),
        ("FREQ=MONTHLY;BYDAY=-1FR", "2026-03-27", "2026-03-26", "FREQ=MONTHLY;BYDAY=-1TH"),
        ("FREQ=MONTHLY;BYMONTHDAY=15", "2026-03-15", "2026-03-18", "FREQ=MONTHLY;BYMONTHDAY=18"),
        ("FREQ=MONTHLY;BYMONTHDAY=-1", "2026-03-31", "2026-03-30", "FREQ=MONTHLY;BYMONTHDAY=-1"),
        (
            "FREQ=DAILY;UNTIL=20261231",
            "2026-03-01",
            "2026-03-02",
            "FREQ=DAILY;UNTIL=20270101T235959",
        ),
        ("FREQ=DAILY", "2026-03-01", "2026-03-01", "FREQ=DAILY"),
    ],
)
def test_a_rule_moves_with_its_series(text: str, old: str, new: str, expected: str) -> None:
    moved = Recurrence.parse(text).moved(datetime.fromisoformat(old), datetime.fromisoformat(new))
    assert moved.to_rrule() == expected

"""Recurrence rules for content series, with RFC 5545 RRULE semantics.

A :class:`Recurrence` covers what operators plan: every day (or every
weekday), weekly on chosen days, monthly on a date or on the nth weekday
("2nd Tuesday", "last Friday"), every N periods, until a date or for a count.
It reads and writes the RRULE text that ICS files carry, and expands a series
over one range at a time: :func:`expand` starts close to the range instead of
walking from the first occurrence, so a two-year-old daily digest costs the
same as a new one.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Literal

from dateutil.rrule import DAILY, MONTHLY, WEEKLY, rrule, weekday

from planner.i18n import QT_TRANSLATE_NOOP, Text, TextError

WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
MAX_COUNT = 1000
MAX_INTERVAL = 99


class Frequency(StrEnum):
    DAILY = "DAILY"
    WEEKLY = "WEEKLY"
    MONTHLY = "MONTHLY"


_DATEUTIL_FREQ: dict[Frequency, Literal[0, 1, 2, 3, 4, 5, 6]] = {
    Frequency.DAILY: DAILY,
    Frequency.WEEKLY: WEEKLY,
    Frequency.MONTHLY: MONTHLY,
}


class RecurrenceError(TextError, ValueError):
    """A rule that cannot be read or makes no sense; the message says why.

    ``str(error)`` and :attr:`message` are the message, a translatable Text.
    """


# Words for :meth:`Recurrence.describe`.
WEEKDAY_NAMES: tuple[Text, ...] = (
    QT_TRANSLATE_NOOP("Recurrence", "Monday"),
    QT_TRANSLATE_NOOP("Recurrence", "Tuesday"),
    QT_TRANSLATE_NOOP("Recurrence", "Wednesday"),
    QT_TRANSLATE_NOOP("Recurrence", "Thursday"),
    QT_TRANSLATE_NOOP("Recurrence", "Friday"),
    QT_TRANSLATE_NOOP("Recurrence", "Saturday"),
    QT_TRANSLATE_NOOP("Recurrence", "Sunday"),
)
_ORDINALS: dict[int, Text] = {
    1: QT_TRANSLATE_NOOP("Recurrence", "1st"),
    2: QT_TRANSLATE_NOOP("Recurrence", "2nd"),
    3: QT_TRANSLATE_NOOP("Recurrence", "3rd"),
    4: QT_TRANSLATE_NOOP("Recurrence", "4th"),
    5: QT_TRANSLATE_NOOP("Recurrence", "5th"),
    -1: QT_TRANSLATE_NOOP("Recurrence", "last"),
}


@dataclass(frozen=True)
class Recurrence:
    """How a series repeats.

    Attributes:
        freq: daily, weekly or monthly.
        interval: every ``interval`` days/weeks/months.
        weekdays: 0 = Monday ... 6 = Sunday; the days of a weekly rule, or the
            days a daily rule is limited to (every weekday).
        month_day: a monthly rule's date (1..31, or -1 for the last day).
        nth_weekday: a monthly rule's (n, weekday): (2, 1) is the 2nd Tuesday,
            (-1, 4) the last Friday.
        until: the last date an occurrence may fall on (inclusive).
        count: how many occurrences in all (instead of ``until``).
    """

    freq: Frequency
    interval: int = 1
    weekdays: tuple[int, ...] = field(default=())
    month_day: int | None = None
    nth_weekday: tuple[int, int] | None = None
    until: date | None = None
    count: int | None = None

    def problems(self) -> list[Text]:
        """What is wrong with this rule, as sentences (empty when it is sound)."""
        found: list[Text] = []
        if not 1 <= self.interval <= MAX_INTERVAL:
            found.append(
                QT_TRANSLATE_NOOP(
                    "Recurrence", "The interval must be between 1 and {limit}."
                ).format(limit=MAX_INTERVAL)
            )
        if any(not 0 <= d <= 6 for d in self.weekdays):
            found.append(QT_TRANSLATE_NOOP("Recurrence", "Weekdays must be Monday to Sunday."))
        if self.freq is Frequency.WEEKLY and not self.weekdays:
            found.append(QT_TRANSLATE_NOOP("Recurrence", "Choose at least one day of the week."))
        if self.freq is Frequency.MONTHLY:
            # Fix: a monthly rule with plain weekdays (BYDAY=MO, or Friday the
            # 13th as BYMONTHDAY=13;BYDAY=FR) was accepted although nothing here
            # can show or edit it; and a rule with neither a date nor a weekday
            # was told "not both".
            if self.weekdays:
                found.append(
                    QT_TRANSLATE_NOOP(
                        "Recurrence",
                        "A monthly rule repeats on one weekday such as the 2nd Tuesday, "
                        "not every week; use a weekly rule for that.",
                    )
                )
            elif self.month_day is None and self.nth_weekday is None:
                found.append(
                    QT_TRANSLATE_NOOP(
                        "Recurrence",
                        "A monthly rule needs a day of the month or a weekday such as the "
                        "2nd Tuesday.",
                    )
                )
            elif self.month_day is not None and self.nth_weekday is not None:
                found.append(
                    QT_TRANSLATE_NOOP(
                        "Recurrence", "A monthly rule repeats on a date or on a weekday, not both."
                    )
                )
            if self.month_day is not None and not (
                1 <= self.month_day <= 31 or self.month_day == -1
            ):
                found.append(
                    QT_TRANSLATE_NOOP(
                        "Recurrence", "The day of the month must be 1 to 31, or the last day."
                    )
                )
            if self.nth_weekday is not None:
                n, day = self.nth_weekday
                if n not in (1, 2, 3, 4, 5, -1) or not 0 <= day <= 6:
                    found.append(
                        QT_TRANSLATE_NOOP(
                            "Recurrence", "Choose the 1st to 5th or the last weekday of the month."
                        )
                    )
        elif self.month_day is not None or self.nth_weekday is not None:
            found.append(
                QT_TRANSLATE_NOOP("Recurrence", "Only a monthly rule has a day of the month.")
            )
        if self.until is not None and self.count is not None:
            found.append(
                QT_TRANSLATE_NOOP(
                    "Recurrence", "A series ends on a date or after a number of times, not both."
                )
            )
        if self.count is not None and not 1 <= self.count <= MAX_COUNT:
            found.append(
                QT_TRANSLATE_NOOP(
                    "Recurrence", "The number of times must be between 1 and {limit}."
                ).format(limit=MAX_COUNT)
            )
        return found

    def check(self) -> Recurrence:
        problems = self.problems()
        if problems:
            raise RecurrenceError(problems[0])
        return self

    # -- RRULE text ----------------------------------------------------------

    def to_rrule(self) -> str:
        """The rule as RRULE text (``UNTIL`` as the end of that day, local time)."""
        parts = [f"FREQ={self.freq.value}"]
        if self.interval != 1:
            parts.append(f"INTERVAL={self.interval}")
        if self.weekdays:
            parts.append("BYDAY=" + ",".join(WEEKDAY_CODES[d] for d in sorted(self.weekdays)))
        if self.month_day is not None:
            parts.append(f"BYMONTHDAY={self.month_day}")
        if self.nth_weekday is not None:
            n, day = self.nth_weekday
            parts.append(f"BYDAY={n}{WEEKDAY_CODES[day]}")
        if self.until is not None:
            parts.append(f"UNTIL={self.until:%Y%m%d}T235959")
        if self.count is not None:
            parts.append(f"COUNT={self.count}")
        return ";".join(parts)

    @classmethod
    def parse(cls, text: str) -> Recurrence:
        """Read RRULE text (with or without the ``RRULE:`` prefix).

        Raises RecurrenceError for text that is malformed or asks for more
        than the planner supports (yearly rules, BYSETPOS, hourly...).
        """
        body = text.strip()
        if body.upper().startswith("RRULE:"):
            body = body[6:]
        if not body:
            raise RecurrenceError(QT_TRANSLATE_NOOP("Recurrence", "The repeat rule is empty."))
        parts: dict[str, str] = {}
        for chunk in body.split(";"):
            if not chunk:
                continue
            key, sep, value = chunk.partition("=")
            if not sep or not value:
                raise RecurrenceError(
                    QT_TRANSLATE_NOOP(
                        "Recurrence", "“{part}” is not a NAME=VALUE part of a repeat rule."
                    ).format(part=chunk)
                )
            parts[key.strip().upper()] = value.strip().upper()
        freq_text = parts.pop("FREQ", "")
        try:
            freq = Frequency(freq_text)
        except ValueError:
            raise RecurrenceError(
                QT_TRANSLATE_NOOP(
                    "Recurrence",
                    "Repeating “{frequency}” is not supported; use daily, weekly or monthly.",
                ).format(frequency=freq_text or "?")
            ) from None
        parts.pop("WKST", None)  # weeks start on Monday here, as in most calendars
        try:
            interval = int(parts.pop("INTERVAL", "1"))
            count = int(parts["COUNT"]) if "COUNT" in parts else None
            parts.pop("COUNT", None)
            month_day = int(parts.pop("BYMONTHDAY")) if "BYMONTHDAY" in parts else None
        except ValueError:
            raise RecurrenceError(
                QT_TRANSLATE_NOOP(
                    "Recurrence", "A number in the repeat rule is not a whole number."
                )
            ) from None
        until = _parse_until(parts.pop("UNTIL")) if "UNTIL" in parts else None
        weekdays: tuple[int, ...] = ()
        nth: tuple[int, int] | None = None
        if "BYDAY" in parts:
            weekdays, nth = _parse_byday(parts.pop("BYDAY"), freq)
        if parts:
            raise RecurrenceError(
                QT_TRANSLATE_NOOP(
                    "Recurrence", "Repeat rules with {names} are not supported."
                ).format(names=", ".join(sorted(parts)))
            )
        return cls(freq, interval, weekdays, month_day, nth, until, count).check()

    # -- words ------------------------------------------------------------------

    def describe(self) -> Text:
        """Words for the rule, such as “Every 2 weeks on Tuesday” (a Text, English as str)."""
        if self.freq is Frequency.DAILY:
            text = (
                QT_TRANSLATE_NOOP("Recurrence", "Every day")
                if self.interval == 1
                else QT_TRANSLATE_NOOP("Recurrence", "Every {n} days").format(n=self.interval)
            )
        elif self.freq is Frequency.WEEKLY:
            text = (
                QT_TRANSLATE_NOOP("Recurrence", "Every week")
                if self.interval == 1
                else QT_TRANSLATE_NOOP("Recurrence", "Every {n} weeks").format(n=self.interval)
            )
        else:
            text = (
                QT_TRANSLATE_NOOP("Recurrence", "Every month")
                if self.interval == 1
                else QT_TRANSLATE_NOOP("Recurrence", "Every {n} months").format(n=self.interval)
            )
        if self.freq is Frequency.DAILY and sorted(self.weekdays) == [0, 1, 2, 3, 4]:
            text = (
                QT_TRANSLATE_NOOP("Recurrence", "Every weekday")
                if self.interval == 1
                else QT_TRANSLATE_NOOP("Recurrence", "{rule} on weekdays").format(rule=text)
            )
        elif self.weekdays:
            days = [WEEKDAY_NAMES[d] for d in sorted(self.weekdays)]
            listed = days[0]
            for name in days[1:]:
                listed = QT_TRANSLATE_NOOP("Recurrence", "{list}, {day}").format(
                    list=listed, day=name
                )
            text = QT_TRANSLATE_NOOP("Recurrence", "{rule} on {days}").format(
                rule=text, days=listed
            )
        if self.month_day is not None:
            text = (
                QT_TRANSLATE_NOOP("Recurrence", "{rule} on the last day").format(rule=text)
                if self.month_day == -1
                else QT_TRANSLATE_NOOP("Recurrence", "{rule} on day {day}").format(
                    rule=text, day=self.month_day
                )
            )
        if self.nth_weekday is not None:
            n, day = self.nth_weekday
            text = QT_TRANSLATE_NOOP("Recurrence", "{rule} on the {ordinal} {weekday}").format(
                rule=text, ordinal=_ORDINALS[n], weekday=WEEKDAY_NAMES[day]
            )
        if self.until is not None:
            text = QT_TRANSLATE_NOOP("Recurrence", "{rule}, until {date}").format(
                rule=text, date=self.until.isoformat()
            )
        if self.count is not None:
            text = QT_TRANSLATE_NOOP("Recurrence", "{rule}, {count} times").format(
                rule=text, count=self.count
            )
        return text

    # -- expansion -----------------------------------------------------------------

    def _rrule(self, dtstart: datetime, until: datetime | None) -> rrule:
        byweekday: list[weekday] | weekday | None = None
        if self.weekdays:
            byweekday = [weekday(d) for d in self.weekdays]
        if self.nth_weekday is not None:
            n, day = self.nth_weekday
            byweekday = weekday(day, n)
        return rrule(
            _DATEUTIL_FREQ[self.freq],
            dtstart=dtstart,
            interval=self.interval,
            wkst=0,
            byweekday=byweekday,
            bymonthday=self.month_day,
            until=until,
            count=None if until is not None else self.count,
            cache=False,
        )

    def moved(self, old: datetime, new: datetime) -> Recurrence:
        """The same rule for a series whose occurrence at ``old`` moved to ``new``.

        Moving a Wednesday class to Thursday moves its weekdays along; a
        monthly rule follows the day it was dropped on ("2nd Tuesday" dropped
        on the 3rd Wednesday becomes "3rd Wednesday", "the 15th" dropped on the
        16th becomes "the 16th"); the end date moves by as many days.
        """
        days = (new.date() - old.date()).days
        if days == 0:
            return self
        weekdays = tuple(sorted((d + days) % 7 for d in self.weekdays))
        nth = None
        if self.nth_weekday is not None:
            n = -1 if self.nth_weekday[0] == -1 else (new.day - 1) // 7 + 1
            nth = (n, new.weekday())
        month_day = self.month_day
        if month_day is not None and month_day != -1:
            month_day = new.day
        until = self.until + timedelta(days=days) if self.until is not None else None
        return Recurrence(self.freq, self.interval, weekdays, month_day, nth, until, self.count)

    def last_start(self, dtstart: datetime) -> datetime | None:
        """The start of the last occurrence, or None if the series never ends."""
        if self.until is not None:
            found = self._rrule(dtstart, _end_of(self.until)).before(_end_of(self.until), inc=True)
            return found if found is not None else None
        if self.count is not None:
            starts = list(self._rrule(dtstart, None))
            return starts[-1] if starts else None
        return None

    def starts(self, dtstart: datetime, limit: int) -> list[datetime]:
        """The first ``limit`` occurrence starts (for previews)."""
        result: list[datetime] = []
        for start in self._rrule(dtstart, _end_of(self.until) if self.until else None):
            result.append(start)
            if len(result) >= limit:
                break
        return result


_UNTIL_FORM = re.compile(r"[0-9]{8}(T[0-9]{6}Z?)?")


def _end_of(day: date) -> datetime:
    return datetime.combine(day, time(23, 59, 59))


def _parse_until(value: str) -> date:
    # Fix: strptime alone accepted malformed values and misread them
    # ("2026123" as 2026-12-03, "20261231T2500Z" as 02:50): insist on the
    # RFC 5545 forms DATE (8 digits) or DATE-TIME (8 digits, T, 6 digits, Z?).
    if not _UNTIL_FORM.fullmatch(value):
        raise RecurrenceError(_not_an_end(value))
    digits = value.rstrip("Z")
    try:
        if "T" in digits:
            return datetime.strptime(digits, "%Y%m%dT%H%M%S").date()
        return datetime.strptime(digits, "%Y%m%d").date()
    except ValueError:
        raise RecurrenceError(_not_an_end(value)) from None


def _not_an_end(value: str) -> Text:
    return QT_TRANSLATE_NOOP(
        "Recurrence", "“{value}” is not a date the repeat rule can end on."
    ).format(value=value)


def _not_a_day(token: str) -> Text:
    return QT_TRANSLATE_NOOP("Recurrence", "“{token}” is not a day of the week.").format(
        token=token
    )


def _parse_byday(value: str, freq: Frequency) -> tuple[tuple[int, ...], tuple[int, int] | None]:
    days: list[int] = []
    nth: tuple[int, int] | None = None
    for token in value.split(","):
        code = token[-2:]
        if code not in WEEKDAY_CODES:
            raise RecurrenceError(_not_a_day(token))
        prefix = token[:-2]
        if prefix in ("", "+"):
            days.append(WEEKDAY_CODES.index(code))
            continue
        try:
            n = int(prefix)
        except ValueError:
            raise RecurrenceError(_not_a_day(token)) from None
        if freq is not Frequency.MONTHLY or nth is not None or days:
            raise RecurrenceError(_one_nth())
        nth = (n, WEEKDAY_CODES.index(code))
    if nth is not None and days:
        raise RecurrenceError(_one_nth())
    return tuple(sorted(set(days))), nth


def _one_nth() -> Text:
    return QT_TRANSLATE_NOOP("Recurrence", "Only a monthly rule can name one “nth weekday”.")


def _shift_months(moment: datetime, months: int) -> datetime:
    index = moment.month - 1 + months
    return moment.replace(year=moment.year + index // 12, month=index % 12 + 1, day=1)


def _aligned_start(rule: Recurrence, dtstart: datetime, not_after: datetime) -> datetime:
    """A later start for the same series, at most ``not_after``.

    Every occurrence from the returned start on is an occurrence of the
    original series, so expansion can begin there instead of at ``dtstart``.
    """
    if not_after <= dtstart:
        return dtstart
    if rule.freq is Frequency.MONTHLY:
        months = (not_after.year - dtstart.year) * 12 + not_after.month - dtstart.month - 1
        periods = max(months // rule.interval, 0)
        if periods == 0:
            return dtstart
        return _shift_months(dtstart, periods * rule.interval)
    period_days = rule.interval * (7 if rule.freq is Frequency.WEEKLY else 1)
    if rule.freq is Frequency.WEEKLY:
        # Align on the Monday of dtstart's week, so weekdays before dtstart's
        # own weekday in a later week are not skipped.
        week_start = datetime.combine(
            dtstart.date() - timedelta(days=dtstart.weekday()), dtstart.time()
        )
        periods = (not_after - week_start).days // period_days - 1
        if periods <= 0:
            return dtstart
        return week_start + timedelta(days=periods * period_days)
    periods = (not_after - dtstart).days // period_days - 1
    if periods <= 0:
        return dtstart
    return dtstart + timedelta(days=periods * period_days)


def expand(
    rule: Recurrence,
    dtstart: datetime,
    duration: timedelta,
    window_start: datetime,
    window_end: datetime,
    *,
    last_start: datetime | None = None,
) -> list[datetime]:
    """Occurrence starts of a series that overlap [window_start, window_end).

    ``last_start`` (from :meth:`Recurrence.last_start`, stored with the
    series) bounds a series with a count or an end date, so the expansion can
    begin near the window instead of counting from the first occurrence.
    """
    if last_start is None and rule.count is not None:
        last_start = rule.last_start(dtstart)
    if last_start is not None and last_start + duration <= window_start:
        return []
    limit = last_start
    if rule.until is not None:
        limit = min(limit, _end_of(rule.until)) if limit else _end_of(rule.until)
    if rule.freq is Frequency.MONTHLY and _plain_monthly(rule):
        starts = _month_starts(rule, dtstart, window_start - duration, window_end, limit)
    elif rule.freq is Frequency.MONTHLY:
        begin = _aligned_start(rule, dtstart, window_start - duration)
        starts = rule._rrule(begin, limit).between(window_start - duration, window_end, inc=True)
    else:
        starts = _day_starts(rule, dtstart, window_start - duration, window_end, limit)
    return [s for s in starts if s >= dtstart and s + duration > window_start and s < window_end]


def _day_starts(
    rule: Recurrence, dtstart: datetime, lo: datetime, hi: datetime, limit: datetime | None
) -> list[datetime]:
    """Daily and weekly starts in [lo, hi) by plain date arithmetic.

    The same occurrences dateutil gives (a property test holds them equal),
    at a fraction of the cost: daily steps of ``interval`` days from dtstart,
    filtered by weekday; weekly, the chosen weekdays of every ``interval``-th
    week counted from the Monday of dtstart's week (WKST=MO).
    """
    out: list[datetime] = []
    end = hi if limit is None else min(hi, limit + timedelta(seconds=1))
    if rule.freq is Frequency.DAILY:
        step = rule.interval
        skip = max(0, -(-(lo - dtstart).days // step) - 1)  # a step early, to be safe
        moment = dtstart + timedelta(days=skip * step)
        days = set(rule.weekdays)
        while moment < end:
            if moment >= lo and (not days or moment.weekday() in days):
                out.append(moment)
            moment += timedelta(days=step)
        return out
    period = 7 * rule.interval
    week = dtstart - timedelta(days=dtstart.weekday())
    skip = max(0, (lo - week).days // period - 1)
    week += timedelta(days=skip * period)
    offsets = sorted(rule.weekdays)
    while week < end:
        for offset in offsets:
            moment = week + timedelta(days=offset)
            if moment >= end:
                break
            if moment >= lo and moment >= dtstart:
                out.append(moment)
        week += timedelta(days=period)
    return out


def _plain_monthly(rule: Recurrence) -> bool:
    """A monthly rule on one date, the last day, or one nth (or last) weekday:
    what :func:`_month_starts` works out by arithmetic."""
    if rule.weekdays:
        return False
    if rule.nth_weekday is not None:
        return rule.month_day is None and rule.nth_weekday[0] in (1, 2, 3, 4, 5, -1)
    return rule.month_day is None or rule.month_day == -1 or 1 <= rule.month_day <= 31


def _day_of_month(rule: Recurrence, year: int, month: int, default: int) -> int | None:
    """The day a plain monthly rule falls on in that month, or None if it has none
    (the 31st in April, a 5th Monday in a month with four)."""
    days = monthrange(year, month)[1]
    if rule.nth_weekday is not None:
        n, weekday_ = rule.nth_weekday
        if n == -1:
            return days - (date(year, month, days).weekday() - weekday_) % 7
        day = 1 + (weekday_ - date(year, month, 1).weekday()) % 7 + 7 * (n - 1)
        return day if day <= days else None
    wanted = rule.month_day if rule.month_day is not None else default
    if wanted == -1:
        return days
    return wanted if wanted <= days else None


def _month_starts(
    rule: Recurrence, dtstart: datetime, lo: datetime, hi: datetime, limit: datetime | None
) -> list[datetime]:
    """Plain monthly starts in [lo, hi) by date arithmetic (see :func:`_plain_monthly`).

    The same occurrences dateutil gives (a property test holds them equal),
    without its set-up per call: every ``interval``-th month counted from
    dtstart's month, on the rule's day of it (months without one skipped), at
    dtstart's time of day.
    """
    out: list[datetime] = []
    end = hi if limit is None else min(hi, limit + timedelta(seconds=1))
    first = dtstart.year * 12 + dtstart.month - 1
    index = max(first, lo.year * 12 + lo.month - 1)
    index += (first - index) % rule.interval
    clock = dtstart.time()
    while index < 9999 * 12:
        year, month = divmod(index, 12)
        if datetime(year, month + 1, 1) >= end:
            break
        day = _day_of_month(rule, year, month + 1, dtstart.day)
        if day is not None:
            moment = datetime.combine(date(year, month + 1, day), clock)
            if moment >= end:
                break
            if moment >= lo and moment >= dtstart:
                out.append(moment)
        index += rule.interval
    return out


def naive_expand(
    rule: Recurrence,
    dtstart: datetime,
    duration: timedelta,
    window_start: datetime,
    window_end: datetime,
) -> list[datetime]:
    """The same as :func:`expand`, walking from the first occurrence (for tests)."""
    until = _end_of(rule.until) if rule.until else None
    result: Iterable[datetime] = rule._rrule(dtstart, until)
    out = []
    for start in result:
        if start >= window_end:
            break
        if start + duration > window_start:
            out.append(start)
    return out

"""ISO weeks: Monday to Sunday, numbered 1 to 52 or 53 in their ISO year.

The weekly plan is made for one week, written as operators and the command
line write it: ``2026-W48``. :func:`parse_week` reads that text and refuses
weeks that do not exist (``2026-W60``, ``2025-W53``) with one clear line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from planner.errors import ValidationError
from planner.i18n import QT_TRANSLATE_NOOP

_WEEK = re.compile(r"^([0-9]{4})\s*-?\s*[Ww]\s*([0-9]{1,2})$")


# The years a plan can be made for (the calendar looks some weeks beyond the
# week asked for, which year 1 or 9999 would not allow).
FIRST_YEAR = 1900
LAST_YEAR = 9998


def _weeks_in(year: int) -> int:
    """52 or 53: the ISO week of 28 December is always the year's last."""
    return date(year, 12, 28).isocalendar().week


@dataclass(frozen=True, order=True)
class WeekId:
    """An ISO week: Monday to Sunday, numbered 1 to 52 or 53 in its ISO year."""

    year: int
    week: int

    def __post_init__(self) -> None:
        if not FIRST_YEAR <= self.year <= LAST_YEAR:
            years = f"{FIRST_YEAR}–{LAST_YEAR}"
            raise ValidationError(
                {
                    "week": QT_TRANSLATE_NOOP(
                        "IsoWeek", "{year} is not a year this plan can show ({years})."
                    ).format(year=self.year, years=years)
                }
            )
        last = _weeks_in(self.year)
        if not 1 <= self.week <= last:
            raise ValidationError(
                {
                    "week": QT_TRANSLATE_NOOP(
                        "IsoWeek", "{year} has no week {week} (its weeks run W01–W{last})."
                    ).format(year=self.year, week=self.week, last=last)
                }
            )

    @property
    def monday(self) -> date:
        return date.fromisocalendar(self.year, self.week, 1)

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)

    @property
    def label(self) -> str:
        """ "2026-W48", as the command line takes it."""
        return f"{self.year:04d}-W{self.week:02d}"

    def days(self) -> tuple[date, ...]:
        """Monday to Sunday."""
        return tuple(self.monday + timedelta(days=n) for n in range(7))

    def previous(self) -> WeekId:
        return self._shifted(-7)

    def next(self) -> WeekId:
        return self._shifted(7)

    def _shifted(self, days: int) -> WeekId:
        try:
            return week_of(self.monday + timedelta(days=days))
        except OverflowError:
            raise ValidationError(
                {"week": QT_TRANSLATE_NOOP("IsoWeek", "That week is out of range.")}
            ) from None

    def __str__(self) -> str:
        return self.label


def parse_week(text: str) -> WeekId:
    """ "2026-W48" (also "2026W48", "2026-w48") as a WeekId; raises ValidationError."""
    cleaned = str(text).strip()
    if not cleaned:
        raise ValidationError(
            {"week": QT_TRANSLATE_NOOP("IsoWeek", "Give a week such as 2026-W48.")}
        )
    match = _WEEK.match(cleaned)
    if match is None:
        raise ValidationError(
            {
                "week": QT_TRANSLATE_NOOP(
                    "IsoWeek", "“{text}” is not a week; write it like 2026-W48."
                ).format(text=cleaned)
            }
        )
    return WeekId(int(match.group(1)), int(match.group(2)))


def week_of(day: date) -> WeekId:
    """The ISO week ``day`` falls in (a datetime gives its date's week)."""
    iso = day.isocalendar()
    return WeekId(iso.year, iso.week)

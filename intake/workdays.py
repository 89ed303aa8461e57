"""Working days under the official holiday calendar (法定节假日 and 调休).

A promise like "3 working days" is kept by a date: the day of acceptance is
not counted, weekends and public holidays are skipped, and the weekend days the
State Council declares working days (调休上班) count. The calendar comes with
the service catalog, which the platform publishes every year.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from intake.errors import CatalogError

__all__ = ["WorkCalendar"]

_MAX_DAYS = 1000


def _dates(value: object, key: str) -> frozenset[date]:
    if not isinstance(value, list) or len(value) > _MAX_DAYS:
        raise CatalogError(
            "catalog.calendar", f"calendar {key} must be a list of dates",
        )
    out = set()
    for text in value:
        try:
            day = date.fromisoformat(text) if isinstance(text, str) else None
        except ValueError:
            day = None
        if day is None or day.isoformat() != text:
            raise CatalogError(
                "catalog.calendar", f"calendar {key}: {text!r} is not a date",
            )
        out.add(day)
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class WorkCalendar:
    #: public holidays falling on weekdays (weekend holidays need not be listed)
    holidays: frozenset[date] = field(default_factory=frozenset)
    #: weekend days declared working days (调休上班)
    workdays: frozenset[date] = field(default_factory=frozenset)

    def is_working_day(self, day: date) -> bool:
        if day in self.workdays:
            return True
        return day.weekday() < 5 and day not in self.holidays

    def add_working_days(self, start: date, days: int) -> date:
        """The date by which ``days`` working days after ``start`` have passed."""
        if days < 0:
            raise ValueError("days must be >= 0")
        day, left = start, days
        while left:
            day += timedelta(days=1)
            if self.is_working_day(day):
                left -= 1
        return day

    def covers(self, day: date) -> bool:
        """Whether the calendar lists anything for ``day``'s year (else only weekends count)."""
        return any(d.year == day.year for d in self.holidays | self.workdays)

    def to_dict(self) -> dict[str, Any]:
        return {
            "holidays": sorted(d.isoformat() for d in self.holidays),
            "workdays": sorted(d.isoformat() for d in self.workdays),
        }

    @classmethod
    def from_dict(cls, d: object) -> WorkCalendar:
        if not isinstance(d, Mapping) or set(d) - {"holidays", "workdays"}:
            raise CatalogError(
                "catalog.calendar",
                "calendar must be an object with holidays and workdays",
            )
        return cls(
            _dates(d.get("holidays", []), "holidays"), _dates(d.get("workdays", []), "workdays")
        )

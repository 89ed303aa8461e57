"""The promised-date clock stops while a case waits for the applicant's 补正.

行政许可法 (第三十二条, 第四十五条): the time the applicant takes to supplement an
application is not counted in the promised time limit. A case waits from the platform's
补正 (or 需补正) status event until its supplement reaches the platform; a later status
that is not 补正 (the department moved on) ends the wait too. A wait still open stops the
clock up to today. The promise moves out by the working days spent waiting, by the
catalog's holiday calendar, so a 补正 over a holiday week costs the department nothing
and gives it nothing.

Pure: no store, no Qt; the efficiency view and the overdue list feed it a case's
timeline (``sync.store.ledger.CaseTimeline``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta, tzinfo

from intake.workdays import WorkCalendar

__all__ = ["SUPPLEMENT_STATUSES", "paused_working_days", "supplement_waits"]

#: platform statuses meaning "waiting for the applicant's supplement"
SUPPLEMENT_STATUSES = frozenset({"补正", "需补正"})


def supplement_waits(
    statuses: Sequence[tuple[datetime, str]],
    supplements_delivered: Sequence[datetime],
    now: datetime,
) -> list[tuple[datetime, datetime]]:
    """The spans a case waited for a supplement (``statuses`` oldest first)."""
    waits: list[tuple[datetime, datetime]] = []
    start: datetime | None = None
    for at, status in statuses:
        if start is not None:
            end = _delivered_after(start, supplements_delivered)
            if end is not None and end <= at:
                waits.append((start, end))
                start = None
            elif status not in SUPPLEMENT_STATUSES:
                waits.append((start, at))
                start = None
        if start is None and status in SUPPLEMENT_STATUSES:
            start = at
    if start is not None:
        end = _delivered_after(start, supplements_delivered)
        waits.append((start, min(end, now) if end is not None else now))
    return waits


def _delivered_after(start: datetime, delivered: Sequence[datetime]) -> datetime | None:
    return next((d for d in sorted(delivered) if d >= start), None)


def paused_working_days(
    waits: Sequence[tuple[datetime, datetime]], calendar: WorkCalendar, tz: tzinfo
) -> int:
    """Working days the clock stood still: each working day after a wait's first local
    day up to and including its last (a 补正 settled the same day costs nothing); a day
    two waits share counts once."""
    days: set[date] = set()
    for start, end in waits:
        first, last = start.astimezone(tz).date(), end.astimezone(tz).date()
        day = first + timedelta(days=1)
        while day <= last:
            if calendar.is_working_day(day):
                days.add(day)
            day += timedelta(days=1)
    return len(days)

"""Efficiency (效能): today and this month, per clerk and per item.

Accepted cases and handling time (first card read to receipt) come from the
submissions; 一次性告知 (``notice``) and 不予受理 (``refuse``) from the audit log,
where every outcome is recorded with its item code. Promised dates count
working days (Monday-Friday) after the day of acceptance; the catalog has no
holiday calendar yet, so a public holiday still counts as a working day.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone

from intake.catalog import Catalog
from intake.errors import UnknownItem
from intake.workdays import WorkCalendar
from station.paper import display_clerk
from sync.store import Store
from sync.store.ledger import AcceptStat, OpenCase

__all__ = [
    "FINAL_STATUSES",
    "OUTCOME_ACTIONS",
    "DueCase",
    "EfficiencyLine",
    "EfficiencyReport",
    "EfficiencyService",
    "due_date",
]

#: platform statuses after which a case no longer runs against its promised date
FINAL_STATUSES = ("办结", "不予许可")
#: audit actions counted as outcomes other than acceptance
OUTCOME_ACTIONS = ("notice", "refuse")
#: open cases this old are still listed when overdue; older ones are archive matters
OPEN_LOOKBACK = timedelta(days=366)


def due_date(accepted: date, working_days: int, calendar: WorkCalendar | None = None) -> date:
    """The promised date: ``working_days`` working days after ``accepted``, by the
    catalog's holiday calendar (the date the receipt printed; Monday-Friday without one)."""
    return (calendar or WorkCalendar()).add_working_days(accepted, working_days)


@dataclass(frozen=True)
class EfficiencyLine:
    key: str  # clerk id or item code; "" for the total
    label: str
    accepted: int = 0
    notices: int = 0
    refused: int = 0
    #: mean seconds from first card read to receipt; None when no case recorded a start
    avg_handling_seconds: float | None = None
    near_due: int = 0
    overdue: int = 0


@dataclass(frozen=True)
class DueCase:
    uuid: str
    receipt_no: str
    item_code: str
    item_name: str
    clerk_id: str
    accepted_at: datetime
    due: date
    #: working days until due (negative when overdue)
    days_left: int
    platform_status: str
    #: the clerk's display name from the clerk directory (the id when none)
    clerk_name: str = ""


@dataclass(frozen=True)
class EfficiencyReport:
    since: date
    until: date  # inclusive
    by_clerk: tuple[EfficiencyLine, ...]
    by_item: tuple[EfficiencyLine, ...]
    total: EfficiencyLine
    #: open cases near or past their promised date, most urgent first
    due: tuple[DueCase, ...]


@dataclass
class _Acc:
    accepted: int = 0
    notices: int = 0
    refused: int = 0
    handling: float = 0.0
    timed: int = 0
    near: int = 0
    overdue: int = 0

    def line(self, key: str, label: str) -> EfficiencyLine:
        return EfficiencyLine(
            key,
            label,
            self.accepted,
            self.notices,
            self.refused,
            self.handling / self.timed if self.timed else None,
            self.near,
            self.overdue,
        )


def _working_days_between(start: date, end: date, calendar: WorkCalendar) -> int:
    """Working days from ``start`` to ``end`` (negative when ``end`` is earlier)."""
    if end < start:
        return -_working_days_between(end, start, calendar)
    days = (end - start).days
    return sum(1 for i in range(1, days + 1) if calendar.is_working_day(start + timedelta(i)))


class EfficiencyService:
    def __init__(
        self,
        store: Store,
        catalog: Catalog,
        *,
        tz: timezone,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        near_days: int = 2,
    ) -> None:
        self.store = store
        self.catalog = catalog
        self.tz = tz
        self.clock = clock
        self.near_days = near_days

    def today(self) -> date:
        return self.clock().astimezone(self.tz).date()

    def day_report(self) -> EfficiencyReport:
        d = self.today()
        return self.report(d, d)

    def month_report(self) -> EfficiencyReport:
        d = self.today()
        return self.report(d.replace(day=1), d)

    def _utc(self, d: date) -> datetime:
        return datetime.combine(d, time(0), tzinfo=self.tz).astimezone(UTC)

    def _item_name(self, code: str) -> str:
        try:
            return self.catalog.item(code).name_zh
        except UnknownItem:
            return code

    def _time_limit(self, code: str) -> int | None:
        try:
            return self.catalog.item(code).time_limit_days
        except UnknownItem:
            return None

    def due_cases(self) -> list[DueCase]:
        """Every open case whose promised date is within ``near_days`` or past."""
        today = self.today()
        out = []
        opened = self.store.open_cases(self.clock() - OPEN_LOOKBACK, FINAL_STATUSES)
        calendar = self.catalog.calendar
        names = self.store.clerk_names()
        for c in opened:
            limit = self._time_limit(c.item_code)
            if limit is None:
                continue
            due = due_date(c.accepted_at.astimezone(self.tz).date(), limit, calendar)
            left = _working_days_between(today, due, calendar)
            if left <= self.near_days:
                out.append(self._due_case(c, due, left, names))
        out.sort(key=lambda d: (d.days_left, d.accepted_at))
        return out

    def _due_case(
        self, c: OpenCase, due: date, left: int, names: dict[str, str]
    ) -> DueCase:
        return DueCase(
            c.uuid,
            c.receipt_no,
            c.item_code,
            self._item_name(c.item_code),
            c.clerk_id,
            c.accepted_at.astimezone(self.tz),
            due,
            left,
            c.platform_status or "",
            display_clerk(c.clerk_id, names),
        )

    def report(self, since: date, until: date) -> EfficiencyReport:
        """Counts for local days ``since`` .. ``until`` inclusive; due cases as of today."""
        start, end = self._utc(since), self._utc(until + timedelta(days=1))
        clerks: dict[str, _Acc] = defaultdict(_Acc)
        items: dict[str, _Acc] = defaultdict(_Acc)
        total = _Acc()
        stats: Iterable[AcceptStat] = self.store.accept_stats(start, end)
        for s in stats:
            for acc in (clerks[s.clerk_id], items[s.item_code], total):
                acc.accepted += s.accepted
                acc.handling += s.handling_seconds
                acc.timed += s.timed
        for actor, action, item_code, n in self.store.outcome_stats(OUTCOME_ACTIONS, start, end):
            for acc in (clerks[actor], items[item_code or "?"], total):
                if action == "notice":
                    acc.notices += n
                else:
                    acc.refused += n
        due = self.due_cases()
        names = self.store.clerk_names()
        for d in due:
            for acc in (clerks[d.clerk_id], items[d.item_code], total):
                if d.days_left < 0:
                    acc.overdue += 1
                else:
                    acc.near += 1
        return EfficiencyReport(
            since=since,
            until=until,
            by_clerk=tuple(clerks[k].line(k, display_clerk(k, names)) for k in sorted(clerks)),
            by_item=tuple(
                items[k].line(k, self._item_name(k))
                for k in sorted(items, key=lambda k: (-items[k].accepted, k))
            ),
            total=total.line("", "合计"),
            due=tuple(due),
        )

"""Efficiency (效能): today and this month, per clerk and per item.

Accepted cases and handling time (first card read to receipt) come from the
submissions; 一次性告知 (``notice``) and 不予受理 (``refuse``) from the audit log,
where every outcome is recorded with its item code. Promised dates count
working days after the day of acceptance, by the catalog's holiday calendar, plus the
working days the case waited for the applicant's 补正 (``station.supplement_clock``:
that time is not counted against the promise).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone

from intake.catalog import Catalog
from intake.errors import UnknownItem, UnknownMaterial
from intake.workdays import WorkCalendar
from station.deficiency_due import (
    CaseDeadline,
    DeficiencyDue,
    owed_materials,
    parse_acceptance,
    working_days_between,
)
from station.paper import display_clerk
from station.supplement_clock import paused_working_days, supplement_waits
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
class DueCase(CaseDeadline):
    """A case near or past its promised completion date (``due``)."""

    platform_status: str
    #: working days the promise moved out while the case waited for a 补正
    paused_days: int = 0
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
    #: 容缺受理 cases whose owed materials are near or past their day, most urgent first
    owed: tuple[DeficiencyDue, ...] = ()


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


_working_days_between = working_days_between


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
        timelines = self.store.case_timelines([c.uuid for c in opened])
        now = self.clock()
        names = self.store.clerk_names()
        for c in opened:
            limit = self._time_limit(c.item_code)
            if limit is None:
                continue
            timeline = timelines[c.uuid]
            waits = supplement_waits(timeline.statuses, timeline.supplements_delivered, now)
            paused = paused_working_days(waits, calendar, self.tz)
            due = due_date(c.accepted_at.astimezone(self.tz).date(), limit + paused, calendar)
            left = _working_days_between(today, due, calendar)
            if left <= self.near_days:
                out.append(self._due_case(c, due, left, paused, names))
        out.sort(key=lambda d: (d.days_left, d.accepted_at))
        return out

    def owed_cases(self) -> list[DeficiencyDue]:
        """容缺受理 cases still owing materials whose day is within ``near_days`` or past."""
        today = self.today()
        calendar = self.catalog.calendar
        found = self.store.open_deficiencies(self.clock() - OPEN_LOOKBACK, FINAL_STATUSES)
        brought = self.store.supplemented_materials([c.uuid for c, _ in found])
        clerks = self.store.clerk_names()
        out = []
        for c, raw in found:
            acceptance = parse_acceptance(raw)
            owed = owed_materials(acceptance, brought[c.uuid])
            if not owed or acceptance is None or acceptance.due is None:
                continue
            left = working_days_between(today, acceptance.due, calendar)
            if left > self.near_days:
                continue
            try:
                item = self.catalog.item(c.item_code)
                names = tuple(item.material(code).name_zh for code in owed)
            except (UnknownItem, UnknownMaterial):
                names = owed
            out.append(DeficiencyDue(
                c.uuid, c.receipt_no, c.item_code, self._item_name(c.item_code), c.clerk_id,
                c.accepted_at.astimezone(self.tz), acceptance.due, left, names,
                display_clerk(c.clerk_id, clerks),
            ))  # fmt: skip
        out.sort(key=lambda d: (d.days_left, d.accepted_at))
        return out

    def _due_case(
        self, c: OpenCase, due: date, left: int, paused: int, names: dict[str, str]
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
            paused,
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
            owed=tuple(self.owed_cases()),
        )

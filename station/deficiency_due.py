"""容缺受理 reminders: a case accepted with owed non-key materials has a last day to bring
them (printed on the receipt). Until the clerk adds pages for every owed material to the
case (a 补正/supplement), the case is "owed"; within ``near_days`` working days of that
day, or past it, it belongs on the overdue list and the case view says so.

Pure: no store, no Qt; ``station.efficiency`` and ``station.ledger`` feed it.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from intake.acceptance import Acceptance, Mode
from intake.errors import InvalidManifest
from intake.workdays import WorkCalendar

__all__ = [
    "DeficiencyDue",
    "PromisedCase",
    "owed_materials",
    "owed_warning_zh",
    "parse_acceptance",
    "working_days_between",
]


@dataclass(frozen=True, kw_only=True)
class PromisedCase:
    """An open case with a day promised to the applicant or owed by the applicant, as
    the overdue lists show it (station time)."""

    uuid: str
    receipt_no: str
    item_code: str
    item_name: str
    clerk_id: str
    #: the clerk's display name from the clerk directory (the id when none)
    clerk_name: str = ""
    accepted_at: datetime
    #: the promised day (DueCase) or the last day to bring what is owed (DeficiencyDue)
    due: date
    #: working days until that day (0: today; negative when past)
    days_left: int

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    @property
    def clerk_label(self) -> str:
        return self.clerk_name or self.clerk_id


@dataclass(frozen=True, kw_only=True)
class DeficiencyDue(PromisedCase):
    """A 容缺受理 case still owing materials."""

    #: names of the materials still owed
    owed: tuple[str, ...]


def parse_acceptance(text: str | None) -> Acceptance | None:
    """The stored acceptance JSON, or None when there is none or it does not parse."""
    if not text:
        return None
    with contextlib.suppress(ValueError, InvalidManifest):
        return Acceptance.from_dict(json.loads(text))
    return None


def owed_materials(acceptance: Acceptance | None, brought: Iterable[str]) -> tuple[str, ...]:
    """Codes a 容缺受理 still owes (nothing for any other acceptance)."""
    if acceptance is None or acceptance.mode is not Mode.DEFICIENCY:
        return ()
    have = set(brought)
    return tuple(c for c in acceptance.materials if c not in have)


def working_days_between(start: date, end: date, calendar: WorkCalendar) -> int:
    """Working days from ``start`` to ``end`` (negative when ``end`` is earlier)."""
    if end < start:
        return -working_days_between(end, start, calendar)
    days = (end - start).days
    return sum(1 for i in range(1, days + 1) if calendar.is_working_day(start + timedelta(i)))


def owed_warning_zh(
    acceptance: Acceptance | None,
    brought: Iterable[str],
    names: Mapping[str, str],
    today: date,
    calendar: WorkCalendar,
    near_days: int,
) -> str:
    """One line for the case view when owed materials are near or past their day."""
    owed = owed_materials(acceptance, brought)
    if not owed or acceptance is None or acceptance.due is None:
        return ""
    left = working_days_between(today, acceptance.due, calendar)
    listed = "、".join(names.get(c, c) for c in owed)
    due = f"{acceptance.due:%Y年%m月%d日}"
    if left < 0:
        return f"容缺到期：{listed} 应于{due}前补齐，已逾期{-left}个工作日，请联系申请人"
    if left <= near_days:
        return f"容缺即将到期：{listed} 应于{due}前补齐（还剩{left}个工作日）"
    return ""

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
    "AcceptanceNote",
    "DeficiencyDue",
    "OwedWarning",
    "PromisedCase",
    "owed_materials",
    "owed_warning",
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


@dataclass(frozen=True)
class AcceptanceNote:
    """How a case was accepted, for the case view: 容缺受理 ("acceptance.deficiency":
    what is owed, by when) or 告知承诺制 ("acceptance.commitment": what was committed),
    worded by the front end (``ui_shared.messages.acceptance_text``)."""

    mode: Mode
    #: names of the owed or committed materials, as the caller named them
    materials: tuple[str, ...]
    due: date | None = None

    @staticmethod
    def of(acceptance: Acceptance | None, names: Mapping[str, str]) -> AcceptanceNote | None:
        if acceptance is None:
            return None
        listed = tuple(names.get(c, c) for c in acceptance.materials)
        return AcceptanceNote(acceptance.mode, listed, acceptance.due)


@dataclass(frozen=True)
class OwedWarning:
    """The case view's warning that owed materials are near or past their day: a code
    ("deficiency.overdue" / "deficiency.near") and its parts, worded by the front end in
    the reader's language (``ui_shared.messages.owed_text``)."""

    overdue: bool
    #: names of the materials still owed, as the caller named them
    materials: tuple[str, ...]
    due: date
    #: working days left (near) or past (overdue), never negative
    working_days: int

    family = "deficiency"

    @property
    def code(self) -> str:
        return "overdue" if self.overdue else "near"


def owed_warning(
    acceptance: Acceptance | None,
    brought: Iterable[str],
    names: Mapping[str, str],
    today: date,
    calendar: WorkCalendar,
    near_days: int,
) -> OwedWarning | None:
    """The warning for the case view when owed materials are near or past their day."""
    owed = owed_materials(acceptance, brought)
    if not owed or acceptance is None or acceptance.due is None:
        return None
    left = working_days_between(today, acceptance.due, calendar)
    if left > near_days:
        return None
    listed = tuple(names.get(c, c) for c in owed)
    return OwedWarning(left < 0, listed, acceptance.due, abs(left))

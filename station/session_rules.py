"""The intake session's rules that need no session state: page quality, accepting
then printing, carrying pages across an item switch.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from typing import TYPE_CHECKING

from intake.acceptance import Acceptance
from intake.catalog import ServiceItem
from intake.submission import Channel, Draft
from intake.workdays import WorkCalendar
from station.session_state import AcceptOutcome, IntakeCommands, ItemSwitch, Note, Severity, Topic

if TYPE_CHECKING:
    from devices.camera.pipeline import CapturedPage

log = logging.getLogger(__name__)

#: findings that refuse a page outright; the others are warnings
BLOCKING_FINDINGS = frozenset({"blurry"})


def judge_page(page: CapturedPage) -> tuple[bool, Note | None]:
    """(keep it?, what to tell the clerk): blur refuses a page, glare only warns."""
    blocking = [f for f in page.findings if f.code in BLOCKING_FINDINGS]
    if blocking:
        f = blocking[0]
        return False, Note(
            f.code, Topic.CAPTURE, family=f.family, params={"variant": "retake"}
        )
    if not page.findings:
        return True, None
    # only glare warns today; the first finding names the warning
    f = page.findings[0]
    return True, Note(f.code, Topic.CAPTURE, Severity.WARNING, f.family)


def accept_and_print(
    intake: IntakeCommands,
    draft: Draft,
    *,
    channel: Channel,
    clerk_id: str | None,
    catalog_version: str,
    collection: str,
    calendar: WorkCalendar | None,
    acceptance: Acceptance | None = None,
    now: datetime | None = None,
    post_address: str | None = None,
) -> AcceptOutcome:
    """Disk work: store the submission, then print its papers (the receipt, and the
    告知承诺书 under 告知承诺制); a printer error is reported, not raised."""
    accepted = intake.accept(
        draft,
        channel=channel,
        clerk_id=clerk_id,
        catalog_version=catalog_version,
        collection=collection,
        calendar=calendar,
        acceptance=acceptance,
        now=now,
        post_address=post_address,
    )
    # The submission is durable before the printer is tried: a jam never loses it.
    try:
        for paper in accepted.papers:
            intake.print_receipt(paper)
    except Exception as e:
        log.warning("receipt for %s not printed: %r", accepted.submission.receipt_no, e)
        return AcceptOutcome(accepted, Note.from_error(e, Topic.ACCEPT, "receipt_print_failed"))
    return AcceptOutcome(accepted, None)


def deficiency_due(today: date, item: ServiceItem, calendar: WorkCalendar) -> date:
    """容缺受理: the last day to bring what is owed (the catalog's working days), and never
    later than the day before the promised completion date: a later date contradicted
    the receipt's own promise and the overdue list (found by review)."""
    days = item.deficiency_days
    if item.time_limit_days > 0:
        days = min(days, max(1, item.time_limit_days - 1))
    return calendar.add_working_days(today, days)


def plan_switch(draft: Draft, item: ServiceItem) -> ItemSwitch:
    by_name = {m.name_zh: m.code for m in item.materials}
    reusable: list[tuple[str, str, int]] = []
    dropped = 0
    for m in draft.item.materials:
        pages = draft.pages.get(m.code, [])
        if not pages:
            continue
        if m.name_zh in by_name:
            reusable.append((m.code, by_name[m.name_zh], len(pages)))
        else:
            dropped += len(pages)
    return ItemSwitch(item, tuple(reusable), dropped)

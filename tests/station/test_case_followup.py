"""CaseFollowUp over a real store and printer file: the 补正 request as the case shows it,
supplement rules, handover rules and its printed acknowledgement, refusals queued for the
platform, supplement pages kept by retention, and the collection method in the manifest."""

from __future__ import annotations

import os
import uuid as uuidlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from devices.printer.escpos_decode import decode_escpos
from intake.applicant import Person
from intake.catalog import Catalog
from intake.errors import IntakeError
from intake.identity import resident_id_check_digit
from intake.submission import CapturedMaterial, Channel, Draft, Submission
from station.case_followup import CaseFollowUp
from station.handover_paper import HandedOver
from station.intake_service import IntakeService
from station.typed_text import TypedTextTooLong
from sync.case_outcomes import OutcomeKind
from sync.store import Store
from ui_shared.error_text import error_text

PERSON = Person(name="王小明", id_number="11010519491231002X")
AGENT_ID = "11010519800101001" + resident_id_check_digit("11010519800101001")


@dataclass(frozen=True)
class Event:
    event_id: int
    uuid: str
    case_no: str
    status: str
    note: str
    missing_materials: tuple[str, ...]
    at: datetime


def _case(store: Store, *, status: str | None = None, missing: tuple[str, ...] = (),
          note: str = "") -> Submission:
    sha = store.put_blob(os.urandom(500))
    sub = store.accept(
        uuid=str(uuidlib.uuid4()), station_code="T01", item_code="SB-001",
        catalog_version="1", applicant=PERSON, materials=[CapturedMaterial("M01", (sha,))],
        channel=Channel.WINDOW, clerk_id="c01", now=datetime.now(UTC), collection="community",
    )
    store.mark_delivered(sub.uuid, "SW1", "受理")
    if status:
        store.apply_status_events([Event(int.from_bytes(os.urandom(3)), sub.uuid, "SW1", status,
                                         note, missing, datetime.now(UTC))])
    return sub


@pytest.fixture
def followup(store: Store, catalog: Catalog, intake: IntakeService) -> CaseFollowUp:
    return CaseFollowUp(store, catalog, intake)


def test_request_names_materials_by_code_or_name_and_supplement_is_queued(
    store: Store, followup: CaseFollowUp,
) -> None:
    sub = _case(store, status="补正", note="请补交<b>户口簿</b>",
                missing=("M02", "居民户口簿", "村证明"))
    view = followup.view(sub.uuid)
    assert view.can_supplement and not view.can_hand_over
    assert view.request is not None and view.request.note == "请补交<b>户口簿</b>"
    assert view.request.materials == (("M02", "居民户口簿"), ("M02", "居民户口簿"), ("", "村证明"))
    sha = followup.store_page(b"\xff\xd8 supplement page \xff\xd9")
    with pytest.raises(IntakeError):
        followup.add_supplement(sub.uuid, [("M99", sha)], clerk_id="c01")
    with pytest.raises(IntakeError):
        followup.add_supplement(sub.uuid, [], clerk_id="c01")
    out = followup.add_supplement(sub.uuid, [("M02", sha), ("M02", sha)], clerk_id="c01",
                                  note="户口簿已补交\r\nthe second page\u200b follows")
    body = followup.queue.body(out)
    assert body["note"] == "户口簿已补交\nthe second page follows"  # lines kept, plain
    assert body["uuid"] == out and body["receipt_no"] == sub.receipt_no
    assert body["materials"] == [{"code": "M02", "pages": [sha]}]
    (row,) = followup.view(sub.uuid).supplements
    assert row.state == "queued" and row.kind is OutcomeKind.SUPPLEMENT
    # retention's orphan purge keeps a supplement's page
    assert store.purge_unreferenced_blobs(timedelta(0), now=datetime.now(UTC) + timedelta(1)) == 0
    assert store.has_blob(sha)


def test_supplement_refused_unless_requested(store: Store, followup: CaseFollowUp) -> None:
    sub = _case(store, status="审核中")
    sha = followup.store_page(b"\xff\xd8 x \xff\xd9")
    with pytest.raises(IntakeError) as e:
        followup.add_supplement(sub.uuid, [("M01", sha)], clerk_id="c01")
    assert "无需补正" in error_text(e.value)


def test_handover_rules_and_printed_acknowledgement(
    store: Store, followup: CaseFollowUp, receipt_file: Path,
) -> None:
    waiting = _case(store, status="审核中")
    agent = HandedOver("agent", "李四", "resident", AGENT_ID, "manual", "\u202e子女\x1b ")
    with pytest.raises(IntakeError):
        followup.hand_over(waiting.uuid, agent, clerk_id="c01")
    sub = _case(store, status="办结")
    with pytest.raises(IntakeError):  # an agent needs the relation
        followup.hand_over(sub.uuid, HandedOver("agent", "李四", "resident", AGENT_ID, "manual"),
                           clerk_id="c01")
    # the relation the clerk typed is plain and capped at the platform's 32 (P6): a longer
    # one is refused, never cut and never queued for a 422
    with pytest.raises(TypedTextTooLong):
        followup.hand_over(sub.uuid, HandedOver("agent", "李四", "resident", AGENT_ID, "manual",
                                                "受申请人委托代为领取的亲属" * 3), clerk_id="c01")
    assert followup.queue.for_case(sub.uuid) == []
    with pytest.raises(IntakeError):  # GB 11643 check digit
        followup.hand_over(sub.uuid, HandedOver("applicant", "王小明", "resident",
                                                "110105194912310021", "card"), clerk_id="c01")
    done = followup.hand_over(sub.uuid, agent, clerk_id="c01")
    assert done.print_error == "" and done.printed
    assert receipt_file.read_bytes().endswith(done.printed)
    text = "".join(decode_escpos(done.printed).text.split())
    for needed in ("办结领取确认单", sub.receipt_no, "SW1", "李*", "代领", "子女", "领取人签字"):
        assert needed in text, needed
    assert AGENT_ID not in text and PERSON.id_number not in text
    assert not followup.view(sub.uuid).can_hand_over
    with pytest.raises(IntakeError):
        followup.hand_over(sub.uuid, agent, clerk_id="c01")
    body = followup.queue.body(done.outcome_uuid)
    assert body["collector"]["id_number"] == AGENT_ID and body["collector"]["relation"] == "子女"
    actions = [r["action"] for r in store.audit_rows()]
    assert "handover.recorded" in actions and "handover.printed" in actions


def test_refusal_is_queued_for_the_platform(
    store: Store, intake: IntakeService, catalog: Catalog, followup: CaseFollowUp,
) -> None:
    item = catalog.item("SB-001")
    draft = Draft(item, applicant=PERSON)
    reason = catalog.refusal_reasons[0]
    notice = intake.issue_refusal(draft, reason, clerk_id="c01")
    (row,) = followup.queue.due(datetime.now(UTC) + timedelta(seconds=1))
    assert row.kind is OutcomeKind.REFUSAL and row.reference == notice.receipt_no
    body = followup.queue.body(row.uuid)
    assert body["notice_no"] == notice.receipt_no and body["reason_code"] == reason.code
    assert body["applicant"]["id_number"] == PERSON.id_number
    assert PERSON.id_number.encode() not in store.db_path.read_bytes()  # sealed at rest


def test_collection_method_is_in_the_manifest(store: Store) -> None:
    sub = _case(store)
    manifest = store.manifest(sub.uuid)
    assert manifest["collection"] == "community"
    assert Submission.from_manifest(manifest).collection == "community"
    old = {k: v for k, v in manifest.items() if k != "collection"}
    assert "collection" not in Submission.from_manifest(old).manifest()  # older bytes kept

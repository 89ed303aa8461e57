"""The station services the kiosk stands on, without Qt: progress in plain stages,
own-cases-only reprint and evaluation, evaluations delivered to the reference platform
like submissions, the heartbeat carrying device health."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from devices.idcard.simulator import sample_cards
from devices.printer.escpos_decode import decode_escpos
from intake.applicant import Person
from intake.submission import Channel, Draft
from reference_platform.server import PlatformProcess
from station.card_mapping import person_from_card
from station.context import open_station
from station.device_health import Health
from station.kiosk_services import KioskError, KioskServices
from station.progress import CaseStage
from station.services import StationServices

ITEM = "SB-001"


def _accept(station: StationServices, person: Person) -> str:
    item = station.catalog.item(ITEM)
    draft = Draft(item=item)
    draft.set_applicant(person)
    for m in item.required_materials:
        draft.add_page(m.code, station.intake.store_page(b"\xff\xd8" + m.code.encode()))
    accepted = station.intake.accept(
        draft, channel=Channel.KIOSK, clerk_id=None, catalog_version=station.catalog.version
    )
    return accepted.submission.uuid


@pytest.fixture
def station(station_dir: Path) -> Any:
    s = open_station(station_dir, clerk_id="kiosk")
    yield s
    s.close()


def _deliver(station: StationServices) -> None:
    assert station.engine is not None
    report = station.engine.run_once()
    assert report.remaining == 0, report


def test_progress_stages_note_and_what_to_bring(
    station: StationServices, admin: Callable[..., Any]
) -> None:
    services = KioskServices(station)
    me = person_from_card(sample_cards()[0])
    other = person_from_card(sample_cards()[1])
    mine = _accept(station, me)
    _accept(station, other)
    [case] = services.cases_of(me)
    assert case.stage is CaseStage.WAITING_UPLOAD  # offline-first: accepted, not yet sent
    assert me.id_number not in case.id_label and me.name not in case.applicant_label
    _deliver(station)
    assert services.cases_of(me)[0].stage is CaseStage.RECEIVED
    admin("POST", f"/v1/admin/submissions/{mine}/status",
          json={"status": "补正", "note": "户口簿需本人页", "missing_materials": ["M02"]})
    _deliver(station)
    [case] = services.cases_of(me)
    assert case.stage is CaseStage.SUPPLEMENT
    assert case.note == "户口簿需本人页"
    assert case.bring_zh == ("居民户口簿",)
    assert case.known_at >= case.accepted_at.replace(microsecond=0)  # the platform says seconds
    # the receipt's QR code finds the same case; a forged one finds nothing
    receipt = services.receipt_for(me, mine)
    assert [c.uuid for c in services.cases_by_code(receipt.qr_payload)] == [mine]
    forged = receipt.qr_payload[:-2] + ("AA" if not receipt.qr_payload.endswith("AA") else "BB")
    assert services.cases_by_code(forged) == []


def test_reprint_and_evaluation_only_for_own_finished_cases(
    station: StationServices, admin: Callable[..., Any], platform: PlatformProcess
) -> None:
    services = KioskServices(station)
    me = person_from_card(sample_cards()[0])
    other = person_from_card(sample_cards()[1])
    mine = _accept(station, me)
    theirs = _accept(station, other)
    with pytest.raises(KioskError):
        services.receipt_for(me, theirs)
    with pytest.raises(KioskError):
        services.evaluate(me, theirs, 5)
    assert services.evaluable(me) == []  # not finished yet
    with pytest.raises(KioskError):
        services.evaluate(me, mine, 5)
    _deliver(station)
    admin("POST", f"/v1/admin/submissions/{mine}/status", json={"status": "办结"})
    _deliver(station)
    assert [c.uuid for c in services.evaluable(me)] == [mine]
    with pytest.raises(KioskError):  # reasons only for the two lowest levels
        services.evaluate(me, mine, 4, ("attitude_poor",))
    with pytest.raises(KioskError):
        services.evaluate(me, mine, 2, ("made_up",))
    evaluation = services.evaluate(me, mine, 2, ("efficiency_slow", "attitude_poor"))
    assert services.evaluable(me) == []
    with pytest.raises(KioskError):  # one evaluation per case
        services.evaluate(me, mine, 5)
    assert services.queue_state()["evaluations_queued"] == 1
    _deliver(station)  # the engine's pass delivers it
    assert services.queue_state()["evaluations_queued"] == 0
    with sqlite3.connect(platform.db_path) as db:
        body = db.execute("SELECT body FROM evaluations WHERE uuid = ?", [evaluation]).fetchone()
    held = json.loads(body[0])
    assert held["rating"] == 2 and held["channel"] == "kiosk"
    assert held["reasons"] == ["efficiency_slow", "attitude_poor"]
    assert held["receipt_no"] == station.intake.store.get(mine).receipt_no
    assert me.name not in body[0] and me.id_number not in body[0]


def test_evaluation_waits_offline_and_goes_when_the_platform_answers(
    station: StationServices, admin: Callable[..., Any]
) -> None:
    services = KioskServices(station)
    me = person_from_card(sample_cards()[0])
    mine = _accept(station, me)
    _deliver(station)
    admin("POST", f"/v1/admin/submissions/{mine}/status", json={"status": "办结"})
    _deliver(station)
    services.evaluate(me, mine, 5)
    engine = station.engine
    assert engine is not None
    real = engine.client

    class Down:
        def __getattr__(self, name: str) -> Any:
            return getattr(real, name)

        def put_evaluation(self, uuid: str, body: dict[str, Any]) -> None:
            from sync.client import TransientError

            raise TransientError("platform unreachable: injected", code="network")

    engine.client = Down()  # type: ignore[assignment]
    engine.run_once()
    assert services.queue_state()["evaluations_queued"] == 1  # kept, retried later
    engine.client = real
    engine.evaluations.deliver_due(real, now=None)  # the backoff has not passed: nothing due
    assert services.queue_state()["evaluations_queued"] == 1
    from datetime import UTC, datetime, timedelta

    engine.evaluations.deliver_due(real, now=datetime.now(UTC) + timedelta(hours=2))
    assert services.queue_state()["evaluations_queued"] == 0


def test_heartbeat_carries_device_health_queue_and_last_error(
    station: StationServices, admin: Callable[..., Any]
) -> None:
    services = KioskServices(station)
    services.health.report("reader", Health.OK)
    services.health.report("camera", Health.MISSING, "not_found")
    services.health.report_paper("out")
    engine = station.engine
    assert engine is not None
    engine.heartbeat_interval = 60.0
    engine.run_once()
    rows = {r["station_id"]: r for r in admin("GET", "/v1/admin/stations")}
    beat = json.loads(rows[engine.client.credentials.station_id]["last_heartbeat"])  # type: ignore[attr-defined]
    assert beat["devices"]["reader"] == "ok" and beat["devices"]["camera"] == "missing"
    assert beat["paper"] == "out"
    assert beat["last_error"]["what"] == "printer:paper_out"
    assert beat["queue_depth"] == 0 and beat["evaluations_queued"] == 0


def test_guide_document_names_everything_and_prints(station: StationServices) -> None:
    services = KioskServices(station)
    item = station.catalog.item("SB-002")
    guide = services.guide(item)
    assert (guide.department, guide.legal_basis, guide.fees) == (
        item.department_zh, item.legal_basis_zh, item.fees_zh)
    assert [m.name for m in guide.materials] == [m.name_zh for m in item.materials]
    assert not guide.materials[-1].required  # the optional one stays marked optional
    printed = decode_escpos(services.print_guide(item)).text
    assert item.department_zh in printed and "办事指南" in printed
    assert "回执编号" not in printed and "申 请 人" not in printed  # not a receipt

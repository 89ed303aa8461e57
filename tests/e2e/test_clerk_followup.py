"""Closing the loop on real widgets against the reference platform: the department asks
for 补正 (its note and materials shown on the case), the clerk adds a page to the EXISTING
case from a file (same quality checks; a blurred page is refused) and it reaches the
platform as one supplement; then the result is ready and the clerk records the handover
by an agent (typed identity, original sighted), the acknowledgement prints as real
ESC/POS bytes, and the platform records the handover exactly once."""

from __future__ import annotations

import io
import os
import uuid as uuidlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import cv2
import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from clerk_station.case_detail import CaseDetailDialog
from clerk_station.handover_dialog import HandoverDialog
from clerk_station.supplement_dialog import SupplementDialog
from devices.camera.pipeline import find_page
from devices.camera.synthetic import render_document
from devices.printer.escpos_decode import decode_escpos
from intake.applicant import Person
from intake.submission import CapturedMaterial, Channel
from station.context import open_station
from station.services import StationServices
from sync.store import SyncState
from tests.e2e.intakes import PHOTO_SIZE

PERSON = Person(name="王小明", id_number="11010519491231002X")
SHOTS = Path(os.environ.get("YIWANG_SCREENSHOTS", "")) if os.environ.get(
    "YIWANG_SCREENSHOTS") else None


def _photo(folder: Path, name: str, seed: int, *, blur: float = 0.6) -> Path:
    shot = render_document("居民户口簿", f"YWDOC|{name}", seed=seed, blur=blur, noise=2.0,
                           glare=False, size=PHOTO_SIZE)
    path = folder / name
    assert cv2.imwrite(str(path), shot.image)
    return path


@pytest.fixture
def services(station_dir: Path) -> Iterator[StationServices]:
    s = open_station(station_dir, with_engine=True)
    yield s
    s.close()


def _accepted_case(services: StationServices) -> str:
    store = services.intake.store
    shas = [store.put_blob(os.urandom(2000) + bytes([i])) for i in range(3)]
    sub = store.accept(
        uuid=str(uuidlib.uuid4()), station_code=services.intake.station_code,
        item_code="SB-001", catalog_version="1", applicant=PERSON,
        materials=[CapturedMaterial(f"M0{i + 1}", (sha,)) for i, sha in enumerate(shas)],
        channel=Channel.WINDOW, clerk_id="c01", now=datetime.now(UTC), collection="post",
    )
    engine = services.engine
    assert engine is not None
    engine.run_once()
    assert store.get(sub.uuid).sync_state is SyncState.DELIVERED
    return sub.uuid


def _save(widget: Any, name: str) -> None:
    if SHOTS is not None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(SHOTS / name))


def test_supplement_then_handover_on_real_widgets(
    qtbot: QtBot, services: StationServices, admin: Callable[..., Any], tmp_path: Path,
) -> None:
    engine, day = services.engine, services.clerk_day
    assert engine is not None and day is not None and day.followup is not None
    uuid = _accepted_case(services)
    held = admin("GET", f"/v1/admin/submissions/{uuid}")
    assert held["manifest"]["collection"] == "post"  # the method chosen at intake travels
    admin("POST", f"/v1/admin/submissions/{uuid}/status",
          json={"status": "补正", "note": "户口簿本人页不清晰，请补交",
                "missing_materials": ["居民户口簿"]})
    engine.run_once()

    dialog = CaseDetailDialog(day, uuid, "c01")
    qtbot.addWidget(dialog)
    dialog.show()
    panel = dialog.followup
    assert panel is not None
    qtbot.waitUntil(lambda: panel.view is not None and panel.supplement_button.isVisible(),
                    timeout=10_000)
    assert "户口簿本人页不清晰" in panel.request.text()
    assert "居民户口簿" in panel.requested.text()
    assert not panel.handover_button.isVisible()
    _save(dialog, "case_supplement_request.png")

    sup = panel.open_supplement()
    assert isinstance(sup, SupplementDialog)
    qtbot.addWidget(sup)
    assert sup.material.currentData() == "M02"  # the requested material comes first
    shots = tmp_path / "shots"
    shots.mkdir()
    sup.import_files([_photo(shots, "blurred.png", 3, blur=3.5)])
    # worded in the window's language: English here (no translator installed)
    qtbot.waitUntil(lambda: "blurry" in sup.message.text(),
                    timeout=20_000)
    assert sup.pages == [] and not sup.send_button.isEnabled()
    sup.import_files([_photo(shots, "sharp.png", 4)])
    qtbot.waitUntil(lambda: len(sup.pages) == 1, timeout=20_000)
    _save(sup, "supplement_dialog.png")
    # a note over the platform's 2000 characters is refused, never cut: the dialog says
    # so and keeps it (station.typed_text); nothing is queued
    too_long = "请核对户口簿本人页。" * 201
    sup.note.setText(too_long)
    sup.send_button.click()
    assert "at most 2000 characters, 2010 typed" in sup.message.text()
    assert sup.note.text() == too_long and sup.outcome_uuid is None
    assert sup.send_button.isEnabled()
    _save(sup, "supplement_note_too_long.png")
    sup.note.setText("已补交\x07户口簿本人页\u200b")  # a control and an invisible: dropped
    sup.send_button.click()
    qtbot.waitUntil(lambda: sup.outcome_uuid is not None, timeout=10_000)
    outcome = sup.outcome_uuid
    sup.accept()
    qtbot.waitUntil(lambda: "waiting" in panel.progress.text()
                    or "待" in panel.progress.text(), timeout=10_000)
    engine.run_once()
    held_sup = admin("GET", f"/v1/admin/supplements?submission={uuid}")
    assert [h["uuid"] for h in held_sup] == [outcome]
    # the note as sealed for the platform: plain
    assert outcome is not None and day.followup.queue.body(outcome)["note"] == "已补交户口簿本人页"
    sha = sup.pages[0][1]
    assert [b["sha256"] for b in held_sup[0]["blobs"]] == [sha]
    assert held_sup[0]["blobs"][0]["verified"]
    engine.run_once()  # nothing is sent twice
    assert len(admin("GET", f"/v1/admin/supplements?submission={uuid}")) == 1

    # the department finishes; the agent collects the result
    admin("POST", f"/v1/admin/submissions/{uuid}/status", json={"status": "办结", "note": "已办结"})
    engine.run_once()
    panel.refresh()
    qtbot.waitUntil(lambda: panel.handover_button.isVisible(), timeout=10_000)
    hand = panel.open_handover()
    assert isinstance(hand, HandoverDialog)
    qtbot.addWidget(hand)
    hand.role.setCurrentIndex(1)
    hand.relation.setCurrentText("受申请人委托的远房亲戚" * 3)  # 33: over the platform's 32
    hand.name.setText("王大明")
    qtbot.keyClicks(hand.id_number, "11010519491231002X")
    hand.sighted.setChecked(True)
    hand.record_button.click()
    # refused before anything is recorded, naming the field (the dialog has two typed
    # fields), what was typed kept (station.typed_text)
    assert "Relation to the applicant: Too long: at most 32 characters, 33 typed" in \
        hand.message.text(), hand.message.text()
    assert hand.relation.currentText() == "受申请人委托的远房亲戚" * 3
    assert hand.done_result is None and hand.record_button.isEnabled()
    hand.relation.setCurrentText("子女")
    hand.sighted.setChecked(False)
    hand.id_number.clear()
    qtbot.keyClicks(hand.id_number, "110105194912310021")  # check digit wrong
    # worded in the window's language: English here (no translator installed)
    assert not hand.record_button.isEnabled() and "check digit" in hand.id_check.text()
    hand.id_number.clear()
    qtbot.keyClicks(hand.id_number, "11010519491231002X")
    assert not hand.record_button.isEnabled()  # the original was not sighted yet
    hand.sighted.setChecked(True)
    assert hand.record_button.isEnabled()
    _save(hand, "handover_dialog.png")
    paper = services.intake.store.data_dir / "printer" / "receipts.escpos"
    before = paper.stat().st_size if paper.exists() else 0
    hand.record_button.click()
    qtbot.waitUntil(lambda: hand.done_result is not None, timeout=15_000)
    done = hand.done_result
    assert done is not None and done.print_error == "" and done.printed
    text = "".join(decode_escpos(done.printed).text.split())  # lines wrap at the paper width
    for needed in ("办结领取确认单", "代领", "子女", "领取人签字", "人工录入，已核验原件"):
        assert needed in text, needed
    assert "11010519491231002X" not in text  # masked on paper
    assert paper.read_bytes()[before:] == done.printed  # what went to the printer
    # the same acknowledgement as an A4 PDF for the hall's laser printer
    hand.papers_button.click()
    papers = hand.paper_actions
    pdfs: list[bytes] = []
    papers._with_pdf(pdfs.append)
    qtbot.waitUntil(lambda: bool(pdfs), timeout=60_000)
    pages = PdfReader(io.BytesIO(pdfs[0])).pages
    a4 = "".join("".join((page.extract_text() or "").split()) for page in pages)
    for needed in ("办结领取确认单", "子女", "领取人签字"):
        assert needed in a4, needed
    assert "11010519491231002X" not in a4  # masked on A4 too
    assert hand.papers_dialog is not None
    hand.papers_dialog.close()
    hand.accept()
    engine.run_once()
    outcomes = [o for o in admin("GET", "/v1/admin/outcomes") if o["submission_uuid"] == uuid]
    assert len(outcomes) == 1 and outcomes[0]["kind"] == "handover"
    assert outcomes[0]["body"]["collector"]["id_source"] == "manual"
    assert admin("GET", f"/v1/admin/submissions/{uuid}")["status"] == "已领取"
    dialog.close()
    again = CaseDetailDialog(day, uuid, "c01")  # the acknowledgement is among its documents
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.detail is not None, timeout=10_000)
    names = [again.documents.item(i, 0).text() for i in range(again.documents.rowCount())]
    assert "Handover confirmation" in names  # 办结领取确认单 in the Chinese window
    again.close()
    queued = day.followup.queue.for_case(uuid)
    assert {r.kind.value: r.state for r in queued} == {"supplement": "delivered",
                                                       "handover": "delivered"}
    dialog.close()


def test_handover_identified_by_card_read_and_refusal_delivered(
    qtbot: QtBot, services: StationServices, admin: Callable[..., Any],
) -> None:
    """A supplement page from the window's document camera; the collector's card, read by
    the window's reader, goes to the open handover (not to the intake form); a refusal
    issued at the window reaches the platform once."""
    from clerk_station.app import build_window

    engine, day = services.engine, services.clerk_day
    assert engine is not None and day is not None and day.followup is not None
    uuid = _accepted_case(services)
    admin("POST", f"/v1/admin/submissions/{uuid}/status",
          json={"status": "补正", "missing_materials": ["M03"]})
    engine.run_once()
    window = build_window(services)
    qtbot.addWidget(window)
    window.show()
    window.start()
    sims = services.simulators
    assert sims is not None
    try:
        dialog = CaseDetailDialog(day, uuid, "c01")
        qtbot.addWidget(dialog)
        dialog.show()
        panel = dialog.followup
        assert panel is not None
        # 补正 with the window's document camera
        qtbot.waitUntil(lambda: panel.supplement_button.isVisible(), timeout=10_000)
        sup = panel.open_supplement()
        assert isinstance(sup, SupplementDialog)
        qtbot.addWidget(sup)
        assert sup.camera_button.isEnabled() and sup.material.currentData() == "M03"
        sims.present_document("城乡居民基本养老保险参保登记表", "YWDOC|SB-001|M03")
        preview = window.capturing.preview
        qtbot.waitUntil(lambda: preview.latest_frame is not None
                        and find_page(preview.latest_frame) is not None, timeout=10_000)
        sup.camera_button.click()
        qtbot.waitUntil(lambda: len(sup.pages) == 1, timeout=20_000)
        sup.send_button.click()
        qtbot.waitUntil(lambda: sup.outcome_uuid is not None, timeout=10_000)
        sup.accept()
        admin("POST", f"/v1/admin/submissions/{uuid}/status", json={"status": "办结"})
        engine.run_once()
        held_sup = admin("GET", f"/v1/admin/supplements?submission={uuid}")
        assert [h["uuid"] for h in held_sup] == [sup.outcome_uuid]
        panel.refresh()
        qtbot.waitUntil(lambda: panel.handover_button.isVisible(), timeout=10_000)
        hand = panel.open_handover()
        assert isinstance(hand, HandoverDialog)
        qtbot.addWidget(hand)
        card = sims.sample_cards()[0]
        sims.place_card(card)
        qtbot.waitUntil(lambda: hand.source == "card", timeout=10_000)
        assert hand.id_number.text() == card.id_number and hand.name.text() == card.name
        assert not hand.sighted.isVisible() and hand.record_button.isEnabled()
        assert window.session.state.person is None  # the intake form did not take it
        hand.record_button.click()
        qtbot.waitUntil(lambda: hand.done_result is not None, timeout=15_000)
        hand.accept()
        assert day.followup.card_listener is None  # the next card is the intake's again

        # a refusal at the window, then one pass: the platform holds it once
        sims.remove_card()
        sims.place_card(card)
        qtbot.waitUntil(lambda: window.session.state.person is not None, timeout=10_000)
        window.picker.choose("NY-001")
        ask = window.ask_refusal()
        assert ask is not None
        ask.setTextValue(ask.comboBoxItems()[0])
        ask.accept()
        qtbot.waitUntil(lambda: window.outcomes.info_box is not None, timeout=10_000)
        engine.run_once()
        engine.run_once()  # a second pass sends nothing again
        held = admin("GET", "/v1/admin/outcomes")
        code = services.intake.station_code
        refusals = [o for o in held if o["kind"] == "refusal"
                    and o["reference"].startswith(code + "-BY")]
        assert len(refusals) == 1
        body = refusals[0]["body"]
        assert body["item_code"] == "NY-001" and body["reason_code"]
        assert body["catalog_version"] == services.catalog.version  # the catalog it applied
        assert body["applicant"]["id_number"] == card.id_number
        handovers = [o for o in held if o["submission_uuid"] == uuid]
        assert len(handovers) == 1 and handovers[0]["body"]["collector"]["id_source"] == "card"
        dialog.close()
    finally:
        window.shutdown()

"""Papers and screens name the clerk by the clerk directory's display name, never by
the login id: the printed 一次性告知书 (ESC/POS bytes decoded), its A4 PDF (text read
back with pypdf), a reprinted 受理回执, and the case view."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from clerk_station.app import build_window
from clerk_station.case_detail import CaseDetailDialog
from devices.printer.escpos_decode import decode_escpos
from intake.applicant import Person
from intake.submission import CapturedMaterial, Channel
from station.context import open_station
from station.pins import PinGuard, PinHasher

CLERK_ID, CLERK_NAME = "c07", "周明远"


def _flat(text: str) -> str:
    return "".join(text.split())


def test_papers_and_case_view_name_the_clerk(
    qtbot: QtBot, station_dir: Path, tmp_path: Path
) -> None:
    services = open_station(station_dir, with_engine=False)
    day = services.clerk_day
    assert day is not None
    day.directory.guard = PinGuard(PinHasher(time_cost=1, memory_kib=1024))
    day.directory.add(CLERK_ID, CLERK_NAME, "730518", by="setup")
    services.clerk_id = CLERK_ID
    window = build_window(services)
    qtbot.addWidget(window)
    window.show()
    window.start()
    receipts = station_dir / "printer" / "receipts.escpos"
    try:
        assert window.session.clerk_id == CLERK_ID
        sims = services.simulators
        assert sims is not None
        sims.place_card(sims.sample_cards()[0])
        qtbot.waitUntil(lambda: window.session.state.person is not None, timeout=10_000)
        window.picker.choose("SB-001")
        qtbot.waitUntil(lambda: window.session.state.storing == 0, timeout=10_000)
        window.notice_button.click()
        qtbot.waitUntil(lambda: window.receipt_dialog is not None, timeout=20_000)
        printed = _flat(decode_escpos(receipts.read_bytes()).text)
        assert "一次性告知书" in printed and f"经办人：{CLERK_NAME}" in printed
        assert CLERK_ID not in printed

        dialog = window.receipt_dialog
        assert dialog is not None
        target = tmp_path / "notice.pdf"
        dialog.save_pdf_requested.emit(str(target))
        qtbot.waitUntil(lambda: str(target) in dialog.status.text(), timeout=20_000)
        reader = PdfReader(io.BytesIO(target.read_bytes()))
        pdf = "".join(_flat(p.extract_text()) for p in reader.pages)
        assert CLERK_NAME in pdf and CLERK_ID not in pdf
        dialog.close()

        # an accepted case: the reprinted receipt and the case view name the clerk too
        store = services.intake.store
        sha = store.put_blob(b"page one of the application form")
        sub = store.accept(
            uuid="8c3e3f0e-0f7a-4a55-8d3b-3f3b7f1e2a07",
            station_code=services.intake.station_code, item_code="SB-001", catalog_version="v",
            applicant=Person(name="王小明", id_number="11010519491231002X"),
            materials=[CapturedMaterial("M01", (sha,))], channel=Channel.WINDOW,
            clerk_id=CLERK_ID, now=datetime.now(UTC),
        )
        reprint = _flat(decode_escpos(day.ledger.reprint(sub.uuid, clerk_id=CLERK_ID)).text)
        assert f"受理人：{CLERK_NAME}" in reprint and CLERK_ID not in reprint
        view = CaseDetailDialog(day, sub.uuid, CLERK_ID)
        qtbot.addWidget(view)
        qtbot.waitUntil(lambda: view.detail is not None, timeout=10_000)
        assert CLERK_NAME in view.facts.text() and CLERK_ID not in view.facts.text()
        qtbot.waitUntil(lambda: view.documents.rowCount() == 1, timeout=10_000)
        doc_clerk = view.documents.item(0, 2)
        assert doc_clerk is not None and doc_clerk.text() == CLERK_NAME
    finally:
        window.shutdown()
        services.close()

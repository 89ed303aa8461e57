"""The walking skeleton end to end, driven through the clerk window with qtbot.

Simulated card placed on a GA 467 reader (real driver over a pty) -> item
chosen -> each required material captured from the simulated document camera
-> accept -> the sync engine delivers -> the reference platform holds the
submission exactly once with verified blobs -> the receipt file holds
受理回执 in GB18030 inside the printer's Chinese mode, and a QR code that
decodes to the signed receipt payload.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import zxingcpp
from pytestqt.qtbot import QtBot

from clerk_station.app import build_window
from devices.printer.escpos_decode import decode_escpos
from station.context import open_station
from station.intake_service import Accepted
from station.receipt_code import verify_payload
from sync.config import load_config, load_credentials

ITEM = "SB-001"  # a personal social-security item of the seed catalog


def _wait_for_platform(admin: Callable[..., Any], uuid: str, timeout: float = 30) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        held = [s for s in admin("GET", "/v1/admin/submissions") if s["uuid"] == uuid]
        if held:
            return {"count": len(held), "record": held[0]}
        time.sleep(0.3)
    raise AssertionError("the platform never received the submission")


def test_card_to_platform_to_receipt(
    qtbot: QtBot, station_dir: Path, admin: Callable[..., Any]
) -> None:
    services = open_station(station_dir)
    window = build_window(services, language="zh_CN")
    qtbot.addWidget(window)
    window.show()
    window.start()
    try:
        sims = services.simulators
        assert sims is not None
        card = sims.sample_cards()[0]
        sims.place_card(card)
        qtbot.waitUntil(lambda: window.applicant_panel.applicant is not None, timeout=10_000)
        # on screen the applicant is masked
        assert card.id_number not in window.applicant_panel.id_label.text()
        assert "*" in window.applicant_panel.id_label.text()

        item = window.picker.choose(ITEM)
        assert window.draft is not None
        # the card read files the ID card material itself (a 身份证信息 page, no photo)
        qtbot.waitUntil(lambda: bool(window.session.state.pages.get("M01")), timeout=10_000)
        assert item.material("M01").card_read
        for row, material in enumerate(item.materials):
            if not material.required or material.code == "M01":
                continue
            window.materials_panel.select_row(row)
            # the simulated camera now shows this material; wait for a fresh detected frame
            with qtbot.waitSignal(window.preview.frame_shown, timeout=10_000):
                pass
            qtbot.waitUntil(lambda: window.preview.page_detected, timeout=10_000)
            with qtbot.waitSignal(window.page_stored, timeout=20_000) as stored:
                window.capture_button.click()
            assert stored.args is not None and stored.args[0] == material.code
        assert window.draft.is_complete
        assert window.accept_button.isEnabled()

        with qtbot.waitSignal(window.accepted, timeout=20_000) as accepted_signal:
            window.accept_button.click()
        assert accepted_signal.args is not None
        accepted: Accepted = accepted_signal.args[0]
        submission = accepted.submission
        qtbot.waitUntil(lambda: window.receipt_dialog is not None, timeout=5_000)

        found = _wait_for_platform(admin, submission.uuid)
        assert found["count"] == 1
        blobs = {b["sha256"]: b for b in found["record"]["blobs"]}
        assert set(blobs) == set(submission.blob_hashes)
        assert all(b["present"] and b["verified"] for b in blobs.values())
        assert found["record"]["receipt_no"] == submission.receipt_no
        # exactly one submission of this station on the (shared) platform: receipt
        # numbers begin with the station's code
        prefix = f"{load_config(station_dir).station_code}-"
        held = admin("GET", "/v1/admin/submissions")
        ours = [s for s in held if s["receipt_no"].startswith(prefix)]
        assert len(ours) == 1
        qtbot.waitUntil(lambda: services.intake.store.queue_depth() == 0, timeout=10_000)

        receipt_file = station_dir / "printer" / "receipts.escpos"
        data = receipt_file.read_bytes()
        title = "受理回执".encode("gb18030")
        start = data.index(b"\x1c\x26")
        assert title in data[start : data.index(b"\x1c\x2e", start + 2)]
        decoded = decode_escpos(data)
        assert "受理回执" in decoded.chinese_text
        assert submission.receipt_no in decoded.text
        assert card.name not in decoded.text  # masked on paper
        payloads = []
        for op in decoded.rasters:
            img = np.array(op.image())
            payloads += [r.text for r in zxingcpp.read_barcodes(img)]
        secret = load_credentials(station_dir).secret
        assert [verify_payload(secret, p) for p in payloads] == [submission.receipt_no]
    finally:
        window.shutdown()
        services.close()

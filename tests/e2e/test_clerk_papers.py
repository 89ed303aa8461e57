"""The clerk's papers from the window: the receipt carries the collection method
chosen at intake and the promised date; an unusable material goes on the
numbered 一次性告知书 with its reason."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import zxingcpp
from pytestqt.qtbot import QtBot

from clerk_station.app import build_window
from devices.printer.escpos_decode import decode_escpos
from station.context import open_station
from station.intake_session import Phase
from tests.helpers.clerk import capture_required


def test_notice_with_reason_then_accept_with_collection(qtbot: QtBot, station_dir: Path) -> None:
    services = open_station(station_dir, with_engine=False)
    window = build_window(services)
    qtbot.addWidget(window)
    window.show()
    window.start()
    receipts = station_dir / "printer" / "receipts.escpos"
    try:
        sims = services.simulators
        assert sims is not None
        sims.place_card(sims.sample_cards()[0])
        qtbot.waitUntil(lambda: window.session.state.person is not None, timeout=10_000)
        item = window.picker.choose("YB-001")
        capture_required(qtbot, window, item)
        window.materials_panel.select_row(1)  # the registration form
        dialog = window.ask_defect()
        assert dialog is not None
        # a reason over the notice's 40 characters is refused, never cut, and asked for
        # again with what was typed (station.typed_text)
        too_long = "缺少申请人签字" * 6
        dialog.setTextValue(too_long)
        dialog.accept()
        qtbot.waitUntil(lambda: window.decisions.defect_dialog is not dialog, timeout=5_000)
        again = window.decisions.defect_dialog
        assert again is not None and again.isVisible()
        assert again.textValue() == too_long and "M02" not in window.session.state.defects
        assert "at most 40 characters, 42 typed" in again.labelText()
        again.setTextValue("\u202e缺少签字或盖章\x1b")  # invisible and control: dropped
        again.accept()
        assert window.session.state.defects["M02"] == "缺少签字或盖章"
        assert not window.accept_button.isEnabled() and window.notice_button.isEnabled()
        window.notice_button.click()
        qtbot.waitUntil(lambda: window.session.state.phase is Phase.NOTICE, timeout=10_000)
        printed = decode_escpos(receipts.read_bytes())
        notice = "".join(printed.text.split())
        assert "一次性告知书" in notice and "缺少签字或盖章" in notice
        codes = [
            r.text for op in printed.rasters for r in zxingcpp.read_barcodes(np.array(op.image()))
        ]
        [notice_code] = [c for c in codes if c.startswith("YWGZ|")]
        assert notice_code.removeprefix("YWGZ|") in notice

        window.session.defect_cleared("M02")  # the citizen signs the form there and then
        window.collection.setCurrentIndex(window.collection.findData("community"))
        assert window.session.state.collection == "community"
        assert window.session.state.phase is Phase.REVIEW
        with qtbot.waitSignal(window.accepted, timeout=20_000) as accepted:
            window.accept_button.click()
        assert accepted.args is not None
        text = decode_escpos(receipts.read_bytes()).text
        assert "领取方式：村（社区）代办员代领" in text and "承诺办结：" in text
        assert accepted.args[0].submission.receipt_no in text
        assert window.collection.currentData() == "window"  # the next citizen starts afresh

        # a citizen comes back with a notice: its code starts the intake from the item
        window.scanning.handle(notice_code)
        qtbot.waitUntil(lambda: window.session.state.item is not None, timeout=10_000)
        assert window.session.state.item is not None
        assert window.session.state.item.code == "YB-001"
    finally:
        window.shutdown()
        services.close()


def test_refusal_from_the_window(qtbot: QtBot, station_dir: Path) -> None:
    services = open_station(station_dir, with_engine=False)
    window = build_window(services)
    qtbot.addWidget(window)
    window.show()
    window.start()
    receipts = station_dir / "printer" / "receipts.escpos"
    try:
        # nothing to refuse yet: the buttons wait for an applicant (they did nothing before)
        assert not window.refuse_button.isEnabled() and not window.defect_button.isEnabled()
        sims = services.simulators
        assert sims is not None
        sims.place_card(sims.sample_cards()[0])
        qtbot.waitUntil(lambda: window.session.state.person is not None, timeout=10_000)
        window.picker.choose("NY-001")
        assert window.refuse_button.isEnabled()
        dialog = window.ask_refusal()
        assert dialog is not None
        dialog.setTextValue(dialog.comboBoxItems()[0])  # 不属于本机关职权范围
        dialog.accept()
        qtbot.waitUntil(lambda: window.outcomes.info_box is not None, timeout=10_000)
        assert window.outcomes.info_box is not None
        assert "-BY" in window.outcomes.info_box.text()
        assert window.session.state.item is None  # ready for the next citizen
        text = "".join(decode_escpos(receipts.read_bytes()).text.split())
        assert "不予受理通知书" in text and "第三十二条" in text
        assert services.intake.store.queue_depth() == 0
    finally:
        window.shutdown()
        services.close()

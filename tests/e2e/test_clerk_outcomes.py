"""The new outcomes on the real clerk window: 容缺受理 and 告知承诺制 accepted from
their buttons, papers printed (decoded from the ESC/POS bytes), previewed as A4 and
saved as PDF from the outcome dialog (read back with pypdf); the page viewer's zoom,
rotation and paging from the keyboard."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from PIL import Image
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from clerk_station.app import build_window
from clerk_station.main_window import ClerkWindow
from devices.camera.pipeline import CapturedPage
from devices.printer.escpos_decode import decode_escpos
from intake.acceptance import Mode
from station.context import open_station


def _capture(qtbot: QtBot, window: ClerkWindow, *codes: str) -> None:
    """Capture the named materials with the simulated document camera."""
    item = window.session.state.item
    assert item is not None
    rows = [m.code for m in item.materials]
    for code in codes:
        window.materials_panel.select_row(rows.index(code))
        with qtbot.waitSignal(window.preview.frame_shown, timeout=10_000):
            pass
        qtbot.waitUntil(lambda: window.preview.page_detected, timeout=10_000)
        qtbot.waitUntil(window.capture_button.isEnabled, timeout=10_000)
        with qtbot.waitSignal(window.page_stored, timeout=20_000):
            window.capture_button.click()
    qtbot.waitUntil(lambda: window.session.state.storing == 0, timeout=10_000)


def _open(qtbot: QtBot, station_dir: Path) -> ClerkWindow:
    window = build_window(open_station(station_dir, with_engine=False))
    qtbot.addWidget(window)
    window.show()
    window.start()
    sims = window.services.simulators
    assert sims is not None
    sims.place_card(sims.sample_cards()[0])
    qtbot.waitUntil(lambda: window.session.state.person is not None, timeout=10_000)
    return window


def _save_pdf(qtbot: QtBot, window: ClerkWindow, target: Path) -> str:
    dialog = window.receipt_dialog
    assert dialog is not None
    dialog.save_pdf.click()
    assert dialog.file_dialog is not None and dialog.file_dialog.isVisible()
    dialog.file_dialog.close()  # the clerk's choice, as the dialog reports it:
    dialog.save_pdf_requested.emit(str(target))
    qtbot.waitUntil(lambda: "PDF" not in dialog.status.text() and target.exists(), timeout=20_000)
    qtbot.waitUntil(lambda: str(target) in dialog.status.text(), timeout=10_000)
    reader = PdfReader(io.BytesIO(target.read_bytes()))
    return "".join("".join(p.extract_text().split()) for p in reader.pages)


def test_deficiency_accept_from_the_window(
    qtbot: QtBot, station_dir: Path, tmp_path: Path
) -> None:
    window = _open(qtbot, station_dir)
    receipts = station_dir / "printer" / "receipts.escpos"
    try:
        window.picker.choose("SB-001")
        _capture(qtbot, window, "M03")  # 居民户口簿 (M02, not key) stays missing
        assert not window.accept_button.isEnabled()
        assert window.deficiency_button.isEnabled() and not window.commitment_button.isEnabled()
        with qtbot.waitSignal(window.accepted, timeout=20_000) as accepted:
            window.deficiency_button.click()
        assert accepted.args is not None
        submission = accepted.args[0].submission
        assert submission.acceptance is not None and submission.acceptance.mode is Mode.DEFICIENCY
        stored = window.services.intake.store.get(submission.uuid).submission
        assert stored.acceptance == submission.acceptance
        printed = "".join(decode_escpos(receipts.read_bytes()).text.split())
        assert "受理方式：容缺受理" in printed and "补齐期限：" in printed
        assert "居民户口簿" in printed and submission.receipt_no in printed

        qtbot.waitUntil(lambda: window.receipt_dialog is not None, timeout=10_000)
        dialog = window.receipt_dialog
        assert dialog is not None and not dialog.papers.isVisible()  # one paper
        dialog.a4.click()  # the A4 page, rendered from the PDF
        qtbot.waitUntil(lambda: dialog.showing_a4, timeout=20_000)
        sheet = dialog.preview.pixmap()
        assert sheet.height() > sheet.width() > 500  # portrait A4
        text = _save_pdf(qtbot, window, tmp_path / "receipt.pdf")
        assert "容缺受理" in text and submission.receipt_no in text and "补齐期限" in text
        store = window.services.intake.store

        def exported() -> bool:
            return any(
                r["action"] == "export" and '"a4_pdf"' in r["detail"] for r in store.audit_rows()
            )

        qtbot.waitUntil(exported, timeout=10_000)  # a PDF of personal data is an export

        # "Print A4…": the print dialog, then the pages on the chosen (here: PDF) printer
        dialog.print_a4.click()
        actions = window.outcomes.paper_actions
        assert actions is not None
        qtbot.waitUntil(lambda: actions.print_dialog is not None, timeout=10_000)
        print_dialog = actions.print_dialog
        assert print_dialog is not None
        printed_pdf = tmp_path / "laser.pdf"
        print_dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        print_dialog.printer().setOutputFileName(str(printed_pdf))
        # done(), not accept(): accept() would take the printer from the dialog's widgets
        print_dialog.done(QDialog.DialogCode.Accepted)
        qtbot.waitUntil(lambda: "printer" in dialog.status.text(), timeout=20_000)
        assert len(PdfReader(io.BytesIO(printed_pdf.read_bytes())).pages) == 1
        dialog.a4.click()
        qtbot.waitUntil(lambda: not dialog.showing_a4, timeout=10_000)
        dialog.close()
    finally:
        window.shutdown()
        window.services.close()


def test_commitment_accept_prints_the_form_and_offers_both_papers(
    qtbot: QtBot, station_dir: Path, tmp_path: Path
) -> None:
    window = _open(qtbot, station_dir)
    receipts = station_dir / "printer" / "receipts.escpos"
    try:
        window.picker.choose("SB-002")
        _capture(qtbot, window, "M03", "M04")  # 居民户口簿 (M02) by commitment
        assert window.commitment_button.isEnabled() and not window.deficiency_button.isEnabled()
        with qtbot.waitSignal(window.accepted, timeout=20_000) as accepted:
            window.commitment_button.click()
        assert accepted.args is not None
        receipt_no = accepted.args[0].submission.receipt_no
        form = "".join(decode_escpos(receipts.read_bytes()).text.split())  # the last job
        assert "告知承诺书" in form and "承诺人（签字并按手印）：" in form and receipt_no in form

        qtbot.waitUntil(lambda: window.receipt_dialog is not None, timeout=10_000)
        dialog = window.receipt_dialog
        assert dialog is not None
        assert [dialog.papers.itemText(i) for i in range(dialog.papers.count())] == [
            "受理回执",
            "告知承诺书",
        ]
        dialog.papers.setCurrentIndex(1)
        text = _save_pdf(qtbot, window, tmp_path / "commitment.pdf")
        assert "告知承诺书" in text and "以本承诺代替的材料" in text and receipt_no in text
        dialog.close()
    finally:
        window.shutdown()
        window.services.close()


def test_page_viewer_zooms_rotates_and_pages_from_the_keyboard(
    qtbot: QtBot, station_dir: Path
) -> None:
    window = _open(qtbot, station_dir)
    try:
        window.picker.choose("SB-001")
        for shade in (200, 120):  # two real JPEG pages of the registration form, portrait
            image = Image.new("RGB", (620, 877), (shade, shade, shade))
            out = io.BytesIO()
            image.save(out, "JPEG")
            page = CapturedPage(
                jpeg=out.getvalue(),
                corners=np.zeros((4, 2), np.float32),
                findings=[],
                width=620,
                height=877,
            )
            window.session.page_captured(page, "M03")
        qtbot.waitUntil(lambda: len(window.session.state.pages.get("M03", ())) == 2)
        window.session.select_material("M03")
        strip = window.capturing.strip
        qtbot.waitUntil(lambda: strip.list.count() == 2, timeout=10_000)
        strip.list.setFocus()
        strip.list.setCurrentRow(0)
        qtbot.keyClick(strip.list, Qt.Key.Key_Return)  # Enter opens the viewer
        viewer = strip.viewer
        assert viewer is not None
        qtbot.waitUntil(lambda: viewer.image is not None, timeout=10_000)
        width, height = viewer.shown_size()
        assert width > 0 and height > 0
        qtbot.keyClick(viewer, Qt.Key.Key_Plus)
        assert viewer.zoom > 1.0
        qtbot.waitUntil(lambda: viewer.shown_size()[0] > width, timeout=5_000)
        qtbot.keyClick(viewer, Qt.Key.Key_0)
        assert viewer.zoom == 1.0
        qtbot.keyClick(viewer, Qt.Key.Key_R)
        assert viewer.rotation == 90
        turned = viewer.shown_size()
        # a quarter turn: the page lies on its side (wider than tall, or the other way)
        assert (turned[0] > turned[1]) != (width > height)
        qtbot.keyClick(viewer, Qt.Key.Key_PageDown)
        assert viewer.index == 1 and viewer.rotation == 0
        qtbot.keyClick(viewer, Qt.Key.Key_PageDown)  # the last page: stays
        assert viewer.index == 1
        qtbot.keyClick(viewer, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: strip.viewer is None, timeout=5_000)
    finally:
        window.shutdown()
        window.services.close()


def test_notice_and_refusal_papers_open_as_a4_from_their_dialogs(
    qtbot: QtBot, station_dir: Path, tmp_path: Path
) -> None:
    window = _open(qtbot, station_dir)
    try:
        window.picker.choose("SB-001")
        qtbot.waitUntil(lambda: window.session.state.storing == 0, timeout=10_000)
        window.notice_button.click()
        qtbot.waitUntil(lambda: window.receipt_dialog is not None, timeout=20_000)
        dialog = window.receipt_dialog
        assert dialog is not None and window.session.state.phase.value == "notice"
        text = _save_pdf(qtbot, window, tmp_path / "notice.pdf")
        assert "一次性告知书" in text and "城乡居民基本养老保险参保登记表" in text
        assert "申请人签字" in text
        dialog.close()

        refusal = window.ask_refusal()
        assert refusal is not None
        refusal.setTextValue(refusal.comboBoxItems()[0])
        refusal.accept()
        qtbot.waitUntil(lambda: window.outcomes.info_box is not None, timeout=10_000)
        box = window.outcomes.info_box
        assert box is not None
        [view] = [b for b in box.buttons() if b.objectName() == "refusalPapers"]
        view.click()
        qtbot.waitUntil(
            lambda: window.receipt_dialog is not None and window.receipt_dialog is not dialog,
            timeout=20_000,
        )
        text = _save_pdf(qtbot, window, tmp_path / "refusal.pdf")
        assert "不予受理通知书" in text and "第三十二条" in text and "行政复议" in text
        assert "六十日内向县人民政府申请行政复议" in text and "六个月内" in text
        assert window.receipt_dialog is not None
        window.receipt_dialog.close()
    finally:
        window.shutdown()
        window.services.close()


def test_a4_pages_print_on_a_real_qprinter(qtbot: QtBot, tmp_path: Path) -> None:
    """What "Print A4…" does after the print dialog: paint every page onto the printer
    (here a QPrinter writing a PDF file, read back)."""
    from clerk_station.a4_pages import print_pages
    from devices.printer.a4 import render_a4
    from devices.printer.receipt import Receipt

    paper = Receipt(
        title="受理回执", station_name="城关镇便民服务中心", receipt_no="T01-20261203-0001",
        item_name="事项", applicant_label="张*", id_label="1101**********002X",
        materials=[(f"材料{n}", 1) for n in range(60)],  # long enough for more than one page
        accepted_at=datetime.now(UTC), time_limit_days=3, qr_payload="YW1|T01-20261203-0001|X",
    )
    pdf = render_a4(paper)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    assert pages > 1
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    print_pages(printer, pdf)
    assert len(PdfReader(io.BytesIO(out.read_bytes())).pages) == pages

"""Hostile text through every clerk surface: shown as plain text, never as Qt rich text.

Payloads: HTML that Qt would render (a scanned `<img src=/dev/zero>` crashed the window,
`<img src=FILE>` showed a local file) and control characters. Each surface is driven
the way the product drives it, and the rendered text is read back.
"""

from __future__ import annotations

import dataclasses
import html
import logging
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from clerk_station.app import build_window
from clerk_station.case_list import CaseListDialog
from clerk_station.item_picker import ItemPicker
from clerk_station.receipt_dialog import ReceiptDialog
from devices.scanner.serial_scanner import SerialScannerSimulator
from intake.applicant import Person
from intake.catalog import Catalog
from intake.identity import resident_id_check_digit
from station.context import open_station
from station.device_settings import load_device_settings, save_device_settings
from station.ledger import LedgerPage, LedgerQuery
from tests.e2e.intakes import accepted_cases
from ui_shared.messages import user_message
from ui_shared.plain_text import PlainTextModel, plain_message_box, tooltip

BOMB = "<img src=/dev/zero width=99999 height=99999>"
CONTROLS = "A\x00B\x1b[31mC\u202eD\x07E"
CONTROLS_SHOWN = "A[NUL]B[ESC][31mCD[BEL]E"  # controls visible, bidi override removed


def leak(path: Path) -> str:
    return f"<b>x</b><img src='{path}'>"


class RecordingDocument(QTextDocument):
    """A rich-text document that records every resource (image) it is asked to load."""

    def __init__(self) -> None:
        super().__init__()
        self.requested: list[str] = []

    def loadResource(self, kind: int, name: QUrl) -> object:
        self.requested.append(name.toString())
        return super().loadResource(kind, name)


def renders_literally(rich: str, expected_plain: str) -> bool:
    """Qt renders `rich` (a tooltip) to exactly `expected_plain`, loading no resource."""
    doc = RecordingDocument()
    doc.setHtml(rich)
    doc.size()  # lay out: images would be requested now
    return doc.requested == [] and doc.toPlainText() == expected_plain


def assert_plain(label: QLabel, expected: str) -> None:
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == expected


@pytest.fixture
def secret_png(tmp_path: Path) -> Path:
    path = tmp_path / "secret.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n")  # what `<img src=FILE>` would have shown
    return path


def test_every_clerk_surface_shows_hostile_text_as_plain_text(
    qtbot: QtBot, station_dir: Path, secret_png: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with SerialScannerSimulator() as scanner_sim:
        port = scanner_sim.path
        assert port is not None
        settings = dataclasses.replace(load_device_settings(station_dir), scanner=f"serial:{port}")
        save_device_settings(station_dir, settings)
        services = open_station(station_dir, with_engine=False)
        try:
            assert services.simulators is not None
            [done] = accepted_cases(services, 1)
            window = build_window(services)
            qtbot.addWidget(window)
            window.show()
            window.start()
            try:
                # 1. The scanner result line: the code that crashed the window.
                scanner_sim.scan(BOMB)
                qtbot.waitUntil(lambda: BOMB in window.scan_result.text(), timeout=10_000)
                # Qt would have guessed rich text: only the plain format keeps it literal.
                assert QtGuiNamespace.mightBeRichText(window.scan_result.text())
                assert window.scan_result.textFormat() == Qt.TextFormat.PlainText
                assert window.scan_result.text().endswith(BOMB)
                scanner_sim.scan(leak(secret_png))
                qtbot.waitUntil(lambda: "<b>x</b><img src='" in window.scan_result.text(),
                                timeout=10_000)
                assert window.scan_result.textFormat() == Qt.TextFormat.PlainText

                # 2. Applicant panel: card fields straight from a card.
                id17 = "11010519491231002"
                person = Person(name=BOMB, id_number=id17 + resident_id_check_digit(id17),
                                gender="女", nation=CONTROLS, birth_date=date(1949, 12, 31),
                                address=leak(secret_png))
                panel = window.applicant_panel
                panel.set_person(person)
                for label in (panel.name_label, panel.id_label, panel.details_label, panel.hint):
                    assert label.textFormat() == Qt.TextFormat.PlainText
                assert CONTROLS_SHOWN in panel.details_label.text()
                panel.reveal_button.click()
                assert_plain(panel.name_label, BOMB)
                panel.show_error(BOMB)
                assert_plain(panel.hint, BOMB)

                # 3. Message box (an error whose text came from outside).
                # the accept error box now lives in the outcome controller
                window.outcomes._show_error(user_message(RuntimeError(BOMB + CONTROLS)))
                box = window.error_box
                assert box is not None
                assert box.textFormat() == Qt.TextFormat.PlainText
                assert box.text() == BOMB + CONTROLS_SHOWN
                box.close()

                # 4. Main window labels fed by the catalog and devices.
                for label in (window.item_title, window.summary, window.capturing.status,
                              window.reader_state, window.camera_state):
                    assert label.textFormat() == Qt.TextFormat.PlainText

                # 5. Case list: platform status, quarantine reason, tooltip.
                receipt_no = done.accepted.submission.receipt_no
                assert services.clerk_day is not None
                [row] = services.clerk_day.ledger.search(LedgerQuery(receipt_no=receipt_no)).rows
                record = dataclasses.replace(
                    row, platform_status=BOMB, note=leak(secret_png) + CONTROLS,
                )
                caplog.set_level(logging.WARNING)
                dialog = CaseListDialog(
                    lambda _q, _after, _n: LedgerPage((), None), window.tasks,
                    services.catalog, window,
                )
                qtbot.addWidget(dialog)
                dialog.show_records([record])
                view_model = dialog.table.model()
                assert isinstance(view_model, PlainTextModel)
                assert view_model.data(view_model.index(0, 5)) == BOMB[:39] + "…"  # capped
                assert view_model.data(view_model.index(0, 7)) == leak(secret_png) + CONTROLS_SHOWN
                tip = view_model.data(view_model.index(0, 7), Qt.ItemDataRole.ToolTipRole)
                assert isinstance(tip, str)
                assert renders_literally(tip, leak(secret_png) + CONTROLS_SHOWN)
                assert "not in the documented set" in caplog.text  # flagged, kept, shown
                dialog.show_records([dataclasses.replace(record, sync_state="quarantined")])
                dialog.table.selectRow(0)
                assert_plain(dialog.reason, leak(secret_png) + CONTROLS_SHOWN)
                dialog.close()
            finally:
                window.shutdown()
        finally:
            services.close()


def test_catalog_names_and_tooltips_are_plain(qtbot: QtBot, tmp_path: Path,
                                               secret_png: Path) -> None:
    from station.context import load_catalog

    real = load_catalog(tmp_path)
    first = real.items[0]
    hostile = dataclasses.replace(first, name_zh=BOMB, department_zh=CONTROLS,
                                  code=leak(secret_png))
    catalog = Catalog(version=real.version, items=(hostile, *real.items[1:]))
    picker = ItemPicker(catalog)
    qtbot.addWidget(picker)
    row = next(r for r in range(picker.model.rowCount())
               if picker.model.item_at(r).name_zh == BOMB)
    index = picker.model.index(row)
    assert picker.model.data(index) == f"{BOMB}\n{CONTROLS_SHOWN}"
    tip = picker.model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert isinstance(tip, str) and renders_literally(tip, leak(secret_png))


def test_receipt_dialog_message_box_and_tooltip_helpers(qtbot: QtBot, secret_png: Path) -> None:
    dialog = ReceiptDialog(BOMB, leak(secret_png) + "\r\n" + CONTROLS, None)
    qtbot.addWidget(dialog)
    assert_plain(dialog.message, leak(secret_png) + "\n" + CONTROLS_SHOWN)
    assert dialog.windowTitle() == BOMB
    box = plain_message_box(QMessageBox.Icon.Warning, "t", BOMB)
    qtbot.addWidget(box)
    assert box.textFormat() == Qt.TextFormat.PlainText and box.text() == BOMB
    tip = tooltip(BOMB + "\n" + CONTROLS)
    assert tip == ("<p style='white-space:pre-wrap'>" + html.escape(BOMB, quote=True)
                   + "\n" + html.escape(CONTROLS_SHOWN) + "</p>")
    assert renders_literally(tip, BOMB + "\n" + CONTROLS_SHOWN)
    # Without the helper Qt would have loaded the image: the check itself can fail.
    doc = RecordingDocument()
    doc.setHtml(leak(secret_png))
    doc.size()
    assert doc.requested

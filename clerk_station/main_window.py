"""The window clerk's intake screen.

Left: the service items. Middle: who applies and what they brought. Right:
the document camera. Bottom: the sync badge and device states. Every slow
step (card I/O, image work, disk writes, printing, network) runs off the GUI
thread through TaskRunner or the device bridges.
"""

from __future__ import annotations

import copy
import logging
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStatusBar,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from clerk_station.applicant_panel import ApplicantPanel
from clerk_station.case_list import CaseListDialog
from clerk_station.item_picker import ItemPicker
from clerk_station.materials_panel import MaterialsPanel
from clerk_station.receipt_dialog import ReceiptDialog
from clerk_station.scan_controller import ScanController
from clerk_station.sync_controller import SyncController
from devices.camera.pipeline import CapturedPage, StabilityDetector, capture_page, find_page
from devices.idcard.card import IdCardData
from intake.applicant import Applicant
from intake.catalog import Material, ServiceItem
from intake.errors import IntakeError
from intake.submission import Channel, Draft
from station.card_mapping import person_from_card
from station.intake_service import Accepted
from station.services import StationServices
from station.simulators import document_payload
from sync.store import SubmissionRecord
from ui_shared.bridges import CardBridge
from ui_shared.camera_preview import CameraPreview
from ui_shared.messages import user_message
from ui_shared.sync_badge import SyncBadge
from ui_shared.tasks import TaskRunner

log = logging.getLogger(__name__)


def _receipt_preview(accepted: Accepted) -> bytes | None:
    """PNG of the receipt, rendered off the GUI thread (fonts and QR take a while)."""
    try:
        from devices.printer.preview import render_preview

        return render_preview(accepted.receipt, 80)
    except Exception:
        log.exception("receipt preview failed")
        return None


@dataclass(frozen=True)
class _Stored:
    material_code: str
    sha256: str
    page: CapturedPage


class ClerkWindow(QMainWindow):
    accepted = Signal(object)  # station.intake_service.Accepted
    page_stored = Signal(str, str)  # material code, sha256

    def __init__(
        self, services: StationServices, *, english: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self._english = english
        self.tasks = TaskRunner(self)
        self.draft: Draft | None = None
        self.receipt_dialog: ReceiptDialog | None = None
        self.error_box: QMessageBox | None = None
        self.setWindowTitle(
            self.tr("Yiwang Window — Clerk Station %1").replace("%1", services.intake.station_code)
        )

        self.picker = ItemPicker(services.catalog, self, english=english)
        self.item_title = QLabel(self.tr("Choose a service item on the left"), self)
        self.item_title.setObjectName("itemTitle")
        self.item_title.setWordWrap(True)
        self.applicant_panel = ApplicantPanel(self)
        self.materials_panel = MaterialsPanel(self, english=english)
        self.summary = QLabel("", self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.accept_button = QPushButton(self.tr("Accept"), self)
        self.accept_button.setObjectName("acceptButton")
        self.accept_button.setEnabled(False)
        self.notice_button = QPushButton(self.tr("Print notice of missing materials"), self)
        self.notice_button.setObjectName("noticeButton")
        self.notice_button.setEnabled(False)

        self.preview = CameraPreview(services.camera.grab, find_page, self.tasks, self)
        self.capture_button = QPushButton(self.tr("Capture page"), self)
        self.capture_button.setObjectName("captureButton")
        self.capture_button.setEnabled(False)
        self.remove_page_button = QPushButton(self.tr("Remove last page"), self)
        self.remove_page_button.setEnabled(False)
        self.auto_capture = QCheckBox(self.tr("Auto capture when the page is still"), self)
        self.auto_capture.setObjectName("autoCapture")
        # a page must hold still for about half a second before it is taken by itself
        self._stability = StabilityDetector(n_frames=4, tolerance_px=3.0)
        self._capturing = False
        self.capture_status = QLabel("", self)
        self.capture_status.setObjectName("captureStatus")
        self.capture_status.setWordWrap(True)

        middle = QWidget(self)
        mid = QVBoxLayout(middle)
        mid.addWidget(self.item_title)
        mid.addWidget(self.applicant_panel)
        mid.addWidget(self.materials_panel, 1)
        mid.addWidget(self.summary)
        buttons = QHBoxLayout()
        buttons.addWidget(self.notice_button)
        buttons.addStretch(1)
        buttons.addWidget(self.accept_button)
        mid.addLayout(buttons)

        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.addWidget(self.preview, 1)
        rl.addWidget(self.capture_status)
        cap = QHBoxLayout()
        cap.addWidget(self.auto_capture)
        cap.addWidget(self.remove_page_button)
        cap.addStretch(1)
        cap.addWidget(self.capture_button)
        rl.addLayout(cap)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.picker)
        splitter.addWidget(middle)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 4)
        splitter.setStretchFactor(2, 4)
        splitter.setSizes([300, 560, 580])
        self.setCentralWidget(splitter)

        self._build_toolbar()
        self.sync_badge = SyncBadge(self)
        self.reader_state = QLabel(self.tr("ID reader: waiting"), self)
        self.reader_state.setObjectName("readerState")
        self.camera_state = QLabel(self.tr("Camera: starting"), self)
        self.scan_result = QLabel("", self)
        self.scan_result.setObjectName("scanResult")
        status = QStatusBar(self)
        status.addWidget(self.reader_state)
        status.addWidget(self.camera_state)
        status.addWidget(self.scan_result)
        status.addPermanentWidget(self.sync_badge)
        self.setStatusBar(status)

        self.card_bridge = CardBridge(self)
        self.card_bridge.card_placed.connect(self._card_placed)
        self.card_bridge.card_removed.connect(self._card_removed)
        self.card_bridge.reader_error.connect(self._reader_error)
        self._poller = services.card_poller(
            self.card_bridge.on_card, self.card_bridge.on_removed, self.card_bridge.on_error
        )
        self.scanning = ScanController(services, self.tasks, self.scan_result, self)
        self.sync = SyncController(services, self.tasks, self.sync_badge, self, english=english)
        self.sync.catalog_reloaded.connect(self.picker.model.set_catalog)
        self._shut_down = False
        self._draft_catalog_version = services.catalog.version

        self.picker.item_chosen.connect(self.choose_item)
        self.applicant_panel.applicant_changed.connect(self._applicant_changed)
        self.materials_panel.material_selected.connect(self._material_selected)
        self.capture_button.clicked.connect(self.capture)
        self.remove_page_button.clicked.connect(self._remove_last_page)
        self.accept_button.clicked.connect(self.accept)
        self.notice_button.clicked.connect(self.print_missing_notice)
        self.preview.frame_shown.connect(self._frame_shown)
        self.preview.camera_failed.connect(self._camera_failed)
        self.resize(1440, 880)
        self.sync.refresh_queue_depth()

    # -- lifecycle -------------------------------------------------------
    def start(self) -> None:
        self.preview.start()
        self._poller.start()
        self.scanning.start()
        self.sync.start()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        if self._shut_down:
            return
        self._shut_down = True
        self.preview.stop()
        self._poller.stop()
        self.scanning.stop()
        self.sync.stop()
        self.tasks.shutdown()

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Intake"), self)
        bar.setMovable(False)
        station = QLabel(f"  {self.services.intake.station_name}  ", bar)
        station.setObjectName("stationName")
        bar.addWidget(station)
        new_case = QAction(self.tr("New applicant"), self)
        new_case.setShortcut(QKeySequence("Ctrl+N"))
        new_case.triggered.connect(self.reset)
        bar.addAction(new_case)
        cases = QAction(self.tr("Cases"), self)
        cases.setShortcut(QKeySequence("Ctrl+L"))
        cases.triggered.connect(lambda: self.open_case_list())
        bar.addAction(cases)
        self.addToolBar(bar)

    # -- intake flow -----------------------------------------------------
    def choose_item(self, item: ServiceItem) -> None:
        self.draft = Draft(item=item)
        # a catalog update mid-intake must not change what this draft was started under
        self._draft_catalog_version = self.services.catalog.version
        name = item.name_en if self._english else item.name_zh
        dept = item.department_en if self._english else item.department_zh
        self.item_title.setText(
            self.tr("%1 · %2 · within %n working day(s)", "", item.time_limit_days)
            .replace("%1", name)
            .replace("%2", dept)
        )
        self.applicant_panel.set_entrance(item.entrance)
        self.draft.applicant = self.applicant_panel.applicant
        self.materials_panel.set_draft(self.draft)
        self.capture_button.setEnabled(True)
        self._update_summary()

    def _card_placed(self, card: IdCardData) -> None:
        self.reader_state.setText(self.tr("ID reader: card read"))
        try:
            person = person_from_card(card)
        except IntakeError as e:
            log.warning("card rejected: %s", e.message_en)
            self.applicant_panel.show_error(e.message_zh)
            return
        self.applicant_panel.set_person(person)

    def _card_removed(self) -> None:
        self.reader_state.setText(self.tr("ID reader: ready"))

    def _reader_error(self, message: str) -> None:
        self.reader_state.setText(self.tr("ID reader: %1").replace("%1", message))

    def _applicant_changed(self, applicant: Applicant | None) -> None:
        if self.draft is not None:
            self.draft.applicant = applicant
        self._update_summary()

    def _material_selected(self, material: Material) -> None:
        sims = self.services.simulators
        if sims is not None and self.draft is not None:
            # rendering a synthetic photo takes a few hundred ms: not on the GUI thread
            payload = document_payload(self.draft.item.code, material.code)
            self.tasks.image(
                lambda: sims.present_document(material.name_zh, payload),
                lambda _r: None,
                self._camera_failed_error,
            )

    def _camera_failed_error(self, error: BaseException) -> None:
        self._camera_failed(user_message(error))

    def _frame_shown(self) -> None:
        fired = self._stability.update(self.preview.latest_corners)
        if (
            fired
            and self.auto_capture.isChecked()
            and not self._capturing
            and self.capture_button.isEnabled()
        ):
            self.capture()
        self.camera_state.setText(
            self.tr("Camera: page detected")
            if self.preview.page_detected
            else self.tr("Camera: no page in view")
        )

    def _camera_failed(self, message: str) -> None:
        self.camera_state.setText(self.tr("Camera: %1").replace("%1", message))

    def capture(self) -> None:
        material = self.materials_panel.current_material()
        frame = self.preview.latest_frame
        if self.draft is None or material is None:
            return
        if frame is None:
            self.capture_status.setText(self.tr("The camera has not delivered a picture yet"))
            return
        self.capture_button.setEnabled(False)
        self._capturing = True
        self.capture_status.setText(self.tr("Processing…"))
        code = material.code

        def work() -> CapturedPage:
            return capture_page(frame)

        self.tasks.image(work, lambda page: self._store_page(code, page), self._capture_failed)

    def _store_page(self, material_code: str, page: CapturedPage) -> None:
        blocking = [f for f in page.findings if f.code == "blurry"]
        if blocking:
            self._capture_failed(
                IntakeError(
                    blocking[0].code, blocking[0].message_zh + "，请重拍", blocking[0].message_en
                )
            )
            return
        warnings = "；".join(f.message_zh for f in page.findings)

        def work() -> _Stored:
            return _Stored(material_code, self.services.intake.store_page(page.jpeg), page)

        def done(stored: _Stored) -> None:
            self._capturing = False
            self.capture_button.setEnabled(self.draft is not None)
            if self.draft is None:
                return
            self.draft.add_page(stored.material_code, stored.sha256)
            self.materials_panel.model.pages_changed()
            note = (
                self.tr("Page saved (%1×%2)")
                .replace("%1", str(stored.page.width))
                .replace("%2", str(stored.page.height))
            )
            self.capture_status.setText(f"{note}  {warnings}".strip())
            self.capture_status.setProperty("state", "warn" if warnings else "ok")
            self.page_stored.emit(stored.material_code, stored.sha256)
            self.materials_panel.select_next_missing(self.draft)
            self._update_summary()

        self.tasks.disk(work, done, self._capture_failed)

    def _capture_failed(self, error: BaseException) -> None:
        log.warning("capture failed: %s", error)
        self._capturing = False
        self.capture_button.setEnabled(self.draft is not None)
        self.capture_status.setProperty("state", "error")
        self.capture_status.setText(user_message(error))

    def _remove_last_page(self) -> None:
        material = self.materials_panel.current_material()
        if self.draft is None or material is None:
            return
        pages = self.draft.pages.get(material.code)
        if pages:
            self.draft.remove_page(material.code, pages[-1])
            self.materials_panel.model.pages_changed()
            self._update_summary()

    def _update_summary(self) -> None:
        draft = self.draft
        if draft is None:
            self.summary.setText("")
            self.accept_button.setEnabled(False)
            self.notice_button.setEnabled(False)
            self.remove_page_button.setEnabled(False)
            return
        missing = draft.missing_materials()
        pages = sum(len(p) for p in draft.pages.values())
        self.remove_page_button.setEnabled(pages > 0)
        parts = []
        if draft.applicant is None:
            parts.append(self.tr("Applicant not identified"))
        if missing:
            names = "、".join((m.name_en if self._english else m.name_zh) for m in missing)
            parts.append(self.tr("Missing: %1").replace("%1", names))
        if not parts:
            parts.append(self.tr("Complete: %n page(s) captured", "", pages))
        self.summary.setText("；".join(parts))
        self.summary.setProperty("state", "ok" if draft.is_complete else "warn")
        self.summary.style().polish(self.summary)
        self.accept_button.setEnabled(draft.is_complete)
        self.notice_button.setEnabled(bool(missing))

    def accept(self) -> None:
        draft = self.draft
        if draft is None or not draft.is_complete:
            return
        self.accept_button.setEnabled(False)
        snapshot = copy.deepcopy(draft)
        intake = self.services.intake
        version = self._draft_catalog_version
        clerk = self.services.clerk_id

        def work() -> tuple[Accepted, str, bytes | None]:
            accepted = intake.accept(
                snapshot, channel=Channel.WINDOW, clerk_id=clerk, catalog_version=version
            )
            # The submission is durable before we try the printer: a jam never loses it.
            try:
                intake.print_receipt(accepted.receipt)
                printed = ""
            except Exception as e:  # printer trouble is reported, not fatal
                log.warning("receipt printing failed for %s: %r", accepted.submission.receipt_no, e)
                printed = user_message(e)
            return accepted, printed, _receipt_preview(accepted)

        self.tasks.accept(work, self._accepted, self._accept_failed)

    def _accepted(self, result: tuple[Accepted, str, bytes | None]) -> None:
        accepted, print_error, png = result
        self.accepted.emit(accepted)
        self.sync.sync_now()
        self.sync.refresh_queue_depth()
        message = self.tr("Accepted. Receipt number %1.").replace(
            "%1", accepted.submission.receipt_no
        )
        if print_error:
            message += "\n" + self.tr("The receipt was not printed: %1").replace("%1", print_error)
        self._show_receipt(self.tr("Accepted"), message, accepted, png)
        self.reset()

    def _accept_failed(self, error: BaseException) -> None:
        log.error("accept failed: %r", error)
        self.accept_button.setEnabled(self.draft is not None and self.draft.is_complete)
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Not accepted"), user_message(error), parent=self
        )
        box.setObjectName("acceptError")
        self.error_box = box
        box.open()  # window-modal but not blocking: the GUI thread keeps running

    def _show_receipt(
        self, title: str, message: str, accepted: Accepted, png: bytes | None
    ) -> None:
        dialog = ReceiptDialog(title, message, png, self)
        receipt = accepted.receipt
        dialog.reprint_requested.connect(
            lambda: self.tasks.disk(
                lambda: self.services.intake.print_receipt(receipt),
                lambda _b: None,
                self._capture_failed,
            )
        )
        self.receipt_dialog = dialog
        dialog.open()

    def print_missing_notice(self) -> None:
        if self.draft is None:
            return
        notice = self.services.intake.missing_notice_for(self.draft)
        self.tasks.disk(
            lambda: self.services.intake.print_receipt(notice),
            lambda _b: self.capture_status.setText(self.tr("Notice printed")),
            self._capture_failed,
        )

    def reset(self) -> None:
        self.draft = None
        self.applicant_panel.clear()
        self.materials_panel.set_draft(None)
        self.capture_button.setEnabled(False)
        self.capture_status.setText("")
        self.item_title.setText(self.tr("Choose a service item on the left"))
        self.picker.view.clearSelection()
        self._update_summary()

    # -- delegated to the controllers -------------------------------------
    @property
    def case_list(self) -> CaseListDialog | None:
        return self.sync.case_list

    def open_case_list(self) -> None:
        self.sync.open_case_list()

    @property
    def last_scanned_record(self) -> SubmissionRecord | None:
        return self.scanning.last_record

    @last_scanned_record.setter
    def last_scanned_record(self, record: SubmissionRecord | None) -> None:
        self.scanning.last_record = record

"""The window clerk's intake screen.

Left: the service items. Middle: who applies and what they brought. Right:
the document camera. Bottom: the sync badge and device states. The intake
itself is a ``station.intake_session.IntakeSession``: the widgets render its
state and forward the clerk's actions and the devices' events to it. Every
slow step runs off the GUI thread through TaskRunner or the device bridges.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
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
from clerk_station.capture_controller import CaptureController
from clerk_station.case_list import CaseListDialog
from clerk_station.decisions import DecisionDialogs
from clerk_station.identification_controller import FORWARDS_IDENTITY, IdentificationController
from clerk_station.item_picker import ItemPicker
from clerk_station.keyboard import NEXT, KeyboardFlow
from clerk_station.licence_controller import LicenceController
from clerk_station.manual_entry import ManualEntryDialog
from clerk_station.materials_panel import MaterialsPanel
from clerk_station.outcome_controller import OutcomeController
from clerk_station.printer_banner import printer_banner
from clerk_station.receipt_dialog import ReceiptDialog
from clerk_station.scan_controller import ScanController
from clerk_station.sync_controller import SyncController
from devices.idcard.card import IdCardData
from intake.catalog import Catalog, Material, ServiceItem
from intake.errors import IntakeError
from intake.submission import Draft
from station.cases import CaseRow, NoticeRef
from station.intake_session import Phase, SessionState, Topic
from station.paper import COLLECTION_METHODS
from station.services import StationServices
from ui_shared.bridges import CardBridge
from ui_shared.camera_preview import CameraPreview
from ui_shared.error_text import error_text, note_text
from ui_shared.plain_text import PlainLabel, tooltip
from ui_shared.sync_badge import SyncBadge
from ui_shared.tasks import TaskRunner

log = logging.getLogger(__name__)


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
        self.session = services.new_session(self.tasks)
        self._shown = self.session.state
        self.setWindowTitle(
            self.tr("Yiwang Window — Clerk Station %1").replace("%1", services.intake.station_code)
        )

        self.picker = ItemPicker(services.catalog, self, english=english)
        self.item_title = PlainLabel(self.tr("Choose a service item on the left"), self)
        self.item_title.setObjectName("itemTitle")
        self.item_title.setWordWrap(True)
        self.applicant_panel = ApplicantPanel(self)
        self.materials_panel = MaterialsPanel(self, english=english)
        self.summary = PlainLabel("", self, multiline=True)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.accept_button = QPushButton(self.tr("Accept"), self)
        self.accept_button.setObjectName("acceptButton")
        self.accept_button.setEnabled(False)
        self.notice_button = QPushButton(self.tr("Print notice of missing materials"), self)
        self.notice_button.setObjectName("noticeButton")
        self.notice_button.setEnabled(False)
        self.deficiency_button = QPushButton(self.tr("Accept, owing materials"), self)
        self.deficiency_button.setObjectName("deficiencyButton")
        self.deficiency_button.setToolTip(
            self.tr("容缺受理: only non-key materials are missing; the receipt names them and"
                    " the date to bring them")
        )
        self.deficiency_button.setEnabled(False)
        self.commitment_button = QPushButton(self.tr("Accept on commitment"), self)
        self.commitment_button.setObjectName("commitmentButton")
        self.commitment_button.setToolTip(
            self.tr("告知承诺制: the applicant signs the printed commitment form in place of"
                    " the missing materials")
        )
        self.commitment_button.setEnabled(False)
        self.collection = QComboBox(self)
        self.collection.setObjectName("collection")
        self.collection.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.collection.setMinimumContentsLength(16)
        for code, (zh, en) in COLLECTION_METHODS.items():
            self.collection.addItem(en if english else zh, code)
        self.defect_button = QPushButton(self.tr("Material unusable…"), self)
        self.defect_button.setObjectName("defectButton")
        self.defect_button.setToolTip(
            self.tr("What was brought for the selected material cannot be used")
        )
        self.defect_button.setEnabled(False)  # until the session says (found by review)
        self.refuse_button = QPushButton(self.tr("Refuse…"), self)
        self.refuse_button.setObjectName("refuseButton")
        self.refuse_button.setToolTip(
            self.tr("Refuse the application and print the notice with the reason")
        )
        self.refuse_button.setEnabled(False)
        self.decisions = DecisionDialogs(self.session, self, english=english)
        self.capturing = CaptureController(
            services, self.session, self.tasks, self, english=english
        )
        self.licences = LicenceController(
            services.licences, self.session, self.tasks, self, english=english
        )
        if services.clerk_day is not None and services.clerk_day.followup is not None:
            # a supplement (补正) is photographed with the window's own document camera
            preview = self.capturing.preview
            services.clerk_day.followup.latest_frame = lambda: preview.latest_frame

        middle = QWidget(self)
        mid = QVBoxLayout(middle)
        mid.addWidget(self.item_title)
        mid.addWidget(self.applicant_panel)
        mid.addWidget(self.materials_panel, 1)
        mid.addWidget(self.summary)
        options = QHBoxLayout()
        options.addWidget(QLabel(self.tr("Result by"), self))
        options.addWidget(self.collection)
        options.addStretch(1)
        options.addWidget(self.licences.button)
        options.addWidget(self.defect_button)
        mid.addLayout(options)
        # the outcomes on two lines (one line was ~860 px in English): what ends the
        # intake without accepting, then the three ways to accept
        others = QHBoxLayout()
        others.addWidget(self.notice_button)
        others.addWidget(self.refuse_button)
        others.addStretch(1)
        mid.addLayout(others)
        accepts = QHBoxLayout()
        accepts.addStretch(1)
        accepts.addWidget(self.deficiency_button)
        accepts.addWidget(self.commitment_button)
        accepts.addWidget(self.accept_button)
        mid.addLayout(accepts)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.picker)
        splitter.addWidget(middle)
        splitter.addWidget(self.capturing.panel)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 4)
        splitter.setStretchFactor(2, 4)
        # the item list never shrinks below two readable lines of a long name
        self.picker.setMinimumWidth(260)
        splitter.setCollapsible(0, False)
        splitter.setSizes([300, 540, 540])
        central = QWidget(self)
        self._central_layout = QVBoxLayout(central)
        self._central_layout.setContentsMargins(0, 0, 0, 0)
        self._central_layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

        self._build_toolbar()
        self.sync_badge = SyncBadge(self)
        self.reader_state = PlainLabel(self.tr("ID reader: waiting"), self)
        self.reader_state.setObjectName("readerState")
        self.camera_state = PlainLabel(self.tr("Camera: starting"), self)
        self.scan_result = PlainLabel("", self)
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
        self.scanning.notice_scanned.connect(self._resume_notice)
        self.sync = SyncController(services, self.tasks, self.sync_badge, self, english=english)
        self.sync.catalog_reloaded.connect(self._catalog_reloaded)
        self._central_layout.insertWidget(0, self.sync.clock_banner)
        self.printer_banner = printer_banner(services, self, english=english)
        self._central_layout.insertWidget(0, self.printer_banner)
        self.outcomes = OutcomeController(
            self.session,
            services.intake.print_receipt,
            self.tasks,
            self,
            english=english,
            a4_pdf=services.intake.a4_pdf,
            on_paper_exported=(
                services.clerk_day.intake.paper_exported if services.clerk_day else None
            ),
        )
        self.outcomes.accepted.connect(self.accepted)
        self.outcomes.accepted.connect(self._accepted)
        self._shut_down = False

        self.picker.item_chosen.connect(self.choose_item)
        self.identifying = IdentificationController(
            self.session, self.applicant_panel, self, english=english
        )
        self.materials_panel.material_selected.connect(self._material_selected)
        self.accept_button.clicked.connect(self.session.accept_requested)
        self.notice_button.clicked.connect(self.session.notice_requested)
        self.deficiency_button.clicked.connect(
            lambda: self._decide(self.session.deficiency_accept_requested)
        )
        self.commitment_button.clicked.connect(
            lambda: self._decide(self.session.commitment_accept_requested)
        )
        self.collection.currentIndexChanged.connect(
            lambda _i: self.session.collection_chosen(str(self.collection.currentData()))
        )
        self.defect_button.clicked.connect(self.ask_defect)
        self.refuse_button.clicked.connect(self.ask_refusal)
        self.capturing.camera_message.connect(self.camera_state.setText)
        self.session.subscribe(self._render)
        self.applicant_panel.read_again_requested.connect(self._poller.request_reread)
        self.keyboard = KeyboardFlow(self)
        self.resize(1440, 880)
        self.sync.refresh_queue_depth()

    # -- lifecycle -------------------------------------------------------
    def start(self) -> None:
        self.capturing.start()
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
        self.capturing.stop()
        self._poller.stop()
        self.scanning.stop()
        self.sync.stop()
        self.tasks.shutdown()

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Intake"), self)
        bar.setMovable(False)
        station = PlainLabel(f"  {self.services.intake.station_name}  ", bar, limit=80)
        station.setObjectName("stationName")
        bar.addWidget(station)
        new_case = QAction(self.tr("New applicant"), self)
        new_case.setShortcut(QKeySequence(NEXT))
        new_case.setToolTip(self.tr("New applicant (%1)").replace("%1", NEXT))
        new_case.triggered.connect(self.reset)
        bar.addAction(new_case)
        cases = QAction(self.tr("Cases"), self)
        cases.setShortcut(QKeySequence("Ctrl+L"))
        cases.triggered.connect(lambda: self.open_case_list())
        bar.addAction(cases)
        self.addToolBar(bar)

    # -- events forwarded to the session ---------------------------------
    @property
    def draft(self) -> Draft | None:
        return self.session.draft

    def choose_item(self, item: ServiceItem) -> None:
        self.session.choose_item(item.code)

    def _catalog_reloaded(self, catalog: Catalog) -> None:
        self.picker.model.set_catalog(catalog)
        self.session.set_catalog(catalog)

    def _card_placed(self, card: IdCardData) -> None:
        self.reader_state.setText(self.tr("ID reader: card read"))
        day = self.services.clerk_day
        if day is not None and day.followup is not None and day.followup.take_card(card):
            return  # a handover dialog identifies who collects a result
        self.session.card_read(card)

    def _card_removed(self) -> None:
        self.reader_state.setText(self.tr("ID reader: ready"))

    def _reader_error(self, message: str) -> None:
        self.reader_state.setText(self.tr("ID reader: %1").replace("%1", message))
        if self.session.state.person is None:
            self.applicant_panel.show_error(
                self.tr("The card reader is not available: enter the identity by hand")
            )

    def _resume_notice(self, ref: NoticeRef) -> None:
        """A citizen back with a 一次性告知书: start from the item it named."""
        state = self.session.state
        if state.phase in (Phase.CHOOSING_ITEM, Phase.DONE, Phase.REFUSED) or not state.pages:
            try:
                self.session.choose_item(ref.item_code)
            except IntakeError as e:  # the item left the catalog since
                self.scan_result.setText(error_text(e, english=self._english))
                return
            self.picker.mark(ref.item_code)

    def _material_selected(self, material: Material) -> None:
        if material.code != self.session.state.current_material:
            self.session.select_material(material.code)

    def capture(self) -> None:
        self.capturing.capture()

    def open_manual_entry(self, *, agent: bool) -> ManualEntryDialog:
        return self.identifying.open_manual_entry(agent=agent)

    @property
    def manual_dialog(self) -> ManualEntryDialog | None:
        return self.identifying.manual_dialog

    def ask_refusal(self) -> QInputDialog | None:
        return self.decisions.ask_refusal()

    def ask_defect(self) -> QInputDialog | None:
        return self.decisions.ask_defect()

    @property
    def defect_dialog(self) -> QInputDialog | None:
        return self.decisions.defect_dialog

    def _decide(self, event: Callable[[], None]) -> None:
        """An accept with something missing; the session may still say no (a page was
        removed meanwhile): its reason is shown, nothing is lost."""
        try:
            event()
        except IntakeError as e:
            self.summary.setText(error_text(e, english=self._english))

    def reset(self) -> None:
        """New applicant: captured pages are dropped only once the clerk confirms it."""
        state = self.session.state
        if state.page_count and state.phase is not Phase.DONE:
            self.outcomes.confirm_reset()
        else:
            self.session.reset()

    # -- rendering --------------------------------------------------------
    def _render(self, state: SessionState) -> None:
        shown, self._shown = self._shown, state
        if state.item != shown.item:
            self._render_item(state)
        elif shown.pending_switch is not None and state.pending_switch is None and state.item:
            self.picker.mark(state.item.code)  # the switch was cancelled
        if state.person != shown.person or state.item != shown.item:
            if state.person is None:
                self.applicant_panel.clear()
            else:
                self.applicant_panel.set_person(state.person)
        self.applicant_panel.render_extras(state)
        note = state.note
        if note is not None and note is not shown.note and note.topic is Topic.APPLICANT:
            self.applicant_panel.show_error(note_text(note, english=self._english))
        if state.pages != shown.pages or state.item != shown.item:
            self.materials_panel.model.pages_changed()
        code = state.current_material
        current = self.materials_panel.current_material()
        if code is not None and (current is None or current.code != code) and state.item:
            rows = [m.code for m in state.item.materials]
            self.materials_panel.select_row(rows.index(code))
        for material, pages in state.pages.items():
            for sha in pages:
                if sha not in shown.pages.get(material, ()):
                    self.page_stored.emit(material, sha)
        self.licences.render(state)
        self._render_summary(state)

    def _render_item(self, state: SessionState) -> None:
        item = state.item
        if item is None:
            self.item_title.setText(self.tr("Choose a service item on the left"))
            self.picker.view.clearSelection()
            self.materials_panel.set_draft(None)
            return
        name = item.name_en if self._english else item.name_zh
        dept = item.department_en if self._english else item.department_zh
        # the department in the tooltip (and on the picker's line): on one line less the
        # window fits a 768 px screen
        self.item_title.setText(
            self.tr("%1 · within %n working day(s)", "", item.time_limit_days).replace("%1", name)
        )
        self.item_title.setToolTip(tooltip(f"{name}\n{dept}"))
        self.applicant_panel.set_entrance(item.entrance)
        self.materials_panel.set_draft(self.session.draft)

    def _render_summary(self, state: SessionState) -> None:
        self.accept_button.setEnabled(state.can_accept)
        self.deficiency_button.setEnabled(state.can_accept_deficient)
        self.commitment_button.setEnabled(state.can_accept_committed)
        self.notice_button.setEnabled(state.can_issue_notice)
        self.refuse_button.setEnabled(
            state.phase in FORWARDS_IDENTITY[1:] and bool(self.session.catalog.refusal_reasons)
        )
        self.defect_button.setEnabled(state.phase in FORWARDS_IDENTITY[1:] and bool(state.item))
        if state.item is None and self.collection.currentIndex() != 0:
            self.collection.setCurrentIndex(0)  # a new intake starts from window pickup
        if state.item is None:
            self.summary.setText("")
            return
        parts = []
        if state.applicant is None:
            parts.append(self.tr("Applicant not identified"))
        if state.missing:
            names = "、".join((m.name_en if self._english else m.name_zh) for m in state.missing)
            parts.append(self.tr("Missing: %1").replace("%1", names))
        if not parts:
            parts.append(self.tr("Complete: %n page(s) captured", "", state.page_count))
        for code, reason in state.defects.items():
            material = state.item.material(code)
            name = material.name_en if self._english else material.name_zh
            parts.append(self.tr("Unusable: %1 (%2)").replace("%1", name).replace("%2", reason))
        note = state.note
        if note is not None and note.topic is Topic.NOTICE:
            parts.append(note_text(note, english=self._english))
        self.summary.setText("；".join(parts))
        complete = state.phase in (Phase.REVIEW, Phase.ACCEPTING)
        self.summary.setProperty("state", "ok" if complete else "warn")
        self.summary.style().polish(self.summary)

    def _accepted(self, _accepted: object) -> None:
        self.sync.sync_now()
        self.sync.refresh_queue_depth()

    # -- delegated to the controllers -------------------------------------
    @property
    def preview(self) -> CameraPreview:
        return self.capturing.preview

    @property
    def capture_button(self) -> QPushButton:
        return self.capturing.capture_button

    @property
    def auto_capture(self) -> QCheckBox:
        return self.capturing.auto_capture

    @property
    def receipt_dialog(self) -> ReceiptDialog | None:
        return self.outcomes.receipt_dialog

    @property
    def error_box(self) -> QMessageBox | None:
        return self.outcomes.error_box

    @property
    def case_list(self) -> CaseListDialog | None:
        return self.sync.case_list

    def open_case_list(self) -> None:
        self.sync.open_case_list()

    @property
    def last_scanned_record(self) -> CaseRow | None:
        return self.scanning.last_record

    @last_scanned_record.setter
    def last_scanned_record(self, record: CaseRow | None) -> None:
        self.scanning.last_record = record

"""The window clerk's intake screen.

Left: the service items. Middle: who applies and what they brought. Right:
the document camera. Bottom: the sync badge and device states. The intake
itself is a ``station.intake_session.IntakeSession``: the widgets render its
state and forward the clerk's actions and the devices' events to it. Every
slow step runs off the GUI thread through TaskRunner or the device bridges.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QInputDialog,
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
from clerk_station.card_reader_controller import CardReaderController
from clerk_station.case_list import CaseListDialog
from clerk_station.decisions import DecisionDialogs
from clerk_station.identification_controller import IdentificationController
from clerk_station.intake_actions import IntakeActions
from clerk_station.item_picker import ItemPicker
from clerk_station.keyboard import NEXT, KeyboardFlow
from clerk_station.licence_controller import LicenceController
from clerk_station.line_capped_label import LineCappedLabel
from clerk_station.manual_entry import ManualEntryDialog
from clerk_station.materials_panel import MaterialsPanel
from clerk_station.outcome_controller import OutcomeController
from clerk_station.printer_banner import PrinterBanner, PrinterWatch, setting_reason
from clerk_station.receipt_dialog import ReceiptDialog
from clerk_station.scan_controller import ScanController
from clerk_station.sync_controller import SyncController
from intake.catalog import Catalog, Material, ServiceItem
from intake.errors import IntakeError
from intake.submission import Draft
from station.cases import CaseRow, NoticeRef
from station.intake_session import Phase, SessionState, Topic
from station.services import StationServices
from ui_shared.camera_preview import CameraPreview
from ui_shared.error_text import error_text, note_text
from ui_shared.plain_text import PlainLabel, tooltip
from ui_shared.sync_badge import SyncBadge
from ui_shared.tasks import TaskRunner

log = logging.getLogger(__name__)
#: from this window height the item title may take two lines (1920x1080 and the like)
TALL_SCREEN = 900


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
        # one line: the full name and department are in its tooltip, and every line
        # more is a checklist row less at 1366x768; elided in the middle, the time
        # limit at its end stays in view
        self.item_title = LineCappedLabel(
            self.tr("Choose a service item on the left"),
            self,
            max_lines=1,
            elide=Qt.TextElideMode.ElideMiddle,
        )
        self.item_title.setObjectName("itemTitle")
        self.applicant_panel = ApplicantPanel(self)
        self.materials_panel = MaterialsPanel(self, english=english)
        self.intake_actions = IntakeActions(self.session, self, english=english)
        # the outcome buttons are the window's: the keyboard flow and tests reach them here
        self.summary = self.intake_actions.summary
        self.accept_button = self.intake_actions.accept_button
        self.notice_button = self.intake_actions.notice_button
        self.deficiency_button = self.intake_actions.deficiency_button
        self.commitment_button = self.intake_actions.commitment_button
        self.collection = self.intake_actions.collection
        self.defect_button = self.intake_actions.defect_button
        self.refuse_button = self.intake_actions.refuse_button
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
        self.intake_actions.add_option(self.licences.button)
        mid.addWidget(self.intake_actions)

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
        self.card_reader = CardReaderController(
            services, self.session, self.applicant_panel, self
        )
        self.reader_state = self.card_reader.state_label
        self._poller = self.card_reader.poller  # the screenshot script frees the reader
        self.camera_state = PlainLabel(self.tr("Camera: starting"), self)
        self.scan_result = PlainLabel("", self)
        self.scan_result.setObjectName("scanResult")
        status = QStatusBar(self)
        status.addWidget(self.reader_state)
        status.addWidget(self.camera_state)
        status.addWidget(self.scan_result)
        status.addPermanentWidget(self.sync_badge)
        self.setStatusBar(status)

        self.scanning = ScanController(services, self.tasks, self.scan_result, self)
        self.scanning.notice_scanned.connect(self._resume_notice)
        self.sync = SyncController(services, self.tasks, self.sync_badge, self, english=english)
        self.sync.catalog_reloaded.connect(self._catalog_reloaded)
        self._central_layout.insertWidget(0, self.sync.clock_banner)
        self.printer_banner = PrinterBanner(self)
        self.printer_watch = PrinterWatch(
            services, self.session, self.tasks, self.printer_banner, english=english
        )
        self._central_layout.insertWidget(0, self.printer_banner)
        # the paper dialog's 重打 (Ctrl+P) prints through the audited intake, as the first
        # print did: a reprint is in the audit log like every other print
        audited = services.clerk_day.intake if services.clerk_day else None
        self.outcomes = OutcomeController(
            self.session,
            (audited or services.intake).print_receipt,
            self.tasks,
            self,
            english=english,
            a4_pdf=services.intake.a4_pdf,
            on_paper_exported=audited.paper_exported if audited else None,
            printer_reason=setting_reason(services, english=english),
        )
        self.outcomes.accepted.connect(self.accepted)
        self.outcomes.accepted.connect(self._accepted)
        self._shut_down = False

        self.picker.item_chosen.connect(self.choose_item)
        self.identifying = IdentificationController(
            self.session, self.applicant_panel, self, english=english
        )
        self.materials_panel.material_selected.connect(self._material_selected)
        self.defect_button.clicked.connect(self.ask_defect)
        self.refuse_button.clicked.connect(self.ask_refusal)
        self.capturing.camera_message.connect(self.camera_state.setText)
        self.session.subscribe(self._render)
        self.keyboard = KeyboardFlow(self)
        self.resize(1440, 880)
        self.sync.refresh_queue_depth()

    # -- lifecycle -------------------------------------------------------
    def start(self) -> None:
        self.capturing.start()
        self.card_reader.start()
        self.scanning.start()
        self.sync.start()
        self.printer_watch.check_now()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # a tall screen has a line to spare for a long item name; 768 px has none
        self.item_title.set_max_lines(2 if self.height() >= TALL_SCREEN else 1)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        if self._shut_down:
            return
        self._shut_down = True
        self.capturing.stop()
        self.card_reader.stop()
        self.scanning.stop()
        self.sync.stop()
        self.tasks.shutdown()
        # What was added to the window runs lanes of its own on the same store (the
        # clerk's day bar asks at once whether the clerk is an admin): they finish here
        # too, before the caller closes the store under them (SQLite closed under a
        # running query crashes the process)
        for runner in self.findChildren(TaskRunner):
            runner.shutdown()

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
        self.intake_actions.show_state(state)

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

"""Code scanners in the clerk window: serial/evdev drivers through ScanBridge,
keyboard wedges through the application key filter. A receipt QR code of
this station shows that case's progress; a 一次性告知书's code starts the intake
again from the item it named; any other code is shown as text."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

from station.cases import CaseRow, NoticeRef
from station.paper import NOTICE_PREFIX
from station.services import StationServices
from ui_shared.bridges import ScanBridge
from ui_shared.messages import user_message
from ui_shared.tasks import TaskRunner
from ui_shared.wedge_filter import WedgeKeyFilter

log = logging.getLogger(__name__)


class ScanController(QObject):
    notice_scanned = Signal(object)  # station.cases.NoticeRef

    def __init__(
        self,
        services: StationServices,
        tasks: TaskRunner,
        label: QLabel,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.tasks = tasks
        self.label = label
        self.last_record: CaseRow | None = None
        self.bridge = ScanBridge(self)
        self.bridge.scanned.connect(self.handle)
        self.bridge.scanner_error.connect(self.show_error)
        self.wedge: WedgeKeyFilter | None = None
        if services.wedge_scanner:
            self.wedge = WedgeKeyFilter(parent=self)
            self.wedge.scanned.connect(self.handle)

    def start(self) -> None:
        if self.wedge is not None:
            self.wedge.install()
        scanner = self.services.scanner
        if scanner is None:
            return
        if hasattr(scanner, "on_error"):
            scanner.on_error = self.bridge.on_error
        try:
            scanner.start(self.bridge.on_scan)
        except Exception as e:  # a missing scanner must not stop the window
            log.warning("scanner did not start: %r", e)
            self.show_error(user_message(e))

    def stop(self) -> None:
        if self.wedge is not None:
            self.wedge.remove()
        if self.services.scanner is not None:
            self.services.scanner.stop()

    def handle(self, text: str) -> None:
        cases = self.services.cases
        if text.startswith(NOTICE_PREFIX):
            self.tasks.disk(
                lambda: cases.find_notice(text),
                lambda ref: self._notice(text, ref),
                lambda e: self.show_error(user_message(e)),
            )
            return

        def shown(record: CaseRow | None) -> None:
            if record is None:
                self.label.setText(self.tr("Scanned: %1").replace("%1", text[:80]))
                return
            status = record.platform_status or self.tr("waiting to upload")
            self.label.setText(
                self.tr("Receipt %1: %2").replace("%1", record.receipt_no).replace("%2", status)
            )
            self.last_record = record

        self.tasks.disk(
            lambda: cases.find_scanned(text),
            shown,
            lambda e: self.show_error(user_message(e)),
        )

    def _notice(self, text: str, ref: NoticeRef | None) -> None:
        if ref is None:
            self.label.setText(self.tr("Scanned: %1").replace("%1", text[:80]))
            return
        self.label.setText(self.tr("Notice %1: continue the intake").replace("%1", ref.notice_no))
        self.notice_scanned.emit(ref)

    def show_error(self, message: str) -> None:
        self.label.setText(self.tr("Scanner: %1").replace("%1", message))

"""The banner a clerk sees when the receipt printer cannot print: a target that is
unusable from the start (a folder, a bad path), a network or serial printer that does
not answer the status check made at start (on the disk lane, never the GUI thread),
or a print that failed since. Intake goes on, paper waits (every receipt can be
reprinted from the case list); a later print that comes out takes a runtime trouble
away again."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from devices.printer.status import PrinterStatus
from station.intake_session import IntakeSession, SessionState
from station.services import StationServices
from ui_shared.error_text import code_text, error_text, note_text
from ui_shared.plain_text import PlainLabel
from ui_shared.tasks import TaskRunner

log = logging.getLogger(__name__)

# the session note that says a notice came out of the printer
PRINTED = "notice.printed"


def setting_reason(services: StationServices, *, english: bool) -> str | None:
    """The worded trouble of a printer setting found unusable at start, or None."""
    trouble = services.printer_trouble
    if trouble is None:
        return None
    reason = code_text(trouble.qualified_code, trouble.words, english=english)
    return reason or trouble.detail_en


class PrinterBanner(PlainLabel):
    """A red banner naming the printer trouble; hidden when there is none."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__("", parent, multiline=True)
        self.setObjectName("printerBanner")
        self.setWordWrap(True)
        self.setStyleSheet(
            "QLabel#printerBanner { background: #fdecea; color: #a61b1b; padding: 6px;"
            " font-weight: bold; }"
        )
        self.hide()

    def show_setting_trouble(self, reason: str) -> None:
        self.setText(
            QCoreApplication.translate(
                "PrinterBanner",
                "Receipt printer unusable: %1. Intake continues; reprint the receipts from the "
                "case list once a technician has fixed the printer setting.",
            ).replace("%1", reason)
        )
        self.show()

    def show_not_ready(self, reason: str) -> None:
        self.setText(
            QCoreApplication.translate(
                "PrinterBanner",
                "Receipt printer not ready: %1. Intake continues; check the printer (power, "
                "cable or network, paper), then reprint the receipts from the case list.",
            ).replace("%1", reason)
        )
        self.show()


class PrinterWatch(QObject):
    """Keeps the banner true: the start verdict, the start status check, each print."""

    def __init__(
        self,
        services: StationServices,
        session: IntakeSession,
        tasks: TaskRunner,
        banner: PrinterBanner,
        *,
        english: bool,
    ) -> None:
        super().__init__(banner)
        self._services = services
        self._tasks = tasks
        self._banner = banner
        self._english = english
        # a trouble of the setting stays until the station restarts with a fixed one
        self._setting_trouble = services.printer_trouble is not None
        reason = setting_reason(services, english=english)
        if reason is not None:
            banner.show_setting_trouble(reason)
        session.subscribe(self._render)

    def check_now(self) -> None:
        """Ask the printer for its status off the GUI thread (a network printer that is
        switched off takes the connect timeout to say so)."""
        status = self._services.printer_status
        if self._setting_trouble or status is None:
            return
        self._tasks.disk(status, self._status_known, self._failed)

    def _status_known(self, status: PrinterStatus) -> None:
        problem = status.problem
        if problem is not None:
            self._failed(problem)
        elif status.known and not self._setting_trouble:
            self._banner.hide()

    def _failed(self, error: BaseException) -> None:
        log.warning("receipt printer not ready: %r", error)
        if not self._setting_trouble:
            self._banner.show_not_ready(error_text(error, english=self._english))

    def _render(self, state: SessionState) -> None:
        if self._setting_trouble:
            return
        note = state.note
        outcome = state.outcome
        if note is not None and note.family == "printer":
            self._banner.show_not_ready(note_text(note, english=self._english))
        elif (note is not None and note.code == PRINTED) or (
            outcome is not None and outcome.print_error is None and note is None
        ):
            self._banner.hide()  # a paper came out: the printer works again

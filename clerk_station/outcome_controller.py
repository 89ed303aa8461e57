"""What the clerk sees when an intake ends or needs a decision: the receipt
after acceptance (printer trouble said plainly), a non-blocking box when
acceptance failed (the draft kept), and the confirmation an item switch needs
when pages were captured."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from clerk_station.receipt_dialog import ReceiptDialog
from devices.printer.receipt import Receipt
from station.intake_session import AcceptOutcome, IntakeSession, Phase, SessionState, Topic
from ui_shared.error_text import note_text
from ui_shared.messages import user_message
from ui_shared.plain_text import plain_message_box
from ui_shared.tasks import TaskRunner

log = logging.getLogger(__name__)


def _receipt_preview(outcome: AcceptOutcome) -> bytes | None:
    """PNG of the receipt, rendered off the GUI thread (fonts and QR take a while)."""
    try:
        from devices.printer.preview import render_preview

        return render_preview(outcome.accepted.receipt, 80)
    except Exception:
        log.exception("receipt preview failed")
        return None


class OutcomeController(QObject):
    accepted = Signal(object)  # station.intake_service.Accepted

    def __init__(
        self,
        session: IntakeSession,
        print_receipt: Callable[[Receipt], bytes],
        tasks: TaskRunner,
        window: QWidget,
        *,
        english: bool = False,
    ) -> None:
        super().__init__(window)
        self._session = session
        self._print_receipt = print_receipt
        self._tasks = tasks
        self._window = window
        self._english = english
        self._shown = session.state
        self.receipt_dialog: ReceiptDialog | None = None
        self.error_box: QMessageBox | None = None
        self.switch_box: QMessageBox | None = None
        self.reset_box: QMessageBox | None = None
        self.info_box: QMessageBox | None = None
        session.subscribe(self._render)

    def _render(self, state: SessionState) -> None:
        shown, self._shown = self._shown, state
        if shown.phase is Phase.ACCEPTING and state.phase is Phase.DONE and state.outcome:
            self._show_outcome(state.outcome)
        elif state.phase is Phase.REFUSED and shown.phase is not Phase.REFUSED:
            self._show_refusal(state.refusal_no)
        elif shown.phase is Phase.ACCEPTING and state.phase is not Phase.ACCEPTING:
            note = state.note
            if note is not None and note.topic is Topic.ACCEPT:
                self._show_error(note_text(note, english=self._english))
        if state.pending_switch is not None and shown.pending_switch is None:
            self._ask_switch(state)

    def _show_outcome(self, outcome: AcceptOutcome) -> None:
        accepted = outcome.accepted
        self.accepted.emit(accepted)
        message = self.tr("Accepted. Receipt number %1.").replace(
            "%1", accepted.submission.receipt_no
        )
        if outcome.print_error is not None:
            message += "\n" + self.tr("The receipt was not printed: %1").replace(
                "%1", note_text(outcome.print_error, english=self._english)
            )
        self._tasks.image(
            lambda: _receipt_preview(outcome),
            lambda png: self._open_receipt(self.tr("Accepted"), message, outcome, png),
            lambda _e: self._open_receipt(self.tr("Accepted"), message, outcome, None),
        )
        self._session.reset()  # the window is ready for the next citizen at once

    def _open_receipt(
        self, title: str, message: str, outcome: AcceptOutcome, png: bytes | None
    ) -> None:
        dialog = ReceiptDialog(title, message, png, self._window)
        receipt = outcome.accepted.receipt
        dialog.reprint_requested.connect(
            lambda: self._tasks.disk(
                lambda: self._print_receipt(receipt),
                lambda _b: None,
                lambda e: self._show_error(user_message(e)),
            )
        )
        self.receipt_dialog = dialog
        dialog.open()

    def _show_refusal(self, number: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Refused"),
            self.tr("The notice of refusal %1 was printed and recorded.").replace("%1", number),
            parent=self._window,
        )
        box.setObjectName("refusalDone")
        box.setTextFormat(Qt.TextFormat.PlainText)
        self.info_box = box
        box.open()
        self._session.reset()  # the window is ready for the next citizen

    def _show_error(self, text: str) -> None:
        box = plain_message_box(
            QMessageBox.Icon.Warning, self.tr("Not accepted"), text, parent=self._window
        )
        box.setObjectName("acceptError")
        self.error_box = box
        box.open()  # window-modal but not blocking: the GUI thread keeps running

    def _ask_switch(self, state: SessionState) -> None:
        switch = state.pending_switch
        assert switch is not None
        name = switch.item.name_en if self._english else switch.item.name_zh
        reused = sum(n for _a, _b, n in switch.reusable)
        text = self.tr("Switch to “%1”?").replace("%1", name)
        if reused:
            text += "\n" + self.tr(
                "%n captured page(s) will be kept for the same materials.", "", reused
            )
        if switch.dropped_pages:
            text += "\n" + self.tr(
                "%n captured page(s) fit no material of the new item and will be discarded.",
                "",
                switch.dropped_pages,
            )
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Switch service item"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self._window,
        )
        box.setObjectName("switchItem")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.finished.connect(lambda result: self._switch_answered(result))
        self.switch_box = box
        box.open()

    def confirm_reset(self) -> QMessageBox:
        count = self._session.state.page_count
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("New applicant"),
            self.tr("%n captured page(s) will be discarded. Start a new applicant?", "", count),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self._window,
        )
        box.setObjectName("confirmReset")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(
            lambda result: (
                self._session.reset() if result == QMessageBox.StandardButton.Yes else None
            )
        )
        self.reset_box = box
        box.open()
        return box

    def _switch_answered(self, result: int) -> None:
        self.switch_box = None
        if self._session.state.pending_switch is None:
            return
        if result == QMessageBox.StandardButton.Yes:
            self._session.confirm_switch()
        else:
            self._session.cancel_switch()

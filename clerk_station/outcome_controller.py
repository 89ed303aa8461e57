"""What the clerk sees when an intake ends or needs a decision: the papers after
acceptance (the receipt, and the 告知承诺书 under 告知承诺制; printer trouble said
plainly), the 一次性告知书 once printed, the 不予受理通知书 — each previewed as printed
and as its A4 PDF (``clerk_station.paper_actions``) — a non-blocking box when
acceptance failed (the draft kept), and the confirmation an item switch needs
when pages were captured."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from clerk_station.paper_actions import PaperActions, thermal_png
from clerk_station.receipt_dialog import ReceiptDialog
from devices.printer.errors import PrinterError
from devices.printer.receipt import Receipt
from station.intake_session import (
    AcceptOutcome,
    IntakeSession,
    Note,
    Phase,
    SessionState,
    Topic,
)
from ui_shared.error_text import note_text
from ui_shared.messages import acceptance_label, user_message
from ui_shared.plain_text import plain_message_box
from ui_shared.tasks import TaskRunner

log = logging.getLogger(__name__)


class OutcomeController(QObject):
    accepted = Signal(object)  # station.intake_service.Accepted
    #: a paper dialog, an outcome box or the new-applicant question was closed (the
    #: keyboard goes back to the window)
    papers_closed = Signal()

    def __init__(
        self,
        session: IntakeSession,
        print_receipt: Callable[[Receipt], bytes],
        tasks: TaskRunner,
        window: QWidget,
        *,
        english: bool = False,
        a4_pdf: Callable[[Receipt], bytes] | None = None,
        on_paper_exported: Callable[[Receipt, str], None] | None = None,
        printer_reason: str | None = None,
    ) -> None:
        super().__init__(window)
        self._session = session
        self._print_receipt = print_receipt
        self._a4_pdf = a4_pdf
        self._on_paper_exported = on_paper_exported
        # the worded trouble of a printer setting found unusable at start: a print that
        # fails on it says the same as the banner, not the driver's "not connected"
        self._printer_reason = printer_reason
        self.paper_actions: PaperActions | None = None
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
            self._show_refusal(state.refusal_no, state.papers, state.note)
        elif state.papers and state.papers != shown.papers and state.phase is Phase.NOTICE:
            self._open_papers(self.tr("One-time notice"), self._notice_message(state), state.papers)
        elif shown.phase is Phase.ACCEPTING and state.phase is not Phase.ACCEPTING:
            note = state.note
            if note is not None and note.topic is Topic.ACCEPT:
                self._show_error(note_text(note, english=self._english))
        if state.pending_switch is not None and shown.pending_switch is None:
            self._ask_switch(state)

    def _notice_message(self, state: SessionState) -> str:
        note = state.note
        if note is None or note.code == "notice.printed":
            return self.tr("The notice of missing materials was printed and recorded.")
        # issued and recorded, the paper did not come out: the dialog reprints or saves it
        number = state.papers[0].receipt_no
        return (
            self.tr("The notice of missing materials %1 was recorded.").replace("%1", number)
            + "\n"
            + self.tr("The notice was not printed: %1").replace("%1", self._print_note(note))
        )

    def _print_note(self, note: Note) -> str:
        if self._printer_reason and note.family == "printer":
            return self._printer_reason
        return note_text(note, english=self._english)

    def _print_failure(self, error: BaseException) -> str:
        if self._printer_reason and isinstance(error, PrinterError):
            return self._printer_reason
        return user_message(error)

    def _show_outcome(self, outcome: AcceptOutcome) -> None:
        accepted = outcome.accepted
        self.accepted.emit(accepted)
        message = self.tr("Accepted. Receipt number %1.").replace(
            "%1", accepted.submission.receipt_no
        )
        if outcome.print_error is not None:
            message += "\n" + self.tr("The receipt was not printed: %1").replace(
                "%1", self._print_note(outcome.print_error)
            )
        acceptance = accepted.submission.acceptance
        if acceptance is not None:
            message += "\n" + acceptance_label(acceptance.mode, english=self._english)
        self._open_papers(self.tr("Accepted"), message, accepted.papers)
        self._session.reset()  # the window is ready for the next citizen at once

    def _open_papers(self, title: str, message: str, papers: tuple[Receipt, ...]) -> None:
        first = papers[0]
        self._tasks.image(
            lambda: thermal_png(first),
            lambda png: self._open_receipt(title, message, papers, png),
            lambda _e: self._open_receipt(title, message, papers, None),
        )

    def _open_receipt(
        self, title: str, message: str, papers: tuple[Receipt, ...], png: bytes | None
    ) -> None:
        dialog = ReceiptDialog(
            title, message, png, self._window, paper_titles=[p.title for p in papers]
        )
        self.paper_actions = PaperActions(
            dialog,
            papers,
            print_receipt=self._print_receipt,
            a4_pdf=self._a4_pdf,
            tasks=self._tasks,
            on_error=self._show_error,
            on_exported=self._on_paper_exported,
            print_failure=self._print_failure,
        )
        self.receipt_dialog = dialog
        dialog.finished.connect(lambda _r: self.papers_closed.emit())
        dialog.open()

    def _show_refusal(
        self, number: str, papers: tuple[Receipt, ...], note: Note | None = None
    ) -> None:
        if note is None:
            text = self.tr("The notice of refusal %1 was printed and recorded.").replace(
                "%1", number)
        else:  # recorded, its paper did not come out: Preview / A4 reprints or saves it
            text = (self.tr("The notice of refusal %1 was recorded.").replace("%1", number)
                    + "\n" + self.tr("The notice of refusal was not printed: %1").replace(
                        "%1", self._print_note(note)))
        box = QMessageBox(
            QMessageBox.Icon.Information if note is None else QMessageBox.Icon.Warning,
            self.tr("Refused"),
            text,
            parent=self._window,
        )
        box.setObjectName("refusalDone")
        box.setTextFormat(Qt.TextFormat.PlainText)
        if papers:
            view = box.addButton(self.tr("Preview / A4…"), QMessageBox.ButtonRole.ActionRole)
            view.setObjectName("refusalPapers")
            view.clicked.connect(
                lambda: self._open_papers(self.tr("Refused"), box.text(), papers)
            )
            ok = box.addButton(QMessageBox.StandardButton.Ok)
            # Enter and Esc both close it, so the keyboard goes on to the next applicant
            box.setDefaultButton(ok)
            box.setEscapeButton(ok)
        self.info_box = box
        box.finished.connect(lambda _r: self.papers_closed.emit())
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
        box.finished.connect(lambda _r: self.papers_closed.emit())
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

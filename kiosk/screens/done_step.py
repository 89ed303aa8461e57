"""办事's last page: the receipt number, what happens next, the receipt's code on screen
when the printer failed, and the ID card still on the reader. Its words and its voice
say the same (review wt6 #5, #16)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.context import KioskContext
from kiosk.widgets import BigButton, QrView, Text, scrolling
from station.device_health import Health
from station.intake_session import SessionState
from ui_shared.error_text import note_text


class DoneStep(QWidget):
    def __init__(self, ctx: KioskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        d = QVBoxLayout(self)
        self.title = Text("", self, role="heading")
        # printer trouble: ONE message (what happened, staff called, photograph the code)
        # beside the code, not a second warning in the status line and a third in the note
        self.printer_trouble = Text("", None, role="warn")
        self.text = Text("", None, role="card")
        self.qr = QrView(self)
        self.finish = BigButton(self.tr("Finish"), self, role="main")
        d.addWidget(self.title)
        # the code for a phone beside the words, not under them: with the printer out the
        # page is otherwise taller than a 768-line screen and "完成" falls off its edge
        row = QHBoxLayout()
        box_widget = QWidget()
        box = QVBoxLayout(box_widget)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.printer_trouble)
        box.addWidget(self.text)
        box.addStretch(1)  # the card as tall as its words, at the top
        row.addWidget(scrolling(box_widget, self), 3)
        row.addWidget(self.qr, 2, Qt.AlignmentFlag.AlignTop)
        d.addLayout(row, 1)
        d.addWidget(self.finish)

    def prompt(self, state: SessionState) -> str:
        outcome = state.outcome
        if outcome is not None and outcome.print_error is not None:
            # the voice says what the screen says: no receipt to take, the code instead
            said = self.tr("Your application is filed, but the receipt could not be "
                           "printed. Staff have been called. Please photograph the code "
                           "on the screen with your phone.")
        else:
            said = self.tr("Your application is submitted. Please take your receipt.")
        return said + self._card_reminder()

    def _card_reminder(self) -> str:
        """While a card lies on the reader: take it (said last, what the citizen does on
        the way out)."""
        if not self.ctx.card_on_reader():
            return ""
        return (" " if self.ctx.english else "") + self.card_words()

    def card_words(self) -> str:
        return self.tr("Please take your ID card from the reader.")

    def show_outcome(self, state: SessionState) -> None:
        outcome = state.outcome
        assert outcome is not None and state.item is not None
        receipt = outcome.accepted.receipt
        self.title.setText(self.tr("Submitted. Receipt number %1")
                           .replace("%1", receipt.receipt_no))
        error = outcome.print_error
        health = self.ctx.services.health
        if error is not None:
            self.qr.set_payload(receipt.qr_payload)
            self.qr.show()
            self.printer_trouble.setText(
                self.tr("The receipt could not be printed (%1). Staff have been called. "
                        "Please photograph this code with your phone instead.")
                .replace("%1", note_text(error, english=self.ctx.english)))
            self.printer_trouble.show()
            health.report("printer", Health.FAULT, error.code)
            if error.code == "paper_out":
                health.report_paper("out")
        else:
            health.report("printer", Health.OK)
        self.show_next_steps(state)

    def show_next_steps(self, state: SessionState) -> None:
        """What the citizen does next (again when the card is lifted: its reminder goes)."""
        outcome = state.outcome
        assert outcome is not None and state.item is not None
        next_steps = [
            self.tr("What happens next: the department handles it within %n working day(s).",
                    "", state.item.time_limit_days),
            self.tr("Check progress here with your ID card or the receipt's QR code."),
        ]
        if state.collection == "post":  # where the result goes, as the review page asked
            next_steps.insert(1, self.tr("The result will be posted to the address on your "
                                         "ID card.") if state.post_address == "card"
                              else self.tr("Staff will phone you to confirm where to post "
                                           "the result."))
        if outcome.print_error is None:
            next_steps.insert(0, self.tr("Please take your receipt from the printer."))
        if self.ctx.card_on_reader():  # first: the card is what people leave behind
            next_steps.insert(0, self.card_words())
        if self.ctx.services.online() is False:
            next_steps.append(self.tr("The network is down: your application is saved here "
                                      "and will be sent automatically."))
        self.text.setText("\n".join(next_steps))

    def wipe(self) -> None:
        for text in (self.title, self.printer_trouble, self.text):
            text.setText("")
        self.printer_trouble.hide()
        self.qr.set_payload("")
        self.qr.hide()

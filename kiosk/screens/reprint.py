"""打印: reprint an acceptance receipt of one's own case, after placing the ID card."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

from devices.idcard.card import IdCardData
from devices.printer.receipt import Receipt
from intake.applicant import Person
from kiosk.context import KioskContext, Screen
from kiosk.screens.cases import CaseList
from kiosk.screens.identify import IdentifyPanel
from kiosk.widgets import QrView, Text
from station.cases import NoticeRef
from station.print_allowance import NOTICE_BY_CODE, PRINTS_PER_WINDOW
from station.progress import CaseView
from ui_shared.messages import user_message

if TYPE_CHECKING:
    from station.kiosk_services import KioskServices

#: receipts a card holder may print again: enough for a jam or a second copy, not a
#: stack of paper from a child tapping 打印 (each reprint is audited). Counted per holder
#: over time, not per visit (station.print_allowance): 回首页 and back gives no more.
#: Notices by code (nobody identified) count per visit, under the kiosk's own ceiling.
REPRINTS_PER_VISIT = PRINTS_PER_WINDOW


class ReprintScreen(Screen):
    def __init__(self, ctx: KioskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        # the ID number of the card this visit was identified by (kiosk.card_away)
        self._card_id: str | None = None
        #: a card or a code has been given since the screen was entered
        self._asked = False
        self._person: Person | None = None
        self._printing = False  # one print at a time: 打印 is off until it is done
        #: whose paper allowance the prints count against (station.print_allowance):
        #: the card holder's keyed hash once identified, else the kiosk's for codes
        self._allowance = NOTICE_BY_CODE
        self.identify = IdentifyPanel(
            self.tr("Place your ID card on the reader; for a one-time notice, hold its QR "
                    "code under the scanner"),
            self,
        )
        self.heading = Text("", self, role="heading")
        self.cases = CaseList(self)
        self.status = Text("", self, role="warn")
        self.qr = QrView(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.identify, 1)
        layout.addWidget(self.heading)
        layout.addWidget(self.cases, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.qr)
        self.wipe()

    def title(self) -> str:
        return self.tr("Print again")

    def care_title(self) -> str:
        return self.tr("Reprint", "care-mode title: fewer words, larger")

    def prompt(self) -> str:
        return self.tr("Place your ID card on the reader.")

    def enter(self) -> None:
        self.wipe()
        if not self.ctx.services.health.usable("reader"):
            self.reader_trouble()

    def reader_trouble(self) -> None:
        if self._card_id is None:
            self.identify.set_message(
                self.tr("The card reader is not working right now; please ask at the window.")
            )

    def card_holder(self) -> str | None:
        return self._card_id

    def wants_card(self) -> bool:
        # a receipt's code scanned first (the attract screen opens this screen for it):
        # the card lying on the reader must not replace its answer
        return not self._asked

    def wipe(self) -> None:
        self._card_id = None
        self._asked = False
        self._person = None
        self._printing = False
        self._allowance = NOTICE_BY_CODE
        self._codes_printed = 0
        self.cases.clear()
        self.cases.hide()
        self.heading.setText("")
        self.status.setText("")
        self.status.hide()
        self.qr.set_payload("")
        self.qr.hide()
        self.identify.set_message("")
        self.identify.show()
        self.identify.start()

    def on_card(self, card: object) -> None:
        assert isinstance(card, IdCardData)
        self._asked = True
        self._card_id = card.id_number  # this visit is the card holder's from now on
        services = self.ctx.services

        def work() -> tuple[Person, str, list[CaseView], list[NoticeRef]]:
            person = services.person_from_card(card)
            return (person, services.holder_key(person), services.cases_of(person),
                    services.notices_of(person))

        self.visit_task(work, self._found, self._failed)

    def on_scan(self, text: str) -> None:
        self._asked = True
        if self._printing:
            return  # one print at a time: this scan is the same hand again
        if self._codes_printed >= REPRINTS_PER_VISIT or self._left(NOTICE_BY_CODE) <= 0:
            # by its code: this visit's three, then the kiosk's paper
            # a notice's number is not secret: without a cap a stack of scans (or typed
            # numbers) empties the paper roll (review7)
            self._say(self._limit_words())
            return
        services = self.ctx.services
        self._printing = True
        self._enable_printing()
        self.visit_task(lambda: services.reprint_notice_by_code(text), self._notice_printed,
                        self._print_failed)

    def _notice_printed(self, result: tuple[Receipt | None, Exception | None]) -> None:
        notice, error = result
        self._printing = False
        self._enable_printing()
        if notice is None:
            self._say(self.tr("This code is not a one-time notice of this hall."))
        elif error is None:
            self._codes_printed += 1
            said = self.tr("Printed. Please take your one-time notice.")
            spent = self._codes_printed >= REPRINTS_PER_VISIT or self._left(NOTICE_BY_CODE) <= 0
            self._say(f"{said} {self._limit_words()}" if spent else said)
        else:
            self._say(self._printer_trouble(error))

    def _found(self, found: tuple[Person, str, list[CaseView], list[NoticeRef]]) -> None:
        self._person, self._allowance, cases, notices = found
        self.identify.stop()
        self.identify.hide()
        if notices:
            heading = self.tr("Choose the receipt or notice to print")
        else:
            heading = self.tr("Choose the receipt to print") if cases else self.tr("No case found")
        self.heading.setText(heading)
        en = self.ctx.english
        self.cases.show_cases(cases, en, (self.tr("Print"), self._print))
        # the citizen's own 一次性告知书 after the receipts (station: linked to the card
        # holder by the keyed hash of the ID number), printable without their code
        if notices:  # the catalog walked once, and only for a holder with notices
            by_code = {item.code: item for item in self.ctx.services.catalog.items}
            self.cases.add_notices(
                [(n, self.cases.notice_text(n, by_code.get(n.item_code), en))
                 for n in notices],
                self.tr("Print"), self._print_notice)
        self.cases.show()
        self._enable_printing()
        if (cases or notices) and self._left() <= 0:  # spent earlier: said before a tap
            self.status.setText(self._limit_words())
            self.status.show()
        self.ctx.voice.prompt(self.heading.text())

    def _print(self, case: CaseView) -> None:
        self._start_printing(
            lambda services, person: services.reprint_receipt(person, case.uuid),
            self._printed)

    def _start_printing(
        self,
        reprint: Callable[[KioskServices, Person], tuple[Receipt, Exception | None]],
        done: Callable[[tuple[Receipt, Exception | None]], None],
    ) -> None:
        """One print for the identified citizen, off the GUI thread; a tap while one is
        printing, or with the allowance spent, does nothing."""
        person = self._person
        if person is None or self._printing or self._left() <= 0:
            return
        services = self.ctx.services
        self._printing = True
        self._enable_printing()
        self._say(self.tr("Printing…"))
        self.visit_task(lambda: reprint(services, person), done, self._print_failed)

    def _left(self, key: str | None = None) -> int:
        return self.ctx.services.prints_left(self._allowance if key is None else key)

    def _print_notice(self, notice: NoticeRef) -> None:
        self._start_printing(
            lambda services, person: services.reprint_own_notice(person, notice.notice_no),
            self._own_notice_printed)

    def _own_notice_printed(self, result: tuple[Receipt, Exception | None]) -> None:
        _notice, error = result
        self._printing = False
        self._enable_printing()
        if error is None:
            said = self.tr("Printed. Please take your one-time notice.")
            self._say(said if self._left() > 0 else f"{said} {self._limit_words()}")
        else:
            self._say(self._printer_trouble(error))

    def _printer_trouble(self, error: Exception) -> str:
        return (self.tr("The printer cannot print right now (%1). Please ask at the window.")
                .replace("%1", user_message(error)))

    def _limit_words(self) -> str:
        return self.tr("That is as many as can be printed for now; for more, please "
                       "ask at the window.")

    def _enable_printing(self) -> None:
        allowed = not self._printing and self._left() > 0
        for button in self.cases.buttons:
            button.setEnabled(allowed)

    def _printed(self, result: tuple[Receipt, Exception | None]) -> None:
        receipt, error = result
        self._printing = False
        if error is None:
            if self._left() <= 0:
                self._say(self.tr("Printed. Please take your receipt.") + " "
                          + self._limit_words())
            else:
                self._say(self.tr("Printed. Please take your receipt."))
        else:
            self._paper_problem(receipt, error)
        self._enable_printing()

    def _print_failed(self, error: BaseException) -> None:
        self._printing = False
        self._enable_printing()
        self._say(user_message(
            error, self.tr("The receipt could not be printed. Please ask at the window.")))

    def _paper_problem(self, receipt: Receipt, error: BaseException) -> None:
        self.qr.set_payload(receipt.qr_payload)
        self.qr.show()
        self._say(
            self.tr("The printer cannot print right now (%1). Staff have been called. "
                    "You can photograph this code to check progress on your phone.")
            .replace("%1", user_message(error))
        )  # one message: not a second "staff called" warning in the status line

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()
        self.ctx.voice.prompt(text)

    def _failed(self, error: BaseException) -> None:
        self.identify.set_message(user_message(error, self.tr("Could not read the card")))

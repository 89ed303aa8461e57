"""进度查询: scan the receipt's QR code or place the ID card -> each case in plain words."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from devices.idcard.card import IdCardData
from kiosk.context import KioskContext, Screen
from kiosk.screens.cases import CaseList
from kiosk.screens.identify import IdentifyPanel
from kiosk.widgets import BigButton, Text
from station.progress import CaseView
from ui_shared.messages import user_message


class ProgressScreen(Screen):
    def __init__(self, ctx: KioskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        # the ID number of the card this visit was identified by (kiosk.card_away)
        self._card_id: str | None = None
        #: a card or a code has been given since the screen was entered
        self._asked = False
        self.identify = IdentifyPanel(
            self.tr("Place your ID card on the reader, or hold the receipt's QR code "
                    "under the scanner"),
            self,
        )
        self.result_title = Text("", self, role="heading")
        self.offline = Text("", self, role="warn")
        self.cases = CaseList(self)
        # the way on from here is a main action (适老化: at least 30 px), not small print
        self.again = BigButton(self.tr("Look up another"), self, role="main")
        self.again.clicked.connect(self.enter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.identify, 1)
        layout.addWidget(self.result_title)
        layout.addWidget(self.offline)
        layout.addWidget(self.cases, 1)
        layout.addWidget(self.again)
        self._show_results(False)

    def title(self) -> str:
        return self.tr("Check progress")

    def care_title(self) -> str:
        return self.tr("Progress", "care-mode title: fewer words, larger")

    def prompt(self) -> str:
        return self.tr("Place your ID card on the reader, or scan your receipt.")

    def _show_results(self, shown: bool) -> None:
        self.identify.setVisible(not shown)
        for w in (self.result_title, self.cases, self.again):
            w.setVisible(shown)
        self.offline.setVisible(shown and self.ctx.services.online() is False)
        if shown:
            self.identify.stop()
        else:
            self.identify.start()

    def enter(self) -> None:
        self.wipe()
        if not self.ctx.services.health.usable("reader"):
            self.reader_trouble()

    def reader_trouble(self) -> None:
        if self._card_id is None:
            self.identify.set_message(
                self.tr("The card reader is not working right now. You can still scan "
                        "your receipt's QR code.")
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
        self.cases.clear()
        self.result_title.setText("")
        self.identify.set_message("")
        self._show_results(False)

    def on_card(self, card: object) -> None:
        assert isinstance(card, IdCardData)
        self._asked = True
        self._card_id = card.id_number  # this visit is the card holder's from now on
        services = self.ctx.services

        def work() -> list[CaseView]:
            return services.cases_of(services.person_from_card(card))

        self.visit_task(work, self._found, self._failed)

    def on_scan(self, text: str) -> None:
        self._asked = True
        self._card_id = None  # a receipt's code: taking a card out changes nothing
        services = self.ctx.services
        self.visit_task(lambda: services.cases_by_code(text), self._found, self._failed)

    def _found(self, cases: list[CaseView]) -> None:
        self.offline.setText(
            self.tr("The network is down right now: this is the last status we know, "
                    "with its time.")
        )
        if cases:
            self.result_title.setText(self.tr("Your cases: %n", "", len(cases)))
        else:
            self.result_title.setText(
                self.tr("No case found. Cases accepted at other halls are not shown here.")
            )
        self.cases.show_cases(cases, self.ctx.english)
        self._show_results(True)
        self.ctx.voice.prompt(self.result_title.text())

    def _failed(self, error: BaseException) -> None:
        self.identify.set_message(user_message(error, self.tr("Could not look it up")))

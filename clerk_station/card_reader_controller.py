"""The ID card reader at the window: a card put down is read into the intake (or into
the handover dialog waiting for whoever collects a result), its state shows in the
status bar, and a reader that fails sends the clerk to entering the identity by hand.

The poller reads on its own thread; CardBridge queues what it reads onto the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from clerk_station.applicant_panel import ApplicantPanel
from devices.idcard.card import IdCardData
from station.intake_session import IntakeSession
from station.services import StationServices
from ui_shared.bridges import CardBridge
from ui_shared.plain_text import PlainLabel


class CardReaderController(QObject):
    def __init__(
        self,
        services: StationServices,
        session: IntakeSession,
        applicant_panel: ApplicantPanel,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self._services = services
        self._session = session
        self._applicant_panel = applicant_panel
        # the reader's state, for the window's status bar
        self.state_label = PlainLabel(self.tr("ID reader: waiting"), window)
        self.state_label.setObjectName("readerState")
        self.bridge = CardBridge(self)
        self.bridge.card_placed.connect(self._card_placed)
        self.bridge.card_removed.connect(self._card_removed)
        self.bridge.reader_error.connect(self._reader_error)
        self.poller = services.card_poller(
            self.bridge.on_card, self.bridge.on_removed, self.bridge.on_error
        )
        applicant_panel.read_again_requested.connect(self.poller.request_reread)

    def start(self) -> None:
        self.poller.start()

    def stop(self) -> None:
        self.poller.stop()

    def _card_placed(self, card: IdCardData) -> None:
        self.state_label.setText(self.tr("ID reader: card read"))
        day = self._services.clerk_day
        if day is not None and day.followup is not None and day.followup.take_card(card):
            return  # a handover dialog identifies who collects a result
        self._session.card_read(card)

    def _card_removed(self) -> None:
        self.state_label.setText(self.tr("ID reader: ready"))

    def _reader_error(self, message: str) -> None:
        self.state_label.setText(self.tr("ID reader: %1").replace("%1", message))
        if self._session.state.person is None:
            self._applicant_panel.show_error(
                self.tr("The card reader is not available: enter the identity by hand")
            )

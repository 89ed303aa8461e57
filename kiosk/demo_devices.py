"""The kiosk demo's simulated devices, in a small window of their own beside the kiosk:
place or lift a simulated ID card, hold a receipt's QR code to the scanner. Only used
by `yiwang demo --kiosk`; a real kiosk has real cards and a real scanner. Like the
simulated card, the last receipt is the citizen's paper, in the simulated world: it is
kept here, never by the kiosk's screens (which forget it with the citizen)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from intake.identity import mask_id_number, mask_name
from station.services import SimulatorControls


class DemoDevices(QWidget):
    def __init__(
        self,
        sims: SimulatorControls,
        scan: Callable[[str], None],
    ) -> None:
        super().__init__(None, Qt.WindowType.Tool)
        self.setWindowTitle(self.tr("Simulated devices (demo)"))
        self._sims = sims
        self._cards = sims.sample_cards()
        self.cards = QComboBox(self)
        for card in self._cards:
            self.cards.addItem(f"{mask_name(card.name)}  {mask_id_number(card.id_number)}")
        self.place = QPushButton(self.tr("Place ID card"), self)
        self.place.clicked.connect(lambda: sims.place_card(self._cards[self.cards.currentIndex()]))
        self.lift = QPushButton(self.tr("Lift card"), self)
        self.lift.clicked.connect(sims.remove_card)
        self.scan = QPushButton(self.tr("Scan the last receipt's QR code"), self)
        self._scan = scan
        self._receipt_code = ""  # the QR payload of the last receipt the kiosk issued
        self.scan.clicked.connect(self._scan_receipt)
        row = QHBoxLayout()
        row.addWidget(self.cards, 1)
        row.addWidget(self.place)
        row.addWidget(self.lift)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The camera shows the material the kiosk asks for."), self))
        layout.addLayout(row)
        layout.addWidget(self.scan)

    def receipt_issued(self, code: str) -> None:
        """The kiosk issued a receipt (printed, or shown as a code to photograph)."""
        self._receipt_code = code

    def _scan_receipt(self) -> None:
        if self._receipt_code:
            self._scan(self._receipt_code)

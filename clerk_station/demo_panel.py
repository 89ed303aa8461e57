"""The demo's device panel: put a simulated card on the reader, lift it again.

Only shown when the station runs on simulated hardware; a real station has
real cards. The document camera follows the material selected in the window.
It sits in the window's status bar, on the line the reader and camera states
already use: a demo aid never takes a row of the materials checklist at 1366x768
(as a bottom dock it left ~1.5 rows of it in English).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from intake.identity import mask_id_number, mask_name
from station.services import SimulatorControls


class DemoPanel(QWidget):
    def __init__(self, sims: SimulatorControls, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demoPanel")
        self._sims = sims
        self._cards = sims.sample_cards()
        hint = self.tr("The camera shows the material selected in the checklist.")
        self.setToolTip(self.tr("Simulated devices (demo)") + "\n" + hint)
        title = QLabel(self.tr("Demo:"), self)
        title.setObjectName("demoTitle")
        self.cards = QComboBox(self)
        self.cards.setToolTip(self.tr("Simulated ID cards"))
        for card in self._cards:
            self.cards.addItem(f"{mask_name(card.name)}  {mask_id_number(card.id_number)}")
        self.place = QPushButton(self.tr("Place ID card"), self)
        self.place.setObjectName("placeCard")
        self.lift = QPushButton(self.tr("Lift card"), self)
        # a demo aid stays out of the clerk's tab order (Tab walks the intake, not the demo)
        for widget in (self.cards, self.place, self.lift):
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.place.clicked.connect(self.place_selected)
        self.lift.clicked.connect(sims.remove_card)
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 0, 4, 0)
        row.setSpacing(4)
        row.addWidget(title)
        row.addWidget(self.cards)
        row.addWidget(self.place)
        row.addWidget(self.lift)

    def place_selected(self) -> None:
        self._sims.place_card(self._cards[self.cards.currentIndex()])

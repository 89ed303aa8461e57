"""The demo's device panel: put a simulated card on the reader, lift it again.

Only shown when the station runs on simulated hardware; a real station has
real cards. The document camera follows the material selected in the window.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from intake.identity import mask_id_number, mask_name
from station.services import SimulatorControls


class DemoPanel(QDockWidget):
    def __init__(self, sims: SimulatorControls, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Simulated devices (demo)"), parent)
        self.setObjectName("demoPanel")
        self._sims = sims
        self._cards = sims.sample_cards()
        body = QWidget(self)
        self.cards = QComboBox(body)
        for card in self._cards:
            self.cards.addItem(f"{mask_name(card.name)}  {mask_id_number(card.id_number)}")
        self.place = QPushButton(self.tr("Place ID card"), body)
        self.place.setObjectName("placeCard")
        self.lift = QPushButton(self.tr("Lift card"), body)
        self.place.clicked.connect(self.place_selected)
        self.lift.clicked.connect(sims.remove_card)
        # one line: at 1366x768 the window has no height to spare for the demo's panel
        row = QHBoxLayout(body)
        row.setContentsMargins(6, 2, 6, 2)
        row.addWidget(self.cards, 1)
        row.addWidget(self.place)
        row.addWidget(self.lift)
        row.addWidget(
            QLabel(self.tr("The camera shows the material selected in the checklist."), body)
        )
        self.setWidget(body)
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)

    def place_selected(self) -> None:
        self._sims.place_card(self._cards[self.cards.currentIndex()])

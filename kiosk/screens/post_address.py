"""邮寄送达: where to post the result, chosen on the review page. No Chinese text is typed
at a kiosk (s12 #7: it asked for no address at all), so there are two choices: the
address read from the ID card, shown masked as on the receipt, or staff phone the
citizen to confirm one. The choice goes into the application (station: the case's
audit trail) and onto the receipt."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.widgets import BigButton, Text
from station.paper import POST_ADDRESSES


class PostAddressChoice(QWidget):
    chosen = Signal(str)  # "card" / "phone" (station.paper.POST_ADDRESSES)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ask = Text(self.tr("Where should we post the result?"), self, role="heading")
        # 关怀模式: fewer words (the choices say it): with the question, 上一步 fell 8 px
        # below a 1024x768 screen
        self.ask.setProperty("detail", True)
        self.buttons: dict[str, BigButton] = {}
        row = QHBoxLayout()
        for code in POST_ADDRESSES:
            # wrapped: the masked address and the English words run long at 1024 wide
            button = BigButton("", self, wrap=True)
            button.setCheckable(True)
            button.clicked.connect(lambda _c=False, c=code: self.choose(c))
            row.addWidget(button)
            self.buttons[code] = button
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.ask)
        layout.addLayout(row)
        self.wipe()

    def offer(self, masked_address: str, choice: str) -> None:
        """The card's address (masked; "" when the card has none: only the phone call is
        offered) and the choice made so far."""
        card = self.buttons["card"]
        card.set_caption(self.tr("To the address on my ID card: %1")
                         .replace("%1", masked_address))
        card.setVisible(bool(masked_address))
        self.buttons["phone"].set_caption(
            self.tr("Staff will phone me to confirm the address"))
        self._mark(choice)

    def choose(self, code: str) -> None:
        self._mark(code)
        self.chosen.emit(code)

    def _mark(self, code: str) -> None:
        for c, button in self.buttons.items():
            button.setChecked(c == code)

    def wipe(self) -> None:
        for button in self.buttons.values():
            button.set_caption("")  # the masked address is the citizen's: gone
            button.setChecked(False)

"""The mobile number on an on-screen keypad (validated by the session) and how to collect
the result. No physical keyboard and no Chinese text input anywhere."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.context import KioskContext
from kiosk.keypad import Keypad
from kiosk.widgets import BigButton, Text
from station.paper import COLLECTION_METHODS, DEFAULT_COLLECTION


class ContactStep(QWidget):
    phone_submitted = Signal(str)
    collection_chosen = Signal(str)
    back_requested = Signal()  # 上一步, under the keypad: a row of its own does not fit

    def __init__(self, ctx: KioskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # a one-line question and its reason apart: the English question on two lines
        # pushed 上一步/下一步 below a 768-line screen in 关怀模式 (which leaves the
        # reason out)
        self.ask = Text(self.tr("Your mobile number"), self, role="heading")
        self.why = Text(self.tr("So the department can reach you"), self)
        self.why.setProperty("detail", True)
        self.number = Text("", self, role="number")
        # 下一步 sits beside 上一步 under the digits: as a fourth keypad column it was
        # 138 px wide in 关怀模式 on a 1024-wide screen, too narrow for its caption
        self.keypad = Keypad(self, max_length=11, ok_in_grid=False)
        self.keypad.ok_key.setText(self.tr("Next"))
        self.keypad.ok_key.setSizePolicy(QSizePolicy.Policy.MinimumExpanding,
                                         QSizePolicy.Policy.Preferred)
        self.keypad.changed.connect(self._show)
        self.keypad.submitted.connect(self.phone_submitted)
        self.how = Text(self.tr("How will you collect the result?"), self, role="heading")
        self.methods: dict[str, BigButton] = {}
        side = QVBoxLayout()
        side.addWidget(self.number)
        side.addWidget(self.how)
        for code, (zh, en) in COLLECTION_METHODS.items():
            # wrapped: "Through the village/community agent" was clipped at 1024 wide
            button = BigButton(en if ctx.english else zh, self, wrap=True)
            button.setCheckable(True)
            button.clicked.connect(lambda _c=False, m=code: self.choose(m))
            side.addWidget(button)
            self.methods[code] = button
        side.addStretch(1)
        self.back = BigButton(self.tr("Back"), self, role="main")
        self.back.clicked.connect(self.back_requested)
        # the question heads the keypad's column, not a row of its own over both: the
        # row it took put the third collection choice partly below a 1024x768 screen in
        # English 关怀模式
        left = QVBoxLayout()
        left.addWidget(self.ask)
        left.addWidget(self.why)
        left.addWidget(self.keypad, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.back)
        actions.addWidget(self.keypad.ok_key)
        left.addLayout(actions)
        row = QHBoxLayout()
        row.addLayout(left, 1)
        row.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row, 1)
        self.wipe()

    def choose(self, method: str) -> None:
        for code, button in self.methods.items():
            button.setChecked(code == method)
        self.collection_chosen.emit(method)

    def _show(self, digits: str) -> None:
        # grouped 3-4-4 as people read numbers aloud
        self.number.setText(" ".join(x for x in (digits[:3], digits[3:7], digits[7:]) if x))

    def wipe(self) -> None:
        self.keypad.clear()
        self.number.setText("")
        for code, button in self.methods.items():
            button.setChecked(code == DEFAULT_COLLECTION)

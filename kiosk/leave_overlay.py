""""放弃本次办理吗？": asked when 回首页 is touched in the middle of a visit, so one touch
next to 再听一遍 does not throw away a citizen's card read, pages and number (review
wt5: it wiped everything at once and turned 关怀模式 off)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.countdown import CoverOverlay
from kiosk.widgets import BigButton, Text


class LeaveOverlay(CoverOverlay):
    stay = Signal()
    leave = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ask = Text(self.question(), self, role="title")
        self.ask.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.explain = Text(
            self.tr("What you have entered will be erased."), self
        )
        self.explain.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # the way on is the first and larger choice; leaving is the second
        self.keep_going = BigButton(self.tr("No, continue"), self, role="main")
        self.keep_going.setObjectName("keepGoing")
        self.keep_going.clicked.connect(self.stay)
        self.give_up = BigButton(self.tr("Yes, back to the start"), self, role="secondary")
        self.give_up.setObjectName("giveUp")
        self.give_up.clicked.connect(self.leave)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_going, 3)
        buttons.addWidget(self.give_up, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(80, 60, 80, 60)
        layout.addStretch(1)
        layout.addWidget(self.ask)
        layout.addWidget(self.explain)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def question(self) -> str:
        return self.tr("Stop this visit and go back to the start?")

    def ask_now(self) -> None:
        self.cover()

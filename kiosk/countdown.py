"""The large "还需要更多时间吗？" countdown over the whole screen."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QPaintEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.theme import PAPER
from kiosk.widgets import BigButton, Text
from ui_shared.qt_by_name import set_by_name


class CoverOverlay(QWidget):
    """A page over the whole window, opaque: nothing behind it shows through."""

    covered = Signal()  # shown over the window (a new page for the tap guard)

    def cover(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        self.covered.emit()

    def paintEvent(self, event: QPaintEvent) -> None:
        from PySide6.QtGui import QPainter  # its enums load with the first paint

        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(PAPER))


class CountdownOverlay(CoverOverlay):
    more_time = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ask = Text(self.question(), self, role="title")
        set_by_name(self.ask, "alignment", "AlignCenter")
        self.seconds = Text("", self, role="countdown")
        set_by_name(self.seconds, "alignment", "AlignCenter")
        self.explain = Text(
            self.tr("If nobody touches the screen, it starts again for the next person "
                    "and everything you entered is erased."),
            self,
        )
        set_by_name(self.explain, "alignment", "AlignCenter")
        self.explain.setProperty("detail", True)
        self.yes = BigButton(self.tr("Yes, I need more time"), self, role="main")
        self.yes.setObjectName("moreTime")
        self.yes.clicked.connect(self.more_time)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(120, 80, 120, 80)
        layout.addStretch(1)
        for w in (self.ask, self.seconds, self.explain, self.yes):
            layout.addWidget(w)
        layout.addStretch(1)

    def question(self) -> str:
        return self.tr("Do you need more time?")

    def show_seconds(self, seconds: int) -> None:
        self.seconds.setText(self.tr("%n second(s)", "", seconds))
        self.cover()

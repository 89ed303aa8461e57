"""'Place your ID card': an animation shows how, words say it too."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QHideEvent, QPainter, QPaintEvent, QPen, QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.theme import INK, PAPER, PRIMARY
from kiosk.widgets import Text


class CardAnimation(QWidget):
    """A card gliding down onto the reader, over and over (no flashing).

    It moves only while it is on screen: `start()` asks for it, and the timer runs
    while the widget is also visible (a hidden screen's animation costs nothing)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.phase = 0.0
        self._wanted = False
        self._timer = QTimer(self)
        self._timer.setInterval(50)
        self._timer.timeout.connect(self._step)
        self.setMinimumSize(QSize(360, 260))
        self.setAccessibleName(self.tr("Animation: put the card flat on the reader"))

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        self._wanted = True
        if self.isVisible():
            self._timer.start()

    def stop(self) -> None:
        self._wanted = False
        self._timer.stop()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._wanted:
            self._timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._timer.stop()

    def _step(self) -> None:
        self.phase = (self.phase + 0.02) % 1.4  # 2.8 s: glide down, then rest
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor(PAPER))
        w, h = self.width(), self.height()
        reader = QRectF(w * 0.2, h * 0.62, w * 0.6, h * 0.3)
        p.setPen(QPen(QColor(INK), 4))
        p.setBrush(QColor("#c9d3de"))
        p.drawRoundedRect(reader, 16, 16)
        p.setFont(_font(max(14, int(h * 0.07))))
        p.drawText(reader, Qt.AlignmentFlag.AlignCenter, self.tr("Reader"))
        t = min(1.0, self.phase)
        card_w, card_h = w * 0.42, h * 0.26
        x = (w - card_w) / 2
        y = h * 0.05 + (reader.top() + reader.height() * 0.15 - h * 0.05) * t
        card = QRectF(x, y, card_w, card_h)
        p.setBrush(QColor("#ffffff"))
        p.setPen(QPen(QColor(PRIMARY), 4))
        p.drawRoundedRect(card, 10, 10)
        p.setPen(QPen(QColor(INK), 2))
        p.drawText(card, Qt.AlignmentFlag.AlignCenter, self.tr("ID card"))


def _font(px: int) -> QFont:
    f = QFont()
    f.setPixelSize(px)
    return f


class IdentifyPanel(QWidget):
    """The animation with its instruction; `set_message` explains reader trouble."""

    def __init__(self, instruction: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.animation = CardAnimation(self)
        self.instruction = Text(instruction, self, role="heading")
        self.instruction.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = Text("", self, role="warn")
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.animation, 1)
        layout.addWidget(self.instruction)
        layout.addWidget(self.message)

    def start(self) -> None:
        self.animation.start()

    def stop(self) -> None:
        self.animation.stop()

    def set_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

""""您的身份证已取出": shown in place of a service when the citizen who identified by
card takes the card out before the visit is over.

Without it the next person could walk up to "这是您本人吗？" or to someone's
progress and carry on in the first person's name until the idle timeout. The
window puts this panel in front (the service's page, with everything the card
unlocked, is hidden at once), counts down a short time, and ends the visit with the
full wipe unless the same card comes back. Time comes from the injected clock and
`poll()` is driven by a timer, like kiosk.idle, so tests move a fake clock.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.widgets import BigButton, Text


class CardAwayPanel(QWidget):
    more_time = Signal()  # "放回身份证继续": the citizen is here and means to put it back
    end_requested = Signal()  # "结束办理"
    expired = Signal()  # nobody put the card back in time
    ticked = Signal()  # each poll while counting (the window checks the visit still needs it)

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        parent: QWidget | None = None,
        *,
        tick_ms: int = 250,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cardAway")
        self._clock = clock
        self._deadline: float | None = None
        self._shown_left: int | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self.poll)
        self.title = Text(self.tr("Your ID card has been taken out"), self, role="title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.seconds = Text("", self, role="heading")
        self.seconds.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.explain = Text(
            self.tr("To continue, put the same card back on the reader. Otherwise, "
                    "everything you entered is erased for the next person."),
            self,
        )
        self.explain.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.explain.setProperty("detail", True)  # 关怀模式: fewer words (the voice says it)
        self.put_back = BigButton(self.tr("Put the card back\nand continue"), self, role="main")
        self.put_back.setObjectName("putCardBack")
        self.put_back.clicked.connect(self._put_back)
        self.end = BigButton(self.tr("End"), self, role="main")
        self.end.setObjectName("endVisit")
        self.end.clicked.connect(self.end_requested)
        row = QHBoxLayout()
        row.setSpacing(32)
        row.addWidget(self.put_back)
        row.addWidget(self.end)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 16, 48, 16)
        layout.addStretch(1)
        for w in (self.title, self.seconds, self.explain):
            layout.addWidget(w)
        layout.addSpacing(16)
        layout.addLayout(row)
        layout.addStretch(1)

    def prompt(self) -> str:
        return self.tr("Your ID card has been taken out. Put it back to continue, "
                       "or touch End.")

    @property
    def counting(self) -> bool:
        return self._deadline is not None

    def begin(self, seconds: int) -> None:
        """Count down `seconds` from now (again from the full time when already counting)."""
        self._deadline = self._clock() + seconds
        self._shown_left = None
        self.timer.start()
        self.poll()

    def stop(self) -> None:
        self._deadline = None
        self._shown_left = None
        self.timer.stop()

    def poll(self) -> None:
        if self._deadline is None:
            return
        left = math.ceil(self._deadline - self._clock())
        if left <= 0:
            self.stop()
            self.expired.emit()
            return
        if left != self._shown_left:
            self._shown_left = left
            self.seconds.setText(self.tr("Ending in %n second(s)", "", left))
        self.ticked.emit()

    def _put_back(self) -> None:
        self.more_time.emit()

    def hideEvent(self, event: QHideEvent) -> None:
        # never counting behind another page: the window shows the panel while it counts
        super().hideEvent(event)
        self.stop()

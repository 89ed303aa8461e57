"""The status-bar badge: online/offline, queue depth and upload progress."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from station.cases import human_bytes
from ui_shared.plain_text import PlainLabel


class SyncBadge(QWidget):
    sync_now_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._online: bool | None = None
        self._depth = 0
        self._attention = 0
        self._progress = ""
        self.state_label = PlainLabel("", self)
        self.state_label.setObjectName("syncState")
        self.queue_label = PlainLabel("", self)  # progress text can name outside things
        self.queue_label.setObjectName("syncQueue")
        self.sync_button = QPushButton(self.tr("Sync now"), self)
        self.sync_button.setObjectName("syncNow")
        self.sync_button.clicked.connect(self.sync_now_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state_label)
        layout.addWidget(self.queue_label)
        layout.addWidget(self.sync_button)
        self._render()

    @property
    def online(self) -> bool | None:
        return self._online

    def set_online(self, online: bool) -> None:
        self._online = online
        self._render()

    def set_queue_depth(self, depth: int) -> None:
        self._depth = depth
        self._render()

    def set_attention(self, count: int) -> None:
        """Submissions the platform refused: the clerk must look at them."""
        self._attention = count
        self._render()

    def set_progress(self, text: str) -> None:
        self._progress = text
        self._render()

    def set_transfer(self, item: int, total: int, held: int, size: int, *,
                     delivered: bool = False) -> None:
        """The submission being sent (``item`` of ``total``, counting from 1) and the
        bytes of it the platform holds (``held`` of ``size``); ``delivered``: it arrived."""
        if delivered:
            text = self.tr("Delivered %1 of %2")
        else:
            text = self.tr("Uploading %1 of %2, platform has %3 of %4")
        self.set_progress(text.replace("%1", str(item)).replace("%2", str(total))
                          .replace("%3", human_bytes(held)).replace("%4", human_bytes(size)))

    def _render(self) -> None:
        if self._online is None:
            self.state_label.setText(self.tr("● Connecting"))
            self.state_label.setProperty("state", "unknown")
        elif self._online:
            self.state_label.setText(self.tr("● Online"))
            self.state_label.setProperty("state", "online")
        else:
            self.state_label.setText(self.tr("● Offline"))
            self.state_label.setProperty("state", "offline")
        self.state_label.style().unpolish(self.state_label)
        self.state_label.style().polish(self.state_label)
        text = self.tr("Queued: %n", "", self._depth)
        if self._attention:
            text += "  " + self.tr("Needs attention: %n", "", self._attention)
        self.queue_label.setProperty("state", "error" if self._attention else "")
        self.queue_label.style().unpolish(self.queue_label)
        self.queue_label.style().polish(self.queue_label)
        if self._progress:
            text = f"{text}  {self._progress}"
        self.queue_label.setText(text)

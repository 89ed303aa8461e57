"""Shown after acceptance: the receipt number, its preview, reprint."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui_shared.plain_text import PlainLabel, shown


class ReceiptDialog(QDialog):
    reprint_requested = Signal()

    def __init__(
        self, title: str, message: str, preview_png: bytes | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("receiptDialog")
        self.setWindowTitle(shown(title, limit=120))
        self.message = PlainLabel(message, self, multiline=True)
        self.message.setObjectName("receiptMessage")
        self.message.setWordWrap(True)
        preview = QLabel(self)
        preview.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        if preview_png:
            pixmap = QPixmap()
            pixmap.loadFromData(preview_png, "PNG")
            preview.setPixmap(pixmap)
        scroll = QScrollArea(self)
        scroll.setWidget(preview)
        scroll.setWidgetResizable(True)
        scroll.setMinimumSize(420, 480)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.reprint = QPushButton(self.tr("Reprint"), self)
        buttons.addButton(self.reprint, QDialogButtonBox.ButtonRole.ActionRole)
        self.reprint.clicked.connect(self.reprint_requested)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)

"""Shown instead of the clerk window when the station cannot start safely (a damaged
database, a full or read-only disk, a bad configuration): what happened, in the
clerk's language, and the technician's next step. No receipt can be issued from it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget


class StartupFailureScreen(QWidget):
    def __init__(self, problem: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startupFailure")
        self.setWindowTitle(self.tr("Yiwang Window"))
        self.title = QLabel(self.tr("This station has stopped accepting applications"), self)
        self.title.setObjectName("startupFailureTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        # our own sentence, but it carries paths: plain text, never rich text
        self.problem = QLabel(problem, self)
        self.problem.setObjectName("startupFailureProblem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.next_step = QLabel(
            self.tr(
                "Next step: call the technician and show them this screen. "
                "Receipts already printed stay valid; do not hand out new numbers by hand."
            ),
            self,
        )
        self.next_step.setTextFormat(Qt.TextFormat.PlainText)
        self.next_step.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.close_button = QPushButton(self.tr("Close"), self)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addSpacing(12)
        layout.addWidget(self.problem)
        layout.addSpacing(12)
        layout.addWidget(self.next_step)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(640, 320)

"""The case view's follow-up strip: what the department asked for in its 补正 request
(note and materials, shown as plain text) and the two actions that close the loop —
补正材料 (add pages to this case) and 办结领取 (hand the result over)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from clerk_station.handover_dialog import HandoverDialog
from clerk_station.supplement_dialog import SupplementDialog
from station.case_followup import CaseFollowUp, FollowUpView
from ui_shared.error_text import error_text
from ui_shared.plain_text import PlainLabel
from ui_shared.tasks import TaskRunner


class FollowUpPanel(QWidget):
    changed = Signal()

    def __init__(self, followup: CaseFollowUp, uuid: str, clerk_id: str, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followUp")
        self._followup = followup
        self._uuid = uuid
        self._clerk = clerk_id
        self._tasks = tasks
        self.view: FollowUpView | None = None
        self.dialog: SupplementDialog | HandoverDialog | None = None
        self.request = PlainLabel("", self)
        self.request.setObjectName("supplementRequest")
        self.request.setWordWrap(True)
        self.requested = PlainLabel("", self)
        self.requested.setObjectName("materialsRequested")
        self.requested.setWordWrap(True)
        self.progress = PlainLabel("", self)
        self.progress.setWordWrap(True)
        self.supplement_button = QPushButton(self.tr("Add supplement pages…"), self)
        self.supplement_button.setObjectName("supplementButton")
        self.handover_button = QPushButton(self.tr("Hand over the result…"), self)
        self.handover_button.setObjectName("handoverButton")
        for button in (self.supplement_button, self.handover_button):
            button.setVisible(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.supplement_button)
        buttons.addWidget(self.handover_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.request)
        layout.addWidget(self.requested)
        layout.addLayout(buttons)
        self.supplement_button.clicked.connect(self.open_supplement)
        self.handover_button.clicked.connect(self.open_handover)
        self.refresh()

    def refresh(self) -> None:
        followup, uuid = self._followup, self._uuid
        self._tasks.disk(lambda: followup.view(uuid), self.show_view, self._failed)

    def show_view(self, view: FollowUpView) -> None:
        self.view = view
        if view.request is not None:
            wanted = "、".join(name for _, name in view.request.materials) or "—"
            self.request.setText(self.tr("The department asks for a supplement (补正): %1")
                                 .replace("%1", view.request.note or "—"))
            self.requested.setText(self.tr("Materials requested: %1").replace("%1", wanted))
        for label in (self.request, self.requested):
            label.setVisible(view.request is not None)
        lines = [
            self.tr("Supplement %1: %2 page(s), %3")
            .replace("%1", row.created_at[:16].replace("T", " "))
            .replace("%2", str(len(row.pages)))
            .replace("%3", self._state(row.state))
            for row in view.supplements
        ]
        if view.handover is not None:
            lines.append(self.tr("Result handed over: %1").replace(
                "%1", self._state(view.handover.state)))
        self.progress.setText("\n".join(lines))
        self.supplement_button.setVisible(view.can_supplement)
        self.handover_button.setVisible(view.can_hand_over)

    def _state(self, state: str) -> str:
        return {"queued": self.tr("waiting to be sent"),
                "delivered": self.tr("delivered to the platform"),
                "failed": self.tr("refused by the platform")}.get(state, state)

    def _failed(self, error: BaseException) -> None:
        self.progress.setText(error_text(error, fallback=type(error).__name__))

    def open_supplement(self) -> SupplementDialog | None:
        if self.view is None:
            return None
        dialog = SupplementDialog(self._followup, self.view, self._clerk, parent=self)
        self._open(dialog)
        return dialog

    def open_handover(self) -> HandoverDialog | None:
        if self.view is None:
            return None
        dialog = HandoverDialog(self._followup, self.view, self._clerk, parent=self)
        self._open(dialog)
        return dialog

    def _open(self, dialog: SupplementDialog | HandoverDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(self._closed)
        dialog.open()

    def _closed(self, _result: int) -> None:
        self.refresh()
        self.changed.emit()

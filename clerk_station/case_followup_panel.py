"""The case view's follow-up strip: what the department asked for in its 补正 request
(note and materials, shown as plain text) and the two actions that close the loop —
补正材料 (add pages to this case) and 办结领取 (hand the result over)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from clerk_station.handover_dialog import HandoverDialog
from clerk_station.supplement_dialog import SupplementDialog
from station.case_followup import CaseFollowUp, FollowUpView, OutcomeRow
from ui_shared.messages import stored_sync_text, user_message
from ui_shared.plain_text import PlainLabel
from ui_shared.tasks import TaskRunner


class FollowUpPanel(QWidget):
    changed = Signal()

    def __init__(self, followup: CaseFollowUp, uuid: str, clerk_id: str, tasks: TaskRunner,
                 parent: QWidget | None = None, *, english: bool = False) -> None:
        super().__init__(parent)
        self._english = english
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
        #: a supplement or handover held back because the case itself was refused
        self.blocked = PlainLabel("", self, multiline=True)
        self.blocked.setObjectName("outcomeBlocked")
        self.blocked.setWordWrap(True)
        self.blocked.setStyleSheet("color: #c0392b; font-weight: bold;")
        self.blocked.setVisible(False)
        self.supplement_button = QPushButton(self.tr("Add supplement pages…"), self)
        self.supplement_button.setObjectName("supplementButton")
        self.handover_button = QPushButton(self.tr("Hand over the result…"), self)
        self.handover_button.setObjectName("handoverButton")
        self.commitment_button = QPushButton(self.tr("Capture the signed commitment form…"),
                                             self)  # fmt: skip
        self.commitment_button.setObjectName("commitmentFormButton")
        for button in (self.supplement_button, self.handover_button, self.commitment_button):
            button.setVisible(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.commitment_button)
        buttons.addWidget(self.supplement_button)
        buttons.addWidget(self.handover_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.request)
        layout.addWidget(self.requested)
        layout.addWidget(self.blocked)
        layout.addLayout(buttons)
        self.supplement_button.clicked.connect(self.open_supplement)
        self.handover_button.clicked.connect(self.open_handover)
        self.commitment_button.clicked.connect(self.open_commitment_form)
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
            .replace("%3", self._row_state(view, row))
            for row in view.supplements
        ]
        if view.commitment_form is not None:
            lines.append(self.tr("Signed commitment form: %1").replace(
                "%1", self._row_state(view, view.commitment_form)))
        elif view.commitment_accepted:
            lines.append(self.tr("Signed commitment form: not captured yet"))
        if view.handover is not None:
            lines.append(self.tr("Result handed over: %1").replace(
                "%1", self._row_state(view, view.handover)))
        self.progress.setText("\n".join(lines))
        held = [r for r in (*view.supplements, view.commitment_form, view.handover)
                if r is not None and view.blocked(r)]  # fmt: skip
        if held:
            reason = stored_sync_text(view.case_blocked, english=self._english)
            self.blocked.setText(self.tr(
                "Not sent: the platform refused this case itself, so its supplement or "
                "handover cannot reach the platform until the case is resolved. Reason: %1 "
                "Call the technician (case list, “Send again” once it is fixed)."
            ).replace("%1", reason))  # fmt: skip
        self.blocked.setVisible(bool(held))
        self.supplement_button.setVisible(view.can_supplement)
        self.handover_button.setVisible(view.can_hand_over)
        self.commitment_button.setVisible(view.can_capture_commitment)

    def _row_state(self, view: FollowUpView, row: OutcomeRow) -> str:
        if view.blocked(row):
            return self.tr("blocked: the case was refused by the platform")
        return self._state(row.state)

    def _state(self, state: str) -> str:
        return {"queued": self.tr("waiting to be sent"),
                "delivered": self.tr("delivered to the platform"),
                "failed": self.tr("refused by the platform")}.get(state, state)

    def _failed(self, error: BaseException) -> None:
        self.progress.setText(user_message(error, fallback=type(error).__name__))

    def open_supplement(self) -> SupplementDialog | None:
        if self.view is None:
            return None
        dialog = SupplementDialog(self._followup, self.view, self._clerk, parent=self)
        self._open(dialog)
        return dialog

    def open_commitment_form(self) -> SupplementDialog | None:
        if self.view is None:
            return None
        dialog = SupplementDialog(self._followup, self.view, self._clerk, parent=self,
                                  commitment=True)  # fmt: skip
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

"""The clerk's decisions that need a reason: a material brought but unusable (goes on
the 一次性告知书) and 不予受理 (a reason and legal basis from the catalog). Both ask
in a non-blocking dialog and forward the answer to the intake session."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QInputDialog, QLabel, QWidget

from clerk_station.identification_controller import FORWARDS_IDENTITY
from station.intake_session import IntakeSession
from station.typed_text import TypedTextTooLong
from ui_shared.messages import user_message

#: reasons a clerk picks from (or types) when a material cannot be used
DEFECT_REASONS = (
    "复印件不清晰",
    "证件已过有效期",
    "缺少签字或盖章",
    "信息与申请人不符",
    "页数不全",
)


class DecisionDialogs(QObject):
    def __init__(self, session: IntakeSession, window: QWidget, *, english: bool = False) -> None:
        super().__init__(window)
        self.session = session
        self._window = window
        self._english = english
        self.defect_dialog: QInputDialog | None = None
        self.refusal_dialog: QInputDialog | None = None

    def ask_refusal(self) -> QInputDialog | None:
        """不予受理: the clerk picks one of the catalog's reasons (each with its legal basis)."""
        state = self.session.state
        reasons = self.session.catalog.refusal_reasons
        if state.item is None or state.phase not in FORWARDS_IDENTITY[1:] or not reasons:
            return None
        dialog = QInputDialog(self._window)
        dialog.setObjectName("refusalDialog")
        dialog.setWindowTitle(self.tr("Refuse the application"))
        dialog.setLabelText(self.tr("Reason (the legal basis is printed with it)"))
        dialog.setComboBoxEditable(False)
        labels = {f"{r.reason_zh}（{r.basis_zh}）": r.code for r in reasons}
        dialog.setComboBoxItems(list(labels))
        dialog.textValueSelected.connect(
            lambda text: self.session.refusal_requested(labels[text]) if text in labels else None
        )
        self.refusal_dialog = dialog
        dialog.open()
        return dialog

    def ask_defect(self, typed: str = "", problem: str = "") -> QInputDialog | None:
        """The reason the selected material cannot be used, for the 一次性告知书. Asked
        again with what was `typed` and the `problem` with it when the session refused
        it (too long: station.typed_text), so nothing typed is lost."""
        state = self.session.state
        code = state.current_material
        if code is None or state.item is None or state.phase not in FORWARDS_IDENTITY[1:]:
            return None
        material = state.item.material(code)
        dialog = QInputDialog(self._window)
        dialog.setObjectName("defectDialog")
        dialog.setWindowTitle(self.tr("Material unusable"))
        question = self.tr("Why can “%1” not be used?").replace(
            "%1", material.name_en if self._english else material.name_zh
        )
        dialog.setLabelText(f"{problem}\n{question}" if problem else question)
        for label in dialog.findChildren(QLabel):  # the material's name is catalog text
            label.setTextFormat(Qt.TextFormat.PlainText)
        dialog.setComboBoxEditable(True)
        dialog.setComboBoxItems(list(DEFECT_REASONS))
        if typed:
            dialog.setTextValue(typed)
        dialog.textValueSelected.connect(lambda reason: self._defect_given(code, reason))
        self.defect_dialog = dialog
        dialog.open()
        return dialog

    def _defect_given(self, code: str, reason: str) -> None:
        try:
            self.session.material_defective(code, reason)
        except TypedTextTooLong as e:
            # after this dialog has closed: the same question again, what was typed in it
            problem = user_message(e)  # in the window's language, as the question
            QTimer.singleShot(0, lambda: self.ask_defect(reason, problem))

"""Typing an identity when the card reader is missing or the card will not read.

The clerk picks the document the citizen handed over (resident ID card, 户口簿,
birth certificate, foreign permanent residence ID, HK/Macao/Taiwan permits),
types the name and number — checked as they type (GB 11643 check digit where the
number has one) — and confirms that the original was sighted. The same dialog
takes an agent (代办人) with the relation to the applicant.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from clerk_station.relations import fill_relations
from intake.applicant import Person
from intake.documents import DOCUMENT_KINDS, document_kind, validate_document
from intake.errors import IntakeError
from ui_shared.error_text import error_text

#: the kinds whose number says nothing about the birth date
_NEEDS_BIRTH_DATE = ("birth_certificate",)


class ManualEntryDialog(QDialog):
    def __init__(
        self, parent: QWidget | None = None, *, agent: bool = False, english: bool = False
    ) -> None:
        super().__init__(parent)
        self.setObjectName("manualEntry")
        self.setWindowTitle(
            self.tr("Enter the agent by hand") if agent else self.tr("Enter by hand")
        )
        self._english = english
        self.kind = QComboBox(self)
        self.kind.setObjectName("documentKind")
        for kind in DOCUMENT_KINDS:
            if agent and kind.code == "birth_certificate":
                continue  # an agent is an adult
            self.kind.addItem(kind.name_en if english else kind.name_zh, kind.code)
        self.name = QLineEdit(self)
        self.name.setObjectName("manualName")
        self.name.setMaxLength(40)
        self.number = QLineEdit(self)
        self.number.setObjectName("manualNumber")
        self.number.setMaxLength(24)
        self.birth_date = QDateEdit(self)
        self.birth_date.setCalendarPopup(True)
        self.birth_date.setDisplayFormat("yyyy-MM-dd")
        self.birth_date.setMaximumDate(QDate.currentDate())
        self.birth_date.setDate(QDate.currentDate())
        self.relation = QComboBox(self)
        self.relation.setObjectName("relation")
        fill_relations(self.relation)
        self.relation.setVisible(agent)
        self.check = QLabel("", self)
        self.check.setObjectName("numberCheck")
        self.check.setTextFormat(Qt.TextFormat.PlainText)
        self.check.setWordWrap(True)
        self.sighted = QCheckBox(self.tr("I have sighted the original document"), self)
        self.sighted.setObjectName("sighted")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)

        form = QFormLayout()
        form.addRow(self.tr("Document"), self.kind)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Number"), self.number)
        self._birth_label = QLabel(self.tr("Date of birth"), self)
        form.addRow(self._birth_label, self.birth_date)
        if agent:
            form.addRow(self.tr("Relation to the applicant"), self.relation)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.check)
        layout.addWidget(self.sighted)
        layout.addWidget(self.buttons)

        self.kind.currentIndexChanged.connect(self._validate)
        self.name.textChanged.connect(self._validate)
        self.number.textChanged.connect(self._validate)
        self.sighted.toggled.connect(self._validate)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._validate()

    @property
    def kind_code(self) -> str:
        return str(self.kind.currentData())

    def person(self) -> Person | None:
        """The typed person when every field checks out, else None."""
        name = self.name.text().strip()
        try:
            number = validate_document(self.kind_code, self.number.text())
        except IntakeError:
            return None
        if not name:
            return None
        birth: date | None = None
        if self.kind_code in _NEEDS_BIRTH_DATE:
            birth = self.birth_date.date().toPython()  # type: ignore[assignment]
        return Person(name=name, id_number=number, birth_date=birth, id_kind=self.kind_code)

    def _validate(self) -> None:
        needs_birth = self.kind_code in _NEEDS_BIRTH_DATE
        self._birth_label.setVisible(needs_birth)
        self.birth_date.setVisible(needs_birth)
        text = self.number.text().strip()
        state = ""
        if text:
            try:
                validate_document(self.kind_code, text)
            except IntakeError as e:
                self.check.setText(error_text(e, english=self._english))
                state = "error"
            else:
                kind = document_kind(self.kind_code)
                label = kind.name_en if self._english else kind.name_zh
                self.check.setText(self.tr("%1 number is valid").replace("%1", label))
                state = "ok"
        else:
            self.check.setText("")
        self.check.setProperty("state", state)
        self.check.style().polish(self.check)
        self.ok.setEnabled(self.person() is not None and self.sighted.isChecked())

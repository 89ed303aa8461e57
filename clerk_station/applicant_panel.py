"""Who is applying: the card just read (masked), or a company and its representative."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake.applicant import Applicant, LegalEntity, Person
from intake.catalog import Entrance
from intake.errors import IntakeError
from intake.identity import mask_address, mask_id_number, mask_name, validate_credit_code
from ui_shared.plain_text import PlainLabel

REVEAL_SECONDS = 10


class ApplicantPanel(QGroupBox):
    applicant_changed = Signal(object)  # Applicant | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Applicant"), parent)
        self._person: Person | None = None
        self._entrance = Entrance.PERSONAL
        self._applicant: Applicant | None = None
        self.hint = PlainLabel(self.tr("Place the applicant's ID card on the reader"), self)
        self.hint.setObjectName("hint")
        self.name_label = PlainLabel("—", self, limit=60)
        self.name_label.setObjectName("applicantName")
        self.id_label = PlainLabel("—", self, limit=40)
        self.id_label.setObjectName("applicantId")
        self.id_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.details_label = PlainLabel("", self, limit=200)
        self.reveal_button = QPushButton(self.tr("Show number"), self)
        self.reveal_button.setEnabled(False)
        self.reveal_button.setToolTip(
            self.tr("Shows the full ID number for %n seconds", "", REVEAL_SECONDS)
        )
        self.reveal_button.clicked.connect(self._reveal)
        self._remask = QTimer(self)
        self._remask.setSingleShot(True)
        self._remask.setInterval(REVEAL_SECONDS * 1000)
        self._remask.timeout.connect(self._render_person)

        self.company_box = QWidget(self)
        self.credit_code = QLineEdit(self.company_box)
        self.credit_code.setObjectName("creditCode")
        self.credit_code.setMaxLength(18)
        self.credit_code.setPlaceholderText(self.tr("18-character unified social credit code"))
        self.company_name = QLineEdit(self.company_box)
        self.company_name.setObjectName("companyName")
        self.company_error = PlainLabel("", self.company_box)
        self.company_error.setObjectName("error")
        company_form = QFormLayout(self.company_box)
        company_form.setContentsMargins(0, 0, 0, 0)
        company_form.addRow(self.tr("Credit code"), self.credit_code)
        company_form.addRow(self.tr("Company name"), self.company_name)
        company_form.addRow(self.company_error)
        self.credit_code.textChanged.connect(self._company_edited)
        self.company_name.textChanged.connect(self._company_edited)

        form = QFormLayout()
        id_row = QHBoxLayout()
        id_row.addWidget(self.id_label, 1)
        id_row.addWidget(self.reveal_button)
        form.addRow(self.tr("Name"), self.name_label)
        form.addRow(self.tr("ID number"), id_row)
        form.addRow(self.details_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(form)
        layout.addWidget(self.company_box)
        self.set_entrance(Entrance.PERSONAL)

    @property
    def applicant(self) -> Applicant | None:
        return self._applicant

    def set_entrance(self, entrance: Entrance) -> None:
        self._entrance = entrance
        self.company_box.setVisible(entrance == Entrance.LEGAL)
        if entrance == Entrance.LEGAL:
            self.setTitle(self.tr("Applicant company and representative"))
        else:
            self.setTitle(self.tr("Applicant"))
        self._update_applicant()

    def set_person(self, person: Person) -> None:
        self._person = person
        self.hint.setText(self.tr("ID card read"))
        self.hint.setProperty("state", "ok")
        self._render_person()
        self._update_applicant()

    def show_error(self, message: str) -> None:
        self.hint.setText(message)
        self.hint.setProperty("state", "error")
        self.hint.style().polish(self.hint)

    def clear(self) -> None:
        self._person = None
        self._remask.stop()
        self.credit_code.clear()
        self.company_name.clear()
        self.hint.setText(self.tr("Place the applicant's ID card on the reader"))
        self.hint.setProperty("state", "")
        self._render_person()
        self._update_applicant()

    def _render_person(self) -> None:
        p = self._person
        self.reveal_button.setEnabled(p is not None)
        if p is None:
            self.name_label.setText("—")
            self.id_label.setText("—")
            self.details_label.setText("")
            return
        self.name_label.setText(mask_name(p.name))
        self.id_label.setText(mask_id_number(p.id_number))
        born = p.birth_date.isoformat() if p.birth_date else ""
        self.details_label.setText(f"{p.gender}  {p.nation}  {born}  {mask_address(p.address)}")

    def _reveal(self) -> None:
        if self._person is None:
            return
        self.id_label.setText(self._person.id_number)
        self.name_label.setText(self._person.name)
        self._remask.start()

    def _company_edited(self) -> None:
        self.company_error.setText("")
        self._update_applicant()

    def _update_applicant(self) -> None:
        applicant: Applicant | None = None
        if self._entrance == Entrance.PERSONAL:
            applicant = self._person
        elif self._person is not None:
            code = self.credit_code.text().strip()
            name = self.company_name.text().strip()
            if len(code) == 18:
                try:
                    code = validate_credit_code(code)
                except IntakeError as e:
                    self.company_error.setText(e.message_zh)
                else:
                    if name:
                        applicant = LegalEntity(
                            name=name, credit_code=code, representative=self._person
                        )
        if applicant != self._applicant:
            self._applicant = applicant
            self.applicant_changed.emit(applicant)

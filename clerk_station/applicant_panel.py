"""Who is applying: the card just read or the identity typed by hand (masked), or a
company and its representative; the mobile number to call back; the agent (代办人)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_station.relations import chosen_relation, fill_relations
from intake.applicant import SOURCE_MANUAL, Applicant, LegalEntity, Person
from intake.catalog import Entrance
from intake.documents import validate_mobile
from intake.errors import IntakeError
from intake.identity import mask_address, mask_id_number, mask_name, validate_credit_code
from station.intake_session import SessionState
from ui_shared.messages import user_message
from ui_shared.plain_text import PlainLabel

REVEAL_SECONDS = 10


class ApplicantPanel(QGroupBox):
    applicant_changed = Signal(object)  # Applicant | None
    manual_entry_requested = Signal()
    read_again_requested = Signal()  # 重新读卡: the card on the reader, read on demand
    phone_entered = Signal(str)  # a valid mobile number, or "" to clear it
    agent_card_requested = Signal(str)  # relation
    agent_manual_requested = Signal()
    agent_removed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Applicant"), parent)
        self._person: Person | None = None
        self._entrance = Entrance.PERSONAL
        self._applicant: Applicant | None = None
        self.hint = PlainLabel(self.tr("Place the applicant's ID card on the reader"), self)
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
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
        self._build_identify_row()
        id_row = QHBoxLayout()
        id_row.addWidget(self.id_label, 1)
        id_row.addWidget(self.reveal_button)
        form.addRow(self.tr("Name"), self.name_label)
        form.addRow(self.tr("ID number"), id_row)
        details_row = QHBoxLayout()
        details_row.addWidget(self.details_label, 1)
        details_row.addWidget(self.source_label)
        form.addRow(details_row)
        self._build_extras(form)
        layout = QVBoxLayout(self)
        # the hint and the two ways to identify share a line: a 768 px screen has no
        # height to spare for a line of their own
        hint_row = QHBoxLayout()
        hint_row.addWidget(self.hint, 1)
        hint_row.addWidget(self.reread_button)
        hint_row.addWidget(self.manual_button)
        layout.addLayout(hint_row)
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
        self.phone.clear()
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
            self.details_label.setVisible(False)  # no empty line on a 768 px screen
            return
        self.name_label.setText(mask_name(p.name))
        self.id_label.setText(mask_id_number(p.id_number))
        born = p.birth_date.isoformat() if p.birth_date else ""
        self.details_label.setText(f"{p.gender}  {p.nation}  {born}  {mask_address(p.address)}")
        self.details_label.setVisible(True)

    def _build_identify_row(self) -> None:
        self.manual_button = QPushButton(self.tr("Enter by hand"), self)
        self.manual_button.setObjectName("manualButton")
        self.manual_button.setToolTip(
            self.tr("When the reader is missing or the card will not read")
        )
        self.manual_button.clicked.connect(self.manual_entry_requested)
        self.reread_button = QPushButton(self.tr("Read card again"), self)
        self.reread_button.setObjectName("rereadButton")
        self.reread_button.setToolTip(
            self.tr("Reads the card lying on the reader; a new card is read by itself")
        )
        self.reread_button.clicked.connect(self.read_again_requested)
        self.source_label = PlainLabel("", self)
        self.source_label.setObjectName("idSource")

    def _build_extras(self, form: QFormLayout) -> None:
        self.phone = QLineEdit(self)
        self.phone.setObjectName("mobile")
        self.phone.setMaxLength(20)
        self.phone.setPlaceholderText(self.tr("11-digit mobile number"))
        self.phone_check = PlainLabel("", self)
        self.phone_check.setObjectName("phoneCheck")
        self.phone.textChanged.connect(self._phone_edited)
        phone_row = QHBoxLayout()
        phone_row.addWidget(self.phone, 1)
        phone_row.addWidget(self.phone_check)
        form.addRow(self.tr("Mobile"), phone_row)
        self.agent_label = PlainLabel(self.tr("none"), self)
        self.agent_label.setObjectName("agentLabel")
        self.relation = QComboBox(self)
        self.relation.setObjectName("agentRelation")
        fill_relations(self.relation)
        self.agent_card = QPushButton(self.tr("Read agent's card"), self)
        self.agent_card.setObjectName("agentCard")
        self.agent_card.clicked.connect(
            lambda: self.agent_card_requested.emit(chosen_relation(self.relation))
        )
        self.agent_manual = QPushButton(self.tr("Agent by hand"), self)
        self.agent_manual.setObjectName("agentManual")
        self.agent_manual.clicked.connect(self.agent_manual_requested)
        self.agent_remove = QPushButton(self.tr("Remove"), self)
        self.agent_remove.clicked.connect(self.agent_removed)
        # two lines: in one, the English labels made the panel ~850 px wide and the
        # splitter squeezed the item picker to ~140 px at 1366x768
        agent_row = QHBoxLayout()
        agent_row.addWidget(self.agent_label, 1)
        agent_row.addWidget(self.relation)
        form.addRow(self.tr("Agent"), agent_row)
        agent_actions = QHBoxLayout()
        agent_actions.addStretch(1)
        agent_actions.addWidget(self.agent_card)
        agent_actions.addWidget(self.agent_manual)
        agent_actions.addWidget(self.agent_remove)
        form.addRow(agent_actions)

    def render_extras(self, state: SessionState) -> None:
        """The parts of the session's state this panel shows besides the person."""
        person = state.person
        self.source_label.setVisible(person is not None)
        if person is None:
            self.source_label.setText("")
        elif person.id_source == SOURCE_MANUAL:
            self.source_label.setText(self.tr("Typed by hand, original sighted"))
        else:
            self.source_label.setText(self.tr("Read from the card"))
        agent = state.agent
        if state.awaiting_agent is not None:
            text = self.tr("Place the agent's card on the reader (%1)").replace(
                "%1", state.awaiting_agent
            )
        elif agent is not None:
            text = (
                f"{mask_name(agent.person.name)} {mask_id_number(agent.person.id_number)}"
                f"（{agent.relation}）"
            )
        else:
            text = self.tr("none")
        if state.needs_guardian:
            text += "  " + self.tr("A child applies through a guardian: record the agent")
        self.agent_label.setText(text)
        self.agent_label.setProperty("state", "error" if state.needs_guardian else "")
        self.agent_label.style().polish(self.agent_label)
        self.agent_remove.setEnabled(agent is not None or state.awaiting_agent is not None)

    def _phone_edited(self, text: str) -> None:
        if not text.strip():
            self.phone_check.setText("")
            self.phone_entered.emit("")
            return
        try:
            number = validate_mobile(text)
        except IntakeError as e:
            self.phone_check.setText(user_message(e))
            self.phone_check.setProperty("state", "error")
            self.phone_entered.emit("")  # nothing wrong is kept
        else:
            self.phone_check.setText("✓")
            self.phone_check.setProperty("state", "ok")
            self.phone_entered.emit(number)
        self.phone_check.style().polish(self.phone_check)

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
                    self.company_error.setText(user_message(e))
                else:
                    if name:
                        applicant = LegalEntity(
                            name=name, credit_code=code, representative=self._person
                        )
        if applicant != self._applicant:
            self._applicant = applicant
            self.applicant_changed.emit(applicant)

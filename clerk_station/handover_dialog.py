"""办结领取: the result is ready; the clerk records who collected it — the applicant or an
agent (with the relation), identified from the ID card or typed from the original (live
GB 11643 check, the original must be sighted) — and prints the acknowledgement."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_station.paper_actions import PaperActions
from clerk_station.receipt_dialog import ReceiptDialog
from devices.idcard.card import IdCardData
from intake.applicant import SOURCE_CARD, SOURCE_MANUAL, Person
from intake.errors import IntakeError
from intake.identity import mask_id_number, validate_resident_id
from station.card_mapping import person_from_card
from station.case_followup import CaseFollowUp, FollowUpView, HandoverDone
from station.handover_paper import HandedOver
from station.identification import RELATIONS
from station.typed_text import RELATION_CHARS, TypedTextTooLong, typed_text
from ui_shared.messages import user_message
from ui_shared.plain_text import PlainLabel
from ui_shared.tasks import TaskRunner


class HandoverDialog(QDialog):
    def __init__(self, followup: CaseFollowUp, view: FollowUpView, clerk_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handoverDialog")
        self.setWindowTitle(self.tr("Hand over the result of %1").replace("%1", view.receipt_no))
        self._followup = followup
        self._view = view
        self._clerk = clerk_id
        self.tasks = TaskRunner(self)
        self.source = SOURCE_MANUAL
        self._card_number = ""
        self.done_result: HandoverDone | None = None
        heading = PlainLabel(f"{view.receipt_no}  {view.item_name}", self)
        heading.setObjectName("itemTitle")
        self.role = QComboBox(self)
        self.role.addItem(self.tr("The applicant in person"), "applicant")
        self.role.addItem(self.tr("An agent collecting for the applicant"), "agent")
        self.relation = QComboBox(self)
        self.relation.setEditable(True)
        self.relation.addItems(list(RELATIONS))
        self.relation.setEnabled(False)
        self.name = QLineEdit(self)
        self.name.setMaxLength(50)
        self.id_number = QLineEdit(self)
        self.id_number.setMaxLength(18)
        self.id_check = PlainLabel("", self)
        self.sighted = QCheckBox(self.tr("I have sighted the original ID document"), self)
        self.card_state = PlainLabel(self.tr("Place the collector's ID card on the reader, "
                                             "or type the identity from the original."), self)
        self.card_state.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Collected by"), self.role)
        form.addRow(self.tr("Relation to the applicant"), self.relation)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("ID number"), self.id_number)
        form.addRow("", self.id_check)
        form.addRow("", self.sighted)
        self.message = PlainLabel("", self)
        self.message.setWordWrap(True)
        self.record_button = QPushButton(self.tr("Record handover and print"), self)
        self.record_button.setObjectName("recordHandover")
        self.record_button.setEnabled(False)
        #: after the handover: the acknowledgement again, previewed, or as an A4 PDF
        self.papers_button = QPushButton(self.tr("Preview / A4…"), self)
        self.papers_button.setObjectName("handoverPapers")
        self.papers_button.setEnabled(False)
        self.papers_dialog: ReceiptDialog | None = None
        close = QPushButton(self.tr("Close"), self)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.record_button)
        bottom.addWidget(self.papers_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.card_state)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addLayout(bottom)
        self.role.currentIndexChanged.connect(self._changed)
        self.name.textEdited.connect(self._typed)
        self.id_number.textEdited.connect(self._typed)
        self.sighted.toggled.connect(self._changed)
        self.relation.currentTextChanged.connect(self._changed)
        self.record_button.clicked.connect(self.record)
        self.papers_button.clicked.connect(self.open_papers)
        close.clicked.connect(self.reject)
        followup.card_listener = self.card_read  # the reader's next card is the collector's
        self.resize(620, 380)

    def card_read(self, card: IdCardData) -> None:
        try:
            person = person_from_card(card)
        except IntakeError as e:
            self.card_state.setText(user_message(e))
            return
        self.fill_from_card(person)

    def fill_from_card(self, person: Person) -> None:
        """A card was read: its identity, no typing and no sighting needed."""
        self.source = SOURCE_CARD
        self._card_number = person.id_number
        self.name.setText(person.name)
        self.id_number.setText(person.id_number)
        self.card_state.setText(self.tr("Read from the ID card: %1").replace(
            "%1", mask_id_number(person.id_number)))
        self._changed()

    def _typed(self, _text: str) -> None:
        if self.source == SOURCE_CARD and self.id_number.text() != self._card_number:
            self.source = SOURCE_MANUAL  # edited: it is a typed identity now
        self._changed()

    def _changed(self, *_args: object) -> None:
        agent = self.role.currentData() == "agent"
        self.relation.setEnabled(agent)
        number_ok = False
        text = self.id_number.text().strip()
        if text:
            try:
                validate_resident_id(text)
                number_ok = True
                self.id_check.setText(self.tr("ID number is valid"))
            except IntakeError as e:
                self.id_check.setText(user_message(e))
        else:
            self.id_check.setText("")
        self.sighted.setVisible(self.source == SOURCE_MANUAL)
        ready = (number_ok and bool(self.name.text().strip())
                 and (not agent or bool(self.relation.currentText().strip()))
                 and (self.source == SOURCE_CARD or self.sighted.isChecked()))
        self.record_button.setEnabled(ready and self.done_result is None)

    def collector(self) -> HandedOver:
        agent = self.role.currentData() == "agent"
        return HandedOver(
            role="agent" if agent else "applicant", name=self.name.text().strip(),
            id_kind="resident", id_number=self.id_number.text().strip().upper(),
            id_source=self.source, relation=self.relation.currentText().strip() if agent else "",
        )

    def record(self) -> None:
        if self.role.currentData() == "agent":
            try:  # said here, naming the field: the dialog has two typed fields
                typed_text(self.relation.currentText(), limit=RELATION_CHARS)
            except TypedTextTooLong as e:
                self.message.setText(self.tr("Relation to the applicant: %1").replace(
                    "%1", user_message(e)))
                self.relation.setFocus()
                return
        self.record_button.setEnabled(False)
        followup, uuid, clerk, who = self._followup, self._view.uuid, self._clerk, self.collector()
        self.tasks.disk(lambda: followup.hand_over(uuid, who, clerk_id=clerk),
                        self._recorded, self._failed)

    def _recorded(self, done: HandoverDone) -> None:
        self.done_result = done
        self.papers_button.setEnabled(done.paper is not None)
        if done.print_failure is not None:
            why = user_message(done.print_failure)
            self.message.setText(self.tr("Handover recorded; the acknowledgement did not print: "
                                         "%1").replace("%1", why))
        else:
            self.message.setText(self.tr("Handover recorded and acknowledgement printed; the "
                                         "platform is told by itself."))

    def _failed(self, error: BaseException) -> None:
        self.record_button.setEnabled(True)
        self.message.setText(user_message(error, self.tr("The handover could not be recorded.")))

    def open_papers(self) -> None:
        """The printed acknowledgement in the papers dialog: thermal preview, reprint,
        A4 preview, save as PDF and laser print (the same actions as after an accept)."""
        done = self.done_result
        if done is None or done.paper is None:
            return
        paper, followup = done.paper, self._followup
        dialog = ReceiptDialog(self.tr("Handover acknowledgement"), self.message.text(), None,
                               self, paper_titles=[paper.title])
        self.paper_actions = PaperActions(
            dialog, (paper,), print_receipt=followup.reprint, a4_pdf=followup.a4_pdf,
            tasks=self.tasks, on_error=dialog.show_status,
        )
        self.paper_actions.show_thermal()
        self.papers_dialog = dialog
        dialog.open()

    def done(self, result: int) -> None:
        if self._followup.card_listener == self.card_read:
            self._followup.card_listener = None
        self.tasks.shutdown()
        super().done(result)

"""Under the materials: what the intake still lacks, and what the clerk may decide.

The summary line (missing, unusable, complete), how the result is collected, and the
outcome buttons: one-time notice and refusal on one line, the three ways to accept on
the next (one line was ~860 px in English). Each button is enabled exactly when the
session says the outcome is possible; the session decides, the panel only asks it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from clerk_station.identification_controller import FORWARDS_IDENTITY
from clerk_station.line_capped_label import LineCappedLabel
from intake.errors import IntakeError
from station.intake_session import IntakeSession, Phase, SessionState, Topic
from station.paper import COLLECTION_METHODS
from ui_shared.error_text import error_text, note_text


class IntakeActions(QWidget):
    def __init__(
        self,
        session: IntakeSession,
        parent: QWidget | None = None,
        *,
        english: bool = False,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._english = english
        # three lines at most (the checklist beside it names every missing material);
        # the whole summary is in its tooltip
        self.summary = LineCappedLabel(
            "", self, multiline=True, max_lines=3, tooltip_full_text=True
        )
        self.summary.setObjectName("summary")
        self.accept_button = self._button(self.tr("Accept"), "acceptButton")
        self.notice_button = self._button(
            self.tr("Print notice of missing materials"), "noticeButton"
        )
        self.deficiency_button = self._button(
            self.tr("Accept, owing materials"),
            "deficiencyButton",
            self.tr("容缺受理: only non-key materials are missing; the receipt names them and"
                    " the date to bring them"),
        )  # fmt: skip
        self.commitment_button = self._button(
            self.tr("Accept on commitment"),
            "commitmentButton",
            self.tr("告知承诺制: the applicant signs the printed commitment form in place of"
                    " the missing materials"),
        )  # fmt: skip
        self.collection = QComboBox(self)
        self.collection.setObjectName("collection")
        self.collection.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.collection.setMinimumContentsLength(16)
        for code, (zh, en) in COLLECTION_METHODS.items():
            self.collection.addItem(en if english else zh, code)
        self.defect_button = self._button(
            self.tr("Material unusable…"),
            "defectButton",
            self.tr("What was brought for the selected material cannot be used"),
        )
        self.refuse_button = self._button(
            self.tr("Refuse…"),
            "refuseButton",
            self.tr("Refuse the application and print the notice with the reason"),
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        self._options = options = QHBoxLayout()
        options.addWidget(QLabel(self.tr("Result by"), self))
        options.addWidget(self.collection)
        options.addStretch(1)
        options.addWidget(self.defect_button)
        layout.addLayout(options)
        others = QHBoxLayout()  # what ends the intake without accepting
        others.addWidget(self.notice_button)
        others.addWidget(self.refuse_button)
        others.addStretch(1)
        layout.addLayout(others)
        accepts = QHBoxLayout()
        accepts.addStretch(1)
        accepts.addWidget(self.deficiency_button)
        accepts.addWidget(self.commitment_button)
        accepts.addWidget(self.accept_button)
        layout.addLayout(accepts)

        self.accept_button.clicked.connect(session.accept_requested)
        self.notice_button.clicked.connect(session.notice_requested)
        self.deficiency_button.clicked.connect(
            lambda: self._decide(session.deficiency_accept_requested)
        )
        self.commitment_button.clicked.connect(
            lambda: self._decide(session.commitment_accept_requested)
        )
        self.collection.currentIndexChanged.connect(
            lambda _i: session.collection_chosen(str(self.collection.currentData()))
        )

    def add_option(self, widget: QWidget) -> None:
        """Another way to file a material (电子证照…), beside "Material unusable…"."""
        self._options.insertWidget(self._options.indexOf(self.defect_button), widget)

    def _button(self, text: str, name: str, tip: str = "") -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        if tip:
            button.setToolTip(tip)
        button.setEnabled(False)  # until the session says the outcome is possible
        return button

    def _decide(self, event: Callable[[], None]) -> None:
        """An accept with something missing; the session may still say no (a page was
        removed meanwhile): its reason is shown, nothing is lost."""
        try:
            event()
        except IntakeError as e:
            self.summary.setText(error_text(e, english=self._english))

    def show_state(self, state: SessionState) -> None:
        self.accept_button.setEnabled(state.can_accept)
        self.deficiency_button.setEnabled(state.can_accept_deficient)
        self.commitment_button.setEnabled(state.can_accept_committed)
        self.notice_button.setEnabled(state.can_issue_notice)
        identified = state.phase in FORWARDS_IDENTITY[1:]
        self.refuse_button.setEnabled(identified and bool(self.session.catalog.refusal_reasons))
        self.defect_button.setEnabled(identified and bool(state.item))
        if state.item is None and self.collection.currentIndex() != 0:
            self.collection.setCurrentIndex(0)  # a new intake starts from window pickup
        if state.item is None:
            self.summary.setText("")
            return
        self.summary.setText(("; " if self._english else "；").join(self._summary_parts(state)))
        complete = state.phase in (Phase.REVIEW, Phase.ACCEPTING)
        self.summary.setProperty("state", "ok" if complete else "warn")
        self.summary.style().polish(self.summary)

    def _summary_parts(self, state: SessionState) -> list[str]:
        assert state.item is not None
        parts = []
        if state.applicant is None:
            parts.append(self.tr("Applicant not identified"))
        if state.missing:
            names = (", " if self._english else "、").join(
                (m.name_en if self._english else m.name_zh) for m in state.missing
            )
            parts.append(self.tr("Missing: %1").replace("%1", names))
        if not parts:
            parts.append(self.tr("Complete: %n page(s) captured", "", state.page_count))
        for code, reason in state.defects.items():
            material = state.item.material(code)
            name = material.name_en if self._english else material.name_zh
            parts.append(self.tr("Unusable: %1 (%2)").replace("%1", name).replace("%2", reason))
        note = state.note
        if note is not None and note.topic is Topic.NOTICE:
            said = note_text(note, english=self._english)
            if note.family == "printer":  # the notice was issued; its paper did not come out
                said = self.tr("The notice was not printed: %1").replace("%1", said)
            parts.append(said)
        return parts

"""The clerk window's identification side: the applicant panel's requests (typed
identity, phone, agent, company) forwarded to the intake session, and the
manual-entry dialog."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from clerk_station.applicant_panel import ApplicantPanel
from clerk_station.manual_entry import ManualEntryDialog
from clerk_station.relations import chosen_relation
from intake.applicant import Applicant
from intake.catalog import Entrance
from station.intake_session import IntakeSession, Phase

#: the phases in which identification events reach the session
FORWARDS_IDENTITY = (
    Phase.CHOOSING_ITEM,
    Phase.IDENTIFYING,
    Phase.CAPTURING,
    Phase.REVIEW,
    Phase.NOTICE,
)


class IdentificationController(QObject):
    #: the manual-entry dialog closed (typed, or cancelled): the window takes the keyboard back
    manual_closed = Signal()

    def __init__(
        self,
        session: IntakeSession,
        panel: ApplicantPanel,
        window: QWidget,
        *,
        english: bool = False,
    ) -> None:
        super().__init__(window)
        self.session = session
        self._window = window
        self._english = english
        self.manual_dialog: ManualEntryDialog | None = None
        panel.applicant_changed.connect(self._applicant_changed)
        panel.manual_entry_requested.connect(lambda: self.open_manual_entry(agent=False))
        panel.agent_manual_requested.connect(lambda: self.open_manual_entry(agent=True))
        panel.phone_entered.connect(lambda text: self._identify(session.phone_entered, text))
        panel.agent_card_requested.connect(
            lambda relation: self._identify(session.agent_requested, relation)
        )
        panel.agent_removed.connect(lambda: self._identify(session.agent_removed))

    def _identify(self, event: Callable[..., None], *args: object, **kwargs: object) -> None:
        if self.session.state.phase in FORWARDS_IDENTITY:
            event(*args, **kwargs)

    def _applicant_changed(self, applicant: Applicant | None) -> None:
        # the person comes from the session (card or typed); the panel adds the company
        state = self.session.state
        legal = state.item is not None and state.item.entrance is Entrance.LEGAL
        if legal and applicant != state.applicant:
            self._identify(self.session.applicant_entered, applicant)

    def open_manual_entry(self, *, agent: bool) -> ManualEntryDialog:
        dialog = ManualEntryDialog(self._window, agent=agent, english=self._english)

        def entered() -> None:
            person = dialog.person()
            sighted = dialog.sighted.isChecked()
            if person is None:
                return
            if agent:
                relation = chosen_relation(dialog.relation)
                self._identify(self.session.agent_typed, person, relation, sighted=sighted)
            else:
                self._identify(self.session.person_typed, person, sighted=sighted)

        dialog.accepted.connect(entered)
        dialog.finished.connect(lambda _r: self.manual_closed.emit())
        self.manual_dialog = dialog
        dialog.open()
        return dialog

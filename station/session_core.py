"""The bookkeeping under ``station.intake_session.IntakeSession``: what one intake
holds, its derived phase, the immutable snapshot listeners get, and the guards
every event uses. The events themselves are in ``station.intake_session``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, date, datetime

from devices.printer.receipt import CST, Receipt
from intake.applicant import Applicant
from intake.catalog import Catalog
from intake.errors import IntakeError
from intake.submission import Channel, Draft
from station.events import EventHub
from station.identification import Identification
from station.paper import card_address
from station.session_state import (
    AcceptOutcome,
    IntakeCommands,
    ItemSwitch,
    Note,
    Phase,
    Runner,
    SessionError,
    SessionState,
    Topic,
)

log = logging.getLogger(__name__)


def _utc_now() -> datetime:
    return datetime.now(UTC)


class SessionCore:
    # what one intake holds; _clear() sets all of it
    _draft: Draft | None
    _catalog_version: str
    _who: Identification
    _current: str | None
    _storing: int
    _note: Note | None
    _pending: ItemSwitch | None
    _accepting: bool
    _outcome: AcceptOutcome | None
    _notice_issued: bool
    _card_page_filed: tuple[int, str] | None
    _collection: str
    _post_address: str
    _defects: dict[str, str]
    _refusal_no: str
    _papers: tuple[Receipt, ...]

    def __init__(
        self,
        intake: IntakeCommands,
        catalog: Catalog,
        runner: Runner,
        *,
        channel: Channel = Channel.WINDOW,
        clerk_id: str | None = None,
        today: Callable[[], date] | None = None,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        self._intake = intake
        self._catalog = catalog
        self._runner = runner
        self.channel = channel
        self.clerk_id = clerk_id
        self._changes: EventHub[SessionState] = EventHub()
        self._generation = 0
        self._emitting = False
        self._dirty = False
        # the station's clock: the acceptance time, and the day (in China) rules count from
        self._now = now or _utc_now
        self._today = today or (lambda: self._now().astimezone(CST).date())
        self._clear()
        self._state = self._snapshot()

    # -- observing ---------------------------------------------------------
    @property
    def state(self) -> SessionState:
        return self._state

    @property
    def draft(self) -> Draft | None:
        """The live draft (read-only use: change it through events)."""
        return self._draft

    @property
    def catalog(self) -> Catalog:
        return self._catalog

    def subscribe(self, listener: Callable[[SessionState], None]) -> Callable[[], None]:
        return self._changes.subscribe(listener)

    # -- bookkeeping -------------------------------------------------------
    def _clear(self) -> None:
        self._generation += 1
        self._draft = None
        self._catalog_version = ""
        self._who = Identification()
        self._current = None
        self._storing = 0
        self._note = None
        self._pending = None
        self._accepting = False
        self._outcome = None
        self._notice_issued = False
        self._card_page_filed = None
        self._collection = "window"
        self._post_address = "card"
        self._defects = {}
        self._refusal_no = ""
        self._papers = ()

    def _set_applicant(self, applicant: Applicant | None) -> None:
        if self._draft is None:
            return
        try:
            self._draft.set_applicant(applicant)
        except IntakeError as e:
            self._note = Note.from_error(e, Topic.APPLICANT)

    def _select_next_missing(self) -> None:
        if self._draft is None:
            return
        missing = self._draft.missing_materials()
        if missing:
            self._current = missing[0].code
        elif self._current is None and self._draft.item.materials:
            self._current = self._draft.item.materials[0].code

    @property
    def _phase(self) -> Phase:
        if self._outcome is not None:
            return Phase.DONE
        if self._refusal_no:
            return Phase.REFUSED
        if self._notice_issued:
            return Phase.NOTICE
        if self._accepting:
            return Phase.ACCEPTING
        draft = self._draft
        if draft is None:
            return Phase.CHOOSING_ITEM
        if draft.applicant is None or self._who.needs_guardian(self._today()):
            return Phase.IDENTIFYING
        return Phase.REVIEW if draft.is_complete and not self._defects else Phase.CAPTURING

    def _snapshot(self) -> SessionState:
        draft = self._draft
        return SessionState(
            phase=self._phase,
            item=draft.item if draft else None,
            catalog_version=self._catalog_version,
            person=self._who.person,
            phone=self._who.phone,
            agent=self._who.agent,
            awaiting_agent=self._who.awaiting_agent,
            needs_guardian=self._who.needs_guardian(self._today()),
            applicant=draft.applicant if draft else None,
            pages={k: tuple(v) for k, v in draft.pages.items()} if draft else {},
            current_material=self._current,
            missing=tuple(draft.missing_materials()) if draft else (),
            storing=self._storing,
            note=self._note,
            pending_switch=self._pending,
            outcome=self._outcome,
            collection=self._collection,
            post_address=self._post_address_now(draft.applicant if draft else None),
            defects=dict(self._defects),
            refusal_no=self._refusal_no,
            papers=self._papers,
        )

    def _post_address_now(self, applicant: Applicant | None) -> str:
        """By post, where to: the choice, except that a card without an address (a
        typed identity, a permit, a company) leaves only staff's phone call."""
        return self._post_address if card_address(applicant) else "phone"

    def _changed(self) -> None:
        self._state = self._snapshot()
        if self._emitting:  # a listener sent an event: the others first see this round out
            self._dirty = True
            return
        self._emitting = True
        try:
            while True:
                self._dirty = False
                self._changes.emit(self._state)
                if not self._dirty:
                    break
        finally:
            self._emitting = False

    def _require(self, *phases: Phase) -> None:
        if self._phase not in phases:
            raise SessionError(
                "session.wrong_phase",
                f"not allowed in phase {self._phase}",
            )

    def _require_draft(self) -> Draft:
        if self._draft is None:
            raise SessionError("session.no_item", "no service item chosen")
        return self._draft

    def _current_generation(self, generation: int | None) -> bool:
        return generation is None or generation == self._generation

"""One intake, as a small state machine every front end drives (clerk window, kiosk, demo).

The session owns the acceptance rules; front ends render its state and forward
events. It is plain Python: no Qt, no threads of its own.

Phases (``Phase``)::

    CHOOSING_ITEM --choose_item--> IDENTIFYING --card_read / applicant_entered--> CAPTURING
    CAPTURING --page stored, nothing required missing--> REVIEW --accept_requested--> ACCEPTING
    ACCEPTING --accept_succeeded--> DONE          ACCEPTING --accept_failed--> REVIEW (draft kept)
    IDENTIFYING | CAPTURING | REVIEW --refusal_requested, printed--> REFUSED
    IDENTIFYING | CAPTURING --notice_requested, printed--> NOTICE --a page, an applicant--> ...
    any --reset--> CHOOSING_ITEM

IDENTIFYING, CAPTURING and REVIEW are derived from the draft (no applicant yet /
required material missing / complete), so pages may be captured before the card
is read, as clerks do. NOTICE means the 一次性告知书 was handed over; the citizen
may still find the rest in their bag, so any change to the draft leads back to
the derived phases. DONE ends the intake: ``reset()``, or a new ``card_read`` /
``choose_item`` starts the next one.

Events (plain method calls, on one thread — the GUI thread in a front end):

- ``set_catalog(catalog)``: a newer catalog for later choices; a draft in
  progress keeps the item and catalog version it was started under.
- ``choose_item(code)``: start a draft. With pages already captured for another
  item, the switch waits in ``state.pending_switch`` until ``confirm_switch()``
  (pages of materials with the same name move to the new item) or
  ``cancel_switch()``; nothing captured is dropped without that confirmation.
- Identification (rules in ``station.identification``; a refusal becomes
  ``state.note``, topic APPLICANT): ``card_read(card)`` (the applicant's, or the
  agent's after ``agent_requested(relation)``); ``person_typed(person, sighted=)``
  — reader missing: any ``intake.documents`` kind, number checked, recorded as
  typed, only with the clerk's confirmation that the original was sighted;
  ``phone_entered(text)``; ``agent_typed(person, relation, sighted=)``,
  ``agent_removed()``; ``applicant_entered(applicant)`` — a person as given, or a
  company with its representative (``None`` withdraws the company). The applicant
  reaches the draft through ``Draft.set_applicant`` (the entrance check applies);
  a child (``state.needs_guardian``) stays IDENTIFYING until an agent is given.
- ``select_material(code)``: which material the next page belongs to.
- ``page_captured(page, material_code=None)``: a ``devices.camera.pipeline.CapturedPage``.
  A blurry page is refused (note ``blurry``); otherwise it is stored on the
  runner's disk lane and added when stored; other findings (glare) are kept as
  a warning note. ``capture_failed(error)``: the image work failed.
- ``page_removed(material_code, sha256=None)``: the last page when no hash is given;
  ``page_moved(material_code, sha256, index)`` reorders. Pages imported from files
  (``station.page_import``) come in through ``page_captured`` like camera pages.
- ``accept_requested()``: store the submission (one transaction), then print the
  receipt; a printer error is ``state.outcome.print_error``, never fatal.
  Ends in ``accept_succeeded(outcome)`` or ``accept_failed(error)``.
- ``deficiency_accept_requested()`` (容缺受理, only non-key materials missing: the receipt
  names them and the date to bring them) and ``commitment_accept_requested()``
  (告知承诺制, every missing material replaceable by the applicant's commitment: the
  告知承诺书 prints with the receipt), from CAPTURING or NOTICE (``state.can_accept_deficient``,
  ``state.can_accept_committed``); the mode is recorded in the submission and manifest.
  These and the outcomes below live in ``station.session_outcomes``; the papers an
  outcome printed are ``state.papers``.
- ``collection_chosen(method)``: window / post / community (on the receipt).
- ``material_defective(code, reason)`` / ``defect_cleared(code)``: a material
  brought but unusable; it blocks acceptance and is named on the notice.
- ``refusal_requested(reason_code)``: 不予受理 with a reason (and legal basis) of
  ``catalog.refusal_reasons``: the numbered 不予受理通知书 is recorded and printed,
  then the intake ends in REFUSED (``state.refusal_no``); a failure is a note.
- ``notice_requested()``: the numbered, recorded 一次性告知书 naming every missing
  or defective material with the reason; ends in ``notice_printed()`` or
  ``notice_failed(error)``.
- ``reset()``.

Slow work (disk, printer) is handed to a ``Runner``: ``runner.disk(fn, on_done,
on_error)`` — ``ui_shared.tasks.TaskRunner`` fits as it is, and ``InlineRunner``
runs the work at once (tests, headless demo). Results come back as the events
above; results of an intake that was reset meanwhile are ignored.

Listeners (``subscribe``) get an immutable ``SessionState`` after every change; a
listener may send events itself (every listener sees the state it was called
for, then the newer one).
Events that make no sense in the current phase raise ``SessionError``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from devices.idcard.card import IdCardData
from devices.printer.receipt import CST
from intake.applicant import Applicant, Person
from intake.catalog import Catalog, ServiceItem
from intake.errors import IntakeError
from intake.submission import Draft
from station.card_page import render_card_page
from station.identification import Identification
from station.licence_filing import LicenceFiling
from station.paper import COLLECTION_METHODS, POST_ADDRESSES
from station.session_outcomes import OutcomeEvents
from station.session_rules import judge_page, plan_switch
from station.session_state import (
    EDITABLE,
    AcceptOutcome,
    InlineRunner,
    IntakeCommands,
    ItemSwitch,
    Note,
    Phase,
    Runner,
    SessionError,
    SessionState,
    Severity,
    Topic,
)
from station.typed_text import DEFECT_REASON_CHARS, typed_text

if TYPE_CHECKING:  # the camera pipeline (cv2, numpy) loads when the first page comes
    from devices.camera.pipeline import CapturedPage

__all__ = [
    "AcceptOutcome",
    "InlineRunner",
    "IntakeCommands",
    "IntakeSession",
    "ItemSwitch",
    "Note",
    "Phase",
    "Runner",
    "SessionError",
    "SessionState",
    "Severity",
    "Topic",
]

log = logging.getLogger(__name__)


class IntakeSession(OutcomeEvents, LicenceFiling):
    # -- events ------------------------------------------------------------
    def set_catalog(self, catalog: Catalog) -> None:
        self._catalog = catalog

    def reset(self) -> None:
        self._clear()
        self._changed()

    def choose_item(self, code: str) -> None:
        self._require(*EDITABLE, Phase.CHOOSING_ITEM, Phase.DONE, Phase.REFUSED)
        item = self._catalog.item(code)
        if self._phase in (Phase.DONE, Phase.REFUSED):
            self._clear()
        draft = self._draft
        if draft is not None and draft.item.code == item.code:
            if self._pending is not None:
                self.cancel_switch()
            return
        if draft is not None and any(draft.pages.values()):
            self._pending = plan_switch(draft, item)
            self._changed()
            return
        self._start_draft(item, {})

    def confirm_switch(self) -> None:
        switch = self._pending
        if switch is None or self._draft is None:
            raise SessionError(
                "session.no_switch", "no item switch pending",
            )
        old = self._draft.pages
        carried = {new: list(old[prev]) for prev, new, _n in switch.reusable}
        log.info(
            "item switched to %s, %d page(s) carried",
            switch.item.code,
            sum(len(p) for p in carried.values()),
        )
        self._start_draft(switch.item, carried)

    def cancel_switch(self) -> None:
        self._pending = None
        self._changed()

    def card_read(self, card: IdCardData) -> None:
        if self._phase is Phase.ACCEPTING:
            log.info("card read while accepting: ignored")
            return
        if self._phase in (Phase.DONE, Phase.REFUSED):
            self._clear()  # the next citizen
        self._identify(lambda who: who.card_read(card, today=self._today()))

    def applicant_entered(self, applicant: Applicant | None) -> None:
        """The person as given (already checked by the caller), or a company with its
        representative; None withdraws the company of a legal-entity item."""
        self._require(Phase.CHOOSING_ITEM, *EDITABLE)
        if isinstance(applicant, Person):
            self._identify(lambda who: who._set_person(applicant))
        else:
            self._identify(lambda who: who.company_entered(applicant))

    def person_typed(self, person: Person, *, sighted: bool) -> None:
        """Identity typed from an original document the clerk confirms having sighted."""
        self._require(Phase.CHOOSING_ITEM, *EDITABLE)
        self._identify(lambda who: who.person_typed(person, sighted=sighted, today=self._today()))

    def phone_entered(self, text: str) -> None:
        self._require(Phase.CHOOSING_ITEM, *EDITABLE)
        self._identify(lambda who: who.phone_entered(text))

    def agent_requested(self, relation: str) -> None:
        """The next card read is the agent's (代办人), acting as ``relation``."""
        self._require(Phase.CHOOSING_ITEM, *EDITABLE)
        self._identify(lambda who: who.agent_requested(relation))

    def agent_typed(self, person: Person, relation: str, *, sighted: bool) -> None:
        self._require(Phase.CHOOSING_ITEM, *EDITABLE)
        today = self._today()
        self._identify(lambda who: who.agent_typed(person, relation, sighted=sighted, today=today))

    def agent_removed(self) -> None:
        self._require(Phase.CHOOSING_ITEM, *EDITABLE)
        self._identify(lambda who: who.agent_removed())

    def select_material(self, code: str) -> None:
        draft = self._require_draft()
        draft.item.material(code)  # raises UnknownMaterial
        self._current = code
        self._changed()

    def page_captured(
        self,
        page: CapturedPage,
        material_code: str | None = None,
        *,
        on_filed: Callable[[str], None] | None = None,
    ) -> None:
        """Store the page (sealed in the blob store) and file it under the material.

        ``on_filed(sha)`` runs once the page is stored and filed in this draft, and only
        then: a caller holding the page's source elsewhere (the scan inbox's plaintext
        copy) drops it there, and keeps it when the page was refused or not stored."""
        self._require(*EDITABLE)
        code = material_code or self._current
        if code is None:
            raise SessionError("session.no_material", "no material selected")
        self._require_draft().item.material(code)
        keep, warning = judge_page(page)
        if not keep:
            self._note = warning
            self._changed()
            return
        self._storing += 1
        self._changed()
        generation = self._generation
        self._runner.disk(
            lambda: self._intake.store_page(page.jpeg),
            lambda sha: self._page_stored(generation, code, sha, warning, on_filed),
            lambda e: self._store_failed(generation, e),
        )

    def capture_failed(self, error: BaseException) -> None:
        self._note = Note.from_error(error, Topic.CAPTURE, "capture_failed")
        self._changed()

    def page_removed(self, material_code: str, sha256: str | None = None) -> None:
        self._require(*EDITABLE)
        draft = self._require_draft()
        pages = draft.pages.get(material_code)
        if not pages:
            return
        draft.remove_page(material_code, sha256 or pages[-1])
        self._notice_issued = False
        self._changed()

    def page_moved(self, material_code: str, sha256: str, index: int) -> None:
        """Put a page at ``index`` within its material (page order is the order filed)."""
        self._require(*EDITABLE)
        pages = self._require_draft().pages.get(material_code, [])
        if sha256 not in pages:
            raise SessionError("session.no_page", "no such page")
        pages.remove(sha256)
        pages.insert(max(0, min(index, len(pages))), sha256)
        self._changed()

    def collection_chosen(self, method: str) -> None:
        """How the result will reach the citizen (``station.paper.COLLECTION_METHODS``)."""
        if method not in COLLECTION_METHODS:
            raise SessionError("session.collection", f"unknown method {method!r}")
        self._collection = method
        self._changed()

    def post_address_chosen(self, choice: str) -> None:
        """By post, where to: ``"card"`` (the ID card's address) or ``"phone"`` (staff
        phone to confirm one), ``station.paper.POST_ADDRESSES``."""
        if choice not in POST_ADDRESSES:
            raise SessionError("session.collection", f"unknown post address {choice!r}")
        self._post_address = choice
        self._changed()

    def material_defective(self, material_code: str, reason: str) -> None:
        """What was brought for this material cannot be used (named with the reason on
        the 一次性告知书); acceptance waits until it is cleared."""
        self._require(*EDITABLE)
        self._require_draft().item.material(material_code)
        # plain and capped; too long is refused, never cut (station.typed_text)
        self._defects[material_code] = (
            typed_text(reason, limit=DEFECT_REASON_CHARS) or "不符合要求"
        )
        self._notice_issued = False
        self._changed()

    def defect_cleared(self, material_code: str) -> None:
        if self._defects.pop(material_code, None) is not None:
            self._notice_issued = False
        self._changed()

    # -- internals ---------------------------------------------------------
    def _start_draft(self, item: ServiceItem, pages: dict[str, list[str]]) -> None:
        self._generation += 1  # pages still being stored belong to the old draft
        self._storing = 0
        self._pending = None
        self._note = None
        self._notice_issued = False
        self._draft = Draft(item=item, pages=pages)
        # a catalog update mid-intake must not change what this draft was started under
        self._catalog_version = self._catalog.version
        self._set_applicant(self._who.applicant_for(item))
        self._current = None
        self._select_next_missing()
        self._file_card_page()
        self._changed()

    def _identify(self, change: Callable[[Identification], None]) -> None:
        try:
            change(self._who)
        except IntakeError as e:
            log.warning("identification refused: %s", e)
            self._note = Note.from_error(e, Topic.APPLICANT)
            self._changed()
            return
        self._note = None
        self._notice_issued = False
        if self._draft is not None:
            self._set_applicant(self._who.applicant_for(self._draft.item))
            self._file_card_page()
        self._changed()

    def _file_card_page(self) -> None:
        """The card just read satisfies the item's ID-card material (``Material.card_read``):
        a 身份证信息 page is rendered from the chip data and filed, once per draft."""
        draft, card, person = self._draft, self._who.card, self._who.person
        if draft is None or card is None or person is None or card.id_number != person.id_number:
            return
        wanted = [m for m in draft.item.materials if m.card_read and not draft.pages.get(m.code)]
        key = (self._generation, card.id_number)
        if not wanted or self._card_page_filed == key:
            return
        self._card_page_filed = key
        code, station, generation = wanted[0].code, self._intake.station_name, self._generation
        note = Note("card.page_filed", Topic.CAPTURE, Severity.INFO)
        self._storing += 1
        self._runner.disk(
            lambda: self._intake.store_page(
                render_card_page(card, read_at=datetime.now(CST), station=station)
            ),
            lambda sha: self._page_stored(generation, code, sha, note),
            lambda e: self._store_failed(generation, e),
        )

    def _page_stored(self, generation: int, code: str, sha: str, warning: Note | None,
                     on_filed: Callable[[str], None] | None = None) -> None:
        if generation != self._generation or self._draft is None:
            log.info("page stored for an abandoned draft; retention will purge it")
            return
        self._storing -= 1
        self._notice_issued = False
        self._draft.add_page(code, sha)
        self._note = warning or Note("page.stored", Topic.CAPTURE, Severity.INFO)
        if self._current == code:
            self._select_next_missing()
        self._changed()
        if on_filed is not None:
            on_filed(sha)

    def _store_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._storing -= 1
        self.capture_failed(error)

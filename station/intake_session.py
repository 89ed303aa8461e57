"""One intake, as a small state machine every front end drives (clerk window, kiosk, demo).

The session owns the acceptance rules; front ends render its state and forward
events. It is plain Python: no Qt, no threads of its own.

Phases (``Phase``)::

    CHOOSING_ITEM --choose_item--> IDENTIFYING --card_read / applicant_entered--> CAPTURING
    CAPTURING --page stored, nothing required missing--> REVIEW --accept_requested--> ACCEPTING
    ACCEPTING --accept_succeeded--> DONE          ACCEPTING --accept_failed--> REVIEW (draft kept)
    IDENTIFYING | CAPTURING --notice_requested, printed--> NOTICE
    any --reset--> CHOOSING_ITEM

IDENTIFYING, CAPTURING and REVIEW are derived from the draft (no applicant yet /
required material missing / complete), so pages may be captured before the card
is read, as clerks do. DONE and NOTICE end the intake: ``reset()`` or a new
``card_read`` / ``choose_item`` starts the next one.

Events (plain method calls, on one thread — the GUI thread in a front end):

- ``set_catalog(catalog)``: a newer catalog for later choices; a draft in
  progress keeps the item and catalog version it was started under.
- ``choose_item(code)``: start a draft. With pages already captured for another
  item, the switch waits in ``state.pending_switch`` until ``confirm_switch()``
  (pages of materials with the same name move to the new item) or
  ``cancel_switch()``; nothing captured is dropped without that confirmation.
- ``card_read(card)``: the reader's data, validated (``person_from_card``); on a
  personal item the person becomes the applicant through ``Draft.set_applicant``
  (the entrance check applies). A refused card becomes ``state.note``.
- ``applicant_entered(applicant)``: a legal entity with its representative, or a
  person entered by hand; ``None`` clears it.
- ``select_material(code)``: which material the next page belongs to.
- ``page_captured(page, material_code=None)``: a ``devices.camera.pipeline.CapturedPage``.
  A blurry page is refused (note ``blurry``); otherwise it is stored on the
  runner's disk lane and added when stored; other findings (glare) are kept as
  a warning note. ``capture_failed(error)``: the image work failed.
- ``page_removed(material_code, sha256=None)``: the last page when no hash is given.
- ``accept_requested()``: store the submission (one transaction), then print the
  receipt; a printer error is reported in ``state.print_error``, never fatal.
  Ends in ``accept_succeeded(outcome)`` or ``accept_failed(error)``.
- ``notice_requested()``: print the 一次性告知书 naming every missing material;
  ends in ``notice_printed()`` or ``notice_failed(error)``.
- ``reset()``.

Slow work (disk, printer) is handed to a ``Runner``: ``runner.disk(fn, on_done,
on_error)`` — ``ui_shared.tasks.TaskRunner`` fits as it is, and ``InlineRunner``
runs the work at once (tests, headless demo). Results come back as the events
above; results of an intake that was reset meanwhile are ignored.

Listeners (``subscribe``) get an immutable ``SessionState`` after every change.
Events that make no sense in the current phase raise ``SessionError``.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol, TypeVar

from devices.camera.pipeline import CapturedPage
from devices.idcard.card import IdCardData
from devices.printer.receipt import Receipt
from intake.applicant import Applicant, Person
from intake.catalog import Catalog, Entrance, Material, ServiceItem
from intake.errors import IntakeError
from intake.submission import Channel, Draft
from station.card_mapping import person_from_card
from station.events import EventHub
from station.intake_service import Accepted

log = logging.getLogger(__name__)
T = TypeVar("T")

#: findings that refuse a page outright; the others are warnings
BLOCKING_FINDINGS = frozenset({"blurry"})


class Phase(StrEnum):
    CHOOSING_ITEM = "choosing_item"
    IDENTIFYING = "identifying"
    CAPTURING = "capturing"
    REVIEW = "review"
    ACCEPTING = "accepting"
    DONE = "done"
    NOTICE = "notice"


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Note:
    """What the person at the screen should know about the last event."""

    code: str
    message_zh: str
    message_en: str
    severity: Severity = Severity.ERROR

    @classmethod
    def from_error(cls, error: BaseException, fallback_zh: str = "操作失败") -> Note:
        return cls(
            str(getattr(error, "code", type(error).__name__)),
            str(getattr(error, "message_zh", "") or fallback_zh),
            str(getattr(error, "message_en", "") or error),
        )


class SessionError(IntakeError):
    """An event the session cannot take in its current phase (a front-end bug)."""


@dataclass(frozen=True)
class ItemSwitch:
    """A choose_item waiting for confirmation because pages were captured."""

    item: ServiceItem
    #: (old material code, new material code, pages) for materials with the same name
    reusable: tuple[tuple[str, str, int], ...]
    #: pages that fit no material of the new item
    dropped_pages: int


@dataclass(frozen=True)
class AcceptOutcome:
    accepted: Accepted
    print_error: Note | None


@dataclass(frozen=True)
class SessionState:
    phase: Phase
    item: ServiceItem | None = None
    catalog_version: str = ""
    person: Person | None = None
    applicant: Applicant | None = None
    pages: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    current_material: str | None = None
    missing: tuple[Material, ...] = ()
    storing: int = 0
    note: Note | None = None
    pending_switch: ItemSwitch | None = None
    outcome: AcceptOutcome | None = None

    @property
    def page_count(self) -> int:
        return sum(len(p) for p in self.pages.values())

    @property
    def can_capture(self) -> bool:
        return self.phase in _EDITABLE and self.current_material is not None

    @property
    def can_accept(self) -> bool:
        return self.phase is Phase.REVIEW and self.storing == 0

    @property
    def can_issue_notice(self) -> bool:
        return self.phase in (Phase.IDENTIFYING, Phase.CAPTURING) and bool(self.missing)


_EDITABLE = (Phase.IDENTIFYING, Phase.CAPTURING, Phase.REVIEW)


class Runner(Protocol):
    """Where the session's slow work runs; callbacks must come back on the caller's thread."""

    def disk(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
    ) -> None: ...


class InlineRunner:
    """Runs work at once on the calling thread (tests, the headless demo)."""

    def disk(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        try:
            value = fn()
        except Exception as e:
            on_error(e)
            return
        on_done(value)


class IntakeCommands(Protocol):
    """What the session needs of station.intake_service.IntakeService."""

    def store_page(self, jpeg: bytes) -> str: ...
    def accept(
        self, draft: Draft, *, channel: Channel, clerk_id: str | None, catalog_version: str
    ) -> Accepted: ...
    def print_receipt(self, receipt: Receipt) -> bytes: ...
    def missing_notice_for(self, draft: Draft) -> Receipt: ...


class IntakeSession:
    def __init__(
        self,
        intake: IntakeCommands,
        catalog: Catalog,
        runner: Runner,
        *,
        channel: Channel = Channel.WINDOW,
        clerk_id: str | None = None,
    ) -> None:
        self._intake = intake
        self._catalog = catalog
        self._runner = runner
        self.channel = channel
        self.clerk_id = clerk_id
        self._changes: EventHub[SessionState] = EventHub()
        self._generation = 0
        self._draft: Draft | None = None
        self._catalog_version = ""
        self._person: Person | None = None
        self._current: str | None = None
        self._storing = 0
        self._note: Note | None = None
        self._pending: ItemSwitch | None = None
        self._accepting = False
        self._outcome: AcceptOutcome | None = None
        self._notice_issued = False
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

    # -- events ------------------------------------------------------------
    def set_catalog(self, catalog: Catalog) -> None:
        self._catalog = catalog

    def reset(self) -> None:
        self._clear()
        self._changed()

    def choose_item(self, code: str) -> None:
        self._require(*_EDITABLE, Phase.CHOOSING_ITEM, Phase.DONE, Phase.NOTICE)
        item = self._catalog.item(code)
        if self._phase in (Phase.DONE, Phase.NOTICE):
            self._clear()
        draft = self._draft
        if draft is not None and draft.item.code == item.code:
            if self._pending is not None:
                self.cancel_switch()
            return
        if draft is not None and any(draft.pages.values()):
            self._pending = _plan_switch(draft, item)
            self._changed()
            return
        self._start_draft(item, {})

    def confirm_switch(self) -> None:
        switch = self._pending
        if switch is None or self._draft is None:
            raise SessionError(
                "session.no_switch", "没有待确认的事项切换", "no item switch pending"
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
        if self._phase in (Phase.DONE, Phase.NOTICE):
            self._clear()  # the next citizen
        try:
            person = person_from_card(card)
        except IntakeError as e:
            log.warning("card rejected: %s", e.message_en)
            self._note = Note.from_error(e)
            self._changed()
            return
        self._person = person
        self._note = None
        if self._draft is None or self._draft.item.entrance is Entrance.PERSONAL:
            self._set_applicant(person)
        self._changed()

    def applicant_entered(self, applicant: Applicant | None) -> None:
        self._require(Phase.CHOOSING_ITEM, *_EDITABLE)
        if isinstance(applicant, Person):
            self._person = applicant
        self._note = None
        self._set_applicant(applicant)
        self._changed()

    def select_material(self, code: str) -> None:
        draft = self._require_draft()
        draft.item.material(code)  # raises UnknownMaterial
        self._current = code
        self._changed()

    def page_captured(self, page: CapturedPage, material_code: str | None = None) -> None:
        self._require(*_EDITABLE)
        code = material_code or self._current
        if code is None:
            raise SessionError("session.no_material", "请先选择材料", "no material selected")
        self._require_draft().item.material(code)
        blocking = [f for f in page.findings if f.code in BLOCKING_FINDINGS]
        if blocking:
            f = blocking[0]
            self._note = Note(f.code, f.message_zh + "，请重拍", f.message_en + ", capture again")
            self._changed()
            return
        warning = None
        if page.findings:
            warning = Note(
                page.findings[0].code,
                "；".join(f.message_zh for f in page.findings),
                "; ".join(f.message_en for f in page.findings),
                Severity.WARNING,
            )
        self._storing += 1
        self._changed()
        generation = self._generation
        self._runner.disk(
            lambda: self._intake.store_page(page.jpeg),
            lambda sha: self._page_stored(generation, code, sha, warning),
            lambda e: self._store_failed(generation, e),
        )

    def capture_failed(self, error: BaseException) -> None:
        self._note = Note.from_error(error, "拍摄失败")
        self._changed()

    def page_removed(self, material_code: str, sha256: str | None = None) -> None:
        self._require(*_EDITABLE)
        draft = self._require_draft()
        pages = draft.pages.get(material_code)
        if not pages:
            return
        draft.remove_page(material_code, sha256 or pages[-1])
        self._changed()

    def accept_requested(self) -> None:
        self._require(Phase.REVIEW)
        if self._storing:
            raise SessionError(
                "session.storing", "页面仍在保存，请稍候", "pages still being stored"
            )
        draft = self._require_draft()
        draft.check_complete()
        snapshot = copy.deepcopy(draft)
        version, channel, clerk = self._catalog_version, self.channel, self.clerk_id
        intake = self._intake
        self._accepting = True
        self._note = None
        self._changed()
        generation = self._generation

        def work() -> AcceptOutcome:
            accepted = intake.accept(
                snapshot, channel=channel, clerk_id=clerk, catalog_version=version
            )
            # The submission is durable before the printer is tried: a jam never loses it.
            try:
                intake.print_receipt(accepted.receipt)
            except Exception as e:
                log.warning("receipt for %s not printed: %r", accepted.submission.receipt_no, e)
                return AcceptOutcome(accepted, Note.from_error(e, "回执打印失败"))
            return AcceptOutcome(accepted, None)

        self._runner.disk(
            work,
            lambda outcome: self.accept_succeeded(outcome, generation),
            lambda e: self.accept_failed(e, generation),
        )

    def accept_succeeded(self, outcome: AcceptOutcome, generation: int | None = None) -> None:
        if not self._current_generation(generation):
            return
        self._accepting = False
        self._outcome = outcome
        self._note = outcome.print_error
        self._changed()

    def accept_failed(self, error: BaseException, generation: int | None = None) -> None:
        if not self._current_generation(generation):
            return
        log.error("accept failed: %r", error)
        self._accepting = False
        self._note = Note.from_error(error, "受理失败")
        self._changed()

    def notice_requested(self) -> None:
        self._require(Phase.IDENTIFYING, Phase.CAPTURING)
        notice = self._intake.missing_notice_for(self._require_draft())
        generation = self._generation
        self._runner.disk(
            lambda: self._intake.print_receipt(notice),
            lambda _sent: self.notice_printed(generation),
            lambda e: self.notice_failed(e, generation),
        )

    def notice_printed(self, generation: int | None = None) -> None:
        if self._current_generation(generation):
            self._notice_issued = True
            self._note = Note(
                "notice.printed", "一次性告知书已打印", "notice printed", Severity.INFO
            )
            self._changed()

    def notice_failed(self, error: BaseException, generation: int | None = None) -> None:
        if self._current_generation(generation):
            self._note = Note.from_error(error, "告知书打印失败")
            self._changed()

    # -- internals ---------------------------------------------------------
    def _clear(self) -> None:
        self._generation += 1
        self._draft = None
        self._catalog_version = ""
        self._person = None
        self._current = None
        self._storing = 0
        self._note = None
        self._pending = None
        self._accepting = False
        self._outcome = None
        self._notice_issued = False

    def _start_draft(self, item: ServiceItem, pages: dict[str, list[str]]) -> None:
        previous = self._draft.applicant if self._draft is not None else None
        self._generation += 1  # pages still being stored belong to the old draft
        self._storing = 0
        self._pending = None
        self._note = None
        self._draft = Draft(item=item, pages=pages)
        # a catalog update mid-intake must not change what this draft was started under
        self._catalog_version = self._catalog.version
        for candidate in (previous, self._person):
            if candidate is not None and _fits(item, candidate):
                self._draft.set_applicant(candidate)
                break
        self._current = None
        self._select_next_missing()
        self._changed()

    def _set_applicant(self, applicant: Applicant | None) -> None:
        if self._draft is None:
            return
        try:
            self._draft.set_applicant(applicant)
        except IntakeError as e:
            self._note = Note.from_error(e)

    def _page_stored(self, generation: int, code: str, sha: str, warning: Note | None) -> None:
        if generation != self._generation or self._draft is None:
            log.info("page stored for an abandoned draft; retention will purge it")
            return
        self._storing -= 1
        self._draft.add_page(code, sha)
        self._note = warning or Note("page.stored", "页面已保存", "page saved", Severity.INFO)
        if self._current == code:
            self._select_next_missing()
        self._changed()

    def _store_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._storing -= 1
        self.capture_failed(error)

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
        if self._notice_issued:
            return Phase.NOTICE
        if self._accepting:
            return Phase.ACCEPTING
        draft = self._draft
        if draft is None:
            return Phase.CHOOSING_ITEM
        if draft.applicant is None:
            return Phase.IDENTIFYING
        return Phase.REVIEW if draft.is_complete else Phase.CAPTURING

    def _snapshot(self) -> SessionState:
        draft = self._draft
        return SessionState(
            phase=self._phase,
            item=draft.item if draft else None,
            catalog_version=self._catalog_version,
            person=self._person,
            applicant=draft.applicant if draft else None,
            pages={k: tuple(v) for k, v in draft.pages.items()} if draft else {},
            current_material=self._current,
            missing=tuple(draft.missing_materials()) if draft else (),
            storing=self._storing,
            note=self._note,
            pending_switch=self._pending,
            outcome=self._outcome,
        )

    def _changed(self) -> None:
        self._state = self._snapshot()
        self._changes.emit(self._state)

    def _require(self, *phases: Phase) -> None:
        if self._phase not in phases:
            raise SessionError(
                "session.wrong_phase",
                "当前步骤不能进行此操作",
                f"not allowed in phase {self._phase}",
            )

    def _require_draft(self) -> Draft:
        if self._draft is None:
            raise SessionError("session.no_item", "请先选择事项", "no service item chosen")
        return self._draft

    def _current_generation(self, generation: int | None) -> bool:
        return generation is None or generation == self._generation


def _fits(item: ServiceItem, applicant: Applicant) -> bool:
    return (item.entrance is Entrance.PERSONAL) == isinstance(applicant, Person)


def _plan_switch(draft: Draft, item: ServiceItem) -> ItemSwitch:
    by_name = {m.name_zh: m.code for m in item.materials}
    reusable: list[tuple[str, str, int]] = []
    dropped = 0
    for m in draft.item.materials:
        pages = draft.pages.get(m.code, [])
        if not pages:
            continue
        if m.name_zh in by_name:
            reusable.append((m.code, by_name[m.name_zh], len(pages)))
        else:
            dropped += len(pages)
    return ItemSwitch(item, tuple(reusable), dropped)

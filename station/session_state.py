"""The intake session's vocabulary: phases, notes, the state snapshot, the runner.

Import these from ``station.intake_session``; they live here to keep that module small.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Protocol, TypeVar

from coded_errors import CodedError, Param
from coded_errors import Severity as Severity  # the one severity scale, re-exported here
from devices.printer.receipt import Receipt
from intake.acceptance import Acceptance, commitment_allowed, deficiency_allowed
from intake.applicant import Agent, Applicant, Person
from intake.catalog import Material, ServiceItem
from intake.errors import IntakeError
from intake.refusals import RefusalReason
from intake.submission import Channel, Draft
from intake.workdays import WorkCalendar
from station.intake_service import Accepted

T = TypeVar("T")


class Phase(StrEnum):
    CHOOSING_ITEM = "choosing_item"
    IDENTIFYING = "identifying"
    CAPTURING = "capturing"
    REVIEW = "review"
    ACCEPTING = "accepting"
    DONE = "done"
    NOTICE = "notice"
    REFUSED = "refused"


class Topic(StrEnum):
    """Which part of the screen a note belongs to."""

    APPLICANT = "applicant"
    CAPTURE = "capture"
    ACCEPT = "accept"
    NOTICE = "notice"


@dataclass(frozen=True)
class Note:
    """What the person at the screen should know about the last event: a code and its
    parameters, never a sentence; the front end words "family.code" at display time
    (ui_shared.error_text.note_text). ``detail_en`` is an English detail for logs."""

    code: str
    topic: Topic
    severity: Severity = Severity.ERROR
    #: the code's family: the error's family for a note made from a CodedError,
    #: "session" for the session's own notes, "quality" for page findings
    family: str = "session"
    params: Mapping[str, Param] = field(default_factory=dict)
    detail_en: str = ""

    @classmethod
    def from_error(cls, error: BaseException, topic: Topic, fallback_code: str = "failed") -> Note:
        """The note for `error`: its own code when it is a CodedError, else the
        session's `fallback_code` ("receipt_print_failed", ...)."""
        detail = str(error) or type(error).__name__
        if isinstance(error, CodedError):
            return cls(
                error.code, topic, error.severity, error.family, dict(error.params), detail
            )
        return cls(fallback_code, topic, detail_en=detail)


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
    phone: str = ""
    agent: Agent | None = None
    #: the relation of the agent whose card the reader waits for
    awaiting_agent: str | None = None
    #: the applicant is a child: identification is complete only with an agent
    needs_guardian: bool = False
    #: how the result reaches the citizen (station.paper.COLLECTION_METHODS)
    collection: str = "window"
    #: by post: to the ID card's address ("card") or to one staff confirm by phone
    #: ("phone"), station.paper.POST_ADDRESSES
    post_address: str = "card"
    #: material code -> why the clerk found what was brought unusable (on the notice)
    defects: Mapping[str, str] = field(default_factory=dict)
    #: the 不予受理通知书 printed (phase REFUSED): its number
    refusal_no: str = ""
    #: the papers this intake printed last (receipt and commitment form, notice or
    #: refusal), for the clerk to preview, reprint or take as A4 PDF
    papers: tuple[Receipt, ...] = ()

    @property
    def page_count(self) -> int:
        return sum(len(p) for p in self.pages.values())

    @property
    def can_capture(self) -> bool:
        return self.phase in EDITABLE and self.current_material is not None

    @property
    def can_accept(self) -> bool:
        return self.phase is Phase.REVIEW and self.storing == 0

    @property
    def _can_decide(self) -> bool:
        return (
            self.phase in (Phase.CAPTURING, Phase.NOTICE)
            and self.applicant is not None
            and not self.needs_guardian
            and self.storing == 0
            and not self.defects
        )

    @property
    def can_accept_deficient(self) -> bool:
        """容缺受理 is open: only non-key materials are missing."""
        return self._can_decide and deficiency_allowed(self.missing)

    @property
    def can_accept_committed(self) -> bool:
        """告知承诺制 is open: every missing material may be replaced by a commitment."""
        return self._can_decide and commitment_allowed(self.missing)

    @property
    def can_issue_notice(self) -> bool:
        # not while a page is being stored: the notice would list as missing a material
        # whose page lands a moment later (and not end the intake it was printed for)
        return (
            self.phase in (Phase.IDENTIFYING, Phase.CAPTURING, Phase.NOTICE)
            and bool(self.missing or self.defects)
            and self.storing == 0
        )


EDITABLE = (Phase.IDENTIFYING, Phase.CAPTURING, Phase.REVIEW, Phase.NOTICE)


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

    station_name: str

    def store_page(self, jpeg: bytes) -> str: ...
    def accept(
        self,
        draft: Draft,
        *,
        channel: Channel,
        clerk_id: str | None,
        catalog_version: str,
        collection: str,
        calendar: WorkCalendar | None,
        acceptance: Acceptance | None = None,
        now: datetime | None = None,
        post_address: str | None = None,
    ) -> Accepted: ...
    def print_receipt(self, receipt: Receipt) -> bytes: ...
    def issue_notice(
        self, draft: Draft, *, clerk_id: str | None, defects: Mapping[str, str] | None
    ) -> Receipt: ...
    def issue_refusal(
        self,
        draft: Draft,
        reason: RefusalReason,
        *,
        clerk_id: str | None,
        catalog_version: str = "",
    ) -> Receipt: ...

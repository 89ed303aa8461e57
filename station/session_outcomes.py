"""How an intake ends, as events of ``station.intake_session.IntakeSession``: accept
(plain, 容缺受理 with owed non-key materials, 告知承诺制 on a signed commitment), the
一次性告知书 and 不予受理. Each outcome's papers are printed on the disk lane and kept
in ``state.papers`` for the clerk to preview, reprint or take as A4 PDF.
"""

from __future__ import annotations

import copy
import logging

from devices.printer.receipt import Receipt
from intake.acceptance import Acceptance, Mode, plan
from station.session_core import SessionCore
from station.session_rules import accept_and_print, deficiency_due
from station.session_state import (
    EDITABLE,
    AcceptOutcome,
    Note,
    Phase,
    SessionError,
    Severity,
    Topic,
)

log = logging.getLogger(__name__)

#: where an accept with something missing may start from (identified, deciding)
DECIDING = (Phase.CAPTURING, Phase.NOTICE)


class OutcomeEvents(SessionCore):
    def accept_requested(self) -> None:
        """Accept with every required material received."""
        self._require(Phase.REVIEW)
        self._start_accept(None)

    def deficiency_accept_requested(self) -> None:
        """容缺受理: accept although NON-key materials are missing; the receipt names them
        and the date (``ServiceItem.deficiency_days`` working days) to bring them."""
        self._start_accept(self._plan(Mode.DEFICIENCY))

    def commitment_accept_requested(self) -> None:
        """告知承诺制: accept on the applicant's commitment standing in for the missing
        materials the catalog allows it for; the 告知承诺书 prints with the receipt."""
        self._start_accept(self._plan(Mode.COMMITMENT))

    def _plan(self, mode: Mode) -> Acceptance:
        self._require(*DECIDING)
        draft = self._require_draft()
        if draft.applicant is None:
            raise SessionError("session.no_applicant", "no applicant")
        if self._defects:
            raise SessionError(
                "session.defects", "a material is marked unusable",
            )
        due = None
        if mode is Mode.DEFICIENCY:
            due = deficiency_due(self._today(), draft.item, self._catalog.calendar)
        return plan(draft.item, draft.missing_materials(), mode, due)

    def _require_stored(self) -> None:
        if self._storing:
            raise SessionError(
                "session.storing", "pages still being stored",
            )

    def _start_accept(self, acceptance: Acceptance | None) -> None:
        self._require_stored()
        draft = self._require_draft()
        draft.check_complete(acceptance.materials if acceptance else ())
        snapshot = copy.deepcopy(draft)
        version, channel, clerk = self._catalog_version, self.channel, self.clerk_id
        intake, collection, calendar = self._intake, self._collection, self._catalog.calendar
        post_address = self._post_address_now(draft.applicant) if collection == "post" else None
        # one moment for the receipt and the 容缺 due day: the day it shows is the day kept
        moment = self._now()
        self._accepting = True
        self._notice_issued = False
        self._note = None
        self._changed()
        generation = self._generation
        self._runner.disk(
            lambda: accept_and_print(
                intake,
                snapshot,
                channel=channel,
                clerk_id=clerk,
                catalog_version=version,
                collection=collection,
                calendar=calendar,
                acceptance=acceptance,
                now=moment,
                post_address=post_address,
            ),
            lambda outcome: self.accept_succeeded(outcome, generation),
            lambda e: self.accept_failed(e, generation),
        )

    def accept_succeeded(self, outcome: AcceptOutcome, generation: int | None = None) -> None:
        if not self._current_generation(generation):
            return
        self._accepting = False
        self._outcome = outcome
        self._papers = outcome.accepted.papers
        self._note = outcome.print_error
        self._changed()

    def accept_failed(self, error: BaseException, generation: int | None = None) -> None:
        if not self._current_generation(generation):
            return
        log.error("accept failed: %r", error)
        self._accepting = False
        self._note = Note.from_error(error, Topic.ACCEPT, "accept_failed")
        self._changed()

    def notice_requested(self) -> None:
        self._require(Phase.IDENTIFYING, Phase.CAPTURING, Phase.NOTICE)
        self._require_stored()
        draft = copy.deepcopy(self._require_draft())
        intake, clerk, defects = self._intake, self.clerk_id, dict(self._defects)
        generation, issued_for = self._generation, self._fingerprint()

        def work() -> tuple[Receipt, Note | None]:
            notice = intake.issue_notice(draft, clerk_id=clerk, defects=defects)
            # the notice is numbered and recorded before the printer is tried: a printer
            # that is down leaves it issued, for a reprint or its A4 PDF (as a receipt)
            try:
                intake.print_receipt(notice)
            except Exception as e:
                log.warning("notice %s not printed: %r", notice.receipt_no, e)
                return notice, Note.from_error(e, Topic.NOTICE, "notice_print_failed")
            return notice, None

        self._runner.disk(
            work,
            lambda done: self.notice_printed(generation, issued_for, done[0], done[1]),
            lambda e: self.notice_failed(e, generation),
        )

    def _fingerprint(self) -> object:
        """What the draft holds: a notice printed for an older draft does not end this one."""
        draft = self._draft
        pages = {k: tuple(v) for k, v in draft.pages.items()} if draft else {}
        return (pages, draft.applicant if draft else None, dict(self._defects))

    def refusal_requested(self, reason_code: str) -> None:
        """不予受理: the numbered notice with the catalog's reason and legal basis is
        printed and recorded; the intake then ends (REFUSED)."""
        self._require(*EDITABLE)
        reasons = {r.code: r for r in self._catalog.refusal_reasons}
        if reason_code not in reasons:
            raise SessionError("session.refusal_reason", "unknown reason")
        draft, reason = copy.deepcopy(self._require_draft()), reasons[reason_code]
        intake, clerk, generation = self._intake, self.clerk_id, self._generation
        version = self._catalog_version
        self._accepting = True  # nothing else may happen while the decision is printed

        def work() -> tuple[Receipt, Exception | None]:
            notice = intake.issue_refusal(draft, reason, clerk_id=clerk, catalog_version=version)
            try:
                intake.print_receipt(notice)
            except Exception as e:  # issued and queued: its paper is reprinted later
                return notice, e
            return notice, None

        self._changed()
        self._runner.disk(
            work,
            lambda done: self._refusal_done(generation, done[0], None, done[1]),
            lambda e: self._refusal_done(generation, None, e),
        )

    def _refusal_done(
        self, generation: int, notice: Receipt | None, error: BaseException | None,
        print_error: BaseException | None = None,
    ) -> None:
        if not self._current_generation(generation):
            return
        self._accepting = False
        if error is not None or notice is None:
            failure = error or ValueError("no notice")
            self._note = Note.from_error(failure, Topic.ACCEPT, "refusal_print_failed")
        else:
            # issued, numbered and queued for the platform even when its paper did not
            # come out: the intake ends refused (asking again would issue a second one)
            self._refusal_no = notice.receipt_no
            self._papers = (notice,)
            self._note = (None if print_error is None else
                          Note.from_error(print_error, Topic.ACCEPT, "refusal_print_failed"))
        self._changed()

    def notice_printed(
        self,
        generation: int | None = None,
        issued_for: object = None,
        notice: Receipt | None = None,
        print_error: Note | None = None,
    ) -> None:
        """The notice was issued; `print_error` says why its paper did not come out."""
        if self._current_generation(generation):
            # the clerk may have gone on meanwhile (the citizen found the page after all)
            self._notice_issued = issued_for is None or issued_for == self._fingerprint()
            if notice is not None:
                self._papers = (notice,)
            self._note = print_error or Note("notice.printed", Topic.NOTICE, Severity.INFO)
            self._changed()

    def notice_failed(self, error: BaseException, generation: int | None = None) -> None:
        if self._current_generation(generation):
            self._note = Note.from_error(error, Topic.NOTICE, "notice_print_failed")
            self._changed()

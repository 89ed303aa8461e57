"""Delivering one submission: claim, upload its pages, PUT the manifest, record.

1. ``store.mark_sending`` — committed before any network traffic (attempts += 1);
2. upload every page blob the platform lacks (:class:`BlobUploader`);
3. ``client.put_submission(uuid, manifest)`` (idempotent on the platform; the client
   checks the platform's delivery proof before it returns);
4. ``store.mark_delivered(case_no, status)``.

Failures, each stored as a :class:`sync.problems.Problem` (code + parameters):

- ``TransientError`` (link down, 5xx, captive portal, an answer that breaks the
  protocol): ``mark_retry`` with capped exponential backoff + jitter (at least the
  platform's ``Retry-After``) and stop pushing — later submissions would only burn
  attempts;
- ``AuthError``: release the claim (no attempt burned), stop everything;
- ``Conflict`` / ``PermanentError`` on the manifest: quarantine;
- ``MissingBlobs``: upload those blobs, PUT once more, else quarantine;
- local blob missing or corrupted: quarantine (the pages must be recaptured).
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from typing import Any

from intake.submission import Submission
from sync.blobs import BlobCorrupted, BlobNotFound
from sync.client import (
    AuthError,
    BadAnswer,
    Conflict,
    MissingBlobs,
    PermanentError,
    TransientError,
)
from sync.client import Delivery as PlatformAnswer
from sync.crypto import DecryptionError
from sync.engine.api import PlatformAPI, cause_of
from sync.engine.events import EventKind, EventSink
from sync.engine.link import LinkMonitor
from sync.engine.timing import Timekeeper, backoff_delay
from sync.engine.upload import BlobUploader, UploadProgress
from sync.problems import Code, Problem
from sync.store import Store, SubmissionRecord

__all__ = ["Deliverer", "Outcome", "problem_for", "refusal_text"]

log = logging.getLogger(__name__)


class Outcome(Enum):
    DELIVERED = 1
    QUARANTINED = 2
    RETRY = 3  # transient: stop pushing
    RETRY_CONTINUE = 4  # unexpected local problem: try the next one
    AUTH = 5
    SKIPPED = 6  # someone else holds it


class _Quarantine(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code)
        self.problem = problem


def refusal_text(detail: Any) -> str:
    """The platform's own words in a refusal (it chose them; we only pass them on)."""
    if detail is None:
        return ""
    if isinstance(detail, str):
        return detail
    if isinstance(detail, dict):
        for key in ("message_zh", "message", "detail", "error"):
            if isinstance(detail.get(key), str):
                return str(detail[key])
    return str(detail)


def problem_for(e: TransientError) -> Problem:
    """The stored problem for a failure worth retrying."""
    if e.code == "tls":
        return Problem.of(Code.TLS_UNTRUSTED, detail=str(e))
    if e.code in ("bad_answer", "too_large", "bad_proof"):
        return Problem.of(Code.BAD_ANSWER, error=e.code, detail=str(e))
    if cause_of(e) == "offline":
        return Problem.of(Code.LINK_DOWN, error=e.code or None, detail=str(e))
    return Problem.of(Code.SERVER_FAILING, status=e.status, error=e.code or None, detail=str(e))


@dataclass
class PassState:
    """What a pass learned from its deliveries."""

    backoff_until: float | None = None

    def retry_at(self, when: float) -> None:
        if self.backoff_until is None or when < self.backoff_until:
            self.backoff_until = when


class Deliverer:
    def __init__(
        self,
        store: Store,
        client: PlatformAPI,
        uploader: BlobUploader,
        link: LinkMonitor,
        events: EventSink,
        time: Timekeeper,
        *,
        rng: Callable[[], float] = random.random,
        base_delay: float,
        max_delay: float,
    ) -> None:
        self.store = store
        self.client = client
        self.uploader = uploader
        self.link = link
        self.events = events
        self.time = time
        self.rng = rng
        self.base_delay = base_delay
        self.max_delay = max_delay

    def deliver(self, rec: SubmissionRecord, state: PassState, *, done: int, total: int
                ) -> Outcome:
        uuid = rec.uuid
        sub = rec.submission
        receipt_no = sub.receipt_no
        if not self.store.mark_sending(uuid, self.time.now_dt()):
            log.info("%s is not claimable (another engine has it?); skipping", uuid)
            return Outcome.SKIPPED
        attempts = rec.attempts + 1
        phase = "upload"

        # the receipt number, not the submission: the callback can outlive this call
        # (held with the upload's last request), the applicant must not (review wt6 #20)
        def report(bytes_done: int) -> None:
            self.events.emit(
                EventKind.PROGRESS,
                Problem.of(Code.UPLOADING, receipt_no=receipt_no, n=done + 1, of=total),
                uuid=uuid, done=done, total=total, bytes_done=bytes_done,
                bytes_total=progress.bytes_total,
            )

        try:
            shas = sub.blob_hashes
            sizes = {sha: self.store.blob_size(sha) for sha in shas}
            progress = UploadProgress(
                sum(sizes.values()), report=report, answered=self.link.answered
            )
            # the first figure comes from the uploader once it knows what the platform
            # holds: a resumed submission starts at its offset, never at 0
            first = rec.attempts == 0 and self.store.get(uuid).attempts == 1
            self.uploader.upload(shas, sizes, progress, check_state=True, first_attempt=first)
            phase = "submit"
            answer = self._put(sub, sizes, progress)
        except AuthError as e:
            self.store.release(uuid, Problem.of(Code.AUTH_REFUSED).encode())
            self.link.answered()  # we reached the platform
            log.error("platform refused our credentials: %s", e)
            self.events.emit(EventKind.AUTH_FAILED, Problem.of(Code.AUTH_REFUSED, error=e.code),
                             uuid=uuid, done=done, total=total)
            return Outcome.AUTH
        except TransientError as e:
            self.link.failed(e)
            # an answer that broke the protocol is not cured by the platform answering
            # a probe: it keeps its backoff ("protocol" is never brought forward)
            cause = "protocol" if isinstance(e, BadAnswer) else cause_of(e)
            self._retry(uuid, attempts, problem_for(e), e.retry_after, state, done, total,
                        cause=cause)
            return Outcome.RETRY
        except Conflict as e:
            if phase == "upload":  # an upload offset moved under us: try again later
                self._retry(uuid, attempts, Problem.of(Code.UPLOAD_CONFLICT, detail=str(e)),
                            None, state, done, total, cause="local")
                return Outcome.RETRY_CONTINUE
            return self._quarantine(uuid, Problem.of(Code.UUID_CONFLICT), done, total)
        except MissingBlobs as e:
            return self._quarantine(
                uuid, Problem.of(Code.STILL_MISSING_BLOBS, count=len(e.shas)), done, total
            )
        except PermanentError as e:
            problem = Problem.of(Code.PLATFORM_REFUSED, status=e.status, error=e.code or None,
                                 text=refusal_text(e.detail) or e.code or f"HTTP {e.status}")
            return self._quarantine(uuid, problem, done, total)
        except BlobNotFound as e:
            return self._quarantine(
                uuid, Problem.of(Code.LOCAL_BLOB_MISSING, sha=e.sha[:12]), done, total
            )
        except (BlobCorrupted, DecryptionError) as e:
            log.error("local blob problem for %s: %s", uuid, e)
            return self._quarantine(uuid, Problem.of(Code.LOCAL_BLOB_CORRUPT), done, total)
        except _Quarantine as q:
            return self._quarantine(uuid, q.problem, done, total)
        except Exception as e:  # a bug or local I/O trouble: never leave the row "sending"
            log.exception("unexpected failure delivering %s", uuid)
            self._retry(uuid, attempts, Problem.of(Code.UNEXPECTED, detail=repr(e)), None,
                        state, done, total, cause="local")
            return Outcome.RETRY_CONTINUE
        self.link.answered()
        self.store.mark_delivered(uuid, answer.case_no, answer.status or None,
                                  self.time.now_dt())
        log.info("delivered %s (%s) as case %s", uuid, sub.receipt_no, answer.case_no)
        self.events.emit(
            EventKind.DELIVERED,
            Problem.of(Code.DELIVERED, receipt_no=sub.receipt_no, case_no=answer.case_no,
                       n=done + 1, of=total),
            uuid=uuid, done=done + 1, total=total,
            bytes_done=progress.bytes_total, bytes_total=progress.bytes_total,
        )
        return Outcome.DELIVERED

    def _put(self, sub: Submission, sizes: dict[str, int], progress: UploadProgress
             ) -> PlatformAnswer:
        try:
            return self.client.put_submission(sub.uuid, self.store.manifest(sub.uuid))
        except MissingBlobs as e:
            ours = set(sub.blob_hashes)
            if any(s not in ours for s in e.shas):
                raise _Quarantine(Problem.of(Code.FOREIGN_BLOBS)) from e
            log.warning(
                "platform lacks %d blob(s) of %s; uploading them again", len(e.shas), sub.uuid
            )
            self.uploader.upload(e.shas, sizes, progress, check_state=False)
            return self.client.put_submission(sub.uuid, self.store.manifest(sub.uuid))

    def _retry(
        self, uuid: str, attempts: int, problem: Problem, retry_after: float | None,
        state: PassState, done: int, total: int, *, cause: str,
    ) -> None:
        delay = backoff_delay(
            attempts, self.rng, base=self.base_delay, cap=self.max_delay, retry_after=retry_after
        )
        when = self.time.now() + delay
        self.store.mark_retry(uuid, problem.encode(), datetime.fromtimestamp(when, UTC),
                              cause=cause)
        state.retry_at(when)
        log.warning("will retry %s in %.1f s (attempt %d): %s %s", uuid, delay, attempts,
                    problem.code, dict(problem.params))
        self.events.emit(
            EventKind.RETRY, Problem.of(Code.RETRY_SCHEDULED, seconds=round(delay),
                                        reason=problem.code),
            uuid=uuid, done=done, total=total,
        )

    def _quarantine(self, uuid: str, problem: Problem, done: int, total: int) -> Outcome:
        self.store.quarantine(uuid, problem.encode(), self.time.now_dt())
        log.error("quarantined %s: %s %s", uuid, problem.code, dict(problem.params))
        self.events.emit(EventKind.QUARANTINED, problem, uuid=uuid, done=done + 1, total=total)
        return Outcome.QUARANTINED

"""The engine's pass task for supplements, refusals and handovers (P5, P6).

After each pass's status pull, every due outcome (:class:`sync.case_outcomes.OutcomeQueue`)
is delivered, oldest first: a supplement's pages are uploaded (resumable; the upload
asks the platform where each blob stands), then the body is PUT. A supplement or
handover waits while its case is not yet delivered. The first "no answer" ends the task
for this pass (the link is down); a refusal by the platform fails that one outcome
with its reason and the next is tried.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, Protocol, runtime_checkable

from sync.blobs import BlobCorrupted, BlobNotFound
from sync.case_outcomes import OutcomeKind, OutcomeQueue, OutcomeRow
from sync.client import AuthError, MissingBlobs, SyncError, TransientError
from sync.client.outcomes import OutcomeDelivery
from sync.client.uploads import Progress
from sync.side_backoff import side_delay
from sync.store import Store, SyncState

__all__ = ["OutcomeAPI", "deliver_due_outcomes", "outcomes_task"]

log = logging.getLogger(__name__)


@runtime_checkable
class OutcomeAPI(Protocol):
    def put_supplement(self, uuid: str, body: dict[str, Any]) -> OutcomeDelivery: ...
    def put_outcome(self, uuid: str, body: dict[str, Any]) -> OutcomeDelivery: ...
    def upload_blob(self, sha: str, size: int, open_fn: Any, *,
                    progress: Progress | None = ...) -> None: ...


def _case_ready(store: Store, row: OutcomeRow) -> bool:
    if row.submission_uuid is None:
        return True
    try:
        return store.get(row.submission_uuid).sync_state is SyncState.DELIVERED
    except Exception:  # the case is gone or unreadable: the attempt will say so
        return True


def _send(queue: OutcomeQueue, client: OutcomeAPI, row: OutcomeRow) -> OutcomeDelivery:
    body = queue.body(row.uuid)
    if row.kind is not OutcomeKind.SUPPLEMENT:
        return client.put_outcome(row.uuid, body)
    store = queue.store
    shas = queue.page_shas(row.uuid)

    def upload(todo: list[str]) -> None:
        for sha in todo:
            if not store.has_blob(sha):
                raise BlobNotFound(sha)
            client.upload_blob(sha, store.blob_size(sha),
                               lambda s=sha: store.open_blob(s))

    upload(shas)
    try:
        return client.put_supplement(row.uuid, body)
    except MissingBlobs as e:  # the platform dropped one (expired partial): once more
        upload([s for s in e.shas if s in shas])
        return client.put_supplement(row.uuid, body)


def deliver_due_outcomes(queue: OutcomeQueue, client: object, now: datetime) -> bool:
    """Deliver what is due; True when the platform refused our credentials."""
    if not isinstance(client, OutcomeAPI):
        return False
    for row in queue.due(now):
        if not _case_ready(queue.store, row):
            continue
        attempts = row.attempts + 1
        try:
            answer = _send(queue, client, row)
        except AuthError as e:
            log.error("platform refused our credentials for %s %s: %s", row.kind, row.uuid, e)
            return True
        except TransientError as e:
            queue.mark_retry(row.uuid, attempts, now + timedelta(seconds=side_delay(attempts)),
                             str(e))
            log.warning("%s %s: no answer (%s); will retry", row.kind, row.uuid, e)
            return False
        except (SyncError, BlobNotFound, BlobCorrupted) as e:
            # refused or its pages are gone: the same body cannot succeed later
            queue.mark_failed(row.uuid, attempts, str(e) or type(e).__name__)
            log.error("%s %s failed: %s", row.kind, row.uuid, e)
            continue
        queue.mark_delivered(row.uuid, attempts, answer.status, now)
        queue.store.audit("sync", f"{row.kind.value}.delivered", row.submission_uuid or
                          row.reference, {"outcome": row.uuid, "case_no": answer.case_no})
        log.info("%s %s delivered (%s)", row.kind, row.uuid, answer.case_no or row.reference)
    return False


def outcomes_task(queue: OutcomeQueue, client: Callable[[], object],
                  now: Callable[[], datetime]) -> Callable[[], bool]:
    """The pass task; ``client`` is read at call time (a host or test may swap it)."""
    return lambda: deliver_due_outcomes(queue, client(), now())

"""The delivery engine: pushes the local queue to the platform, pulls status back.

Plain Python, no Qt: it reports through an ``on_event`` callback (a thin Qt
adapter in the UI turns those into signals) and can run in the UI process's
worker thread or as its own process (``sync.runner``) against the same WAL
database.

Delivery of one submission (oldest first):

1. ``store.mark_sending`` — committed before any network traffic (attempts += 1);
2. upload every page blob the platform lacks from ``store.open_blob`` (decrypting
   on the fly), on up to ``upload_concurrency`` connections at once (each with its
   own client from ``client.worker()``, when the client offers one), so one
   connection's round-trip gap is filled by another's data. On the submission's
   first attempt a blob this engine has not touched is sent straight away at
   offset 0 (no HEAD: the station never began it; were the platform to hold it
   anyway, its 409 answer corrects the offset at the cost of one chunk); on later
   attempts ``client.blob_state`` is asked first and the upload resumes at the
   platform's offset;
3. ``client.put_submission(uuid, manifest)`` (idempotent on the platform);
4. ``store.mark_delivered(case_no, status)``.

Failures:

- ``TransientError`` (link down, 5xx, captive portal): ``mark_retry`` with capped
  exponential backoff + jitter (honouring ``retry_after``) and stop pushing — the
  link is probably down, later submissions would only burn attempts;
- ``AuthError``: release the claim (no attempt burned), stop everything, emit
  ``auth_failed`` — a technician must re-enroll the station;
- ``Conflict`` / ``PermanentError`` on the manifest: quarantine with a reason a
  clerk can act on;
- ``MissingBlobs``: upload those blobs, PUT once more, else quarantine;
- local blob missing or corrupted: quarantine (the pages must be recaptured).
"""

from __future__ import annotations

import importlib.metadata
import logging
import random
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum, StrEnum
from typing import Any, BinaryIO, Protocol

from intake.submission import Submission
from sync.blobs import BlobCorrupted, BlobNotFound
from sync.catalog_sync import CatalogSync
from sync.client import (
    AuthError,
    BlobState,
    Conflict,
    Delivery,
    MissingBlobs,
    PermanentError,
    StatusEvent,
    SyncError,
    TransientError,
)
from sync.crypto import DecryptionError
from sync.evaluations import EvaluationAPI, EvaluationQueue
from sync.store import Store, SubmissionRecord

__all__ = [
    "BASE_DELAY",
    "MAX_DELAY",
    "EventKind",
    "HeartbeatAPI",
    "PlatformAPI",
    "SyncEngine",
    "SyncEvent",
    "SyncReport",
    "backoff_delay",
]

log = logging.getLogger(__name__)

BASE_DELAY = 2.0  # seconds, first retry
MAX_DELAY = 600.0  # seconds, cap (10 min)
MAX_RETRY_AFTER = 3600.0  # never wait longer than this because a server said so
AUTH_RETRY_INTERVAL = 600.0  # after auth failure, look again this rarely (or on wake())
STATUS_PAGES_PER_RUN = 20
#: TransientError codes meaning "no answer from the platform at all" (the link is down)
LINK_DOWN_CODES = frozenset({"network", "timeout", "not_platform", "tls"})
#: page blobs of one submission uploaded at once, each on its own connection. A
#: submission costs about ceil(pages / UPLOAD_CONCURRENCY) x chunks-per-page + 1 idle
#: round trips (the connections finish their chunks in step on a shared link): with
#: 3 pages of 300 KB on a 512 kbit/s, 300 ms link, 2 gives goodput 0.90, 3 gives 0.94
#: (bench/sync_throughput.py (b)). Each connection holds one chunk in memory.
UPLOAD_CONCURRENCY = 3
#: blobs remembered as touched by this engine (beyond that the memory restarts; a
#: forgotten blob costs at most one chunk answered by 409 on a later first attempt)
MAX_TOUCHED = 4096


def software_version() -> str:
    try:
        return importlib.metadata.version("yiwang-window")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def _cause(e: TransientError) -> str:
    """``"offline"`` when the platform did not answer at all, ``"server"`` when it did."""
    return "offline" if e.code in LINK_DOWN_CODES or e.status is None else "server"


class PlatformAPI(Protocol):
    """The part of ``sync.client.PlatformClient`` the engine uses (fakes implement it)."""

    def blob_state(self, sha: str) -> BlobState: ...

    def upload_blob(
        self,
        sha: str,
        size: int,
        open_fn: Callable[[], BinaryIO],
        *,
        chunk_size: int = ...,
        progress: Callable[[int, int], None] | None = None,
        offset: int | None = None,
    ) -> None: ...

    def put_submission(self, uuid: str, manifest: dict[str, Any]) -> Delivery: ...

    def status_updates(
        self, after: str | None, *, limit: int = ...
    ) -> tuple[list[StatusEvent], str | None]: ...


class HeartbeatAPI(Protocol):
    """Optional: clients with a heartbeat get heartbeats and a cheap offline probe."""

    def heartbeat(self, info: dict[str, Any] | None = None) -> None: ...


class EventKind(StrEnum):
    STARTED = "started"
    PROGRESS = "progress"
    DELIVERED = "delivered"
    RETRY = "retry"
    QUARANTINED = "quarantined"
    AUTH_FAILED = "auth_failed"
    IDLE = "idle"
    ONLINE = "online"
    OFFLINE = "offline"
    STATUS = "status"
    CATALOG = "catalog"  # a new service catalog was written: UIs reload it


@dataclass(frozen=True)
class SyncEvent:
    """One thing the UI may want to show. ``done``/``total`` count submissions in
    this run (``done`` = finished so far); ``bytes_*`` are for the current one."""

    kind: EventKind
    uuid: str | None = None
    done: int = 0
    total: int = 0
    bytes_done: int = 0
    bytes_total: int = 0
    message: str = ""


@dataclass(frozen=True)
class SyncReport:
    delivered: int
    failed: int  # quarantined in this run
    remaining: int  # queue depth afterwards (queued + sending + retry)
    retried: int = 0
    status_updates: int = 0
    auth_failed: bool = False
    online: bool | None = None
    #: when the engine wants to try again because of backoff (epoch seconds), if any
    backoff_until: float | None = None


def backoff_delay(
    attempts: int,
    rng: Callable[[], float] = random.random,
    *,
    base: float = BASE_DELAY,
    cap: float = MAX_DELAY,
    retry_after: float | None = None,
) -> float:
    """Capped exponential backoff with "equal jitter": ``d/2 + rng()*d/2``,
    ``d = min(cap, base * 2**(attempts-1))``; at least ``retry_after`` when given."""
    exp = min(cap, base * 2.0 ** max(0, min(attempts - 1, 30)))
    delay = exp / 2 + rng() * exp / 2
    if retry_after is not None and retry_after > 0:
        delay = max(delay, min(retry_after, MAX_RETRY_AFTER))
    return delay


class _Outcome(Enum):
    DELIVERED = 1
    QUARANTINED = 2
    RETRY = 3  # transient: stop pushing
    RETRY_CONTINUE = 4  # unexpected local problem: try the next one
    AUTH = 5
    SKIPPED = 6  # someone else holds it


class _Cancelled(Exception):
    """Raised in a worker's progress callback: another upload failed, stop here."""


class _Quarantine(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _detail_text(detail: Any) -> str:
    if detail is None:
        return ""
    if isinstance(detail, str):
        return detail
    if isinstance(detail, dict):
        for key in ("message_zh", "message", "detail", "error"):
            if isinstance(detail.get(key), str):
                return str(detail[key])
    return str(detail)


def _permanent_reason(e: PermanentError) -> str:
    text = _detail_text(e.detail) or e.code or f"HTTP {e.status}"
    return f"平台拒绝：{text}（HTTP {e.status}），请核对办件信息后联系技术人员"


class SyncEngine:
    """Delivery, status pull, and (optionally) catalog pull, heartbeat, offline probe.

    ``catalog``: pull the service catalog on the first pass and then at most every
    ``catalog_interval`` seconds. ``heartbeat_interval``: heartbeat at most this
    often while online (None = never). ``probe_interval``: in :meth:`run_forever`,
    while the platform does not answer at all, probe it this often and sync as soon
    as it answers (None = sit out the backoff). A platform that answers with 5xx is
    not probed: its backoff stands."""

    def __init__(
        self,
        store: Store,
        client: PlatformAPI,
        *,
        on_event: Callable[[SyncEvent], None] | None = None,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] | None = None,
        rng: Callable[[], float] = random.random,
        base_delay: float = BASE_DELAY,
        max_delay: float = MAX_DELAY,
        catalog: CatalogSync | None = None,
        catalog_interval: float = 600.0,
        heartbeat_interval: float | None = None,
        probe_interval: float | None = None,
        version: str | None = None,
        upload_concurrency: int = UPLOAD_CONCURRENCY,
    ) -> None:
        self.store = store
        self.client = client
        self.on_event = on_event
        self.clock = clock
        self.rng = rng
        self.base_delay = base_delay
        self.max_delay = max_delay
        self._sleep = sleep
        self._wake = threading.Event()
        self._run_lock = threading.Lock()
        self._stop: threading.Event | None = None
        #: None = unknown yet, True/False = last network call succeeded/failed
        self.online: bool | None = None
        self.auth_failed = False
        self._backoff_until: float | None = None
        self.catalog = catalog
        self.catalog_interval = catalog_interval
        self.heartbeat_interval = heartbeat_interval
        self.probe_interval = probe_interval
        self.version = version or software_version()
        #: the last failure was "no answer at all" (probing can tell when it is back)
        self._link_down = False
        self._catalog_due_at: float | None = None  # None = pull on the next pass
        self._heartbeat_due_at: float | None = None
        self.upload_concurrency = max(1, upload_concurrency)
        #: clients for extra upload connections (``client.worker()``), made on demand
        self._workers: list[PlatformAPI] = []
        self._workers_of: PlatformAPI | None = None
        #: blobs this engine has sent (or asked about): never uploaded blindly again
        self._touched: set[str] = set()
        self._touched_lock = threading.Lock()
        #: service evaluations (好差评) ride along with each pass
        self.evaluations = EvaluationQueue(store.db_path)
        #: more facts for the heartbeat (a kiosk adds its device health)
        self.heartbeat_extras: list[Callable[[], Mapping[str, Any]]] = []

    # -- events ---------------------------------------------------------------------

    def _emit(self, kind: EventKind, **kw: Any) -> None:
        if self.on_event is None:
            return
        try:
            self.on_event(SyncEvent(kind, **kw))
        except Exception:  # a UI bug must never stop delivery
            log.exception("on_event callback failed for %s", kind)

    def _set_online(self, online: bool, why: str = "") -> None:
        if online:
            self._link_down = False
        if self.online is online:
            return
        self.online = online
        if online:
            log.info("platform reachable")
            self._emit(EventKind.ONLINE, message="已连接平台")
        else:
            log.warning("platform unreachable: %s", why)
            self._emit(
                EventKind.OFFLINE, message="网络暂时不可用，已受理的办件保存在本机，将自动重试"
            )

    def _now_dt(self) -> datetime:
        return datetime.fromtimestamp(self.clock(), UTC)

    # -- one pass ---------------------------------------------------------------------

    def run_once(self, stop: threading.Event | None = None) -> SyncReport:
        """Push every due submission (oldest first), then pull status updates.

        When ``stop`` is set during the pass, the engine finishes the submission
        in hand and returns (used by the runner's SIGTERM handler)."""
        with self._run_lock:
            outer = self._stop
            if stop is not None:
                self._stop = stop
            try:
                return self._run_once()
            finally:
                self._stop = outer

    def _run_once(self) -> SyncReport:
        self._wake.clear()
        batch = self.store.pending(self._now_dt())
        total = len(batch)
        delivered = failed = retried = 0
        stopped_transient = False
        auth = False
        self._backoff_until = None
        self._emit(
            EventKind.STARTED,
            total=total,
            message=f"开始同步，待发送 {total} 件" if total else "检查平台状态",
        )
        for i, rec in enumerate(batch):
            if self._stop is not None and self._stop.is_set():
                break
            outcome = self._deliver(rec, done=i, total=total)
            if outcome is _Outcome.DELIVERED:
                delivered += 1
            elif outcome is _Outcome.QUARANTINED:
                failed += 1
            elif outcome is _Outcome.RETRY_CONTINUE:
                retried += 1
            elif outcome is _Outcome.RETRY:
                retried += 1
                stopped_transient = True
                break
            elif outcome is _Outcome.AUTH:
                auth = True
                break
        updates = 0
        stopping = self._stop is not None and self._stop.is_set()
        if not auth and not stopped_transient and not stopping:
            updates, auth = self._pull_status()
            if not auth and isinstance(self.client, EvaluationAPI):
                auth = self.evaluations.deliver_due(self.client, now=self._now_dt()).auth_failed
            if not auth:
                auth = self._pull_catalog()
            if not auth:
                self._maybe_heartbeat()
        self.auth_failed = auth
        remaining = self.store.queue_depth()
        if remaining == 0 and not auth:
            self._emit(
                EventKind.IDLE, done=delivered + failed, total=total, message="全部办件已送达平台"
            )
        report = SyncReport(
            delivered=delivered,
            failed=failed,
            remaining=remaining,
            retried=retried,
            status_updates=updates,
            auth_failed=auth,
            online=self.online,
            backoff_until=self._backoff_until,
        )
        log.info(
            "sync run: delivered=%d quarantined=%d retried=%d remaining=%d updates=%d%s",
            delivered,
            failed,
            retried,
            remaining,
            updates,
            " AUTH FAILED" if auth else "",
        )
        return report

    def _deliver(self, rec: SubmissionRecord, *, done: int, total: int) -> _Outcome:
        uuid = rec.uuid
        sub = rec.submission
        if not self.store.mark_sending(uuid, self._now_dt()):
            log.info("%s is not claimable (another engine has it?); skipping", uuid)
            return _Outcome.SKIPPED
        attempts = rec.attempts + 1
        phase = "upload"
        try:
            shas = sub.blob_hashes
            sizes = {sha: self._local_size(sha) for sha in shas}
            bytes_total = sum(sizes.values())
            progress = _Progress(self, uuid, done, total, bytes_total, sub)
            progress.report(0)
            first = rec.attempts == 0 and self.store.get(uuid).attempts == 1
            self._upload(shas, sizes, progress, check_state=True, first_attempt=first)
            phase = "submit"
            delivery = self._put(sub, sizes, progress)
        except AuthError as e:
            self.store.release(uuid, "平台拒绝本终端的身份认证")
            self._set_online(True)  # we reached the platform
            log.error("platform refused our credentials: %s", e)
            self._emit(
                EventKind.AUTH_FAILED, uuid=uuid, done=done, total=total, message=e.message_zh
            )
            return _Outcome.AUTH
        except TransientError as e:
            self._offline(e)
            self._retry(
                uuid, attempts, f"{e.message_zh}（{e}）", e.retry_after, done, total,
                cause=_cause(e),
            )
            return _Outcome.RETRY
        except Conflict as e:
            if phase == "upload":  # an upload offset moved under us: try again later
                self._retry(uuid, attempts, f"上传冲突，稍后重试（{e}）", None, done, total)
                return _Outcome.RETRY_CONTINUE
            return self._quarantine(
                uuid,
                "平台拒绝：平台上已有同一编号但内容不同的办件（冲突），请联系技术人员核对",
                done,
                total,
            )
        except MissingBlobs as e:
            return self._quarantine(
                uuid,
                f"平台拒绝：重新上传后平台仍缺少 {len(e.shas)} 页材料，请联系技术人员",
                done,
                total,
            )
        except PermanentError as e:
            return self._quarantine(uuid, _permanent_reason(e), done, total)
        except BlobNotFound as e:
            return self._quarantine(
                uuid, f"本地材料文件缺失（{e.sha[:12]}），请重新采集材料后重新受理", done, total
            )
        except (BlobCorrupted, DecryptionError) as e:
            log.error("local blob problem for %s: %s", uuid, e)
            return self._quarantine(
                uuid, "本地材料文件已损坏，请重新采集材料后重新受理，或联系技术人员", done, total
            )
        except _Quarantine as q:
            return self._quarantine(uuid, q.reason, done, total)
        except Exception as e:  # a bug or local I/O trouble: never leave the row "sending"
            log.exception("unexpected failure delivering %s", uuid)
            self._retry(uuid, attempts, f"发送出错，稍后重试（{e}）", None, done, total)
            return _Outcome.RETRY_CONTINUE
        self._set_online(True)
        self.store.mark_delivered(uuid, delivery.case_no, delivery.status or None, self._now_dt())
        log.info("delivered %s (%s) as case %s", uuid, sub.receipt_no, delivery.case_no)
        self._emit(
            EventKind.DELIVERED,
            uuid=uuid,
            done=done + 1,
            total=total,
            bytes_done=progress.bytes_total,
            bytes_total=progress.bytes_total,
            message=f"已送达 {done + 1}/{total}：{sub.receipt_no}（平台编号 {delivery.case_no}）",
        )
        return _Outcome.DELIVERED

    def _local_size(self, sha: str) -> int:
        return self.store.blob_size(sha)

    def _upload(
        self,
        shas: Sequence[str],
        sizes: dict[str, int],
        progress: _Progress,
        *,
        check_state: bool,
        first_attempt: bool = False,
    ) -> None:
        """Upload the blobs the platform lacks, on up to ``upload_concurrency`` connections.

        ``first_attempt``: this submission was never tried before (its attempts counter
        was 0 when claimed), so its blobs untouched by this engine need no HEAD.
        Returns once every blob is complete; on the first error the other uploads stop
        at their next chunk boundary and that error is raised once all have stopped."""
        todo = list(dict.fromkeys(shas))
        for sha in todo:
            if sha not in sizes:
                sizes[sha] = self._local_size(sha)
        clients = self._upload_clients(len(todo))
        if len(clients) == 1:
            for sha in todo:
                self._upload_one(clients[0], sha, sizes[sha], progress, check_state,
                                 first_attempt, None)
            return
        # longest first: the connections finish at about the same time
        pending = deque(sorted(todo, key=lambda sha: -sizes[sha]))
        lock = threading.Lock()
        cancel = threading.Event()
        errors: list[Exception] = []

        def work(client: PlatformAPI) -> None:
            while not cancel.is_set():
                with lock:
                    if not pending:
                        return
                    sha = pending.popleft()
                try:
                    self._upload_one(client, sha, sizes[sha], progress, check_state,
                                     first_attempt, cancel)
                except _Cancelled:
                    return
                except Exception as e:
                    with lock:
                        errors.append(e)
                    cancel.set()
                    return

        threads = [
            threading.Thread(target=work, args=(c,), name=f"sync-upload-{i}", daemon=True)
            for i, c in enumerate(clients[1:], start=1)
        ]
        for t in threads:
            t.start()
        try:
            work(clients[0])
        except BaseException:
            cancel.set()
            raise
        finally:
            for t in threads:
                t.join()
        if errors:
            raise errors[0]  # the first failure; the others were (mostly) its echoes

    def _upload_clients(self, blobs: int) -> list[PlatformAPI]:
        """The engine's client plus up to ``upload_concurrency - 1`` worker clients."""
        n = min(self.upload_concurrency, blobs)
        make = getattr(self.client, "worker", None)
        if n <= 1 or not callable(make):
            return [self.client]
        if self._workers_of is not self.client:  # the client was replaced
            self._close_workers()
            self._workers_of = self.client
        while len(self._workers) < n - 1:
            self._workers.append(make())
        return [self.client, *self._workers[: n - 1]]

    def _close_workers(self) -> None:
        for w in self._workers:
            close = getattr(w, "close_worker", None)
            if callable(close):
                close()
        self._workers = []

    def _touch(self, sha: str) -> bool:
        """Remember that this engine sent something about ``sha``; True if it had before."""
        with self._touched_lock:
            if sha in self._touched:
                return True
            if len(self._touched) >= MAX_TOUCHED:
                self._touched.clear()
            self._touched.add(sha)
            return False

    def _upload_one(
        self,
        client: PlatformAPI,
        sha: str,
        size: int,
        progress: _Progress,
        check_state: bool,
        first_attempt: bool,
        cancel: threading.Event | None,
    ) -> None:
        touched = self._touch(sha)
        blind = check_state and first_attempt and not touched and self.store.has_blob(sha)
        if check_state and not blind:
            state = client.blob_state(sha)
            progress.reached()
            if state.complete:
                progress.blob_done(sha, size)
                return
        if not self.store.has_blob(sha):
            raise BlobNotFound(sha)
        seen: list[int] = []

        def open_fn() -> BinaryIO:
            return self.store.open_blob(sha)

        def on_progress(offset: int, _size: int) -> None:
            if seen and offset != seen[0]:
                progress.reached()  # a PATCH was answered
            seen.append(offset)
            progress.blob_at(sha, offset)
            if cancel is not None and cancel.is_set():
                raise _Cancelled

        if blind:
            client.upload_blob(sha, size, open_fn, progress=on_progress, offset=0)
        else:
            client.upload_blob(sha, size, open_fn, progress=on_progress)
        progress.reached()
        progress.blob_done(sha, size)

    def _put(self, sub: Submission, sizes: dict[str, int], progress: _Progress) -> Delivery:
        try:
            return self.client.put_submission(sub.uuid, self.store.manifest(sub.uuid))
        except MissingBlobs as e:
            ours = set(sub.blob_hashes)
            strangers = [s for s in e.shas if s not in ours]
            if strangers:
                raise _Quarantine("平台拒绝：平台要求的材料不属于本办件，请联系技术人员") from e
            log.warning(
                "platform lacks %d blob(s) of %s; uploading them again", len(e.shas), sub.uuid
            )
            self._upload(e.shas, sizes, progress, check_state=False)
            return self.client.put_submission(sub.uuid, self.store.manifest(sub.uuid))

    def _retry(
        self,
        uuid: str,
        attempts: int,
        error: str,
        retry_after: float | None,
        done: int,
        total: int,
        *,
        cause: str | None = None,
    ) -> None:
        delay = backoff_delay(
            attempts, self.rng, base=self.base_delay, cap=self.max_delay, retry_after=retry_after
        )
        when = self.clock() + delay
        self.store.mark_retry(uuid, error, datetime.fromtimestamp(when, UTC), cause=cause)
        if self._backoff_until is None or when < self._backoff_until:
            self._backoff_until = when
        log.warning("will retry %s in %.1f s (attempt %d): %s", uuid, delay, attempts, error)
        self._emit(
            EventKind.RETRY,
            uuid=uuid,
            done=done,
            total=total,
            message=f"发送未成功，{delay:.0f} 秒后自动重试",
        )

    def _quarantine(self, uuid: str, reason: str, done: int, total: int) -> _Outcome:
        self.store.quarantine(uuid, reason, self._now_dt())
        log.error("quarantined %s: %s", uuid, reason)
        self._emit(EventKind.QUARANTINED, uuid=uuid, done=done + 1, total=total, message=reason)
        return _Outcome.QUARANTINED

    # -- status pull -------------------------------------------------------------------

    def _pull_status(self) -> tuple[int, bool]:
        """Fetch status events after the stored cursor; returns (new events, auth_failed)."""
        applied = 0
        cursor = self.store.status_cursor()
        try:
            for _ in range(STATUS_PAGES_PER_RUN):
                events, nxt = self.client.status_updates(cursor)
                self._set_online(True)
                if events or (nxt is not None and nxt != cursor):
                    new = self.store.apply_status_events(events, cursor=nxt, now=self._now_dt())
                    applied += new
                    if new:
                        self._emit(
                            EventKind.STATUS,
                            done=new,
                            total=len(events),
                            message=f"收到 {new} 条办理进度更新",
                        )
                if not events or nxt is None or nxt == cursor:
                    break
                cursor = nxt
        except AuthError as e:
            log.error("platform refused our credentials on status pull: %s", e)
            self._emit(EventKind.AUTH_FAILED, message=e.message_zh)
            return applied, True
        except TransientError as e:
            self._offline(e)
        except SyncError as e:
            log.error("status pull failed: %s", e)
        return applied, False

    def _offline(self, e: TransientError) -> None:
        self._link_down = _cause(e) == "offline"
        self._set_online(False, str(e))

    # -- catalog & heartbeat -------------------------------------------------------------

    def _pull_catalog(self) -> bool:
        """Pull the catalog when due (first pass, then every ``catalog_interval``);
        returns True when the platform refused our credentials."""
        if self.catalog is None:
            return False
        now = self.clock()
        if self._catalog_due_at is not None and now < self._catalog_due_at:
            return False
        try:
            update = self.catalog.pull()
        except AuthError as e:
            log.error("platform refused our credentials on catalog pull: %s", e)
            self._emit(EventKind.AUTH_FAILED, message=e.message_zh)
            return True
        except TransientError as e:
            self._offline(e)  # not due-stamped: the next pass tries again
            return False
        except Exception:  # PermanentError, a full disk...: log and wait for the next round
            log.exception("catalog pull failed")
            self._catalog_due_at = now + self.catalog_interval
            return False
        self._set_online(True)
        self._catalog_due_at = now + self.catalog_interval
        if update.changed:
            self._emit(EventKind.CATALOG, message=f"事项目录已更新（版本 {update.version}）")
        return False

    def heartbeat_info(self) -> dict[str, Any]:
        """What a heartbeat tells the platform."""
        info: dict[str, Any] = {}
        for extra in self.heartbeat_extras:
            try:
                info.update(extra())
            except Exception:  # a broken health probe must not stop the heartbeat
                log.exception("heartbeat extra failed")
        return {
            **info,
            "queue_depth": self.store.queue_depth(),
            "evaluations_queued": self.evaluations.depth(),
            "version": self.version,
            "catalog_version": self.catalog.current_version() if self.catalog else None,
        }

    def _maybe_heartbeat(self) -> None:
        if self.heartbeat_interval is None or self.online is False:
            return
        if self._heartbeat_due_at is not None and self.clock() < self._heartbeat_due_at:
            return
        if hasattr(self.client, "heartbeat"):
            self._heartbeat()

    def _heartbeat(self) -> str:
        """Send one heartbeat: ``"up"``, ``"down"`` (no answer) or ``"failing"`` (5xx...)."""
        client: HeartbeatAPI = self.client  # type: ignore[assignment]
        if self.heartbeat_interval is not None:
            self._heartbeat_due_at = self.clock() + self.heartbeat_interval
        try:
            client.heartbeat(self.heartbeat_info())
        except TransientError as e:
            self._offline(e)
            return "down" if _cause(e) == "offline" else "failing"
        except SyncError as e:  # refused, or a platform without the endpoint: it answered
            log.warning("heartbeat refused: %s", e)
            return "up"
        except Exception:
            log.exception("heartbeat failed")
            return "failing"
        self._set_online(True)
        return "up"

    def probe(self) -> str:
        """One cheap signed call: is the platform back? The heartbeat, or for a client
        without one a one-event status read. ``"up"``, ``"down"`` or ``"failing"``."""
        if hasattr(self.client, "heartbeat"):
            return self._heartbeat()
        try:
            self.client.status_updates(self.store.status_cursor(), limit=1)
        except TransientError as e:
            self._offline(e)
            return "down" if _cause(e) == "offline" else "failing"
        except SyncError:
            return "up"
        except Exception:
            log.exception("probe failed")
            return "failing"
        self._set_online(True)
        return "up"

    # -- forever -------------------------------------------------------------------------

    def wake(self) -> None:
        """Run again now (e.g. right after an accept, or 'sync now' in the UI)."""
        self._wake.set()

    def next_wait(self, report: SyncReport | None, interval: float) -> float:
        """Seconds until the next pass is worth making (no later than a due heartbeat
        or catalog pull while online)."""
        wait = self._next_wait(report, interval)
        if report is not None and not report.auth_failed and self.online is not False:
            now = self.clock()
            for due in self._periodic_due():
                wait = min(wait, max(0.0, due - now))
        return wait

    def _periodic_due(self) -> list[float]:
        out = []
        if self.catalog is not None and self._catalog_due_at is not None:
            out.append(self._catalog_due_at)
        if (
            self.heartbeat_interval is not None
            and self._heartbeat_due_at is not None
            and hasattr(self.client, "heartbeat")
        ):
            out.append(self._heartbeat_due_at)
        return out

    def _next_wait(self, report: SyncReport | None, interval: float) -> float:
        now = self.clock()
        if report is None:
            return interval
        if report.auth_failed:
            return AUTH_RETRY_INTERVAL
        if report.backoff_until is not None and report.retried and report.online is False:
            return max(0.0, report.backoff_until - now)  # the link is down: no point polling
        due = self.store.pending(self._now_dt(), limit=1)
        if due:
            return 0.0 if report.delivered or report.failed else min(interval, 1.0)
        nxt = self.store.next_retry_at()
        if nxt is not None:
            return max(0.0, min(interval, nxt.timestamp() - now))
        return interval

    def run_forever(self, stop: threading.Event, interval: float = 30.0) -> None:
        """Loop until ``stop`` is set: a pass, then sleep until the next due retry,
        ``interval`` (to poll status), or ``wake()``."""
        self._stop = stop
        try:
            while not stop.is_set():
                report: SyncReport | None
                try:
                    report = self.run_once()
                except Exception:  # the store is full/locked, a bug...: keep the loop alive
                    log.exception("sync pass failed")
                    report = None
                if stop.is_set():
                    break
                wait = self.next_wait(report, interval)
                if wait > 0:
                    self._wait_probing(wait, stop)
        finally:
            self._stop = None

    def _probing(self) -> bool:
        return self.probe_interval is not None and self.online is False and self._link_down

    def _wait_probing(self, seconds: float, stop: threading.Event) -> None:
        """Wait ``seconds`` (or until woken); while the platform does not answer at all,
        probe it every ``probe_interval``. When it answers: online, the retries that
        were waiting because of the link are due now, and we return for a pass."""
        deadline = self.clock() + seconds
        while not stop.is_set():
            left = deadline - self.clock()
            if left <= 0:
                return
            if not self._probing():
                self._wait(left, stop)
                return
            assert self.probe_interval is not None
            if self._wait(min(left, self.probe_interval), stop) or stop.is_set():
                return  # woken (or stopping): the loop runs a pass / ends
            if self.clock() >= deadline:
                return  # the backoff is over anyway
            state = self.probe()
            if state == "up":
                self._set_online(True)
                n = self.store.retry_now(self._now_dt())
                log.info("platform answers again; %d waiting submission(s) due now", n)
                return
            if state == "failing":
                log.info("platform answers with errors; keeping the backoff")
                # _probing() is now False (it answered): sit out the rest of the wait

    def _wait(self, seconds: float, stop: threading.Event) -> bool:
        """Sleep up to ``seconds``; True when cut short by ``wake()`` or ``stop``."""
        if self._sleep is not None:
            self._sleep(seconds)
            return False
        deadline = time.monotonic() + seconds
        while not stop.is_set():
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            if self._wake.wait(min(left, 0.25)):
                return True
        return True


class _Progress:
    """Byte accounting for one submission; emits truthful 'progress' events."""

    def __init__(
        self,
        engine: SyncEngine,
        uuid: str,
        done: int,
        total: int,
        bytes_total: int,
        sub: Submission,
    ) -> None:
        self.engine = engine
        self.uuid = uuid
        self.done = done
        self.total = total
        self.bytes_total = bytes_total
        self.receipt_no = sub.receipt_no
        self._finished: dict[str, int] = {}
        self._partial: dict[str, int] = {}
        self._last_emit = -1
        # upload workers report from their own threads: one event at a time, and
        # bytes_done is the sum over all blobs in flight (monotonic per blob)
        self._lock = threading.RLock()

    def _bytes_done(self) -> int:
        return min(self.bytes_total, sum(self._finished.values()) + sum(self._partial.values()))

    def reached(self) -> None:
        """The platform answered (the engine is online)."""
        with self._lock:
            self.engine._set_online(True)

    def blob_at(self, sha: str, offset: int) -> None:
        with self._lock:
            if sha not in self._finished:
                self._partial[sha] = max(offset, self._partial.get(sha, 0))
            self.report(self._bytes_done())

    def blob_done(self, sha: str, size: int) -> None:
        with self._lock:
            self._partial.pop(sha, None)
            self._finished[sha] = size
            self.report(self._bytes_done())

    def report(self, bytes_done: int) -> None:
        with self._lock:
            self._report(bytes_done)

    def _report(self, bytes_done: int) -> None:
        if bytes_done <= self._last_emit:
            return
        self._last_emit = bytes_done
        self.engine._emit(
            EventKind.PROGRESS,
            uuid=self.uuid,
            done=self.done,
            total=self.total,
            bytes_done=bytes_done,
            bytes_total=self.bytes_total,
            message=f"正在发送第 {self.done + 1}/{self.total} 件：{self.receipt_no}",
        )

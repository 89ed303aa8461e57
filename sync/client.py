"""The station's platform client: signed HTTP calls to the provincial platform.

One class behind a small interface (docs/interfaces.md); the sync engine only
sees these methods and the error classes below. Error semantics:

- :class:`TransientError`: try again later (no network, timeouts, 5xx, 408/425/429,
  or an answer that does not come from the platform at all, e.g. a captive portal);
- :class:`AuthError`: 401/403 (enrollment revoked, bad secret);
- :class:`Conflict`: 409 (the same uuid was delivered with a different body);
- :class:`MissingBlobs`: 422 naming blobs the platform does not hold;
- :class:`PermanentError`: any other 4xx (the request itself is wrong).

The client never sleeps or retries on its own except for two narrow cases: a
401 ``clock_skew`` answer (it learns the platform's clock from ``Date`` and
retries once) and a blob upload, which re-reads the platform's offset and
resumes after an error (``resume_attempts``).
"""

from __future__ import annotations

import copy
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any, BinaryIO
from urllib.parse import quote

import requests

from wire import signing
from wire.canonical import canonical_json
from wire.headers import ERROR_HEADER, PLATFORM_HEADER

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = (5.0, 30.0)
DEFAULT_CHUNK = 256 * 1024
#: how long a HEAD answer may stand in for the first HEAD of ``upload_blob`` (seconds)
FRESH_STATE_SECONDS = 2.0

Progress = Callable[[int, int], None]


# -- errors ---------------------------------------------------------------------------------


class SyncError(Exception):
    """Base of every client error; ``message_zh`` is for the UI, ``str(e)`` is English."""

    message_zh = "同步失败"

    def __init__(self, message: str, *, status: int | None = None, code: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.code = code

    @property
    def message_en(self) -> str:
        return str(self)


class TransientError(SyncError):
    """Try again later; ``retry_after`` (seconds) when the platform said so."""

    message_zh = "网络暂时不可用，稍后自动重试"

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        code: str = "",
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message, status=status, code=code)
        self.retry_after = retry_after


class PermanentError(SyncError):
    """The platform refused the request itself; retrying the same request cannot help."""

    message_zh = "平台拒绝了该请求"

    def __init__(self, status: int, detail: Any = None, *, code: str = "") -> None:
        super().__init__(f"platform answered {status} {code}: {detail!r}", status=status, code=code)
        self.detail = detail


class AuthError(SyncError):
    """401/403: the station is not (or no longer) accepted by the platform."""

    message_zh = "本终端未获平台授权，请联系技术人员重新注册"

    def __init__(self, status: int, detail: Any = None, *, code: str = "") -> None:
        super().__init__(f"platform refused authentication ({status} {code}): {detail!r}",
                         status=status, code=code)
        self.detail = detail


class Conflict(SyncError):
    """409: e.g. the uuid is already taken by a different body, or an upload offset moved."""

    message_zh = "平台已有内容不同的同号办件"

    def __init__(self, detail: Any = None, *, code: str = "conflict",
                 offset: int | None = None) -> None:
        super().__init__(f"conflict ({code}): {detail!r}", status=409, code=code)
        self.detail = detail
        self.offset = offset


class MissingBlobs(SyncError):
    """422 missing_blobs: the platform lacks these page blobs (upload them, then retry)."""

    message_zh = "平台缺少部分材料文件，将重新上传"

    def __init__(self, shas: list[str]) -> None:
        super().__init__(f"platform is missing {len(shas)} blob(s)", status=422,
                         code="missing_blobs")
        self.shas = list(shas)


# -- data -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class StationCredentials:
    station_id: str
    secret: str


@dataclass(frozen=True)
class BlobState:
    complete: bool
    offset: int
    exists: bool = True
    length: int | None = None


@dataclass(frozen=True)
class Delivery:
    case_no: str
    status: str
    receipt_no: str = ""


@dataclass(frozen=True)
class StatusEvent:
    uuid: str
    case_no: str
    status: str
    note: str = ""
    missing_materials: tuple[str, ...] = ()
    at: str = ""
    receipt_no: str = ""
    #: the platform's own event id (P1); None from a platform that sends none
    event_id: int | None = None


@dataclass
class _Answer:
    status: int
    headers: Any
    content: bytes
    data: Any = field(default=None)


def _json_or_none(content: bytes) -> Any:
    try:
        return json.loads(content.decode("utf-8"))
    except (ValueError, UnicodeError):
        return None


def _retry_after(value: str | None, now: float) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, when.timestamp() - now)


def _error_for(answer: _Answer, now: float) -> SyncError:
    """Map a genuine platform answer with status >= 300 to an exception."""
    status = answer.status
    body = answer.data if isinstance(answer.data, dict) else {}
    code = str(body.get("error") or answer.headers.get(ERROR_HEADER) or "")
    detail = body.get("detail")
    if status >= 500 or status in (408, 425, 429):
        return TransientError(
            f"platform answered {status} {code}",
            status=status,
            code=code,
            retry_after=_retry_after(answer.headers.get("Retry-After"), now),
        )
    if status in (401, 403):
        return AuthError(status, detail, code=code)
    if status == 409:
        offset_header = answer.headers.get("Upload-Offset")
        offset = int(offset_header) if offset_header and offset_header.isdigit() else None
        return Conflict(detail, code=code or "conflict", offset=offset)
    if status == 422 and code == "missing_blobs":
        missing = detail.get("missing") if isinstance(detail, dict) else None
        if isinstance(missing, list):
            return MissingBlobs([str(s) for s in missing])
    return PermanentError(status, detail, code=code)


class _ClockState:
    """The learned offset to the platform's clock, shared by a client and its workers."""

    __slots__ = ("offset",)

    def __init__(self) -> None:
        self.offset = 0.0


def _clone_session(session: requests.Session) -> requests.Session:
    """A new Session with ``session``'s settings but its own connections and cookies.

    Custom adapters (anything but the stock ``HTTPAdapter``, e.g. one pinning TLS
    settings) are shared: urllib3 connection pools are thread-safe."""
    clone = requests.Session()
    clone.trust_env = session.trust_env
    clone.verify = session.verify
    clone.cert = session.cert
    clone.proxies = dict(session.proxies)
    clone.headers.clear()
    clone.headers.update(session.headers)
    clone.auth = session.auth
    clone.params = copy.copy(session.params)
    clone.max_redirects = session.max_redirects
    for prefix, adapter in session.adapters.items():
        if type(adapter) is not requests.adapters.HTTPAdapter:
            clone.mount(prefix, adapter)
    return clone


class _WrongGuess(Exception):
    """``upload_blob``'s first PATCH at the caller's offset met another offset (409)."""

    def __init__(self, offset: int) -> None:
        super().__init__(offset)
        self.offset = offset


class PlatformClient:
    """Signed calls to the platform for one enrolled station.

    Not thread-safe (one ``requests.Session``); for concurrent uploads give each
    thread its own :meth:`worker`."""

    def __init__(
        self,
        base_url: str,
        credentials: StationCredentials,
        *,
        session: requests.Session | None = None,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
        verify: bool | str = True,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.credentials = credentials
        self.session = session or requests.Session()
        self.timeout = timeout
        self.verify = verify
        self.clock = clock
        self._clock_state = _ClockState()
        #: incomplete blob states just read by ``blob_state`` (sha -> (monotonic, state)),
        #: so the ``upload_blob`` that usually follows skips a second HEAD round trip
        self._fresh_states: dict[str, tuple[float, BlobState]] = {}

    @property
    def clock_offset(self) -> float:
        """Seconds to add to ``clock()`` to get the platform's time (learned from ``Date``;
        shared with this client's workers)."""
        return self._clock_state.offset

    @clock_offset.setter
    def clock_offset(self, value: float) -> None:
        self._clock_state.offset = value

    def worker(self) -> PlatformClient:
        """A client for another thread: same platform, credentials, timeouts and learned
        clock offset (shared), but its own Session (own connections) and HEAD cache."""
        clone = copy.copy(self)
        clone.session = _clone_session(self.session)
        clone._fresh_states = {}
        return clone

    def close_worker(self) -> None:
        """Close the Session of a client made by :meth:`worker`."""
        self.session.close()

    # -- plumbing -------------------------------------------------------------------------

    def now(self) -> float:
        """The platform's time as best known (local clock + learned offset)."""
        return self.clock() + self.clock_offset

    def _learn_clock(self, headers: Any, local_at: float) -> None:
        date = headers.get("Date")
        if not date:
            return
        try:
            server = parsedate_to_datetime(date).timestamp()
        except (TypeError, ValueError, IndexError):
            return
        offset = server - local_at
        # Date has whole-second resolution: ignore jitter below two seconds.
        if abs(offset - self.clock_offset) >= 2.0:
            log.info("platform clock differs from ours by %.0f s; compensating", offset)
            self.clock_offset = offset

    def _send(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, str] | None = None,
        body: bytes = b"",
        headers: dict[str, str] | None = None,
        signed: bool = True,
    ) -> _Answer:
        """One request; returns the genuine answer (any status) or raises TransientError."""
        for attempt in (1, 2):
            req = requests.Request(
                method, self.base_url + path, params=params, data=body or None,
                headers=dict(headers or {}),
            )
            prepared = self.session.prepare_request(req)
            if body:
                prepared.body = body
                prepared.headers["Content-Length"] = str(len(body))
            if signed:
                prepared.headers.update(
                    signing.make_headers(
                        self.credentials.station_id,
                        self.credentials.secret,
                        method,
                        prepared.path_url,
                        body,
                        self.now(),
                    )
                )
            answer = self._exchange(prepared)
            if (
                signed
                and attempt == 1
                and answer.status == 401
                and self._error_code(answer) == "clock_skew"
            ):
                log.warning("platform rejected our clock; retrying with its time")
                continue
            return answer
        raise AssertionError("unreachable")  # pragma: no cover

    @staticmethod
    def _error_code(answer: _Answer) -> str:
        if isinstance(answer.data, dict) and answer.data.get("error"):
            return str(answer.data["error"])
        return str(answer.headers.get(ERROR_HEADER) or "")

    def _exchange(self, prepared: requests.PreparedRequest) -> _Answer:
        return _exchange(self.session, prepared, self.timeout, self.verify, self._learn_clock,
                         self.clock)

    def _call(self, method: str, path: str, **kwargs: Any) -> _Answer:
        answer = self._send(method, path, **kwargs)
        if answer.status >= 300 and answer.status != 304:
            raise _error_for(answer, self.now())
        return answer

    # -- API ------------------------------------------------------------------------------

    @staticmethod
    def enroll(
        base_url: str,
        code: str,
        station_code: str,
        role: str,
        *,
        session: requests.Session | None = None,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
        verify: bool | str = True,
    ) -> StationCredentials:
        """Exchange a one-time enrollment code for credentials (403 unknown, 409 used)."""
        sess = session or requests.Session()
        body = json.dumps(
            {"code": code, "station_code": station_code, "role": role}, ensure_ascii=False
        ).encode("utf-8")
        prepared = sess.prepare_request(
            requests.Request(
                "POST", base_url.rstrip("/") + "/v1/stations/enroll", data=body,
                headers={"Content-Type": "application/json"},
            )
        )
        answer = _exchange(sess, prepared, timeout, verify, None, time.time)
        if answer.status != 200:
            raise _error_for(answer, time.time())
        data = answer.data
        if not (isinstance(data, dict) and isinstance(data.get("station_id"), str)
                and isinstance(data.get("secret"), str)):
            raise TransientError("enrollment answer is malformed")
        return StationCredentials(data["station_id"], data["secret"])

    def blob_state(self, sha: str) -> BlobState:
        """Where the platform stands on a blob: absent, partial at an offset, or complete."""
        answer = self._send("HEAD", f"/v1/blobs/{quote(sha, safe='')}")
        if answer.status == 404:
            absent = BlobState(complete=False, offset=0, exists=False)
            self._remember_state(sha, absent)
            return absent
        if answer.status != 200:
            raise _error_for(answer, self.now())
        offset = answer.headers.get("Upload-Offset", "")
        if not offset.isdigit():
            raise TransientError("platform answered HEAD without a valid Upload-Offset")
        length = answer.headers.get("Upload-Length", "")
        state = BlobState(
            complete=answer.headers.get("Upload-Complete", "?1").strip() != "?0",
            offset=int(offset),
            exists=True,
            length=int(length) if length.isdigit() else None,
        )
        self._remember_state(sha, state)
        return state

    def _remember_state(self, sha: str, state: BlobState) -> None:
        if state.complete:
            self._fresh_states.pop(sha, None)
            return
        if len(self._fresh_states) >= 64:
            self._fresh_states.clear()
        self._fresh_states[sha] = (time.monotonic(), state)

    def _fresh_state(self, sha: str) -> BlobState | None:
        """The state ``blob_state`` just read for ``sha`` (consumed), if recent enough.

        A stale offset is harmless: the platform answers 409 with its offset and the
        upload resumes from a fresh HEAD."""
        seen = self._fresh_states.pop(sha, None)
        if seen is None or time.monotonic() - seen[0] > FRESH_STATE_SECONDS:
            return None
        return seen[1]

    def upload_blob(
        self,
        sha: str,
        size: int,
        open_fn: Callable[[], BinaryIO],
        *,
        chunk_size: int = DEFAULT_CHUNK,
        progress: Progress | None = None,
        resume_attempts: int = 2,
        offset: int | None = None,
    ) -> None:
        """Upload a blob in chunks, resuming from the platform's offset.

        Reads ``open_fn()`` chunk by chunk (never the whole blob). After an
        error the platform's offset is read again and the upload continues from
        there, at most ``resume_attempts`` times within this call; then the
        last error propagates (the next call resumes where the platform stands).
        The first HEAD is skipped when ``blob_state(sha)`` was just called (as
        the engine does), saving a round trip per blob on slow links.

        ``offset`` (e.g. 0 for a blob this station never began uploading) skips the
        first HEAD too: the first PATCH goes out at that offset. If the guess is wrong
        the platform refuses that chunk with 409 and its own offset
        (``offset_mismatch``) or ``already_complete``; the upload continues from the
        platform's answer without a HEAD and without counting a failure, so a wrong
        guess costs at most that one chunk.
        """
        path = f"/v1/blobs/{quote(sha, safe='')}"
        failures = 0
        guess = offset  # the caller's belief, used for the first attempt only
        while True:
            guessed = guess is not None
            try:
                state: BlobState | None = None
                if guess is not None:
                    state = BlobState(complete=False, offset=guess, exists=guess > 0)
                    guess = None
                elif failures == 0:
                    state = self._fresh_state(sha)
                if state is None:
                    state = self.blob_state(sha)
                    self._fresh_states.pop(sha, None)
                if state.complete:
                    if progress:
                        progress(size, size)
                    return
                at = state.offset
                if at > size:
                    raise PermanentError(409, {"offset": at, "size": size},
                                         code="offset_beyond_size")
                with open_fn() as f:
                    f.seek(at)
                    if progress:
                        progress(at, size)
                    while True:
                        chunk = f.read(chunk_size) if at < size else b""
                        if at < size and not chunk:
                            raise PermanentError(
                                400, "local blob is shorter than its declared size",
                                code="short_blob",
                            )
                        answer = self._send(
                            "PATCH", path, body=chunk,
                            headers={
                                "Upload-Offset": str(at),
                                "Upload-Length": str(size),
                                "Content-Type": "application/offset+octet-stream",
                            },
                        )
                        if answer.status >= 300:
                            error = _error_for(answer, self.now())
                            if guessed and isinstance(error, Conflict):
                                if error.code == "already_complete":
                                    if progress:
                                        progress(size, size)
                                    return
                                if error.code == "offset_mismatch" and error.offset is not None:
                                    raise _WrongGuess(error.offset) from error
                            raise error
                        guessed = False
                        new_offset = answer.headers.get("Upload-Offset", "")
                        at = int(new_offset) if new_offset.isdigit() else at + len(chunk)
                        if progress:
                            progress(at, size)
                        if answer.headers.get("Upload-Complete") == "?1" or at >= size:
                            return
            except _WrongGuess as wrong:
                # the caller's offset was wrong: the platform told us its own (once only)
                log.info("blob %s is at %d on the platform, not at %d; continuing there",
                         sha[:12], wrong.offset, offset)
                guess = wrong.offset
            except (TransientError, Conflict) as exc:
                failures += 1
                if failures > resume_attempts:
                    raise
                log.info("upload of %s interrupted (%s); resuming from the platform's offset",
                         sha[:12], exc)

    def put_submission(self, uuid: str, manifest: dict[str, Any]) -> Delivery:
        """Deliver a manifest; idempotent. Raises MissingBlobs / Conflict / ..."""
        body = canonical_json(manifest)
        answer = self._call(
            "PUT", f"/v1/submissions/{quote(uuid, safe='')}", body=body,
            headers={"Content-Type": "application/json"},
        )
        data = answer.data
        if not (isinstance(data, dict) and isinstance(data.get("case_no"), str)):
            raise TransientError("platform answered without a case number")
        return Delivery(str(data["case_no"]), str(data.get("status", "")),
                        str(data.get("receipt_no", "")))

    def status_updates(
        self, after: str | None, *, limit: int = 100
    ) -> tuple[list[StatusEvent], str | None]:
        """Status events for this station after ``after``; returns (events, next cursor)."""
        params = {"limit": str(limit)}
        if after:
            params["after"] = after
        answer = self._call("GET", "/v1/status-updates", params=params)
        data = answer.data
        if not (isinstance(data, dict) and isinstance(data.get("events"), list)):
            raise TransientError("malformed status-updates answer")
        events = [
            StatusEvent(
                uuid=str(e["uuid"]), case_no=str(e.get("case_no", "")), status=str(e["status"]),
                note=str(e.get("note") or ""),
                missing_materials=tuple(str(m) for m in e.get("missing_materials") or ()),
                at=str(e.get("at", "")), receipt_no=str(e.get("receipt_no", "")),
            )
            for e in data["events"]
            if isinstance(e, dict) and "uuid" in e and "status" in e
        ]
        cursor = data.get("cursor")
        return events, (str(cursor) if cursor is not None else after)

    def catalog(self, etag: str | None) -> tuple[dict[str, Any] | None, str | None]:
        """The catalog if it changed since ``etag``: (catalog, etag), or (None, etag) on 304."""
        headers = {"If-None-Match": etag} if etag else {}
        answer = self._call("GET", "/v1/catalog", headers=headers)
        new_etag = answer.headers.get("ETag") or etag
        if answer.status == 304:
            return None, new_etag
        if not isinstance(answer.data, dict):
            raise TransientError("malformed catalog answer")
        return answer.data, new_etag

    def put_evaluation(self, uuid: str, evaluation: dict[str, Any]) -> None:
        """Deliver a service evaluation (好差评); idempotent per uuid."""
        body = canonical_json(evaluation)
        self._call("PUT", f"/v1/evaluations/{quote(uuid, safe='')}", body=body,
                   headers={"Content-Type": "application/json"})

    def heartbeat(self, info: dict[str, Any] | None = None) -> None:
        """Tell the platform this station is alive (optional free-form info)."""
        body = json.dumps(info or {}, ensure_ascii=False, sort_keys=True).encode("utf-8")
        station = quote(self.credentials.station_id, safe="")
        self._call("POST", f"/v1/stations/{station}/heartbeat", body=body,
                   headers={"Content-Type": "application/json"})

    def station_submissions(
        self, after: str | None, *, limit: int = 100
    ) -> tuple[list[Any], str | None]:
        """P4: one page of what the platform holds for this station (raw entries, to be
        validated by the caller) and the next cursor (None: no more)."""
        params = {"limit": str(limit)}
        if after:
            params["after"] = after
        data = self._call("GET", "/v1/stations/me/submissions", params=params).data
        if not (isinstance(data, dict) and isinstance(data.get("submissions"), list)):
            raise TransientError("malformed station-submissions answer")
        cursor = data.get("cursor")
        return list(data["submissions"]), (str(cursor) if cursor is not None else None)


def _exchange(
    session: requests.Session,
    prepared: requests.PreparedRequest,
    timeout: tuple[float, float],
    verify: bool | str,
    learn_clock: Callable[[Any, float], None] | None,
    clock: Callable[[], float],
) -> _Answer:
    """Send; map network failures and non-platform answers to TransientError."""
    try:
        response = session.send(prepared, timeout=timeout, verify=verify, allow_redirects=False)
        content = response.content
    except requests.Timeout as exc:
        raise TransientError(f"platform timed out: {exc}", code="timeout") from exc
    except requests.exceptions.SSLError as exc:
        # an untrusted certificate (wrong ca_bundle, or a TLS-intercepting portal):
        # nothing was sent; transient, but say what it is
        raise TransientError(
            f"platform TLS certificate not trusted (check platform.ca_bundle): {exc}",
            code="tls",
        ) from exc
    except requests.RequestException as exc:
        raise TransientError(f"platform unreachable: {exc}", code="network") from exc
    finally:
        local_at = clock()
    try:
        if response.headers.get(PLATFORM_HEADER) != "1":
            raise TransientError(
                f"answer {response.status_code} did not come from the platform "
                "(captive portal or proxy?)",
                status=response.status_code,
                code="not_platform",
            )
        if learn_clock is not None:
            learn_clock(response.headers, local_at)
        return _Answer(response.status_code, response.headers, content, _json_or_none(content))
    finally:
        response.close()

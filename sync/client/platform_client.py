"""The station's platform client: signed HTTP calls to the provincial platform.

One class behind a small interface (docs/interfaces.md); the sync engine only
sees these methods and the errors of :mod:`sync.client.errors`. Every answer is
read through :func:`sync.client.transport.exchange` (size caps, timeouts, platform
header) and checked by :mod:`sync.client.answers` before it is returned.

The client never sleeps or retries on its own except for two narrow cases: a
401 ``clock_skew`` answer (it learns the platform's clock from ``Date`` and
retries once) and a blob upload cut by the network (no answer at all), which
re-reads the platform's offset and resumes (``resume_attempts``). An answer from
the platform asking to wait (5xx, 429, ``Retry-After``) is never retried here: it
goes to the engine, which waits as asked.
"""

from __future__ import annotations

import copy
import hashlib
import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from sync.client.answers import (
    Delivery,
    StatusEvent,
    check_catalog,
    check_delivery,
    check_enrollment,
    check_status_page,
)
from sync.client.clerk_day import ClerkDayCalls
from sync.client.errors import BadAnswer, SyncError
from sync.client.observed import SKEW_LIMIT, PlatformView
from sync.client.outcomes import CaseOutcomeCalls
from sync.client.transport import (
    DEFAULT_TIMEOUT,
    MAX_JSON_ANSWER,
    TOTAL_TIMEOUT,
    Answer,
    check_platform_url,
    error_for,
    exchange,
)
from sync.client.uploads import BlobUploads
from wire import signing
from wire.canonical import canonical_json
from wire.headers import ERROR_HEADER

if TYPE_CHECKING:
    import requests

__all__ = ["MAX_CATALOG_ANSWER", "PlatformClient", "StationCredentials"]

log = logging.getLogger(__name__)

#: the service catalog and a page of P4 submissions are the large JSON answers
MAX_CATALOG_ANSWER = 8 * 1024 * 1024


@dataclass(frozen=True)
class StationCredentials:
    station_id: str
    secret: str
    #: the enrollment answer's receipt high-water mark (P2); not stored with the secret
    receipt_high: str | None = None


def _clone_session(session: requests.Session) -> requests.Session:
    """A new Session with ``session``'s settings but its own connections and cookies.

    Custom adapters (anything but the stock ``HTTPAdapter``, e.g. one pinning TLS
    settings) are shared: urllib3 connection pools are thread-safe."""
    import requests

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


def _mounted(session: requests.Session, base_url: str) -> requests.Session:
    from sync.client.deadline import mount_deadline

    mount_deadline(session, base_url)
    return session


class PlatformClient(BlobUploads, CaseOutcomeCalls, ClerkDayCalls):
    """Signed calls to the platform for one enrolled station.

    Not thread-safe (one ``requests.Session``); for concurrent uploads give each
    thread its own :meth:`worker`. ``verify``: True (system CAs) or the path of a CA
    bundle that pins the platform. ``timeout``: (connect, read) per socket operation;
    ``total_timeout``: the whole answer body."""

    def __init__(
        self,
        base_url: str,
        credentials: StationCredentials,
        *,
        session: requests.Session | None = None,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
        total_timeout: float = TOTAL_TIMEOUT,
        verify: bool | str = True,
        clock: Callable[[], float] = time.time,
        skew_limit: float = SKEW_LIMIT,
        on_receipt_high: Callable[[str], object] | None = None,
    ) -> None:
        check_platform_url(base_url)
        super().__init__()
        self.base_url = base_url.rstrip("/")
        self.credentials = credentials
        self._session_lock = threading.Lock()
        self._session: requests.Session | None = None
        if session is not None:
            self.session = session
        self.timeout = timeout
        self.total_timeout = total_timeout
        self.verify = verify
        self.clock = clock
        self.view = PlatformView(skew_limit=skew_limit, on_receipt_high=on_receipt_high)

    @property
    def session(self) -> requests.Session:
        """The HTTP session, made on first use: requests and urllib3 are ~80 modules a
        station's first window does not need (issues #12/#13, cold start)."""
        with self._session_lock:
            if self._session is None:
                import requests

                self._session = _mounted(requests.Session(), self.base_url)
            return self._session

    @session.setter
    def session(self, value: requests.Session) -> None:
        with self._session_lock:
            self._session = _mounted(value, self.base_url)

    # -- what the client has learned (shared with its workers) ---------------------------

    @property
    def clock_offset(self) -> float:
        """Seconds to add to ``clock()`` to get the platform's time (learned from ``Date``)."""
        return self.view.offset

    @clock_offset.setter
    def clock_offset(self, value: float) -> None:
        self.view.offset = value

    @property
    def clock_skew(self) -> float | None:
        """Platform time minus station time at the last answer (None: not yet measured)."""
        return self.view.skew

    @property
    def receipt_high(self) -> str | None:
        """The last receipt high-water mark the platform sent (P2), if any."""
        return self.view.receipt_high

    def now(self) -> float:
        """The platform's time as best known (local clock + learned offset)."""
        return self.clock() + self.clock_offset

    def worker(self) -> PlatformClient:
        """A client for another thread: same platform, credentials, timeouts and learned
        state (shared), but its own Session (own connections) and HEAD cache."""
        clone = copy.copy(self)
        clone.session = _clone_session(self.session)
        clone.forget_blob_states()
        return clone

    def close_worker(self) -> None:
        """Close the Session of a client made by :meth:`worker`."""
        if self._session is not None:
            self._session.close()

    # -- plumbing -------------------------------------------------------------------------

    def _send(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, str] | None = None,
        body: bytes = b"",
        headers: dict[str, str] | None = None,
        signed: bool = True,
        limit: int = MAX_JSON_ANSWER,
    ) -> Answer:
        """One request; returns the genuine answer (any status) or raises TransientError."""
        import requests

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
                        self.credentials.station_id, self.credentials.secret, method,
                        prepared.path_url, body, self.now(),
                    )
                )
            answer = exchange(
                self.session, prepared, timeout=self.timeout, total=self.total_timeout,
                limit=limit, verify=self.verify, clock=self.clock,
                on_answer=lambda h, at: self.view.observe(h, at, signed=signed),
            )
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
    def _error_code(answer: Answer) -> str:
        if isinstance(answer.data, dict) and answer.data.get("error"):
            return str(answer.data["error"])
        return str(answer.headers.get(ERROR_HEADER) or "")

    def _call(self, method: str, path: str, **kwargs: Any) -> Answer:
        answer = self._send(method, path, **kwargs)
        if answer.status >= 300 and answer.status != 304:
            raise error_for(answer, self.now())
        return answer

    def _station_secret(self) -> tuple[str, str]:
        return self.credentials.station_id, self.credentials.secret

    def _error(self, answer: Answer) -> SyncError:
        return error_for(answer, self.now())

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
        import requests

        check_platform_url(base_url)
        sess = _mounted(session or requests.Session(), base_url)
        body = json.dumps(
            {"code": code, "station_code": station_code, "role": role}, ensure_ascii=False
        ).encode("utf-8")
        prepared = sess.prepare_request(
            requests.Request(
                "POST", base_url.rstrip("/") + "/v1/stations/enroll", data=body,
                headers={"Content-Type": "application/json"},
            )
        )
        answer = exchange(sess, prepared, timeout=timeout, total=TOTAL_TIMEOUT,
                          limit=MAX_JSON_ANSWER, verify=verify, on_answer=None,
                          clock=time.time)
        if answer.status != 200:
            raise error_for(answer, time.time())
        station_id, secret, high = check_enrollment(answer.data)
        return StationCredentials(station_id, secret, high)

    def put_submission(self, uuid: str, manifest: dict[str, Any]) -> Delivery:
        """Deliver a manifest; idempotent. Raises MissingBlobs / Conflict / ...; an answer
        without a valid delivery proof (P3) is a :class:`BadAnswer`, never a delivery."""
        body = canonical_json(manifest)
        answer = self._call(
            "PUT", f"/v1/submissions/{_segment(uuid)}", body=body,
            headers={"Content-Type": "application/json"},
        )
        return check_delivery(
            answer.data, secret=self.credentials.secret, uuid=uuid,
            body_sha256=hashlib.sha256(body).hexdigest(),
            receipt_no=str(manifest.get("receipt_no", "")),
        )

    def status_updates(
        self, after: str | None, *, limit: int = 100
    ) -> tuple[list[StatusEvent], str | None]:
        """Status events for this station after ``after``; returns (events, next cursor)."""
        params = {"limit": str(limit)}
        if after:
            params["after"] = after
        answer = self._call("GET", "/v1/status-updates", params=params)
        return check_status_page(answer.data, limit=limit, after=after)

    def catalog(self, etag: str | None) -> tuple[dict[str, Any] | None, str | None]:
        """The catalog if it changed since ``etag``: (catalog, etag), or (None, etag) on 304."""
        headers = {"If-None-Match": etag} if etag else {}
        answer = self._call("GET", "/v1/catalog", headers=headers, limit=MAX_CATALOG_ANSWER)
        raw_etag = str(answer.headers.get("ETag") or "")
        new_etag = raw_etag if 0 < len(raw_etag) <= 256 and raw_etag.isprintable() else etag
        if answer.status == 304:
            return None, new_etag
        if answer.data is None:
            raise BadAnswer("catalog answer is not JSON")
        return check_catalog(answer.data), new_etag

    def put_evaluation(self, uuid: str, evaluation: dict[str, Any]) -> None:
        """Deliver a service evaluation (好差评); idempotent per uuid."""
        body = canonical_json(evaluation)
        self._call("PUT", f"/v1/evaluations/{_segment(uuid)}", body=body,
                   headers={"Content-Type": "application/json"})

    def heartbeat(self, info: dict[str, Any] | None = None) -> None:
        """Tell the platform this station is alive (optional free-form info)."""
        body = json.dumps(info or {}, ensure_ascii=False, sort_keys=True).encode("utf-8")
        station = _segment(self.credentials.station_id)
        self._call("POST", f"/v1/stations/{station}/heartbeat", body=body,
                   headers={"Content-Type": "application/json"})

    def station_submissions(
        self, after: str | None, *, limit: int = 100
    ) -> tuple[list[Any], str | None]:
        """P4: one page of what the platform holds for this station (raw entries, to be
        validated by the caller, ``yiwang recover``) and the next cursor (None: no more)."""
        params = {"limit": str(limit)}
        if after:
            params["after"] = after
        data = self._call("GET", "/v1/stations/me/submissions", params=params,
                          limit=MAX_CATALOG_ANSWER).data
        if not (isinstance(data, dict) and isinstance(data.get("submissions"), list)
                and len(data["submissions"]) <= limit):
            raise BadAnswer("malformed station-submissions answer")
        cursor = data.get("cursor")
        if cursor is not None and not (isinstance(cursor, str) and 0 < len(cursor) <= 200):
            raise BadAnswer("station-submissions cursor is malformed")
        return list(data["submissions"]), cursor


def _segment(value: str) -> str:
    return quote(value, safe="")

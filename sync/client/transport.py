"""One HTTP exchange with the platform, treating every byte of the answer as hostile.

- Only ``https://`` reaches a platform that is not on this machine
  (:func:`check_platform_url`); a CA bundle (``verify``) may pin the platform.
- Connect and read timeouts per socket operation, plus a total deadline for the
  body: a platform that drips its answer cannot hold a delivery forever.
- The body is streamed and read up to a cap (``limit``): a ``Content-Length`` over
  it is refused before reading, an endless or oversized body is cut at the cap.
  Either is a failed attempt (:class:`BadAnswer` ``too_large``), never held whole.
- An answer without ``X-Yiwang-Platform: 1`` (a captive portal, a proxy page) is
  never taken for the platform's.
- JSON is parsed strictly (``wire.canonical.loads_strict``): no NaN/Infinity, no
  duplicate keys, no absurd nesting.
"""

from __future__ import annotations

import ipaddress
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from sync.client.errors import (
    AuthError,
    BadAnswer,
    Conflict,
    InsecurePlatformURL,
    MissingBlobs,
    PermanentError,
    SyncError,
    TransientError,
    platform_words,
)
from wire.canonical import StrictJsonError, loads_strict
from wire.headers import ERROR_HEADER, PLATFORM_HEADER, PLATFORM_HEADER_VALUE

if TYPE_CHECKING:
    import requests

__all__ = [
    "DEFAULT_TIMEOUT",
    "MAX_JSON_ANSWER",
    "TOTAL_TIMEOUT",
    "Answer",
    "check_platform_url",
    "error_for",
    "exchange",
    "is_loopback_url",
    "parse_json",
    "retry_after_seconds",
]

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = (5.0, 30.0)  # (connect, read) per socket operation, seconds
TOTAL_TIMEOUT = 120.0  # the whole answer body, seconds
MAX_JSON_ANSWER = 1024 * 1024  # a JSON answer (status page, PUT answer, enrollment)
_READ_PIECE = 64 * 1024


def is_loopback_url(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_platform_url(url: str) -> None:
    """Refuse a platform URL that would send the station's traffic in clear text."""
    scheme = urlsplit(url).scheme.lower()
    if scheme == "https":
        return
    if scheme == "http" and is_loopback_url(url):
        return  # a reference platform on this machine (tests, demos)
    raise InsecurePlatformURL(
        f"platform URL {url!r} must use https:// (plain http:// only for a platform on "
        "this machine, 127.0.0.1/localhost)"
    )


@dataclass
class Answer:
    status: int
    headers: Any
    content: bytes
    data: Any = field(default=None)


def parse_json(content: bytes) -> Any:
    """The JSON value of ``content``, or None when it is not JSON as the protocol allows
    it (``wire.canonical.loads_strict``: finite numbers, unique keys, bounded nesting)."""
    try:
        return loads_strict(content)
    except StrictJsonError:
        return None


def retry_after_seconds(value: str | None, now: float) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value[:12])
    from email.utils import parsedate_to_datetime  # here: email is ~13 modules

    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return max(0.0, when.timestamp() - now)


def error_for(answer: Answer, now: float) -> SyncError:
    """Map a genuine platform answer with status >= 300 to an exception."""
    status = answer.status
    body = answer.data if isinstance(answer.data, dict) else {}
    # the code is branched on and shown: one plain line (a real code is plain ASCII)
    code = platform_words(str(body.get("error") or answer.headers.get(ERROR_HEADER) or ""),
                          limit=64)
    detail = body.get("detail")
    # a redirect is never followed (the signed request would go elsewhere) and is not a
    # refusal either: only a 4xx says the request itself is wrong (docs/protocol.md)
    if status >= 500 or status < 400 or status in (408, 425, 429):
        return TransientError(
            f"platform answered {status} {code}",
            status=status,
            code=code,
            retry_after=retry_after_seconds(answer.headers.get("Retry-After"), now),
        )
    if status in (401, 403):
        return AuthError(status, detail, code=code)
    if status == 409:
        offset_header = answer.headers.get("Upload-Offset") or ""
        offset = int(offset_header) if offset_header.isdigit() and len(offset_header) < 16 \
            else None
        return Conflict(detail, code=code or "conflict", offset=offset)
    if status == 422 and code == "missing_blobs":
        missing = detail.get("missing") if isinstance(detail, dict) else None
        if isinstance(missing, list):
            return MissingBlobs([str(s)[:64] for s in missing[:1000]])
    return PermanentError(status, detail, code=code)


def _read_capped(response: requests.Response, limit: int, deadline: float) -> bytes:
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        raise BadAnswer(f"answer of {declared} bytes is over the {limit}-byte limit",
                        code="too_large", status=response.status_code)
    body = bytearray()
    raw = response.raw
    while True:
        piece = raw.read1(_READ_PIECE, decode_content=True)
        if not piece:
            return bytes(body)
        body += piece
        if len(body) > limit:
            raise BadAnswer(f"answer longer than the {limit}-byte limit; stopped reading",
                            code="too_large", status=response.status_code)
        if time.monotonic() > deadline:
            raise TransientError("platform answer took longer than the total timeout",
                                 code="timeout", status=None)


def exchange(
    session: requests.Session,
    prepared: requests.PreparedRequest,
    *,
    timeout: tuple[float, float],
    total: float,
    limit: int,
    verify: bool | str,
    on_answer: Callable[[Any, float], None] | None,
    clock: Callable[[], float],
) -> Answer:
    """Send; map network failures, non-platform and oversized answers to TransientError.

    ``timeout`` bounds each socket operation; ``total`` the whole exchange, head and
    body (on a session with :class:`~sync.client.deadline.DeadlineAdapter` mounted;
    elsewhere the body only)."""
    # here, not at the top: requests and urllib3 load with the first exchange, after
    # a station's window is up (issues #12/#13, cold start)
    from sync.client.deadline import deadline

    prepared.headers["Accept-Encoding"] = "identity"
    with deadline(total) as cut:
        try:
            return _exchange(session, prepared, timeout=timeout, total=total, limit=limit,
                             verify=verify, on_answer=on_answer, clock=clock)
        except TransientError as exc:
            if cut.is_set():
                raise TransientError(f"platform did not answer within {total:.0f} s",
                                     code="timeout") from exc
            raise


def _exchange(
    session: requests.Session,
    prepared: requests.PreparedRequest,
    *,
    timeout: tuple[float, float],
    total: float,
    limit: int,
    verify: bool | str,
    on_answer: Callable[[Any, float], None] | None,
    clock: Callable[[], float],
) -> Answer:
    import requests
    import urllib3

    deadline_at = time.monotonic() + total
    try:
        response = session.send(prepared, timeout=timeout, verify=verify,
                                allow_redirects=False, stream=True)
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
    local_at = clock()
    try:
        if response.headers.get(PLATFORM_HEADER) != PLATFORM_HEADER_VALUE:
            raise TransientError(
                f"answer {response.status_code} did not come from the platform "
                "(captive portal or proxy?)",
                status=response.status_code,
                code="not_platform",
            )
        try:
            content = _read_capped(response, limit, deadline_at)
        except urllib3.exceptions.ReadTimeoutError as exc:  # stalled mid-body
            raise TransientError(f"platform answer stalled: {exc}", code="timeout") from exc
        except (urllib3.exceptions.HTTPError, requests.RequestException, OSError) as exc:
            raise TransientError(f"platform answer interrupted: {exc}", code="network") from exc
        if on_answer is not None:
            on_answer(response.headers, local_at)
        return Answer(response.status_code, response.headers, content, parse_json(content))
    finally:
        response.close()

"""What can go wrong talking to the platform, as the engine needs to tell it apart.

- :class:`TransientError`: try again later (no network, timeouts, 5xx, 408/425/429,
  a 3xx (never followed: a redirect is not a refusal), an answer that does not come
  from the platform at all, e.g. a captive portal, or
  one that breaks the protocol: too large, malformed, without a valid proof);
- :class:`AuthError`: 401/403 (enrollment revoked, bad secret);
- :class:`Conflict`: 409 (the same uuid was delivered with a different body);
- :class:`MissingBlobs`: 422 naming blobs the platform does not hold;
- :class:`PermanentError`: any other 4xx (the request itself is wrong).

``code`` is the platform's stable error code (branch on it); ``str(e)`` is English for
logs. What the platform said (its code and detail) enters ``str(e)`` only through
:func:`platform_words`: a hostile or broken platform must not put terminal escapes,
bidi overrides or a megabyte into the station's log lines and terminal.

They are :class:`coded_errors.CodedError`: no sentence for people is stored, the
front end and the command line word ``qualified_code`` ("platform_client.<kind>") at
display time in the reader's language (``ui_shared.error_sources.sync``).
"""

from __future__ import annotations

from typing import Any, ClassVar

from coded_errors import CodedError, Severity
from intake.display_text import display_text

__all__ = [
    "PLATFORM_WORDS_LIMIT",
    "AuthError",
    "BadAnswer",
    "Conflict",
    "InsecurePlatformURL",
    "MissingBlobs",
    "PermanentError",
    "SyncError",
    "TransientError",
    "platform_words",
]

#: Most characters of a platform's own words kept in an error message (and so a log line).
PLATFORM_WORDS_LIMIT = 300


def platform_words(value: Any, *, limit: int = PLATFORM_WORDS_LIMIT) -> str:
    """A platform's error code or detail as log text: controls shown as [ESC] and the
    like, invisible and reordering characters removed, capped at ``limit`` with "…"."""
    text = value if isinstance(value, str) else repr(value)
    return display_text(text, limit=limit)


class SyncError(CodedError):
    """Base of every client error; ``str(e)`` is English for logs.

    ``code`` stays the platform's own code (possibly empty), so the sentence is chosen
    by the class: ``kind`` names it, ``qualified_code`` is "platform_client.<kind>".
    """

    family: ClassVar[str] = "platform_client"
    kind: ClassVar[str] = "failed"

    def __init__(self, message: str, *, status: int | None = None, code: str = "") -> None:
        super().__init__(code, message, params={"status": status, "code": code or None})
        self.status = status

    @property
    def qualified_code(self) -> str:
        return f"{self.family}.{self.kind}"


class TransientError(SyncError):
    """Try again later; ``retry_after`` (seconds) when the platform said so."""

    kind: ClassVar[str] = "transient"
    default_severity: ClassVar[Severity] = Severity.WARNING

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


class BadAnswer(TransientError):
    """The platform's answer broke the protocol: larger than allowed (``too_large``),
    malformed (``bad_answer``) or without a valid delivery proof (``bad_proof``).
    Nothing of it was stored; the attempt failed and is retried later."""

    kind: ClassVar[str] = "bad_answer"

    def __init__(self, message: str, *, code: str = "bad_answer",
                 status: int | None = None) -> None:
        super().__init__(message, status=status, code=code)


class PermanentError(SyncError):
    """The platform refused the request itself; retrying the same request cannot help."""

    kind: ClassVar[str] = "refused"

    def __init__(self, status: int, detail: Any = None, *, code: str = "") -> None:
        super().__init__(f"platform answered {status} {platform_words(code, limit=64)}: "
                         f"{platform_words(detail)}", status=status, code=code)
        self.detail = detail


class AuthError(SyncError):
    """401/403: the station is not (or no longer) accepted by the platform."""

    kind: ClassVar[str] = "auth"

    def __init__(self, status: int, detail: Any = None, *, code: str = "") -> None:
        super().__init__(f"platform refused authentication ({status} "
                         f"{platform_words(code, limit=64)}): {platform_words(detail)}",
                         status=status, code=code)
        self.detail = detail


class Conflict(SyncError):
    """409: e.g. the uuid is already taken by a different body, or an upload offset moved."""

    kind: ClassVar[str] = "conflict"

    def __init__(self, detail: Any = None, *, code: str = "conflict",
                 offset: int | None = None) -> None:
        super().__init__(f"conflict ({platform_words(code, limit=64)}): "
                         f"{platform_words(detail)}", status=409, code=code)
        self.detail = detail
        self.offset = offset


class MissingBlobs(SyncError):
    """422 missing_blobs: the platform lacks these page blobs (upload them, then retry)."""

    kind: ClassVar[str] = "missing_blobs"
    default_severity: ClassVar[Severity] = Severity.INFO

    def __init__(self, shas: list[str]) -> None:
        super().__init__(f"platform is missing {len(shas)} blob(s)", status=422,
                         code="missing_blobs")
        self.shas = list(shas)


class InsecurePlatformURL(SyncError, ValueError):
    """A plain ``http://`` platform URL for a host that is not this machine."""

    kind: ClassVar[str] = "insecure_url"

    def __init__(self, message: str) -> None:
        super().__init__(message, code="insecure_url")

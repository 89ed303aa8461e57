"""What can go wrong talking to the platform, as the engine needs to tell it apart.

- :class:`TransientError`: try again later (no network, timeouts, 5xx, 408/425/429,
  an answer that does not come from the platform at all, e.g. a captive portal, or
  one that breaks the protocol: too large, malformed, without a valid proof);
- :class:`AuthError`: 401/403 (enrollment revoked, bad secret);
- :class:`Conflict`: 409 (the same uuid was delivered with a different body);
- :class:`MissingBlobs`: 422 naming blobs the platform does not hold;
- :class:`PermanentError`: any other 4xx (the request itself is wrong).

``code`` is stable (branch on it); ``str(e)`` is English for logs; ``message_zh`` is
kept for the command line's one-line messages.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "AuthError",
    "BadAnswer",
    "Conflict",
    "InsecurePlatformURL",
    "MissingBlobs",
    "PermanentError",
    "SyncError",
    "TransientError",
]


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


class BadAnswer(TransientError):
    """The platform's answer broke the protocol: larger than allowed (``too_large``),
    malformed (``bad_answer``) or without a valid delivery proof (``bad_proof``).
    Nothing of it was stored; the attempt failed and is retried later."""

    message_zh = "平台应答不符合协议，稍后自动重试"

    def __init__(self, message: str, *, code: str = "bad_answer",
                 status: int | None = None) -> None:
        super().__init__(message, status=status, code=code)


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


class InsecurePlatformURL(SyncError, ValueError):
    """A plain ``http://`` platform URL for a host that is not this machine."""

    message_zh = "平台地址必须以 https:// 开头（仅本机测试平台可用 http://）"

    def __init__(self, message: str) -> None:
        super().__init__(message, code="insecure_url")

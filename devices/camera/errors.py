"""Camera errors: a stable code and parameters (coded_errors); `str(e)` is English
for logs, and the front end words the code for people (ui_shared.error_text)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from coded_errors import CodedError, Param


class CameraError(CodedError):
    """The camera or the capture pipeline failed.

    Codes: "camera_error" (default), "camera_not_found", "camera_open_failed",
    "camera_closed", "camera_read_failed", "image_too_large" (``params["what"]``:
    "file" or "pixels"), "image_unreadable" (``params["variant"]``: "io" or "format"),
    "page_not_found".
    """

    family = "camera"
    default_code: ClassVar[str] = "camera_error"

    def __init__(
        self,
        message_en: str,
        *,
        code: str | None = None,
        params: Mapping[str, Param] | None = None,
    ) -> None:
        super().__init__(code or self.default_code, message_en, params=params)


class PageNotFound(CameraError):
    """No complete page in the frame (empty desk, page cut off by the frame edge, ...)."""

    default_code = "page_not_found"

    def __init__(self, message_en: str = "no complete page found") -> None:
        super().__init__(message_en)

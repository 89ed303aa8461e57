"""Camera errors: English `str(e)`, Chinese `message_zh` for the UI."""

from __future__ import annotations

from coded_errors import CodedError


class CameraError(CodedError):
    """The camera or the capture pipeline failed.

    A :class:`~coded_errors.CodedError`; ``message_zh`` still travels on the error
    until the camera's codes are worded by the front end.
    """

    family = "camera"
    default_code = "camera_error"
    default_zh = "高拍仪故障"

    def __init__(self, message_en: str, message_zh: str | None = None, *, code: str | None = None):
        super().__init__(code or self.default_code, message_en)
        self.message_en = message_en
        self.message_zh = message_zh if message_zh is not None else self.default_zh


class PageNotFound(CameraError):
    """No complete page in the frame (empty desk, page cut off by the frame edge, ...)."""

    default_code = "page_not_found"
    default_zh = "未检测到完整页面"

    def __init__(self, message_en: str = "no complete page found", message_zh: str | None = None):
        super().__init__(message_en, message_zh)

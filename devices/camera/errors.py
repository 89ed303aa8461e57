"""Camera errors: English `str(e)`, Chinese `message_zh` for the UI."""

from __future__ import annotations


class CameraError(Exception):
    """The camera or the capture pipeline failed; `message_zh` is shown to the person."""

    code = "camera_error"
    default_zh = "高拍仪故障"

    def __init__(self, message_en: str, message_zh: str | None = None, *, code: str | None = None):
        super().__init__(message_en)
        self.message_en = message_en
        self.message_zh = message_zh if message_zh is not None else self.default_zh
        if code is not None:
            self.code = code


class PageNotFound(CameraError):
    """No complete page in the frame (empty desk, page cut off by the frame edge, ...)."""

    code = "page_not_found"
    default_zh = "未检测到完整页面"

    def __init__(self, message_en: str = "no complete page found", message_zh: str | None = None):
        super().__init__(message_en, message_zh)

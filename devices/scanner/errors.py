"""Scanner errors: English `str(e)` for logs, Chinese `message_zh` for the UI."""

from __future__ import annotations

__all__ = ["ScannerError"]


class ScannerError(Exception):
    """A code scanner could not be opened or stopped working.

    `code` is stable for programs: "open_failed", "permission_denied", "not_found",
    "grab_failed", "busy", "disconnected", "bad_spec".
    """

    def __init__(self, code: str, message_zh: str, message_en: str) -> None:
        super().__init__(message_en)
        self.code = code
        self.message_zh = message_zh
        self.message_en = message_en

    def __str__(self) -> str:
        return self.message_en

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, message_en={self.message_en!r})"

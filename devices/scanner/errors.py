"""Scanner errors: a stable code and parameters (coded_errors); `str(e)` is English
for logs, and the front end words the code for people (ui_shared.error_text)."""

from __future__ import annotations

from coded_errors import CodedError

__all__ = ["ScannerError"]


class ScannerError(CodedError):
    """A code scanner could not be opened or stopped working.

    `code` is stable for programs: "open_failed", "permission_denied", "not_found",
    "grab_failed", "busy", "disconnected", "bad_spec"; `params["device"]` names the
    device or port when there is one.
    """

    family = "scanner"

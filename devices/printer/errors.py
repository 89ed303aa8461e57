"""Printer errors: a stable code and parameters (coded_errors); `str(e)` is English
for logs, and the front end words the code for people (ui_shared.error_text)."""

from __future__ import annotations

from coded_errors import CodedError


class PrinterError(CodedError):
    """A receipt could not be printed (or the printer could not be asked).

    `code` is stable for programs ("not_connected", "paper_out", "cover_open",
    "offline", "hardware_error", "io", "bad_target", "no_font", "unsupported").
    """

    family = "printer"

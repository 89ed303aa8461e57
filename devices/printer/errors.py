"""Printer errors: English for logs, Chinese (`message_zh`) for the UI."""

from __future__ import annotations


class PrinterError(Exception):
    """A receipt could not be printed (or the printer could not be asked).

    `code` is stable for programs ("not_connected", "paper_out", "cover_open",
    "offline", "hardware_error", "io", "bad_target", "no_font", "unsupported").
    """

    def __init__(self, code: str, message_zh: str, message_en: str) -> None:
        super().__init__(message_en)
        self.code = code
        self.message_zh = message_zh
        self.message_en = message_en

    def __str__(self) -> str:
        return self.message_en

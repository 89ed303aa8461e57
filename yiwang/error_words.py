"""The command line's Chinese sentence for a failure, worded from its code.

Errors carry a code and parameters (``coded_errors.CodedError``), never a sentence;
the command line prints "<command>: <Chinese> (<English>)" (``sync.exit_codes.one_line``)
and words the code here, with the same catalog as the UI (``ui_shared.error_text``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from coded_errors import CodedError, Param
from ui_shared.error_text import code_text, error_text

__all__ = ["english_text", "technician_text", "verdict_text"]


def technician_text(error: BaseException) -> str:
    """The Chinese sentence for `error`, or "" when it is not one of ours."""
    reason = getattr(error, "reason", None)  # station.context.StationUnavailable wraps one
    if isinstance(reason, BaseException):
        return technician_text(reason)
    if isinstance(error, CodedError):
        return code_text(error.qualified_code, error.params) or ""
    if isinstance(error, OSError):  # the file system said no: permissions, space, I/O
        return code_text("storage.data_dir_unusable") or ""
    return ""


class _Verdict(Protocol):
    @property
    def qualified_code(self) -> str: ...
    @property
    def words(self) -> Mapping[str, Param]: ...
    @property
    def detail_en(self) -> str: ...


def verdict_text(verdict: _Verdict) -> str:
    """The Chinese sentence for a check's verdict that carries a code and its words
    (``station.printer_target_check.TargetVerdict``), else its English detail."""
    return code_text(verdict.qualified_code, verdict.words) or verdict.detail_en


def english_text(error: BaseException) -> str:
    """The English sentence for `error` (the English window, the log)."""
    reason = getattr(error, "reason", None)
    if isinstance(reason, BaseException):
        return english_text(reason)
    if isinstance(error, OSError) and not isinstance(error, CodedError):
        return code_text("storage.data_dir_unusable", english=True) or str(error)
    return error_text(error, english=True)

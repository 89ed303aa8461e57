"""One error model for every layer: a stable code, parameters and a severity.

A :class:`CodedError` says *what* went wrong (``code``, stable for programs, tests
and exit codes) and *with what* (``params``: short scalars such as a port or a
file name); ``str(error)`` is an English technical line for logs. It carries no
sentence for people: the front end words one from the code at display time in
the reader's language (``ui_shared.messages.error_text``), the same way sync
problems (``sync.problems``) are stored as code + parameters and worded there.

The package sits below every other one of ours and imports only the standard
library, so the domain (``intake``) and the drivers (``devices``) may raise these
errors without depending on anything else.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import ClassVar, Final

__all__ = ["PARAM_CHARS", "CodedError", "Param", "Severity"]

Param = str | int | float | None
#: cap on one parameter's text (an exception text or a path can be long)
PARAM_CHARS: Final = 300


class Severity(StrEnum):
    """How the front end presents it: a note, a warning, or a failure to act on."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


class CodedError(Exception):
    """Base of the errors our layers raise for people to read.

    ``family`` groups the codes of one package ("printer", "idcard", "intake", ...)
    so that ``qualified_code`` ("printer.paper_out") is unique across the product.
    """

    family: ClassVar[str] = ""
    default_severity: ClassVar[Severity] = Severity.ERROR

    def __init__(
        self,
        code: str,
        detail_en: str = "",
        *,
        params: Mapping[str, Param] | None = None,
        severity: Severity | None = None,
    ) -> None:
        super().__init__(detail_en or code)
        self.code = code
        self.params: Mapping[str, Param] = _capped(params or {})
        self.severity = severity or self.default_severity

    @property
    def qualified_code(self) -> str:
        return f"{self.family}.{self.code}" if self.family else self.code

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else self.code

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, params={dict(self.params)!r})"


def _capped(params: Mapping[str, Param]) -> dict[str, Param]:
    clean: dict[str, Param] = {}
    for key, value in params.items():
        if isinstance(value, str) and len(value) > PARAM_CHARS:
            value = value[:PARAM_CHARS] + "…"
        clean[key] = value
    return clean

"""Domain errors.

Every error carries a stable machine code (for logs, tests and the platform),
a Chinese message the window can show to the citizen or clerk as-is, and an
English message for logs. ``str(error)`` is the English message (the one
argument given to ``Exception``) so that log lines stay English, as the project
convention requires.
"""

from __future__ import annotations

from coded_errors import CodedError

__all__ = [
    "ApplicantMismatch",
    "CatalogError",
    "DraftError",
    "IntakeError",
    "InvalidApplicant",
    "InvalidCreditCode",
    "InvalidIdNumber",
    "InvalidManifest",
    "InvalidReceiptNumber",
    "UnknownItem",
    "UnknownMaterial",
]


class IntakeError(CodedError):
    """Base class of every error raised by the intake domain.

    A :class:`~coded_errors.CodedError` (code, parameters, severity). Its sentences
    still travel on the error (``message_zh``, ``message_en``) until the intake
    codes are worded by the front end like the printer's and the scanner's are.
    """

    family = "intake"

    def __init__(self, code: str, message_zh: str, message_en: str) -> None:
        super().__init__(code, message_en)
        self.message_zh = message_zh
        self.message_en = message_en

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, message_en={self.message_en!r})"


class InvalidIdNumber(IntakeError):
    """A resident ID number (居民身份证号码) failed validation."""


class InvalidCreditCode(IntakeError):
    """A unified social credit code (统一社会信用代码) failed validation."""


class InvalidApplicant(IntakeError):
    """Applicant data is malformed (e.g. an empty name or a bad applicant dict)."""


class ApplicantMismatch(IntakeError):
    """The applicant's kind does not fit the service item's entrance."""


class CatalogError(IntakeError):
    """The service catalog data is malformed or inconsistent."""


class UnknownItem(IntakeError):
    """No service item with the requested code exists in the catalog."""


class UnknownMaterial(IntakeError):
    """The service item has no material with the requested code."""


class DraftError(IntakeError):
    """An operation on a draft submission is not allowed (duplicate page, incomplete...)."""


class InvalidManifest(IntakeError):
    """A submission or its manifest is malformed."""


class InvalidReceiptNumber(IntakeError):
    """A receipt number (受理编号) is malformed or cannot be formatted."""

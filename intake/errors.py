"""Domain errors.

Every error carries a stable machine code (for logs, tests and the platform), its
parameters and a severity (:class:`~coded_errors.CodedError`); ``str(error)`` is an
English technical detail for logs. No sentence for people travels on the error: the
front end words the qualified code ("intake.id.check_digit") at display time
(``ui_shared.error_text``). A ``variant`` parameter picks one of several sentences of
one code ("intake.id.birth_date[future]").
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
    """Base class of every error raised by the intake domain (family "intake")."""

    family = "intake"


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

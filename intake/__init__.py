"""Pure intake domain: identity numbers, applicants, the service catalog, submissions.

No I/O, no Qt, nothing else of ours (enforced by import-linter), so every rule
here is testable in isolation and reusable by the clerk station, kiosk and sync.
"""

from intake.applicant import (
    Applicant,
    LegalEntity,
    Person,
    applicant_from_dict,
    applicant_to_dict,
    validate_applicant,
)
from intake.catalog import Catalog, Entrance, Material, ServiceItem
from intake.errors import (
    ApplicantMismatch,
    CatalogError,
    DraftError,
    IntakeError,
    InvalidApplicant,
    InvalidCreditCode,
    InvalidIdNumber,
    InvalidManifest,
    InvalidReceiptNumber,
    UnknownItem,
    UnknownMaterial,
)
from intake.identity import (
    ResidentId,
    mask_id_number,
    mask_name,
    resident_id_check_digit,
    uscc_check_char,
    validate_credit_code,
    validate_resident_id,
)
from intake.receipt_number import format_receipt_no, parse_receipt_no
from intake.submission import (
    CapturedMaterial,
    Channel,
    Draft,
    Submission,
    check_applicant_for_item,
    missing_materials,
)

__all__ = [
    "Applicant",
    "ApplicantMismatch",
    "CapturedMaterial",
    "Catalog",
    "CatalogError",
    "Channel",
    "Draft",
    "DraftError",
    "Entrance",
    "IntakeError",
    "InvalidApplicant",
    "InvalidCreditCode",
    "InvalidIdNumber",
    "InvalidManifest",
    "InvalidReceiptNumber",
    "LegalEntity",
    "Material",
    "Person",
    "ResidentId",
    "ServiceItem",
    "Submission",
    "UnknownItem",
    "UnknownMaterial",
    "applicant_from_dict",
    "applicant_to_dict",
    "check_applicant_for_item",
    "format_receipt_no",
    "mask_id_number",
    "mask_name",
    "missing_materials",
    "parse_receipt_no",
    "resident_id_check_digit",
    "uscc_check_char",
    "validate_applicant",
    "validate_credit_code",
    "validate_resident_id",
]

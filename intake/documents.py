"""Identity documents other than the resident ID card, and contact numbers.

A township window identifies people who hold no card or whose card will not
read: a child by the household register (户口簿, which carries the child's
resident ID number) or, before registration, by the birth certificate
(出生医学证明); a foreigner by the permanent residence ID card; residents of
Hong Kong, Macao and Taiwan by their residence permit (居住证, resident-format
number) or their travel permit (回乡证 / 台胞证). ``validate_document`` checks a
number typed by a clerk for the kind chosen; ``validate_mobile`` a mainland
mobile number for the department to call back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from intake.errors import InvalidApplicant, InvalidIdNumber
from intake.identity import resident_id_check_digit, validate_resident_id

__all__ = [
    "DOCUMENT_KINDS",
    "DocumentKind",
    "document_kind",
    "mask_mobile",
    "validate_document",
    "validate_mobile",
]


@dataclass(frozen=True)
class DocumentKind:
    code: str  # what Person.id_kind holds
    name_zh: str
    name_en: str
    #: the number follows GB 11643 (18 characters, MOD 11-2 check digit)
    resident_format: bool


DOCUMENT_KINDS: tuple[DocumentKind, ...] = (
    DocumentKind("resident", "居民身份证", "Resident ID card", True),
    DocumentKind("household_register", "居民户口簿", "Household register", True),
    DocumentKind("birth_certificate", "出生医学证明", "Birth certificate", False),
    DocumentKind(
        "foreign_permanent", "外国人永久居留身份证", "Foreign permanent residence ID", False
    ),
    DocumentKind(
        "hk_macao_taiwan_permit", "港澳台居民居住证", "HK/Macao/Taiwan residence permit", True
    ),
    DocumentKind("hk_macao_travel", "港澳居民来往内地通行证", "HK/Macao travel permit", False),
    DocumentKind("taiwan_travel", "台湾居民来往大陆通行证", "Taiwan travel permit", False),
)
_BY_CODE = {k.code: k for k in DOCUMENT_KINDS}

_BIRTH_CERT = re.compile(r"[A-Z][0-9]{9}")
_FOREIGN_2017 = re.compile(r"[A-Z]{3}[0-9]{12}")  # nationality code + 12 digits
_FOREIGN_2023 = re.compile(r"9[0-9]{16}[0-9X]")  # resident format, leading 9
_HK_MACAO = re.compile(r"[HM][0-9]{8}([0-9]{2})?")
_TAIWAN = re.compile(r"[0-9]{8}")
_HMT_REGIONS = ("810000", "820000", "830000")
_MOBILE = re.compile(r"1[3-9][0-9]{9}")


def document_kind(code: str) -> DocumentKind:
    try:
        return _BY_CODE[code]
    except KeyError:
        raise InvalidApplicant(
            "applicant.id_kind", f"unknown document kind {code!r}",
        ) from None


def _bad(kind: DocumentKind, example: str) -> InvalidIdNumber:
    return InvalidIdNumber(
        "id.format",
        f"{kind.name_en} number has the wrong format (e.g. {example})",
        params={"kind": kind.code, "example": example},
    )


def validate_document(code: str, number: str, *, today: date | None = None) -> str:
    """The number normalised (upper case, no spaces) or an ``IntakeError`` saying what is wrong."""
    kind = document_kind(code)
    text = re.sub(r"[\s-]", "", number).upper()
    if kind.resident_format:
        normalised = validate_resident_id(text, today=today).number
        if code == "hk_macao_taiwan_permit" and not normalised.startswith(_HMT_REGIONS):
            raise InvalidIdNumber(
                "id.hmt_region",
                "an HK/Macao/Taiwan residence permit number starts with 810000/820000/830000",
            )
        return normalised
    if code == "birth_certificate":
        if not _BIRTH_CERT.fullmatch(text):
            raise _bad(kind, "P440123456")
        return text
    if code == "foreign_permanent":
        if _FOREIGN_2017.fullmatch(text):
            return text
        if _FOREIGN_2023.fullmatch(text):
            if text[17] != resident_id_check_digit(text[:17]):
                raise InvalidIdNumber(
                    "id.check_digit",
                    "foreign permanent residence ID check digit is wrong",
                    params={"variant": "foreign"},
                )
            return text
        raise _bad(kind, "GBR110085031201")
    if code == "hk_macao_travel":
        if not _HK_MACAO.fullmatch(text):
            raise _bad(kind, "H12345678")
        return text
    if not _TAIWAN.fullmatch(text):
        raise _bad(kind, "12345678")
    return text


def validate_mobile(number: str) -> str:
    """A mainland mobile number as 11 digits (spaces, dashes and +86 allowed when typed)."""
    text = re.sub(r"[\s-]", "", number)
    if text.startswith("+86"):
        text = text[3:]
    elif text.startswith("0086"):
        text = text[4:]
    if not _MOBILE.fullmatch(text):
        raise InvalidApplicant(
            "applicant.mobile",
            "a mobile number has 11 digits, starting with 1 and then 3 to 9",
        )
    return text


def mask_mobile(number: str) -> str:
    """``138****5678``: enough for the citizen to recognise, not to call."""
    return number[:3] + "****" + number[-4:] if len(number) == 11 else "*" * len(number)

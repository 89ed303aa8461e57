"""Identity numbers: resident ID (GB 11643-1999) and unified social credit code (GB 32100-2015).

Validation here is about the *shape* of a number, the check character and the
embedded birth date. It cannot prove that a number was ever issued; the
platform's back office does that against the population and registration
databases. Catching typos at the window is what matters here, because a
mistyped number is otherwise only discovered days later by the department.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from gbcodes.gb11643 import check_char
from intake.errors import InvalidCreditCode, InvalidIdNumber

__all__ = [
    "USCC_CHARSET",
    "ResidentId",
    "mask_address",
    "mask_id_number",
    "mask_name",
    "resident_id_check_digit",
    "uscc_check_char",
    "validate_credit_code",
    "validate_resident_id",
]

_ID_SHAPE = re.compile(r"[0-9]{17}[0-9X]")
_EARLIEST_BIRTH = date(1900, 1, 1)

USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_VALUES = {ch: i for i, ch in enumerate(USCC_CHARSET)}
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

# GB 32100-2015 table 1 plus the later allocations (A: 中央军委改革和编制办公室,
# N: 农业农村 for rural collective economic organisations). Each registration
# authority may only issue its own institution-type codes.
_USCC_TYPES: dict[str, str] = {
    "1": "1239",  # 机构编制：机关、事业单位、中央编办直接管理的群众团体、其他
    "2": "19",  # 外交：外国常驻新闻机构、其他
    "3": "123459",  # 司法行政：律所、公证处、基层法律服务所、司法鉴定机构、仲裁委员会、其他
    "4": "19",  # 文化：外国在华文化中心、其他
    "5": "1239",  # 民政：社会团体、民办非企业单位、基金会、其他
    "6": "129",  # 旅游：外国及港澳台旅游部门常驻代表机构、其他
    "7": "129",  # 宗教：宗教活动场所、宗教院校、其他
    "8": "19",  # 工会：基层工会、其他
    "9": "123",  # 工商（市场监管）：企业、个体工商户、农民专业合作社
    "A": "19",  # 中央军委改革和编制办公室：军队事业单位、其他
    "N": "1239",  # 农业农村：组级、村级、乡镇级集体经济组织、其他
    "Y": "1",  # 其他
}


@dataclass(frozen=True, slots=True)
class ResidentId:
    """A validated 18-character resident ID number and what it encodes."""

    number: str
    region_code: str
    birth_date: date
    gender: str  # '男' or '女'

    def age_on(self, day: date) -> int:
        """Age in completed years on ``day`` (e.g. for the 80-plus longevity allowance)."""
        years = day.year - self.birth_date.year
        if (day.month, day.day) < (self.birth_date.month, self.birth_date.day):
            years -= 1
        return years


def _normalise(text: str) -> str:
    # Numbers arrive from keyboards, OCR and copy-paste: surrounding blanks and a
    # lowercase check letter are harmless and are accepted, anything else is not.
    return text.strip().upper()


def resident_id_check_digit(first17: str) -> str:
    """Return the GB 11643-1999 (ISO 7064 MOD 11-2) check character for 17 digits."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise InvalidIdNumber(
            "id.first17",
            "the first 17 characters of a resident ID number must be 17 digits",
        )
    return check_char(first17)


def validate_resident_id(number: str, *, today: date | None = None) -> ResidentId:
    """Validate a resident ID number; return it normalised (upper-case X) with its parts.

    ``today`` is injectable so that the "birth date in the future" rule is testable.
    """
    normalised = _normalise(number)
    if len(normalised) != 18:
        raise InvalidIdNumber(
            "id.length",
            f"a resident ID number has 18 characters, got {len(normalised)}",
            params={"length": len(normalised)},
        )
    if _ID_SHAPE.fullmatch(normalised) is None:  # [0-9] matches ASCII digits only
        raise InvalidIdNumber(
            "id.charset",
            "a resident ID number is 17 digits followed by a digit or X",
        )
    region_code = normalised[:6]
    if region_code[0] not in "12345678":
        raise InvalidIdNumber(
            "id.region",
            f"invalid region code {region_code!r} in resident ID number",
        )
    birth_date = _parse_birth_date(normalised[6:14], today or date.today())
    expected = resident_id_check_digit(normalised[:17])
    if normalised[17] != expected:
        raise InvalidIdNumber(
            "id.check_digit",
            "resident ID number check digit is wrong",
        )
    gender = "男" if int(normalised[16]) % 2 == 1 else "女"
    return ResidentId(
        number=normalised, region_code=region_code, birth_date=birth_date, gender=gender
    )


def _parse_birth_date(digits: str, today: date) -> date:
    try:
        birth = date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise InvalidIdNumber(
            "id.birth_date",
            f"resident ID number contains an invalid birth date {digits!r}",
        ) from None
    if birth > today:
        raise InvalidIdNumber(
            "id.birth_date",
            f"resident ID number birth date {birth.isoformat()} is in the future",
            params={"variant": "future"},
        )
    if birth < _EARLIEST_BIRTH:
        raise InvalidIdNumber(
            "id.birth_date",
            f"resident ID number birth date {birth.isoformat()} is before 1900",
            params={"variant": "before_1900"},
        )
    return birth


def uscc_check_char(first17: str) -> str:
    """Return the GB 32100-2015 (MOD 31) check character for the first 17 characters."""
    if len(first17) != 17 or any(ch not in _USCC_VALUES for ch in first17):
        raise InvalidCreditCode(
            "uscc.first17",
            f"the first 17 characters of a credit code must come from the charset {USCC_CHARSET}",
        )
    total = sum(_USCC_VALUES[ch] * w for ch, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return USCC_CHARSET[(31 - total % 31) % 31]


def validate_credit_code(code: str) -> str:
    """Validate a unified social credit code; return it normalised to upper case."""
    normalised = _normalise(code)
    if len(normalised) != 18:
        raise InvalidCreditCode(
            "uscc.length",
            f"a unified social credit code has 18 characters, got {len(normalised)}",
            params={"length": len(normalised)},
        )
    bad = sorted({ch for ch in normalised if ch not in _USCC_VALUES})
    if bad:
        # I, O, Z, S and V are excluded by the standard because they are easily
        # confused with 1, 0, 2, 5 and U; saying which character is wrong helps.
        raise InvalidCreditCode(
            "uscc.charset",
            f"unified social credit code contains invalid characters {''.join(bad)!r}",
            params={"chars": "".join(bad)},
        )
    authority, kind = normalised[0], normalised[1]
    if authority not in _USCC_TYPES:
        raise InvalidCreditCode(
            "uscc.authority",
            f"invalid registration authority code {authority!r} in credit code",
        )
    if kind not in _USCC_TYPES[authority]:
        raise InvalidCreditCode(
            "uscc.type",
            f"invalid institution type code {kind!r} for authority {authority!r}",
        )
    if not normalised[2:8].isdigit():
        raise InvalidCreditCode(
            "uscc.region",
            "characters 3-8 of a credit code (region code) must be digits",
        )
    if normalised[17] != uscc_check_char(normalised[:17]):
        raise InvalidCreditCode(
            "uscc.check_char",
            "unified social credit code check character is wrong",
        )
    return normalised


def mask_id_number(number: str) -> str:
    """Mask an ID number for display and print: ``1101**********123X``.

    An 18-character number keeps its first 4 and last 4 characters. Shorter
    numbers (passports, some permits) keep at most a quarter at each end, so
    that a mask never reveals most of a short number.
    """
    text = number.strip()
    keep = min(4, len(text) // 4)
    if keep == 0:
        return "*" * len(text)
    return text[:keep] + "*" * (len(text) - 2 * keep) + text[-keep:]


def mask_name(name: str) -> str:
    """Mask a personal name, keeping only the first character: ``张*``, ``欧**``."""
    text = name.strip()
    if not text:
        return ""
    return text[0] + "*" * (len(text) - 1)


def mask_address(address: str, keep: int = 6) -> str:
    """Keep the first characters (province, county), hide the rest: ``北京市朝阳区****``."""
    text = address.strip()
    return text[:keep] + "****" if len(text) > keep else text

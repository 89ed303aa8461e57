"""Card data read from a second-generation ID card (and its relatives).

The reader answers a basic read (30 01) with two big-endian lengths and two
blocks: a 256-byte text block (UCS-2 little-endian, space padded) and a
1024-byte photo (WLT, a proprietary codec; kept as raw bytes). The card-type
flag sits at byte 248 of the text block:

- space / NUL: 居民身份证 (resident identity card)
- ``J``: 港澳台居民居住证 (residence permit for Hong Kong, Macao and Taiwan residents)
- ``I``: 外国人永久居留身份证, 2017 edition
- ``Y``: 外国人永久居留身份证, 2023 edition

See ``docs/devices/idcard.md`` for the byte layouts implemented here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from devices.idcard.errors import CardDataError
from devices.idcard.text_layout import (
    LAYOUTS,
    TEXT_BLOCK_SIZE,
    TYPE_FLAG,
    CardType,
    raw_field,
    read_field,
    read_fields,
    write_fields,
)
from gbcodes.gb11643 import check_char

__all__ = [
    "GENDERS",
    "LONG_TERM",
    "NATIONS",
    "TEXT_BLOCK_SIZE",
    "CardType",
    "IdCardData",
    "encode_basic_read",
    "encode_fingerprint_read",
    "encode_text_block",
    "gender_code",
    "id_check_digit",
    "id_number_valid",
    "nation_code",
    "parse_basic_read",
    "parse_fingerprint_read",
    "parse_text_block",
    "split_blocks",
]

LONG_TERM = "长期"

_TYPE_BY_FLAG: dict[str, CardType] = {
    "J": CardType.HMT_RESIDENCE,
    "I": CardType.FOREIGN_PERMANENT,
    "Y": CardType.FOREIGN_PERMANENT_2023,
}
_FLAG_BY_TYPE: dict[CardType, str] = {v: k for k, v in _TYPE_BY_FLAG.items()}

#: GB/T 2261.1-2003 human sexes
GENDERS: dict[str, str] = {"0": "未知", "1": "男", "2": "女", "9": "未说明"}

#: GB 3304-1991 names of China's nationalities (as printed on the card, without 族)
NATIONS: dict[str, str] = {
    "01": "汉",
    "02": "蒙古",
    "03": "回",
    "04": "藏",
    "05": "维吾尔",
    "06": "苗",
    "07": "彝",
    "08": "壮",
    "09": "布依",
    "10": "朝鲜",
    "11": "满",
    "12": "侗",
    "13": "瑶",
    "14": "白",
    "15": "土家",
    "16": "哈尼",
    "17": "哈萨克",
    "18": "傣",
    "19": "黎",
    "20": "傈僳",
    "21": "佤",
    "22": "畲",
    "23": "高山",
    "24": "拉祜",
    "25": "水",
    "26": "东乡",
    "27": "纳西",
    "28": "景颇",
    "29": "柯尔克孜",
    "30": "土",
    "31": "达斡尔",
    "32": "仫佬",
    "33": "羌",
    "34": "布朗",
    "35": "撒拉",
    "36": "毛南",
    "37": "仡佬",
    "38": "锡伯",
    "39": "阿昌",
    "40": "普米",
    "41": "塔吉克",
    "42": "怒",
    "43": "乌孜别克",
    "44": "俄罗斯",
    "45": "鄂温克",
    "46": "德昂",
    "47": "保安",
    "48": "裕固",
    "49": "京",
    "50": "塔塔尔",
    "51": "独龙",
    "52": "鄂伦春",
    "53": "赫哲",
    "54": "门巴",
    "55": "珞巴",
    "56": "基诺",
    "97": "其他",
    "98": "外国血统中国籍人士",
}
_GENDER_CODES = {v: k for k, v in GENDERS.items()}
_NATION_CODES = {v: k for k, v in NATIONS.items()}

def id_check_digit(first17: str) -> str:
    """GB 11643-1999 (ISO 7064 MOD 11-2) check character for 17 digits; ValueError else."""
    return check_char(first17)


def id_number_valid(number: str) -> bool:
    """True when ``number`` is 18 characters with a correct MOD 11-2 check character."""
    if len(number) != 18:
        return False
    try:
        return id_check_digit(number[:17]) == number[17].upper()
    except ValueError:
        return False


def gender_code(gender: str) -> str:
    """The GB/T 2261.1 code for a gender name ('男' -> '1'); codes pass through."""
    if gender in GENDERS:
        return gender
    try:
        return _GENDER_CODES[gender]
    except KeyError:
        raise ValueError(f"unknown gender {gender!r}") from None


def nation_code(nation: str) -> str:
    """The GB 3304 code for a nationality name ('汉' or '汉族' -> '01'); codes pass through."""
    if nation in NATIONS:
        return nation
    name = nation.removesuffix("族") if nation not in _NATION_CODES else nation
    try:
        return _NATION_CODES[name]
    except KeyError:
        raise ValueError(f"unknown nation {nation!r}") from None


@dataclass(frozen=True)
class IdCardData:
    """What a card holds. Plain data; the UI maps it into its own types.

    For foreign permanent residence cards ``name`` is the Chinese name when the
    card has one, else the English name; ``nation`` and ``address`` are empty.
    ``valid_until`` is None for 长期 (long-term) cards.
    """

    name: str
    gender: str
    nation: str
    birth_date: date
    address: str
    id_number: str
    issuer: str
    valid_from: date
    valid_until: date | None
    card_type: str = CardType.RESIDENT
    photo_wlt: bytes = field(default=b"", repr=False)
    #: I / Y cards: the English name (both halves joined for Y)
    english_name: str = ""
    #: I / Y cards: ISO 3166-1 alpha-3 country or region code
    nationality: str = ""
    #: J cards: number of the 港澳/台湾 travel permit (通行证号码)
    pass_number: str = ""
    #: J cards: 签发次数; Y cards: 换证次数
    issue_count: str = ""
    #: I cards: 证件版本号
    card_version: str = ""
    #: I cards: 当次申请受理机关代码
    authority_code: str = ""
    #: raw fingerprint block from a 30 10 read (empty otherwise)
    fingerprint: bytes = field(default=b"", repr=False)

    def __repr__(self) -> str:  # never put personal data into logs by accident
        masked = self.id_number[:4] + "*" * max(0, len(self.id_number) - 8) + self.id_number[-4:]
        return f"IdCardData(card_type={str(self.card_type)!r}, id_number={masked!r})"

    @property
    def long_term(self) -> bool:
        return self.valid_until is None

    @property
    def id_number_valid(self) -> bool:
        """Check character verified (MOD 11-2) for 18-character numbers.

        The 15-character numbers of 2017 foreign permanent residence cards
        have no published public check scheme; they are only checked for shape.
        """
        if self.card_type == CardType.FOREIGN_PERMANENT:
            return len(self.id_number) == 15 and self.id_number.isalnum()
        return id_number_valid(self.id_number)

    def is_expired(self, today: date) -> bool:
        """True once ``today`` is after the last valid day (长期 never expires)."""
        return self.valid_until is not None and today > self.valid_until

    def is_valid_on(self, today: date) -> bool:
        """Inside the validity period (first and last day inclusive)."""
        return self.valid_from <= today and not self.is_expired(today)

    @property
    def gender_code(self) -> str:
        return gender_code(self.gender)

    @property
    def nation_code(self) -> str:
        return nation_code(self.nation) if self.nation else ""


# --- decoding -----------------------------------------------------------------


def split_blocks(data: bytes, count: int) -> list[bytes]:
    """Split ``count`` big-endian 2-byte lengths followed by the blocks they describe."""
    head = 2 * count
    if len(data) < head:
        raise CardDataError(f"need {head} length bytes, got {len(data)}", code="card_data_header")
    lengths = [int.from_bytes(data[2 * i : 2 * i + 2], "big") for i in range(count)]
    if head + sum(lengths) > len(data):
        raise CardDataError(
            f"length fields {lengths} need {head + sum(lengths)} bytes, got {len(data)}",
            code="card_data_length",
        )
    blocks = []
    pos = head
    for n in lengths:
        blocks.append(bytes(data[pos : pos + n]))
        pos += n
    return blocks


def _english_name_2023(block: bytes) -> str:
    """Y cards split the English name: characters 1-35, then 36-46 further on."""
    layout = LAYOUTS[CardType.FOREIGN_PERMANENT_2023]
    first = raw_field(block, layout["english_name"])
    rest = raw_field(block, layout["english_name_rest"]).rstrip(" \x00")
    if rest:  # the first part is full; a space at the split is significant
        return first.lstrip(" \x00") + rest
    return first.strip(" \x00")


def _date(value: str, field: str) -> date:
    what = field.replace("_", " ")
    if len(value) != 8 or not value.isascii() or not value.isdigit():
        raise CardDataError(
            f"{what} {value!r} is not YYYYMMDD", code="card_date_format", params={"field": field}
        )
    try:
        return date(int(value[:4]), int(value[4:6]), int(value[6:]))
    except ValueError:
        raise CardDataError(
            f"{what} {value!r} is not a date", code="card_date_invalid", params={"field": field}
        ) from None


def _until(value: str) -> date | None:
    if value == LONG_TERM:
        return None
    return _date(value, "valid_until")


def _card_type(block: bytes) -> CardType:
    flag = read_field(block, TYPE_FLAG)
    if flag == "":
        return CardType.RESIDENT
    try:
        return _TYPE_BY_FLAG[flag]
    except KeyError:
        raise CardDataError(
            f"unsupported card type flag {flag!r}",
            code="card_type_unsupported",
            params={"flag": flag},
        ) from None


def _gender(code: str) -> str:
    return GENDERS.get(code, code)


def parse_text_block(
    text: bytes, photo: bytes = b"", fingerprint: bytes = b"", *, validate: bool = True
) -> IdCardData:
    """Decode a text block (any of the four layouts) into :class:`IdCardData`."""
    block = bytes(text).ljust(TEXT_BLOCK_SIZE, b"\x00")
    kind = _card_type(block)
    f = read_fields(block, kind)
    common = IdCardData(
        name="",
        gender=_gender(f["gender"]),
        nation="",
        birth_date=_date(f["birth_date"], "birth_date"),
        address="",
        id_number=f["id_number"].upper(),
        issuer="",
        valid_from=_date(f["valid_from"], "valid_from"),
        valid_until=_until(f["valid_until"]),
        card_type=kind,
        photo_wlt=photo,
        fingerprint=fingerprint,
    )
    if kind in (CardType.RESIDENT, CardType.HMT_RESIDENCE):
        card = replace(
            common,
            name=f["name"],
            nation=NATIONS.get(f["nation"], f["nation"]),
            address=f["address"],
            issuer=f["issuer"],
            pass_number=f.get("pass_number", ""),
            issue_count=f.get("issue_count", ""),
        )
    else:
        english = _english_name_2023(block) if kind == CardType.FOREIGN_PERMANENT_2023 else (
            f["english_name"]
        )
        card = replace(
            common,
            name=f["chinese_name"] or english,
            english_name=english,
            nationality=f["nationality"],
            issue_count=f.get("issue_count", ""),
            card_version=f.get("card_version", ""),
            authority_code=f.get("authority_code", ""),
        )
    if validate:
        _validate(card)
    return card


def _validate(card: IdCardData) -> None:
    if not card.id_number_valid:
        raise CardDataError("ID number fails its check character", code="id_check_digit")
    if card.card_type in (CardType.RESIDENT, CardType.HMT_RESIDENCE) and (
        card.id_number[6:14] != card.birth_date.strftime("%Y%m%d")
    ):
        raise CardDataError(
            "ID number does not match the birth date",
            code="id_birth_mismatch",
        )
    if card.valid_until is not None and card.valid_until < card.valid_from:
        raise CardDataError(
            "validity period ends before it starts",
            code="validity_period",
        )


def parse_basic_read(data: bytes, *, validate: bool = True) -> IdCardData:
    """Decode the data of a 30 01 answer (text length, photo length, text, photo).

    Offsets come from the two length fields, never from fixed positions.
    Raises :class:`CardDataError` when the data is malformed or, with
    ``validate``, when the ID number's check character or the validity period
    is inconsistent.
    """
    text, photo = split_blocks(data, 2)
    return parse_text_block(text, photo, validate=validate)


def parse_fingerprint_read(data: bytes, *, validate: bool = True) -> IdCardData:
    """Decode the data of a 30 10 answer (three lengths: text, photo, fingerprint)."""
    text, photo, fingerprint = split_blocks(data, 3)
    return parse_text_block(text, photo, fingerprint, validate=validate)


# --- encoding (simulator) -------------------------------------------------------


def _ymd(d: date) -> str:
    return d.strftime("%Y%m%d")


def encode_text_block(card: IdCardData) -> bytes:
    """The 256-byte text block a card of this kind would return (for the simulator)."""
    kind = CardType(card.card_type)
    values = {
        "gender": gender_code(card.gender),
        "birth_date": _ymd(card.birth_date),
        "id_number": card.id_number,
        "valid_from": _ymd(card.valid_from),
        "valid_until": LONG_TERM if card.valid_until is None else _ymd(card.valid_until),
    }
    if kind in (CardType.RESIDENT, CardType.HMT_RESIDENCE):
        values |= {
            "name": card.name,
            "nation": nation_code(card.nation) if card.nation else "",
            "address": card.address,
            "issuer": card.issuer,
        }
        if kind == CardType.HMT_RESIDENCE:
            values |= {"pass_number": card.pass_number, "issue_count": card.issue_count}
    else:
        values |= {
            "chinese_name": card.name if card.name != card.english_name else "",
            "english_name": card.english_name,
            "nationality": card.nationality,
        }
        if kind == CardType.FOREIGN_PERMANENT:
            values |= {"card_version": card.card_version, "authority_code": card.authority_code}
        else:
            values |= {
                "issue_count": card.issue_count,
                "english_name": card.english_name[:35],
                "english_name_rest": card.english_name[35:],
            }
    return write_fields(kind, values, _FLAG_BY_TYPE.get(kind, ""))


def encode_basic_read(card: IdCardData, photo: bytes | None = None) -> bytes:
    """Data of a 30 01 answer: lengths, text block, photo."""
    return _join_blocks((encode_text_block(card), card.photo_wlt if photo is None else photo))


def encode_fingerprint_read(card: IdCardData) -> bytes:
    """Data of a 30 10 answer: three lengths, text, photo, fingerprint."""
    return _join_blocks((encode_text_block(card), card.photo_wlt, card.fingerprint))


def _join_blocks(blocks: Sequence[bytes]) -> bytes:
    head = b"".join(len(b).to_bytes(2, "big") for b in blocks)
    return head + b"".join(blocks)

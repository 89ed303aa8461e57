"""Where each field sits in a card's 256-byte text block: one table per layout.

Decoding (:func:`read_fields`, the driver) and encoding (:func:`write_fields`,
the simulator) both walk these tables, so the two can never disagree about an
offset. Text is UCS-2 little-endian, padded with UCS-2 spaces. The byte
layouts are documented in ``docs/devices/idcard.md``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "LAYOUTS",
    "TEXT_BLOCK_SIZE",
    "TYPE_FLAG",
    "CardType",
    "TextField",
    "raw_field",
    "read_fields",
    "write_fields",
]

TEXT_BLOCK_SIZE = 256
ENCODING = "utf-16-le"
_PADDING = " \x00\u3000"


class CardType(StrEnum):
    RESIDENT = "resident"  # 居民身份证
    HMT_RESIDENCE = "hmt_residence"  # 港澳台居民居住证 ('J')
    FOREIGN_PERMANENT = "foreign_permanent"  # 外国人永久居留身份证 2017 ('I')
    FOREIGN_PERMANENT_2023 = "foreign_permanent_2023"  # 外国人永久居留身份证 2023 ('Y')


@dataclass(frozen=True)
class TextField:
    start: int
    length: int  # bytes, two per character
    label: str  # for error messages


#: the card-type flag, the same place in every layout (spaces on resident cards)
TYPE_FLAG = TextField(248, 2, "type flag")

_RESIDENT: dict[str, TextField] = {
    "name": TextField(0, 30, "name"),
    "gender": TextField(30, 2, "gender"),
    "nation": TextField(32, 4, "nation"),
    "birth_date": TextField(36, 16, "birth date"),
    "address": TextField(52, 70, "address"),
    "id_number": TextField(122, 36, "id number"),
    "issuer": TextField(158, 30, "issuer"),
    "valid_from": TextField(188, 16, "valid from"),
    "valid_until": TextField(204, 16, "valid until"),
}

LAYOUTS: dict[CardType, dict[str, TextField]] = {
    CardType.RESIDENT: _RESIDENT,
    CardType.HMT_RESIDENCE: {
        **_RESIDENT,
        "pass_number": TextField(220, 18, "pass number"),
        "issue_count": TextField(238, 4, "issue count"),
    },
    CardType.FOREIGN_PERMANENT: {
        "english_name": TextField(0, 120, "English name"),
        "gender": TextField(120, 2, "gender"),
        "id_number": TextField(122, 30, "id number"),
        "nationality": TextField(152, 6, "nationality"),
        "chinese_name": TextField(158, 30, "Chinese name"),
        "valid_from": TextField(188, 16, "valid from"),
        "valid_until": TextField(204, 16, "valid until"),
        "birth_date": TextField(220, 16, "birth date"),
        "card_version": TextField(236, 4, "card version"),
        "authority_code": TextField(240, 8, "authority code"),
    },
    CardType.FOREIGN_PERMANENT_2023: {
        "chinese_name": TextField(0, 30, "Chinese name"),
        "gender": TextField(30, 2, "gender"),
        "issue_count": TextField(32, 4, "change count"),
        "birth_date": TextField(36, 16, "birth date"),
        # the English name is split: characters 1-35 here, 36-46 in english_name_rest
        "english_name": TextField(52, 70, "English name"),
        "id_number": TextField(122, 36, "id number"),
        "valid_from": TextField(188, 16, "valid from"),
        "valid_until": TextField(204, 16, "valid until"),
        "english_name_rest": TextField(220, 22, "English name (continued)"),
        "nationality": TextField(242, 6, "nationality"),
    },
}


def raw_field(block: bytes, field: TextField) -> str:
    """The field's characters, padding included (an odd trailing byte dropped)."""
    raw = block[field.start : field.start + field.length]
    if len(raw) % 2:
        raw = raw[:-1]
    return raw.decode(ENCODING, errors="replace")


def read_field(block: bytes, field: TextField) -> str:
    return raw_field(block, field).strip(_PADDING)


def read_fields(block: bytes, kind: CardType) -> dict[str, str]:
    """Every field of the layout of `kind`, padding stripped."""
    return {name: read_field(block, field) for name, field in LAYOUTS[kind].items()}


def _put(block: bytearray, field: TextField, value: str) -> None:
    raw = value.encode(ENCODING)
    if len(raw) > field.length:
        raise ValueError(
            f"{field.label} {value!r} needs {len(raw)} bytes, the field holds {field.length}"
        )
    # pad with UCS-2 spaces (20 00), as cards do
    block[field.start : field.start + field.length] = raw + (
        " " * ((field.length - len(raw)) // 2)
    ).encode(ENCODING)


def write_fields(kind: CardType, values: Mapping[str, str], flag: str = "") -> bytes:
    """A text block of the layout of `kind` holding `values` (one per field of
    the layout; a missing one stays blank) and the type `flag`. Raises
    ValueError naming the field when a value does not fit."""
    block = bytearray(" ".encode(ENCODING) * (TEXT_BLOCK_SIZE // 2))
    layout = LAYOUTS[kind]
    unknown = set(values) - set(layout)
    if unknown:
        raise ValueError(f"no field {sorted(unknown)} in the {kind} layout")
    for name, field in layout.items():
        _put(block, field, values.get(name, ""))
    if flag:
        _put(block, TYPE_FLAG, flag)
    return bytes(block)

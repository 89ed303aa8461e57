"""The service catalog (事项目录): which items a window takes in and what each needs.

The catalog is versioned data that arrives from the platform (or the seed file
on a fresh station); a submission records the version it was accepted under,
so the department sees exactly the material list the citizen was asked for.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from intake.errors import CatalogError, UnknownItem, UnknownMaterial
from intake.refusals import RefusalReason, refusal_reasons_from
from intake.workdays import WorkCalendar
from safe_chars import first_unsafe

__all__ = ["LIFE_EVENTS", "Catalog", "Entrance", "Material", "ServiceItem"]

# Codes end up in manifests, URLs and log lines, so they stay plain ASCII.
_ITEM_CODE = re.compile(r"[A-Z0-9][A-Z0-9_-]{0,31}")
_MATERIAL_CODE = re.compile(r"[A-Z0-9][A-Z0-9_-]{0,15}")

# The service guide's facts (办事指南). Optional, so catalogs from before them still load.
# 容缺受理: how many working days the applicant has to bring owed non-key materials.
_ITEM_OPTIONAL_KEYS = frozenset(
    {
        "life_events", "fees_zh", "fees_en", "legal_basis_zh", "legal_basis_en",
        "deficiency_days", "review_body_zh",
    }
)  # fmt: skip
#: working days to bring an owed material when the catalog does not say
DEFAULT_DEFICIENCY_DAYS = 5
_ITEM_KEYS = frozenset(
    {
        "code",
        "name_zh",
        "name_en",
        "entrance",
        "department_zh",
        "department_en",
        "time_limit_days",
        "materials",
        "kiosk_enabled",
    }
    | _ITEM_OPTIONAL_KEYS
)
_MATERIAL_OPTIONAL_KEYS = frozenset(
    {"copies", "original_to_sight", "card_read", "key", "commitment", "licence_kinds"}
)
# the kinds of electronic licence (P9 ``kind``) that may stand in for a material
_LICENCE_KIND = re.compile(r"[a-z][a-z0-9_]{0,31}")
_MATERIAL_KEYS = frozenset({"code", "name_zh", "name_en", "required"}) | _MATERIAL_OPTIONAL_KEYS

#: Life events (人生事件) the service guide groups items by: code -> (zh, en).
#: A closed list, so a catalog cannot invent a heading the kiosk has no words for.
LIFE_EVENTS: dict[str, tuple[str, str]] = {
    "birth": ("生育收养", "Birth and adoption"),
    "work": ("就业创业", "Work and business"),
    "social_security": ("社会保险", "Social insurance"),
    "medical": ("医疗保障", "Medical care"),
    "housing": ("住房", "Housing"),
    "retirement": ("退休养老", "Retirement and old age"),
    "hardship": ("社会救助", "Social assistance"),
    "disability": ("残疾人服务", "Disability services"),
    "veterans": ("退役军人", "Veterans"),
    "transport": ("交通出行", "Transport"),
    "rural": ("农村生产生活", "Rural life"),
}


class Entrance(StrEnum):
    PERSONAL = "personal"  # 个人办事
    LEGAL = "legal"  # 法人办事

    @property
    def label_zh(self) -> str:
        return "个人" if self is Entrance.PERSONAL else "法人"


@dataclass(frozen=True, slots=True)
class Material:
    code: str
    name_zh: str
    name_en: str
    required: bool
    # How many paper copies the department traditionally asks for. Informational
    # only: one captured page set satisfies the requirement.
    copies: int = 1
    # The clerk must see the original (e.g. the ID card) besides capturing it.
    original_to_sight: bool = False
    # The applicant's ID card: reading the card's chip satisfies it (a 身份证信息
    # page is filed instead of a photo of the card).
    card_read: bool = False
    # A key material (核心材料) is never owed: 容缺受理 only waives non-key ones.
    key: bool = True
    # 告知承诺制: the applicant's signed commitment may stand in for this material.
    commitment: bool = False
    # 电子证照: the licence kinds that satisfy this material (none: no licence fits)
    licence_kinds: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "licence_kinds", tuple(self.licence_kinds))

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "code": self.code,
            "name_zh": self.name_zh,
            "name_en": self.name_en,
            "required": self.required,
            "copies": self.copies,
            "original_to_sight": self.original_to_sight,
        }
        # only when set: older catalogs keep their exact form
        if self.card_read:
            d["card_read"] = True
        if not self.key:
            d["key"] = False
        if self.commitment:
            d["commitment"] = True
        if self.licence_kinds:
            d["licence_kinds"] = list(self.licence_kinds)
        return d


@dataclass(frozen=True, slots=True)
class ServiceItem:
    code: str
    name_zh: str
    name_en: str
    entrance: Entrance
    department_zh: str
    department_en: str
    time_limit_days: int  # promised working days (承诺时限)
    materials: tuple[Material, ...]
    kiosk_enabled: bool
    life_events: tuple[str, ...] = ()  # codes of LIFE_EVENTS
    fees_zh: str = ""  # 收费标准; empty = not stated in the catalog
    fees_en: str = ""
    legal_basis_zh: str = ""  # 设定依据
    legal_basis_en: str = ""
    deficiency_days: int = DEFAULT_DEFICIENCY_DAYS  # 容缺受理: days to bring what is owed
    # 行政复议机关: where an applicant refused at the window may ask for a review
    review_body_zh: str = ""

    def __post_init__(self) -> None:
        # Callers building items by hand may pass a plain string or a list;
        # coercing keeps equality, hashing and serialisation predictable.
        object.__setattr__(self, "entrance", Entrance(self.entrance))
        object.__setattr__(self, "materials", tuple(self.materials))
        object.__setattr__(self, "life_events", tuple(self.life_events))

    @property
    def required_materials(self) -> tuple[Material, ...]:
        return tuple(m for m in self.materials if m.required)

    def material(self, code: str) -> Material:
        for m in self.materials:
            if m.code == code:
                return m
        raise UnknownMaterial(
            "catalog.unknown_material",
            f"service item {self.code} has no material {code!r}",
            params={"item": self.name_zh, "item_en": self.name_en, "material": code},
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name_zh": self.name_zh,
            "name_en": self.name_en,
            "entrance": self.entrance.value,
            "department_zh": self.department_zh,
            "department_en": self.department_en,
            "time_limit_days": self.time_limit_days,
            "kiosk_enabled": self.kiosk_enabled,
            "materials": [m.to_dict() for m in self.materials],
            **self._guide_dict(),
        }

    def _guide_dict(self) -> dict[str, Any]:
        guide: dict[str, Any] = {
            "life_events": list(self.life_events),
            "fees_zh": self.fees_zh,
            "fees_en": self.fees_en,
            "legal_basis_zh": self.legal_basis_zh,
            "legal_basis_en": self.legal_basis_en,
            "review_body_zh": self.review_body_zh,
        }
        if self.deficiency_days != DEFAULT_DEFICIENCY_DAYS:
            guide["deficiency_days"] = self.deficiency_days
        return {k: v for k, v in guide.items() if v}


@dataclass(frozen=True, slots=True)
class Catalog:
    version: str
    items: tuple[ServiceItem, ...]
    #: holidays and 调休 working days, for promised completion dates
    calendar: WorkCalendar = field(default_factory=WorkCalendar)
    #: the reasons (with legal basis) a window may refuse an application for
    refusal_reasons: tuple[RefusalReason, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "items", tuple(self.items))

    def item(self, code: str) -> ServiceItem:
        for it in self.items:
            if it.code == code:
                return it
        raise UnknownItem(
            "catalog.unknown_item",
            f"catalog {self.version} has no service item {code!r}",
            params={"version": self.version, "item": code},
        )

    def for_entrance(self, e: Entrance, *, kiosk_only: bool = False) -> tuple[ServiceItem, ...]:
        """Items of one entrance in catalog order; ``kiosk_only`` for the self-service kiosk."""
        entrance = Entrance(e)
        return tuple(
            it
            for it in self.items
            if it.entrance is entrance and (it.kiosk_enabled or not kiosk_only)
        )

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"version": self.version, "items": [it.to_dict() for it in self.items]}
        if self.calendar != WorkCalendar():
            d["calendar"] = self.calendar.to_dict()
        if self.refusal_reasons:
            d["refusal_reasons"] = [r.to_dict() for r in self.refusal_reasons]
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Catalog:
        """Build and validate a catalog; raises ``CatalogError`` naming the first problem."""
        if not isinstance(d, Mapping):
            raise CatalogError("catalog.malformed", "catalog must be an object")
        extra = d.keys() - {"version", "items", "calendar", "refusal_reasons"}
        if extra:
            raise CatalogError(
                "catalog.malformed",
                f"catalog has unknown keys {sorted(extra)}",
                params={"variant": "unknown_keys"},
            )
        version = d.get("version")
        if not isinstance(version, str) or not version.strip() or version != version.strip():
            raise CatalogError(
                "catalog.version",
                "catalog version must be a non-empty string",
            )
        raw_items = d.get("items")
        if not isinstance(raw_items, Sequence) or isinstance(raw_items, str) or not raw_items:
            raise CatalogError(
                "catalog.items", "catalog items must be a non-empty list",
            )
        items: list[ServiceItem] = []
        seen: set[str] = set()
        for index, raw in enumerate(raw_items):
            item = _item_from_dict(raw, index)
            if item.code in seen:
                raise CatalogError(
                    "catalog.duplicate_item",
                    f"duplicate service item code {item.code!r}",
                    params={"item": item.code},
                )
            seen.add(item.code)
            items.append(item)
        calendar = WorkCalendar.from_dict(d["calendar"]) if "calendar" in d else WorkCalendar()
        reasons = refusal_reasons_from(d["refusal_reasons"]) if "refusal_reasons" in d else ()
        return cls(version=version, items=tuple(items), calendar=calendar, refusal_reasons=reasons)


def _field_error(where: str, key: str, expected: str) -> CatalogError:
    return CatalogError(
        "catalog.field",
        f"{where}: field {key!r} must be {expected}",
        params={"where": where, "key": key},
    )


#: a name or code on a screen, a receipt or the kiosk's voice
MAX_NAME = 200
#: a fee schedule, legal basis or review body: a few paragraphs
MAX_PARAGRAPHS = 2000


def _text(d: Mapping[str, Any], key: str, where: str, *, multiline: bool = False) -> str:
    """Outside text (the platform's catalog): non-empty, capped and plain — no control,
    invisible or non-text characters and no combining flood (safe_chars), line feeds
    only where the field is paragraphs; one bad field refuses the whole catalog."""
    value = d.get(key)
    limit = MAX_PARAGRAPHS if multiline else MAX_NAME
    if not isinstance(value, str) or not value.strip():
        raise _field_error(where, key, "a non-empty string")
    if len(value) > limit or first_unsafe(value, multiline=multiline) is not None:
        raise _field_error(where, key, f"plain text of at most {limit} characters")
    return value


def _bool(d: Mapping[str, Any], key: str, where: str, default: bool | None = None) -> bool:
    value = d.get(key, default)
    if not isinstance(value, bool):
        raise _field_error(where, key, "true or false")
    return value


def _positive_int(d: Mapping[str, Any], key: str, where: str, default: int | None = None) -> int:
    value = d.get(key, default)
    # bool is an int subclass; `true` as a time limit is a data error, not 1 day.
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise _field_error(where, key, "a positive integer")
    return value


def _as_record(
    d: object, allowed: frozenset[str], optional: frozenset[str], where: str
) -> Mapping[str, Any]:
    if not isinstance(d, Mapping):
        raise CatalogError(
            "catalog.malformed",
            f"{where}: not an object",
            params={"variant": "where", "where": where},
        )
    missing = allowed - optional - d.keys()
    if missing:
        raise CatalogError(
            "catalog.field",
            f"{where}: missing {sorted(missing)}",
            params={"variant": "missing", "where": where, "keys": ", ".join(sorted(missing))},
        )
    extra = d.keys() - allowed
    if extra:
        raise CatalogError(
            "catalog.field",
            f"{where}: unknown keys {sorted(extra)}",
            params={"variant": "unknown", "where": where, "keys": ", ".join(sorted(extra))},
        )
    return d


def _item_from_dict(data: object, index: int) -> ServiceItem:
    where = f"items[{index}]"
    raw = _as_record(data, _ITEM_KEYS, _ITEM_OPTIONAL_KEYS, where)
    code = _text(raw, "code", where)
    if _ITEM_CODE.fullmatch(code) is None:
        raise _field_error(where, "code", "upper-case letters, digits, '-' or '_'")
    where = f"item {code}"
    entrance_raw = raw["entrance"]
    if not isinstance(entrance_raw, str) or entrance_raw not in {e.value for e in Entrance}:
        raise _field_error(where, "entrance", "'personal' or 'legal'")
    entrance = Entrance(entrance_raw)
    raw_materials = raw.get("materials")
    if not isinstance(raw_materials, Sequence) or isinstance(raw_materials, str):
        raise _field_error(where, "materials", "a list")
    materials: list[Material] = []
    seen: set[str] = set()
    for m_index, m_raw in enumerate(raw_materials):
        material = _material_from_dict(m_raw, f"{where} materials[{m_index}]")
        if material.code in seen:
            raise CatalogError(
                "catalog.duplicate_material",
                f"{where}: duplicate material code {material.code!r}",
                params={"item": code, "material": material.code},
            )
        seen.add(material.code)
        materials.append(material)
    if not any(m.required for m in materials):
        raise CatalogError(
            "catalog.no_required_material",
            f"{where}: at least one material must be required",
            params={"item": code},
        )
    return ServiceItem(
        code=code,
        name_zh=_text(raw, "name_zh", where),
        name_en=_text(raw, "name_en", where),
        entrance=entrance,
        department_zh=_text(raw, "department_zh", where),
        department_en=_text(raw, "department_en", where),
        time_limit_days=_positive_int(raw, "time_limit_days", where),
        materials=tuple(materials),
        kiosk_enabled=_bool(raw, "kiosk_enabled", where),
        life_events=_life_events(raw, where),
        fees_zh=_optional_text(raw, "fees_zh", where),
        fees_en=_optional_text(raw, "fees_en", where),
        legal_basis_zh=_optional_text(raw, "legal_basis_zh", where),
        legal_basis_en=_optional_text(raw, "legal_basis_en", where),
        deficiency_days=_positive_int(raw, "deficiency_days", where, DEFAULT_DEFICIENCY_DAYS),
        review_body_zh=_optional_text(raw, "review_body_zh", where),
    )


def _optional_text(d: Mapping[str, Any], key: str, where: str) -> str:
    return _text(d, key, where, multiline=True) if key in d else ""


def _life_events(d: Mapping[str, Any], where: str) -> tuple[str, ...]:
    value = d.get("life_events", [])
    if (
        not isinstance(value, Sequence)
        or isinstance(value, str)
        or any(not isinstance(v, str) or v not in LIFE_EVENTS for v in value)
        or len(set(value)) != len(value)
    ):
        expected = f"a list of distinct codes of {sorted(LIFE_EVENTS)}"
        raise _field_error(where, "life_events", expected)
    return tuple(value)


def _material_from_dict(data: object, where: str) -> Material:
    raw = _as_record(data, _MATERIAL_KEYS, _MATERIAL_OPTIONAL_KEYS, where)
    code = _text(raw, "code", where)
    if _MATERIAL_CODE.fullmatch(code) is None:
        raise _field_error(where, "code", "upper-case letters, digits, '-' or '_'")
    return Material(
        code=code,
        name_zh=_text(raw, "name_zh", where),
        name_en=_text(raw, "name_en", where),
        required=_bool(raw, "required", where),
        copies=_positive_int(raw, "copies", where, 1),
        original_to_sight=_bool(raw, "original_to_sight", where, False),
        card_read=_bool(raw, "card_read", where, False),
        key=_bool(raw, "key", where, True),
        commitment=_bool(raw, "commitment", where, False),
        licence_kinds=_licence_kinds(raw, where),
    )


def _licence_kinds(d: Mapping[str, Any], where: str) -> tuple[str, ...]:
    value = d.get("licence_kinds", [])
    if (
        not isinstance(value, Sequence)
        or isinstance(value, str)
        or len(value) > 16
        or any(not isinstance(v, str) or _LICENCE_KIND.fullmatch(v) is None for v in value)
        or len(set(value)) != len(value)
    ):
        raise _field_error(where, "licence_kinds", "a list of distinct lower-case kind codes")
    return tuple(value)

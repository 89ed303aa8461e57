from __future__ import annotations

import copy
import json
import re
from typing import Any

import pytest

from intake import (
    Catalog,
    CatalogError,
    Entrance,
    IntakeError,
    Material,
    ServiceItem,
    UnknownItem,
    UnknownMaterial,
)
from resources import SEED_CATALOG, resource_path
from ui_shared.error_text import error_text


def test_seed_catalog_loads_with_enough_items_in_both_entrances(seed_catalog: Catalog) -> None:
    assert re.fullmatch(r"\d{4}\.\d{1,2}\.\d+", seed_catalog.version)
    assert len(seed_catalog.items) >= 16
    personal = seed_catalog.for_entrance(Entrance.PERSONAL)
    legal = seed_catalog.for_entrance(Entrance.LEGAL)
    assert len(personal) >= 8
    assert len(legal) >= 4
    assert len(personal) + len(legal) == len(seed_catalog.items)


def test_seed_catalog_round_trips_exactly(seed_dict: dict[str, Any], seed_catalog: Catalog) -> None:
    assert seed_catalog.to_dict() == seed_dict
    assert Catalog.from_dict(seed_catalog.to_dict()) == seed_catalog


def test_seed_catalog_file_is_utf8_json_with_chinese_text() -> None:
    raw = resource_path(*SEED_CATALOG).read_bytes()
    text = raw.decode("utf-8")
    assert "城乡居民基本养老保险参保登记" in text
    assert json.loads(text)["version"]


def test_seed_catalog_contents_are_plausible(seed_catalog: Catalog) -> None:
    names = {it.name_zh for it in seed_catalog.items}
    for expected in (
        "社会保障卡申领",
        "失业保险金申领",
        "最低生活保障申请",
        "临时救助申请",
        "80周岁以上高龄津贴申领",
        "城乡居民基本医疗保险参保登记",
        "个体工商户变更登记",
    ):
        assert expected in names
    for it in seed_catalog.items:
        assert it.required_materials, it.code
        assert 1 <= it.time_limit_days <= 60, it.code
        assert it.department_zh.startswith(("县", "市", "镇")), it.code
        assert [m.code for m in it.materials] == sorted(m.code for m in it.materials), it.code
        if it.entrance is Entrance.LEGAL:
            # Business and employer registration needs originals and a clerk.
            assert not it.kiosk_enabled, it.code
    assert seed_catalog.for_entrance(Entrance.PERSONAL, kiosk_only=True)


def test_item_lookup(seed_catalog: Catalog) -> None:
    item = seed_catalog.item("SB-001")
    assert item.entrance is Entrance.PERSONAL
    assert [m.code for m in item.required_materials] == ["M01", "M02", "M03"]
    assert item.material("M01").original_to_sight
    with pytest.raises(UnknownItem) as exc:
        seed_catalog.item("NOPE-1")
    assert isinstance(exc.value, IntakeError)
    assert "NOPE-1" in error_text(exc.value)
    with pytest.raises(UnknownMaterial):
        item.material("M99")


def test_for_entrance_accepts_plain_strings(seed_catalog: Catalog) -> None:
    assert seed_catalog.for_entrance("legal") == seed_catalog.for_entrance(  # type: ignore[arg-type]
        Entrance.LEGAL
    )


def test_entrance_labels() -> None:
    assert Entrance.PERSONAL.label_zh == "个人"
    assert Entrance.LEGAL.label_zh == "法人"
    assert Entrance("legal") is Entrance.LEGAL


def test_hand_built_items_are_coerced() -> None:
    material = Material("M01", "身份证", "ID card", required=True)
    item = ServiceItem(
        code="X-1",
        name_zh="测试",
        name_en="Test",
        entrance="personal",  # type: ignore[arg-type]
        department_zh="县测试局",
        department_en="Test bureau",
        time_limit_days=1,
        materials=[material],  # type: ignore[arg-type]
        kiosk_enabled=True,
    )
    assert item.entrance is Entrance.PERSONAL
    assert item.materials == (material,)
    assert hash(item)


def _minimal() -> dict[str, Any]:
    return {
        "version": "2026.11.1",
        "items": [
            {
                "code": "T-001",
                "name_zh": "测试事项",
                "name_en": "Test item",
                "entrance": "personal",
                "department_zh": "县测试局",
                "department_en": "County test bureau",
                "time_limit_days": 5,
                "kiosk_enabled": True,
                "materials": [
                    {"code": "M01", "name_zh": "身份证", "name_en": "ID card", "required": True}
                ],
            }
        ],
    }


def test_material_defaults_when_omitted() -> None:
    catalog = Catalog.from_dict(_minimal())
    material = catalog.item("T-001").materials[0]
    assert material.copies == 1
    assert material.original_to_sight is False


def _mutated(path: list[str | int], value: Any, *, delete: bool = False) -> dict[str, Any]:
    data = _minimal()
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    if delete:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


def _with_duplicate_item() -> dict[str, Any]:
    data = _minimal()
    data["items"].append(copy.deepcopy(data["items"][0]))
    return data


def _with_duplicate_material() -> dict[str, Any]:
    data = _minimal()
    materials = data["items"][0]["materials"]
    materials.append(dict(materials[0]))
    return data


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (_with_duplicate_item(), "catalog.duplicate_item"),
        (_with_duplicate_material(), "catalog.duplicate_material"),
        (_mutated(["items", 0, "materials", 0, "required"], False), "catalog.no_required_material"),
        (_mutated(["items", 0, "materials"], []), "catalog.no_required_material"),
        (_mutated(["items", 0, "time_limit_days"], 0), "catalog.field"),
        (_mutated(["items", 0, "time_limit_days"], -3), "catalog.field"),
        (_mutated(["items", 0, "time_limit_days"], True), "catalog.field"),
        (_mutated(["items", 0, "time_limit_days"], "5"), "catalog.field"),
        (_mutated(["items", 0, "materials", 0, "copies"], 0), "catalog.field"),
        (_mutated(["items", 0, "entrance"], "company"), "catalog.field"),
        (_mutated(["items", 0, "entrance"], ["legal"]), "catalog.field"),
        (_mutated(["items", 0, "kiosk_enabled"], "yes"), "catalog.field"),
        (_mutated(["items", 0, "code"], "sb 001"), "catalog.field"),
        (_mutated(["items", 0, "name_zh"], "  "), "catalog.field"),
        (_mutated(["items", 0, "department_en"], None, delete=True), "catalog.field"),
        (_mutated(["items", 0, "requried"], True), "catalog.field"),
        (_mutated(["items", 0, "materials", 0, "code"], ""), "catalog.field"),
        (_mutated(["items", 0], "not an object"), "catalog.malformed"),
        (_mutated(["items"], []), "catalog.items"),
        (_mutated(["version"], ""), "catalog.version"),
        (_mutated(["version"], 2026), "catalog.version"),
        (_mutated(["etag"], "x"), "catalog.malformed"),
    ],
)
def test_from_dict_rejects_bad_catalogs(data: dict[str, Any], code: str) -> None:
    with pytest.raises(CatalogError) as exc:
        Catalog.from_dict(data)
    assert exc.value.code == code
    assert any("\u4e00" <= ch <= "\u9fff" for ch in error_text(exc.value))
    assert str(exc.value) and error_text(exc.value, english=True).isascii()


def test_from_dict_rejects_non_mapping() -> None:
    with pytest.raises(CatalogError):
        Catalog.from_dict([])  # type: ignore[arg-type]

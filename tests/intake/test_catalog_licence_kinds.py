"""Catalog facts added for the window's remaining gaps: which electronic licence kinds
stand in for a material (``licence_kinds``) and the item's 行政复议机关 (``review_body_zh``):
optional, validated like the other catalog fields, round-tripped."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from intake.catalog import Catalog
from intake.errors import CatalogError


def test_the_seed_pairs_materials_with_the_licences_that_fit(seed_catalog: Catalog) -> None:
    item = seed_catalog.item("YB-001")
    assert item.material("M01").licence_kinds == ("hukou",)
    assert item.material("M03").licence_kinds == ("birth",)
    assert item.material("M02").licence_kinds == ()
    assert all(it.review_body_zh for it in seed_catalog.items)
    assert Catalog.from_dict(seed_catalog.to_dict()) == seed_catalog


def test_old_catalogs_without_the_fields_still_load(seed_dict: dict[str, Any]) -> None:
    old = copy.deepcopy(seed_dict)
    for raw in old["items"]:
        raw.pop("review_body_zh", None)
        for material in raw["materials"]:
            material.pop("licence_kinds", None)
    item = Catalog.from_dict(old).item("YB-001")
    assert item.review_body_zh == "" and item.material("M01").licence_kinds == ()
    assert "licence_kinds" not in item.material("M01").to_dict()
    assert "review_body_zh" not in item.to_dict()


@pytest.mark.parametrize(
    "value", ["hukou", ["Hukou"], ["hukou", "hukou"], [1], ["x" * 40], ["a"] * 17]
)
def test_bad_licence_kinds_are_refused(seed_dict: dict[str, Any], value: Any) -> None:
    bad = copy.deepcopy(seed_dict)
    bad["items"][0]["materials"][0]["licence_kinds"] = value
    with pytest.raises(CatalogError) as err:
        Catalog.from_dict(bad)
    assert "licence_kinds" in str(err.value)


@pytest.mark.parametrize("value", ["", 3, ["县人民政府"]])
def test_bad_review_body_is_refused(seed_dict: dict[str, Any], value: Any) -> None:
    bad = copy.deepcopy(seed_dict)
    bad["items"][0]["review_body_zh"] = value
    with pytest.raises(CatalogError) as err:
        Catalog.from_dict(bad)
    assert "review_body_zh" in str(err.value)

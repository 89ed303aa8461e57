"""The service guide's facts in the catalog: optional, validated, round-tripped."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from intake.catalog import LIFE_EVENTS, Catalog
from intake.errors import CatalogError


def test_every_seed_item_has_guide_facts(seed_catalog: Catalog) -> None:
    for item in seed_catalog.items:
        assert item.life_events and set(item.life_events) <= set(LIFE_EVENTS), item.code
        assert item.fees_zh and item.fees_en, item.code
        assert item.legal_basis_zh.startswith("《"), item.code
        assert item.legal_basis_en, item.code


def test_guide_facts_round_trip(seed_catalog: Catalog) -> None:
    assert Catalog.from_dict(seed_catalog.to_dict()) == seed_catalog


def test_catalog_without_guide_facts_still_loads(seed_dict: dict[str, Any]) -> None:
    old = copy.deepcopy(seed_dict)
    for raw in old["items"]:
        for key in ("life_events", "fees_zh", "fees_en", "legal_basis_zh", "legal_basis_en"):
            raw.pop(key, None)
    item = Catalog.from_dict(old).items[0]
    assert item.life_events == () and item.fees_zh == "" and item.legal_basis_zh == ""
    assert "life_events" not in item.to_dict()


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("life_events", ["moon_landing"]),
        ("life_events", "retirement"),
        ("life_events", ["retirement", "retirement"]),
        ("life_events", [1]),
        ("fees_zh", ""),
        ("legal_basis_en", 3),
    ],
)
def test_bad_guide_facts_are_refused(seed_dict: dict[str, Any], key: str, value: Any) -> None:
    bad = copy.deepcopy(seed_dict)
    bad["items"][0][key] = value
    with pytest.raises(CatalogError) as err:
        Catalog.from_dict(bad)
    assert key in str(err.value)

"""Review #15 (attacker): catalog text from the platform was any non-empty string of
any length: bidi overrides and zero-width characters made an item read otherwise than
it is stored and hid it from the item search (pinyin, synonyms), a 1 MB name went to
the search index, the receipt and the kiosk's voice. Names are now one line of plain
text of at most 200 characters, paragraphs (fees, legal basis, review body) at most
2000 with line feeds; one bad field refuses the whole catalog (the old one stays)."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from intake.catalog import Catalog
from intake.errors import CatalogError


def _first_item(seed: dict[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = seed["items"][0]
    return item


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("name_zh", "最低\u200b生活保障"),
        ("name_zh", "\u202e障保活生低最"),
        ("name_zh", "名\x00称"),
        ("name_zh", "名称\n第二行"),
        ("name_zh", "名" * 201),
        ("department_zh", "民政\u2060局"),
        ("name_en", "Z" + "\u0336" * 30),
        ("legal_basis_zh", "依据\x1b[2J"),
        ("fees_zh", "免费" * 1001),
        ("review_body_zh", "审核\ue000"),
    ],
)
def test_hostile_item_text_refuses_the_catalog(
    seed_dict: dict[str, Any], key: str, value: str
) -> None:
    hostile = copy.deepcopy(seed_dict)
    _first_item(hostile)[key] = value
    with pytest.raises(CatalogError) as refused:
        Catalog.from_dict(hostile)
    assert refused.value.code == "catalog.field"


def test_hostile_material_name_and_refusal_reason(seed_dict: dict[str, Any]) -> None:
    hostile = copy.deepcopy(seed_dict)
    _first_item(hostile)["materials"][0]["name_zh"] = "身份证\u2066"
    with pytest.raises(CatalogError):
        Catalog.from_dict(hostile)
    hostile = copy.deepcopy(seed_dict)
    hostile["refusal_reasons"] = [{"code": "R01", "reason_zh": "不符合\u202e条件", "basis_zh": "x"}]
    with pytest.raises(CatalogError):
        Catalog.from_dict(hostile)


def test_paragraphs_keep_their_line_feeds(seed_dict: dict[str, Any]) -> None:
    plain = copy.deepcopy(seed_dict)
    _first_item(plain)["legal_basis_zh"] = "《社会救助暂行办法》\n第九条\t第十条"
    _first_item(plain)["name_zh"] = "名" * 200
    catalog = Catalog.from_dict(plain)
    assert catalog.items[0].legal_basis_zh.endswith("第九条\t第十条")

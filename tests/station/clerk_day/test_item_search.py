"""Finding an item by short name (the catalog's synonym list) and by pinyin initials."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from clerk_station.item_picker import ItemPicker
from station.item_search import ItemSearch, load_synonyms
from sync.catalog_sync import load_catalog


@pytest.fixture(scope="module")
def search(tmp_path_factory: pytest.TempPathFactory) -> ItemSearch:
    s = ItemSearch(load_catalog(tmp_path_factory.mktemp("none")))
    s.warm_up().join(timeout=60)
    assert s.initials_ready
    return s


def _codes(search: ItemSearch, query: str) -> set[str]:
    return {i.code for i in search.catalog.items if search.matches(i, query)}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("低保", {"MZ-001"}),
        ("社保卡", {"SB-003", "SB-004"}),
        ("医保", {"YB-001", "YB-002", "YB-101"}),
        ("公积金", {"GJJ-001", "GJJ-002", "GJJ-101"}),
        ("个体户", {"SC-001", "SC-101", "SC-102"}),
        ("zfgjj", {"GJJ-001", "GJJ-002", "GJJ-101"}),
        ("CXJM", {"SB-001", "SB-002", "YB-001"}),
        ("ＭＺ－００１", {"MZ-001"}),  # full-width typing folds to the code
        # review (wt5): the short names' own initials, as clerks type them
        ("sbk", {"SB-003", "SB-004"}),
        ("dbsq", {"MZ-001"}),
        ("gjj", {"GJJ-001", "GJJ-002", "GJJ-101"}),
        # review7: letters beyond a short name's narrow, they are not ignored
        ("sbkzzz", set()),
        ("dbzz", set()),
    ],
)
def test_short_names_and_initials(search: ItemSearch, query: str, expected: set[str]) -> None:
    assert _codes(search, query) == expected


def test_plain_search_still_works_and_nonsense_finds_nothing(search: ItemSearch) -> None:
    assert _codes(search, "高龄津贴") == {"MZ-003"}
    assert _codes(search, "qqqqzz") == set()
    assert _codes(search, "") == {i.code for i in search.catalog.items}
    assert "低保" in load_synonyms()


def test_picker_filters_by_short_name(qtbot: QtBot, tmp_path: Path) -> None:
    picker = ItemPicker(load_catalog(tmp_path))
    qtbot.addWidget(picker)
    picker.filter.setText("低保")
    assert [picker.model.item_at(r).code for r in range(picker.model.rowCount())] == ["MZ-001"]


def test_most_used_items_come_first_then_catalog_order(qtbot: QtBot, tmp_path: Path) -> None:
    picker = ItemPicker(load_catalog(tmp_path))
    qtbot.addWidget(picker)
    before = [picker.model.item_at(r).code for r in range(picker.model.rowCount())]
    picker.model.set_usage({"MZ-001": 9, "YB-001": 4, "SB-101": 50})  # SB-101: the other tab
    after = [picker.model.item_at(r).code for r in range(picker.model.rowCount())]
    assert after[:2] == ["MZ-001", "YB-001"]
    assert [c for c in after[2:]] == [c for c in before if c not in ("MZ-001", "YB-001")]


def test_names_are_folded_on_first_need_and_english_initials_match_on_request(
    tmp_path: Path,
) -> None:
    # s12 #5: folding 4 000 names of 200 characters at construction cost the kiosk's GUI
    # thread 0.2 s opening 办事; s12 #8: English word initials for the English kiosk
    s = ItemSearch(load_catalog(tmp_path))
    assert s._folded is None
    card = next(i for i in s.catalog.items if i.code == "SB-003")
    assert not s.matches(card, "ssc")  # Social Security Card: not for the clerk
    assert s._folded is not None
    assert s.matches(card, "ssc", english=True)
    assert not s.matches(card, "zzz", english=True)

"""办事 finds items by pinyin initials typed on on-screen letter keys ("sbk" → 社保卡…),
without Chinese text input; the keys meet the 适老化 minimums; the next citizen starts
with the whole list."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from kiosk.screens.apply import IDENTIFY, ApplyScreen
from kiosk.theme import NORMAL
from tests.kiosk.accessibility import check_minimums
from tests.kiosk.conftest import Kiosk


def test_letters_narrow_the_list_and_a_reset_restores_it(kiosk: Kiosk, qtbot: QtBot) -> None:
    window = kiosk.window
    window.show_screen("apply")
    apply = window.screens["apply"]
    assert isinstance(apply, ApplyScreen)
    search = apply.search
    everything = list(apply.item_buttons)
    assert len(everything) > 3
    assert not search.pad.isVisible()  # one touch away, not in the way
    search.toggle.click()
    assert search.pad.isVisible()
    # the normal mode's keys are the smaller: 60x60, body text, contrast
    check_minimums(window, NORMAL, "apply/initials")
    qtbot.waitUntil(lambda: search.initials_ready, timeout=20_000)
    for letter in "sbk":
        search.keys[letter].click()
    assert search.shown.text() == "首字母：SBK"
    found = list(apply.item_buttons)
    assert found and len(found) < len(everything)
    catalog = kiosk.services.catalog
    assert all("社会保障卡" in catalog.item(code).name_zh for code in found), found
    # letters that match nothing: said in words; 删除 takes them back one by one
    search.clear_key.click()
    assert list(apply.item_buttons) == everything
    for letter in "qqq":
        search.keys[letter].click()
    assert apply.item_buttons == {}
    assert "没有找到" in search.shown.text()
    for _ in range(3):
        search.delete.click()
    assert list(apply.item_buttons) == everything
    for letter in "sbk":
        search.keys[letter].click()
    assert list(apply.item_buttons) == found
    # choosing a found item goes on as from the whole list
    apply.item_buttons[found[0]].click()
    qtbot.waitUntil(lambda: apply.steps.currentIndex() == IDENTIFY, timeout=10_000)
    window.reset_to_attract()
    window.show_screen("apply")
    assert list(apply.item_buttons) == everything and not search.pad.isVisible()


def test_letters_typed_before_the_initials_are_built_wait_for_them(
    kiosk: Kiosk, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # review7: letters typed while pypinyin still built the initials said "没有找到" and
    # kept saying it once they were ready
    from kiosk.screens.initials_search import InitialsSearch
    from kiosk.screens.item_pager import ItemPager
    from station.item_search import ItemSearch

    held: list[ItemSearch] = []
    monkeypatch.setattr(ItemSearch, "warm_up", lambda self: held.append(self))
    pager = ItemPager()
    search = InitialsSearch(pager)
    qtbot.addWidget(search)
    qtbot.addWidget(pager)
    services = kiosk.services
    search.set_items(services.catalog, services.kiosk_items(), english=False)
    search.toggle.click()
    for letter in "sbk":
        search.type_letter(letter)
    assert "请稍候" in search.shown.text() and "没有找到" not in search.shown.text()
    # the warm-up starts once the list has been up a moment (s12 #5), still unfinished
    qtbot.waitUntil(lambda: bool(held), timeout=10_000)
    held[0]._build_initials()  # the initials are in now (as its thread would finish)
    qtbot.waitUntil(lambda: search.shown.text() == "首字母：SBK", timeout=10_000)
    assert pager.buttons and all(
        "社会保障卡" in services.catalog.item(code).name_zh for code in pager.buttons)


def test_in_english_letters_match_the_first_letters_of_the_english_names(
    kiosk_factory: object, station_dir: object, qtbot: QtBot
) -> None:
    # s12 #8: the English kiosk matched pinyin initials only, which an English reader
    # does not know; the catalog names every item in English (intake.catalog: name_en)
    from collections.abc import Callable

    from station.item_search import english_initials

    assert callable(kiosk_factory)
    make: Callable[..., Kiosk] = kiosk_factory
    kiosk = make(station_dir, language="en")
    window = kiosk.window
    window.show_screen("apply")
    apply = window.screens["apply"]
    assert isinstance(apply, ApplyScreen)
    search = apply.search
    assert search.toggle.caption() == "Find by first letters"
    search.toggle.click()
    assert "S S C" in search.shown.text()
    for letter in "ssc":  # Social Security Card
        search.keys[letter].click()
    catalog = kiosk.services.catalog
    found = list(apply.item_buttons)
    assert found == [it.code for it in kiosk.services.kiosk_items()
                     if "ssc" in english_initials(it.name_en)]
    assert "SB-003" in found and all(
        "social security card" in catalog.item(code).name_en.lower() for code in found)
    # pinyin initials still find what they found (社保卡 by its short name's "sbk")
    search.clear_key.click()
    qtbot.waitUntil(lambda: search.initials_ready, timeout=20_000)
    for letter in "sbk":
        search.keys[letter].click()
    assert "SB-003" in apply.item_buttons

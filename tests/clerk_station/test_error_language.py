"""Errors are worded at display time in the window's language: the English window shows
the English source sentence (no Chinese), the Chinese window its zh_CN translation from
the installed Qt catalog, through the clerk's real manual-entry dialog."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from clerk_station.manual_entry import ManualEntryDialog
from intake.identity import resident_id_check_digit
from ui_shared.app_setup import install_translator

FIRST17 = "11010519800101003"
WRONG_CHECK = "0" if resident_id_check_digit(FIRST17) != "0" else "1"


def _chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.fixture
def language(qapp: Any) -> Iterator[Any]:
    def use(code: str) -> None:
        install_translator(qapp, code)

    yield use
    install_translator(qapp, "en")  # later tests expect the source language


@pytest.mark.parametrize(
    ("lang", "wrong_check", "too_short"),
    [
        (
            "en",
            "The ID number's check digit is wrong; check the number",
            "A resident ID number has 18 characters; this one has 17",
        ),
        ("zh_CN", "身份证号码校验位错误，请核对号码", "身份证号码应为18位，当前为17位"),
    ],
)
def test_manual_entry_words_an_invalid_id_number_in_the_windows_language(
    qtbot: QtBot, language: Any, lang: str, wrong_check: str, too_short: str
) -> None:
    language(lang)
    dialog = ManualEntryDialog(english=lang == "en")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.number, FIRST17)
    assert dialog.check.property("state") == "error"
    assert dialog.check.text() == too_short  # with its parameter
    qtbot.keyClicks(dialog.number, WRONG_CHECK)
    assert dialog.check.text() == wrong_check
    assert _chinese(dialog.check.text()) is (lang == "zh_CN")
    assert dialog.check.textFormat().name == "PlainText"  # never rich text

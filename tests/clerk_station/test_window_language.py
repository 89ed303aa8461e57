"""What the clerk window words at display time follows the window's language (the
installed Qt translator), not a language fixed in code: error sentences through
``user_message``, printed documents' names in the case view, the acceptance label."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from clerk_station.case_detail import document_name
from devices.printer.errors import PrinterError
from station.clerks import ClerkError
from ui_shared.app_setup import install_translator
from ui_shared.error_text import ui_speaks_english
from ui_shared.messages import acceptance_label, user_message


@pytest.fixture
def language(qapp: Any) -> Iterator[Any]:
    def use(code: str) -> None:
        install_translator(qapp, code)

    yield use
    install_translator(qapp, "en")  # later tests expect the source language


@pytest.mark.parametrize(
    ("lang", "paper_out", "exists", "reprint", "handover"),
    [
        ("en", "The printer is out of paper", "A clerk with this ID exists already.",
         "Receipt (reprint)", "Handover confirmation"),
        ("zh_CN", "打印机缺纸", "该工号已存在。", "受理回执（补打）", "办结领取确认单"),
    ],
)
def test_words_follow_the_installed_translator(
    language: Any, lang: str, paper_out: str, exists: str, reprint: str, handover: str
) -> None:
    language(lang)
    assert ui_speaks_english() is (lang == "en")
    assert user_message(PrinterError("paper_out", "out of paper")) == paper_out
    assert user_message(ClerkError("clerk_exists", "x", params={"clerk": "c1"})) == exists
    assert document_name("reprint") == reprint
    assert document_name("handover.printed") == handover
    assert acceptance_label("deficiency", english=lang == "en") == (
        "Accepted with materials owed" if lang == "en" else "容缺受理"
    )


@pytest.mark.parametrize(("lang", "child"), [("en", "Child"), ("zh_CN", "子女")])
def test_relations_are_shown_in_the_windows_language_and_kept_as_stored(
    language: Any, qtbot: Any, lang: str, child: str
) -> None:
    from PySide6.QtWidgets import QComboBox

    from clerk_station.relations import chosen_relation, fill_relations

    language(lang)
    combo = QComboBox()
    qtbot.addWidget(combo)
    fill_relations(combo)
    combo.setCurrentIndex(combo.findData("子女"))
    assert combo.currentText() == child
    assert chosen_relation(combo) == "子女"  # the word on paper and on the wire

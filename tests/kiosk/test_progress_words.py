"""Progress in plain words (review): a material code the catalog does not know is said
as "其他材料（M99）", never shown bare; a department note longer than the station keeps
ends in "…", so the citizen sees it was cut."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from devices.idcard.simulator import sample_cards
from intake.applicant import Person
from intake.submission import Channel, Draft
from kiosk.screens.cases import CaseList
from station.card_mapping import person_from_card
from station.context import open_station
from station.kiosk_services import KioskServices
from station.progress import NOTE_LIMIT
from station.services import StationServices
from ui_shared.app_setup import install_translator

ITEM = "SB-001"


@pytest.fixture
def station(station_dir: Path) -> Iterator[StationServices]:
    s = open_station(station_dir, clerk_id="kiosk")
    yield s
    s.close()


def _accept(station: StationServices, person: Person) -> str:
    item = station.catalog.item(ITEM)
    draft = Draft(item=item)
    draft.set_applicant(person)
    for m in item.required_materials:
        draft.add_page(m.code, station.intake.store_page(b"\xff\xd8" + m.code.encode()))
    accepted = station.intake.accept(
        draft, channel=Channel.KIOSK, clerk_id=None, catalog_version=station.catalog.version
    )
    return accepted.submission.uuid


def test_unknown_material_in_words_and_a_cut_note_marked(
    station: StationServices, admin: Callable[..., Any], qapp: QApplication, qtbot: Any
) -> None:
    assert station.engine is not None
    services = KioskServices(station)
    me = person_from_card(sample_cards()[0])
    uuid = _accept(station, me)
    station.engine.run_once()
    note = "户口簿需本人页。" * 100  # 800 characters, the platform allows 2000
    admin("POST", f"/v1/admin/submissions/{uuid}/status",
          json={"status": "补正", "note": note, "missing_materials": ["M02", "M99"]})
    station.engine.run_once()
    [case] = services.cases_of(me)
    assert case.bring_zh == ("居民户口簿",)  # the known one by its name
    assert case.bring_unknown == ("M99",)  # the unknown one kept apart, not as a name
    assert "M99" not in case.bring_zh
    assert len(case.note) == NOTE_LIMIT and case.note.endswith("…")
    assert note.startswith(case.note[:-1])
    short = "请补充户口簿本人页"
    admin("POST", f"/v1/admin/submissions/{uuid}/status",
          json={"status": "补正", "note": short, "missing_materials": []})
    station.engine.run_once()
    assert services.cases_of(me)[0].note == short  # a note that fits is kept whole

    cards = CaseList()
    qtbot.addWidget(cards)
    install_translator(qapp, "zh_CN")
    try:
        zh = cards.case_text(case, english=False)
    finally:
        install_translator(qapp, "en")
    en = cards.case_text(case, english=True)
    assert "居民户口簿、其他材料（M99）" in zh
    assert "Other material (M99)" in en
    assert "、" not in en and ", Other material (M99)" in en  # English lists with commas
    assert "…" in zh.split("\n")[2]  # the note's line ends cut, and says so


def test_note_line_breaks_are_lines_and_other_controls_stay_neutralised(
    station: StationServices, admin: Callable[..., Any], qapp: QApplication, qtbot: Any
) -> None:
    """A department writes its 补正 note as a list: its line breaks are line breaks on
    the card (never "[LF]"); from a platform that lets worse through, CR LF is one
    break, a bell, an escape and a bidi override are still named or removed, and the
    card stays plain text."""
    from dataclasses import replace

    from PySide6.QtCore import Qt

    from kiosk.widgets import Text

    assert station.engine is not None
    services = KioskServices(station)
    me = person_from_card(sample_cards()[0])
    uuid = _accept(station, me)
    station.engine.run_once()
    admin("POST", f"/v1/admin/submissions/{uuid}/status",
          json={"status": "补正", "note": "请补交以下材料：\n1. 户口簿本人页\n2. 村委会证明",
                "missing_materials": []})
    station.engine.run_once()
    [case] = services.cases_of(me)
    assert case.note.count("\n") == 2  # as the department wrote it
    hostile = replace(case, note="请补交以下材料：\r\n1. 户口簿本人页\n2. 村委会证明\x07\x1b[2J"
                                 "\u202e<b>粗</b>\n\n\n\n\n3. 完")
    cards = CaseList()
    qtbot.addWidget(cards)
    install_translator(qapp, "zh_CN")
    try:
        cards.show_cases([case, hostile], english=False)
    finally:
        install_translator(qapp, "en")
    texts = []
    for card in cards.cards:
        assert isinstance(card, Text) and card.textFormat() == Qt.TextFormat.PlainText
        text = card.text()
        assert "[LF]" not in text and "[CR]" not in text and "\r" not in text
        lines = text.split("\n")
        start = next(i for i, line in enumerate(lines) if line.endswith("请补交以下材料："))
        assert lines[start + 1] == "1. 户口簿本人页"
        texts.append(lines[start + 2:start + 5])
    assert texts[0][0] == "2. 村委会证明"
    assert texts[1] == [
        "2. 村委会证明[BEL][ESC][2J<b>粗</b>",  # the bell named, the override gone
        "",  # a run of empty lines is one gap, not a page of them
        "3. 完",
    ]

"""Clerk station widgets over plain data: models, masking, validation."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from clerk_station.applicant_panel import ApplicantPanel
from clerk_station.item_picker import ItemPicker
from clerk_station.materials_panel import MaterialsModel
from intake.applicant import LegalEntity, Person
from intake.catalog import Catalog, Entrance
from intake.identity import resident_id_check_digit, uscc_check_char
from intake.submission import Draft
from station.context import load_catalog

ID17 = "11010519491231002"
PERSON = Person(
    name="王小明",
    id_number=ID17 + resident_id_check_digit(ID17),
    gender="女",
    nation="汉",
    birth_date=date(1949, 12, 31),
    address="北京市朝阳区建国路88号院3号楼",
)


@pytest.fixture
def catalog(tmp_path: Any) -> Catalog:
    return load_catalog(tmp_path)


def test_item_model_passes_qt_model_tester(
    qtbot: QtBot, qtmodeltester: Any, catalog: Catalog
) -> None:
    picker = ItemPicker(catalog)
    qtmodeltester.check(picker.model)
    picker.model.set_entrance(Entrance.LEGAL)
    qtmodeltester.check(picker.model)


def test_item_filter_and_choose(qtbot: QtBot, catalog: Catalog) -> None:
    picker = ItemPicker(catalog)
    qtbot.addWidget(picker)
    personal = picker.model.rowCount()
    assert personal == len(catalog.for_entrance(Entrance.PERSONAL))
    picker.filter.setText("公积金")
    assert 0 < picker.model.rowCount() < personal
    with qtbot.waitSignal(picker.item_chosen) as chosen:
        item = picker.choose("SB-101")
    assert chosen.args == [item] and item.entrance == Entrance.LEGAL
    assert picker.tabs.currentIndex() == 1


def test_materials_model(qtbot: QtBot, qtmodeltester: Any, catalog: Catalog) -> None:
    model = MaterialsModel()
    draft = Draft(item=catalog.item("SB-001"))
    model.set_draft(draft)
    qtmodeltester.check(model)
    first = draft.item.materials[0]
    assert model.data(model.index(0, 3)) == "Missing"
    draft.add_page(first.code, "a" * 64)
    model.pages_changed()
    assert model.data(model.index(0, 2)) == "1"
    assert model.data(model.index(0, 3)) == "Captured"


def test_applicant_is_masked_until_revealed(qtbot: QtBot) -> None:
    panel = ApplicantPanel()
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.applicant_changed):
        panel.set_person(PERSON)
    assert panel.id_label.text() == "1101**********002X"
    assert panel.name_label.text() == "王**"
    assert "建国路88号" not in panel.details_label.text()
    panel.reveal_button.click()
    assert panel.id_label.text() == PERSON.id_number
    panel._remask.timeout.emit()
    assert PERSON.id_number not in panel.id_label.text()


def test_legal_entity_needs_valid_credit_code(qtbot: QtBot) -> None:
    panel = ApplicantPanel()
    qtbot.addWidget(panel)
    panel.set_entrance(Entrance.LEGAL)
    panel.set_person(PERSON)
    assert panel.applicant is None
    panel.company_name.setText("福州某某农业专业合作社")
    panel.credit_code.setText("91350100M000100Y44")  # wrong check character
    assert panel.applicant is None
    assert panel.company_error.text()
    code = "91350100M000100Y4" + uscc_check_char("91350100M000100Y4")
    panel.credit_code.setText(code)
    assert isinstance(panel.applicant, LegalEntity)
    assert panel.applicant.representative == PERSON

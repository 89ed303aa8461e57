"""What the clerk reads in the English UI is English (review of the clerk's day at
1366x768): the agent's relation and the intake summary's separators; the data behind
them stays Chinese, as the papers and the manifest print it."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from clerk_station.applicant_panel import ApplicantPanel
from clerk_station.intake_actions import IntakeActions
from station.identification import RELATIONS
from station.intake_service import IntakeService
from station.intake_session import InlineRunner, IntakeSession
from sync.catalog_sync import load_catalog
from sync.store import Store


def test_agent_relation_reads_in_english_and_sends_chinese(qtbot: QtBot) -> None:
    panel = ApplicantPanel()
    qtbot.addWidget(panel)
    shown = [panel.relation.itemText(i) for i in range(panel.relation.count())]
    assert shown == ["Parent", "Child", "Spouse", "Other relative", "Authorised person"]
    panel.relation.setCurrentIndex(1)
    with qtbot.waitSignal(panel.agent_card_requested) as asked:
        panel.agent_card.click()
    assert asked.args == ["子女"] and asked.args[0] in RELATIONS


def test_summary_separators_follow_the_language(qtbot: QtBot, tmp_path: Path) -> None:
    catalog = load_catalog(tmp_path)
    with Store(tmp_path / "station") as store:
        intake = IntakeService(store, station_code="T01", station_name="测试", secret="s" * 32)
        session = IntakeSession(intake, catalog, InlineRunner(), clerk_id="c01")
        english = IntakeActions(session, english=True)
        chinese = IntakeActions(session)
        for panel in (english, chinese):
            qtbot.addWidget(panel)
        session.subscribe(english.show_state)
        session.subscribe(chinese.show_state)
        session.choose_item("SB-001")
        assert "; Missing: " in english.summary.text() and "；" not in english.summary.text()
        assert ", " in english.summary.text() and "、" not in english.summary.text()
        assert "；" in chinese.summary.text() and "、" in chinese.summary.text()

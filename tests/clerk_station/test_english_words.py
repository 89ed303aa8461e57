"""What the clerk reads in the English UI is English (review of the clerk's day at
1366x768): the agent's relation and the intake summary's separators; the data behind
them stays Chinese, as the papers and the manifest print it."""

from __future__ import annotations

from dataclasses import replace as dataclass_replace
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


def test_ledger_item_names_in_the_clerks_language(qtbot: QtBot) -> None:
    from datetime import UTC, datetime

    from clerk_station.ledger_model import LedgerModel
    from station.ledger import LedgerPage, LedgerRow
    from ui_shared.tasks import TaskRunner

    tasks = TaskRunner()
    nothing = LedgerPage((), None)  # rows are handed in: no search runs
    model = LedgerModel(
        lambda *_a: nothing, tasks, item_names={"SB-001": "Pension enrolment"}
    )
    row = LedgerRow(
        uuid="u", receipt_no="T01-20261203-0001", accepted_at=datetime(2026, 12, 3, tzinfo=UTC),
        item_code="SB-001", item_name="城乡居民基本养老保险参保登记", clerk_id="c01",
        applicant_name="王**", applicant_id="1101**********002X", sync_state="queued",
        platform_status="", case_no="", queue_ticket="",
    )  # fmt: skip
    model.show_rows([row, dataclass_replace(row, item_code="GONE")], None)
    assert model.data(model.index(0, 2)) == "Pension enrolment"
    assert model.data(model.index(1, 2)) == "城乡居民基本养老保险参保登记"  # not in the catalog
    assert model.data(model.index(0, 7)) == "Waiting to upload"
    tasks.shutdown()



def test_ledger_platform_status_in_the_clerks_language(qtbot: QtBot) -> None:
    """The English ledger showed 补正 / 办结; a lookalike of a documented status
    ("办结" with an invisible character) is marked in both languages."""
    from datetime import UTC, datetime

    from clerk_station.ledger_model import LedgerModel
    from station.ledger import LedgerPage, LedgerRow
    from ui_shared.tasks import TaskRunner

    tasks = TaskRunner()
    nothing = LedgerPage((), None)
    row = LedgerRow(
        uuid="u", receipt_no="T01-20261203-0001", accepted_at=datetime(2026, 12, 3, tzinfo=UTC),
        item_code="SB-001", item_name="城乡居民基本养老保险参保登记", clerk_id="c01",
        applicant_name="王**", applicant_id="1101**********002X", sync_state="delivered",
        platform_status="补正", case_no="SW1", queue_ticket="",
    )  # fmt: skip
    rows = [row, dataclass_replace(row, platform_status="办结"),
            dataclass_replace(row, platform_status="办结\u200b")]  # fmt: skip
    english = LedgerModel(lambda *_a: nothing, tasks, english=True)
    chinese = LedgerModel(lambda *_a: nothing, tasks)
    for model in (english, chinese):
        model.show_rows(rows, None)
    shown_en = [english.data(english.index(i, 8)) for i in range(3)]
    shown_zh = [chinese.data(chinese.index(i, 8)) for i in range(3)]
    assert shown_en == ["Supplement requested", "Completed", "办结 (?)"]
    assert shown_zh == ["补正", "办结", "办结 (?)"]
    tasks.shutdown()

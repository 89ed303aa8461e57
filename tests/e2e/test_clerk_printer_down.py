"""Review 7c (clerk with broken devices): a network printer that does not answer.

The printer target is a loopback TCP port that refuses every connection (a socket
bound but never listening), the way a receipt printer that is switched off looks."""

from __future__ import annotations

import contextlib
import socket
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from station.device_settings import load_device_settings, save_device_settings
from station.intake_session import Phase
from tests.helpers.clerk import capture_required, clerk_window, identify_sample
from ui_shared.app_setup import install_translator


def network_printer(station: Path, sock: socket.socket) -> None:
    """The station prints to tcp:127.0.0.1:PORT, PORT being `sock`'s."""
    port = sock.getsockname()[1]
    settings = load_device_settings(station)
    save_device_settings(station, replace(settings, printer=f"tcp:127.0.0.1:{port}"))


@pytest.fixture
def dead_printer(station_dir: Path) -> Iterator[Path]:
    """The station's printer is tcp:127.0.0.1:PORT with nothing listening on PORT."""
    closed = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    closed.bind(("127.0.0.1", 0))  # held, never listening: connections are refused
    network_printer(station_dir, closed)
    try:
        yield station_dir
    finally:
        closed.close()


@pytest.fixture
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    locale = QLocale()
    install_translator(qapp, request.param)
    yield request.param
    install_translator(qapp, "en")
    QLocale.setDefault(locale)


@pytest.mark.parametrize(
    ("language", "words"),
    [("zh_CN", ("已登记", "告知书未能打印")), ("en", ("was recorded", "not printed"))],
    indirect=["language"],
)
def test_notice_is_issued_and_its_papers_open_when_the_printer_is_down(
    qtbot: QtBot, dead_printer: Path, tmp_path: Path, language: str, words: tuple[str, str]
) -> None:
    with clerk_window(qtbot, dead_printer, language=language) as (services, window):
        identify_sample(qtbot, window, services)
        window.picker.choose("YB-001")
        qtbot.waitUntil(lambda: window.session.state.storing == 0, timeout=10_000)
        assert window.notice_button.isEnabled()
        window.notice_button.click()
        qtbot.waitUntil(
            lambda: window.receipt_dialog is not None and window.receipt_dialog.isVisible(),
            timeout=10_000,
        )
        state = window.session.state
        assert state.phase is Phase.NOTICE
        [notice] = state.papers
        assert notice.receipt_no.startswith(services.intake.station_code + "-GZ")
        # registered: the next visit starts from its number
        assert services.cases.find_notice(notice.receipt_no) is not None
        dialog = window.receipt_dialog
        assert dialog is not None
        text = dialog.message.text()
        assert notice.receipt_no in text and all(w in text for w in words), text
        # the line under the materials says what did not print, not a bare printer state
        summary = window.intake_actions.summary.text()
        assert words[1] in summary, summary
        assert window.outcomes.paper_actions is not None
        window.grab().save(str(tmp_path / "notice_printer_down.png"))
        dialog.grab().save(str(tmp_path / "notice_printer_down_dialog.png"))
        dialog.reject()


@pytest.mark.parametrize(
    ("language", "words"),
    [("zh_CN", ("回执打印机", "打印机未连接")), ("en", ("Receipt printer", "not connected"))],
    indirect=["language"],
)
def test_banner_at_start_when_the_network_printer_does_not_answer(
    qtbot: QtBot, dead_printer: Path, tmp_path: Path, language: str, words: tuple[str, str]
) -> None:
    with clerk_window(qtbot, dead_printer, language=language, start=False) as (
        services, window
    ):
        assert services.printer_trouble is None  # the setting itself is fine
        assert not window.printer_banner.isVisible()
        window.start()  # the status check runs on the disk lane
        qtbot.waitUntil(window.printer_banner.isVisible, timeout=10_000)
        text = window.printer_banner.text()
        assert all(w in text for w in words), text
        window.grab().save(str(tmp_path / f"printer_down_banner_{language}.png"))


def test_banner_when_a_print_fails_after_a_good_start(
    qtbot: QtBot, station_dir: Path
) -> None:
    """The printer took the connection at start (it said nothing: no status known, no
    banner), then went away: the failed print brings the banner up."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    network_printer(station_dir, listener)
    with listener, clerk_window(qtbot, station_dir, language="en") as (services, window):
        assert window.tasks.wait_idle(10)  # the start's status check is over
        assert not window.printer_banner.isVisible()
        listener.close()  # switched off
        identify_sample(qtbot, window, services)
        window.picker.choose("YB-001")
        qtbot.waitUntil(lambda: window.session.state.storing == 0, timeout=10_000)
        window.notice_button.click()
        qtbot.waitUntil(window.printer_banner.isVisible, timeout=10_000)
        assert "not connected" in window.printer_banner.text()


def test_banner_when_a_receipt_does_not_print(
    qtbot: QtBot, station_dir: Path
) -> None:
    """An accepted case whose receipt finds the network printer gone shows the banner."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    network_printer(station_dir, listener)
    with listener, clerk_window(qtbot, station_dir, language="en") as (services, window):
        assert window.tasks.wait_idle(10)
        listener.close()
        identify_sample(qtbot, window, services)
        capture_required(qtbot, window, window.picker.choose("YB-001"))
        assert not window.printer_banner.isVisible()
        with qtbot.waitSignal(window.accepted, timeout=20_000):
            window.accept_button.click()
        qtbot.waitUntil(window.printer_banner.isVisible, timeout=10_000)
        assert "not connected" in window.printer_banner.text()


@pytest.mark.parametrize(
    ("language", "words"),
    [("zh_CN", "是一个文件夹，不是打印机或文件"), ("en", "is a folder, not a printer or a file")],
    indirect=["language"],
)
def test_a_folder_target_is_worded_alike_in_the_banner_and_the_paper_dialog(
    qtbot: QtBot, station_dir: Path, tmp_path: Path, language: str, words: str
) -> None:
    """Review 7c #4: the paper dialog said "not connected" where the banner and
    `yiwang devices diagnose` name the folder; both say the same now, a reprint too."""
    folder = tmp_path / "printdir"
    folder.mkdir()
    settings = load_device_settings(station_dir)
    save_device_settings(station_dir, replace(settings, printer=f"file:{folder}"))
    with clerk_window(qtbot, station_dir, language=language) as (services, window):
        assert words in window.printer_banner.text()
        identify_sample(qtbot, window, services)
        window.picker.choose("YB-001")
        qtbot.waitUntil(lambda: window.session.state.storing == 0, timeout=10_000)
        window.notice_button.click()
        qtbot.waitUntil(
            lambda: window.receipt_dialog is not None and window.receipt_dialog.isVisible(),
            timeout=10_000,
        )
        dialog = window.receipt_dialog
        assert dialog is not None
        assert words in dialog.message.text(), dialog.message.text()
        dialog.grab().save(str(tmp_path / f"folder_target_dialog_{language}.png"))
        dialog.reprint.click()
        qtbot.waitUntil(lambda: window.outcomes.error_box is not None, timeout=10_000)
        box = window.outcomes.error_box
        assert box is not None
        assert words in box.text(), box.text()
        box.close()
        dialog.reject()


@pytest.mark.parametrize(
    ("language", "words"),
    [("zh_CN", ("已登记", "未能打印")), ("en", ("was recorded", "not printed"))],
    indirect=["language"],
)
def test_refusal_is_recorded_once_when_the_printer_is_down(
    qtbot: QtBot, dead_printer: Path, language: str, words: tuple[str, str]
) -> None:
    """The refusal is numbered and queued before its paper prints: with the printer down
    the intake still ends refused and says the paper did not come out (it stayed open
    with a bare 打印机未连接, so the clerk refused again and a second refusal went to
    the platform; clerk review s12)."""
    with clerk_window(qtbot, dead_printer, language=language) as (services, window):
        identify_sample(qtbot, window, services)
        window.picker.choose("YB-001")
        dialog = window.ask_refusal()
        assert dialog is not None
        dialog.setTextValue(dialog.comboBoxItems()[0])
        dialog.accept()
        outcomes = window.outcomes
        qtbot.waitUntil(lambda: outcomes.info_box is not None, timeout=10_000)
        box = outcomes.info_box
        assert box is not None and box.objectName() == "refusalDone"
        assert all(w in box.text() for w in words), box.text()
        assert window.session.state.phase is not Phase.CAPTURING
        with contextlib.closing(sqlite3.connect(dead_printer / "station.db")) as db:
            [(queued,)] = db.execute(
                "SELECT COUNT(*) FROM case_outcomes WHERE kind = 'refusal'").fetchall()
        assert queued == 1  # issued once
        box.accept()

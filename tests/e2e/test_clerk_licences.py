"""电子证照 at the window against the reference platform: the applicant's licences are
listed by ID number (a keyed hash on the wire), only those the catalog lets stand in for
the selected material (its ``licence_kinds``) are offered, under a header naming that
material; the chosen one is filed as the material's page without paper, marked in the
manifest the platform receives; with the platform unreachable the action says it needs
the network and files nothing."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import requests
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from clerk_station.app import build_window
from clerk_station.licence_controller import LicenceDialog
from reference_platform.server import PlatformProcess
from station.context import open_station
from tests.helpers.clerk import capture_required, wait_for_platform

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"


@pytest.fixture(scope="module")
def platform(own_platform: PlatformProcess) -> PlatformProcess:
    """A platform of this module's own: the test stops and restarts it."""
    return own_platform


def test_licence_filed_as_material_and_marked_in_the_manifest(
    qtbot: QtBot, station_dir: Path, admin: Callable[..., Any], platform: PlatformProcess
) -> None:
    services = open_station(station_dir)
    window = build_window(services)
    qtbot.addWidget(window)
    window.show()
    window.start()
    try:
        sims = services.simulators
        assert sims is not None
        card = sims.sample_cards()[0]  # holds three sample licences
        sims.place_card(card)
        qtbot.waitUntil(lambda: window.session.state.person is not None, timeout=10_000)
        window.picker.choose("YB-001")
        item = window.session.state.item
        assert item is not None
        button = window.licences.button
        qtbot.waitUntil(button.isEnabled, timeout=10_000)
        codes = [m.code for m in item.materials]

        # the application form: no licence can stand in for it, so no button for it
        assert not item.material("M02").licence_kinds
        window.materials_panel.select_row(codes.index("M02"))
        qtbot.waitUntil(lambda: window.session.state.current_material == "M02", timeout=5_000)
        assert not button.isEnabled()

        # 出生医学证明: the applicant holds 户口簿, 结婚证, 不动产权证书 and none of them fits
        window.materials_panel.select_row(codes.index("M03"))
        qtbot.waitUntil(lambda: window.session.state.current_material == "M03", timeout=5_000)
        assert button.isEnabled()
        button.click()
        unfit = window.licences.dialog
        assert unfit is not None
        assert "出生医学证明" in unfit.windowTitle() and "出生医学证明" in unfit.header.text()
        qtbot.waitUntil(lambda: "none of which" in unfit.status.text(), timeout=20_000)
        assert "holds 3" in unfit.status.text() and "出生医学证明" in unfit.status.text()
        assert unfit.list.count() == 0 and not unfit.use_button.isEnabled()
        unfit.reject()

        # 参保人居民身份证或户口簿: only the 户口簿 is offered, and its long lines wrap
        window.materials_panel.select_row(codes.index("M01"))
        qtbot.waitUntil(lambda: window.session.state.current_material == "M01", timeout=5_000)
        button.click()
        dialog = window.licences.dialog
        assert dialog is not None and dialog is not unfit
        # (untranslated in tests: the English source; the zh wording is checked below)
        assert dialog.windowTitle() == "Choose an electronic licence for “参保人居民身份证或户口簿”"
        qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=20_000)
        row = dialog.list.item(0).text()
        assert "居民户口簿" in row and "(sample)" in row
        assert card.id_number not in row and card.name not in row
        dialog.resize(360, 420)  # narrower than the longest line
        QApplication.processEvents()
        assert dialog.list.horizontalScrollBar().maximum() == 0
        assert dialog.list.wordWrap()
        dialog.list.setCurrentRow(0)
        with qtbot.waitSignal(window.page_stored, timeout=20_000) as stored:
            dialog.use_button.click()
        assert stored.args is not None and stored.args[0] == "M01"
        assert window.session.state.note is not None
        assert window.session.state.note.code == "licence.filed"
        licence = dialog.licences[0]
        assert licence.kind == "hukou"
        assert stored.args[1] == licence.page_sha256
        capture_required(qtbot, window, item)  # the form M02; M01 is the licence

        with qtbot.waitSignal(window.accepted, timeout=20_000) as accepted:
            window.accept_button.click()
        assert accepted.args is not None
        submission = accepted.args[0].submission
        held = wait_for_platform(admin, submission.uuid)
        materials = {m["code"]: m for m in held["manifest"]["materials"]}
        assert materials["M01"]["electronic_licence"] == {
            "licence_id": licence.licence_id, "kind": "hukou",
            "number": licence.number, "issuer": licence.issuer,
        }  # fmt: skip
        assert "electronic_licence" not in materials["M02"]
        blobs = {b["sha256"]: b for b in held["blobs"]}
        assert blobs[licence.page_sha256]["verified"]
        page = requests.get(
            f"{platform.url}/v1/admin/blobs/{licence.page_sha256}", timeout=10,
            headers={"Authorization": f"Bearer {platform.admin_token}"},
        )  # fmt: skip
        assert hashlib.sha256(page.content).hexdigest() == licence.page_sha256

        # the platform unreachable: the action says it needs the network, files nothing
        window.reset()
        sims.place_card(card)
        qtbot.waitUntil(lambda: window.session.state.person is not None, timeout=10_000)
        window.picker.choose("YB-001")
        qtbot.waitUntil(button.isEnabled, timeout=10_000)
        platform.stop()
        try:
            button.click()
            offline = window.licences.dialog
            assert offline is not None and offline is not dialog
            qtbot.waitUntil(lambda: "网络" in offline.status.text(), timeout=30_000)
            assert offline.list.count() == 0 and not offline.use_button.isEnabled()
            assert offline.findChild(QPushButton, "useLicence") is offline.use_button
            offline.reject()
            assert window.licences.dialog is None
        finally:
            platform.restart()
    finally:
        window.shutdown()
        services.close()


def test_the_dialog_names_the_target_material_in_chinese(qtbot: QtBot) -> None:
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / "yiwang_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        dialog = LicenceDialog("出生医学证明")
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "为「出生医学证明」选择电子证照"
        assert dialog.header.text() == dialog.windowTitle()
        dialog.show_licences([], 2)
        assert dialog.status.text() == (
            "申请人有2项电子证照，但没有一项可以作为「出生医学证明」，请收取纸质材料。"
        )
    finally:
        QCoreApplication.removeTranslator(translator)

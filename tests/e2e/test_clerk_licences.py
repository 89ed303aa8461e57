"""电子证照 at the window against the reference platform: the applicant's licences are
listed by ID number (a keyed hash on the wire), the chosen one is filed as the selected
material's page without paper, marked in the manifest the platform receives; with the
platform unreachable the action says it needs the network and files nothing."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import requests
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from clerk_station.app import build_window
from reference_platform.server import PlatformProcess
from station.context import open_station
from tests.helpers.clerk import capture_required, wait_for_platform


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
        capture_required(qtbot, window, item)
        window.materials_panel.select_row([m.code for m in item.materials].index("M03"))
        qtbot.waitUntil(lambda: window.session.state.current_material == "M03", timeout=5_000)

        button.click()
        dialog = window.licences.dialog
        assert dialog is not None
        qtbot.waitUntil(lambda: dialog.list.count() == 3, timeout=20_000)
        rows = [dialog.list.item(i).text() for i in range(3)]
        assert "居民户口簿" in rows[0] and "(sample)" in rows[0]
        assert card.id_number not in "".join(rows) and card.name not in "".join(rows)
        dialog.list.setCurrentRow(0)
        with qtbot.waitSignal(window.page_stored, timeout=20_000) as stored:
            dialog.use_button.click()
        assert stored.args is not None and stored.args[0] == "M03"
        assert window.session.state.note is not None
        assert window.session.state.note.code == "licence.filed"
        licence = dialog.licences[0]
        assert stored.args[1] == licence.page_sha256

        with qtbot.waitSignal(window.accepted, timeout=20_000) as accepted:
            window.accept_button.click()
        assert accepted.args is not None
        submission = accepted.args[0].submission
        held = wait_for_platform(admin, submission.uuid)
        materials = {m["code"]: m for m in held["manifest"]["materials"]}
        assert materials["M03"]["electronic_licence"] == {
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

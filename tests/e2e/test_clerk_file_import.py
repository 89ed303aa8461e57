"""Camera missing: the window still opens; pages come from files (the file dialog)
and from the watched scan folder, through the same quality checks; the page strip
reorders and deletes; the case is accepted and reaches the platform intact."""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import cv2
from pytestqt.qtbot import QtBot

from clerk_station.app import build_window
from devices.camera.synthetic import render_document
from station.context import open_station
from station.device_settings import load_device_settings, save_device_settings
from station.intake_session import Phase
from tests.e2e.intakes import PHOTO_SIZE
from tests.helpers.clerk import wait_for_platform


def _photo(folder: Path, name: str, title: str, seed: int, *, blur: float = 0.6) -> Path:
    shot = render_document(
        title, f"YWDOC|{name}", seed=seed, blur=blur, noise=2.0, glare=False, size=PHOTO_SIZE
    )
    path = folder / name
    assert cv2.imwrite(str(path), shot.image)
    return path


def test_camera_missing_file_import_then_accept(
    qtbot: QtBot, station_dir: Path, tmp_path: Path, admin: Callable[..., Any]
) -> None:
    settings = load_device_settings(station_dir)
    save_device_settings(
        station_dir, dataclasses.replace(settings, camera=str(station_dir / "no-camera.mp4"))
    )
    services = open_station(station_dir)  # opens although the camera is missing
    window = build_window(services)
    qtbot.addWidget(window)
    window.show()
    window.start()
    capture = window.capturing
    try:
        sims = services.simulators
        assert sims is not None
        sims.place_card(sims.sample_cards()[0])
        qtbot.waitUntil(lambda: window.session.state.person is not None, timeout=10_000)
        window.picker.choose("YB-001")
        qtbot.waitUntil(lambda: "import" in capture.status.text(), timeout=10_000)
        assert not window.capture_button.isEnabled() or capture.preview.latest_frame is None

        # M01 from the file dialog: a blurred photo is refused, a sharp one kept
        shots = tmp_path / "shots"
        shots.mkdir()
        blurred = _photo(shots, "blurred.png", "居民身份证", 6, blur=3.5)
        dialog = capture.open_import_dialog()
        dialog.setDirectory(str(shots))
        dialog.selectFile(blurred.name)
        dialog.accept()
        qtbot.waitUntil(lambda: window.session.state.note is not None, timeout=20_000)
        assert window.session.state.note is not None
        assert window.session.state.note.code == "blurry" and window.session.state.pages == {}
        with qtbot.waitSignal(window.page_stored, timeout=20_000) as stored:
            capture.import_files([_photo(shots, "id.png", "居民身份证", 6)])
        assert stored.args is not None and stored.args[0] == "M01"

        # M02: two pages through the watched scan folder, then put in order, one deleted
        assert window.session.state.current_material == "M02"
        assert services.scan_inbox is not None
        services.scan_inbox.mkdir(parents=True, exist_ok=True)
        capture.watch_folder.setChecked(True)
        assert capture._inbox_timer.isActive()
        for scan in (
            _photo(services.scan_inbox, "form-0.png", "登记表 模糊", 20, blur=3.5),
            _photo(services.scan_inbox, "form-1.png", "登记表 第1页", 21),
            _photo(services.scan_inbox, "form-2.png", "登记表 第2页", 22),
        ):
            finished = time.time() - 5  # the scanner wrote them a while ago
            os.utime(scan, (finished, finished))
        # the folder's poll, twice (a file is taken once its size held between two
        # looks), from the timer's signal rather than two seconds of its real interval
        for _look in range(2):
            qtbot.waitUntil(lambda: not capture._inbox_busy, timeout=10_000)
            capture._inbox_timer.timeout.emit()
        qtbot.waitUntil(lambda: len(window.session.state.pages.get("M02", ())) == 2, timeout=20_000)
        # a stored page's plaintext copy is deleted (it is kept encrypted in blobs/); the
        # refused (blurred) one stays in taken/ where the clerk can import it again
        taken = services.scan_inbox / "taken"
        qtbot.waitUntil(lambda: len(list(taken.iterdir())) == 1, timeout=10_000)
        assert [p.name.endswith("-form-0.png") for p in taken.iterdir()] == [True]
        assert (shots / "id.png").exists()  # a file the clerk chose is never deleted
        first, second = window.session.state.pages["M02"]
        strip = capture.strip
        qtbot.waitUntil(lambda: strip.list.count() == 2, timeout=5_000)
        qtbot.waitUntil(lambda: not strip.list.item(1).icon().isNull(), timeout=10_000)
        strip.list.setCurrentRow(1)
        strip.earlier.click()
        assert window.session.state.pages["M02"] == (second, first)
        strip.list.setCurrentRow(1)
        strip.delete.click()
        assert window.session.state.pages["M02"] == (second,)

        assert window.session.state.phase is Phase.REVIEW
        with qtbot.waitSignal(window.accepted, timeout=20_000) as accepted:
            window.accept_button.click()
        assert accepted.args is not None
        submission = accepted.args[0].submission
        assert [m.pages for m in submission.materials][1] == (second,)
        held = wait_for_platform(admin, submission.uuid)
        assert {b["sha256"] for b in held["blobs"]} == set(submission.blob_hashes)
        assert all(b["verified"] for b in held["blobs"])
    finally:
        window.shutdown()
        services.close()

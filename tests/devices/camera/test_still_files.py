"""Rendered stills kept in files (devices.camera.still_files): a later process finds the
very picture instead of rendering it, a damaged file is rendered again, a change to
what draws them makes them unfound, and nothing is kept unless asked."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from devices.camera import simulated, still_files
from devices.camera.simulated import STILLS, SimulatedCamera

SIZE = (160, 120)  # small: this is about the files, not the picture


@pytest.fixture
def still_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(still_files.STILL_DIR_ENV, str(tmp_path / "stills"))
    monkeypatch.setattr(STILLS, "size", 0)  # as in a new process: nothing in memory
    return tmp_path / "stills"


def _files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.npz")) if folder.exists() else []


def test_a_later_process_reads_the_still_it_would_render(
    still_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = SimulatedCamera(SIZE, seed=5151)
    first.present("居民户口簿", "YWDOC|T|M01")
    first_frame = first.grab()
    assert len(_files(still_dir)) == 1
    rendered, corners = first._still, first.corners
    assert rendered is not None and corners is not None

    def no_rendering(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("rendered again")

    monkeypatch.setattr(simulated, "render_document", no_rendering)
    again = SimulatedCamera(SIZE, seed=5151)
    again.present("居民户口簿", "YWDOC|T|M01")
    assert again._still is not None and np.array_equal(again._still, rendered)
    assert not again._still.flags.writeable
    assert np.array_equal(again.corners, corners)  # type: ignore[arg-type]
    assert np.array_equal(again.grab(), first_frame)  # the same frames follow


def test_the_empty_desk_too(still_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    desk = SimulatedCamera(SIZE, seed=5152).grab()
    assert len(_files(still_dir)) == 1
    monkeypatch.setattr(simulated, "render_desk", lambda **_kw: 1 / 0)
    assert np.array_equal(SimulatedCamera(SIZE, seed=5152).grab(), desk)


def test_a_damaged_file_is_rendered_again(still_dir: Path) -> None:
    cam = SimulatedCamera(SIZE, seed=5153)
    cam.present("营业执照", "YWDOC|T|M02")
    rendered = cam._still
    assert rendered is not None
    (file,) = _files(still_dir)
    file.write_bytes(file.read_bytes()[:100])  # cut short
    again = SimulatedCamera(SIZE, seed=5153)
    again.present("营业执照", "YWDOC|T|M02")
    assert again._still is not None and np.array_equal(again._still, rendered)


def test_unset_keeps_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(still_files.STILL_DIR_ENV, raising=False)
    monkeypatch.setattr(STILLS, "size", 0)
    SimulatedCamera(SIZE, seed=5154).present("申请表", "x")
    assert still_files.load(("申请表", "x", 5154001, SIZE, ())) is None
    assert not list(tmp_path.iterdir())


def test_what_draws_them_is_in_the_name(tmp_path: Path) -> None:
    source = tmp_path / "synthetic.py"
    source.write_text("A = 1\n")
    before = still_files.fingerprint((source,), None)
    assert still_files.fingerprint((source,), None) == before
    source.write_text("A = 2\n")
    assert still_files.fingerprint((source,), None) != before


def test_a_folder_that_cannot_be_made_is_no_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(still_files.STILL_DIR_ENV, str(blocker / "stills"))
    monkeypatch.setattr(STILLS, "size", 0)
    cam = SimulatedCamera(SIZE, seed=5155)
    cam.present("申请表", "y")  # rendered, shown, kept nowhere
    assert cam._still is not None and cam.grab().shape == (120, 160, 3)

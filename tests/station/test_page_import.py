"""Imported files go through the camera pipeline's checks; hostile files are refused;
the watched folder hands each finished file over once."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

import cv2
import pytest
from PIL import Image

from devices.camera.synthetic import render_document, render_page
from intake.catalog import Catalog
from intake.errors import IntakeError
from station.intake_service import IntakeService
from station.intake_session import InlineRunner, IntakeSession
from station.page_import import FolderInbox, import_page
from ui_shared.error_text import error_text


def _photo(
    tmp_path: Path, name: str, *, blur: float = 0.6, size: tuple[int, int] = (1920, 1080)
) -> Path:
    shot = render_document(
        "居民户口簿", "YWDOC|T|M02", seed=6, blur=blur, noise=2.0, glare=False, size=size
    )
    path = tmp_path / name
    assert cv2.imwrite(str(path), shot.image)
    return path


def test_phone_photo_is_rectified_to_a4(tmp_path: Path) -> None:
    page = import_page(_photo(tmp_path, "photo.jpg"))
    assert (page.width, page.height) == (1654, 2339)
    assert page.jpeg[:2] == b"\xff\xd8"
    assert not [f for f in page.findings if f.code == "blurry"]


def test_flatbed_scan_is_taken_whole(tmp_path: Path) -> None:
    scan = render_page("申请表", b"YWDOC|T|M03", width_px=1240, seed=3)
    path = tmp_path / "scan.png"
    Image.fromarray(scan).save(path)
    page = import_page(path)
    assert page.height > page.width  # portrait A4, nothing cut away


def test_blurred_import_is_refused_by_the_session(
    tmp_path: Path, intake: IntakeService, catalog: Catalog
) -> None:
    session = IntakeSession(intake, catalog, InlineRunner())
    session.choose_item("SB-001")
    # smaller photos than a phone's (test_phone_photo_is_rectified_to_a4 takes one): the
    # same findings for a sixth of the CPU
    small = (960, 540)
    session.page_captured(import_page(_photo(tmp_path, "blurred.png", blur=3.5, size=small)))
    assert session.state.pages == {}
    assert session.state.note is not None and session.state.note.code == "blurry"
    session.page_captured(import_page(_photo(tmp_path, "sharp.jpg", size=small)))
    assert len(session.state.pages["M01"]) == 1


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("notes.txt", b"hello", "import.type"),
        ("fake.jpg", b"\xff\xd8 not really a jpeg", "import.not_image"),
        ("tiny.png", None, "import.too_small"),
        ("bomb.png", None, "import.too_many_pixels"),
    ],
)
def test_hostile_files_are_refused_in_chinese(
    tmp_path: Path, name: str, content: bytes | None, code: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    elif name == "tiny.png":
        Image.new("L", (40, 40), 255).save(path)
    else:
        Image.new("1", (8000, 8000), 1).save(path)  # 64 Mpx, a few kilobytes on disk
    with pytest.raises(IntakeError) as e:
        import_page(path)
    assert e.value.code == code
    assert any("\u4e00" <= ch <= "\u9fff" for ch in error_text(e.value))


def test_inbox_takes_each_finished_file_once(tmp_path: Path) -> None:
    inbox_dir = tmp_path / "scans"
    inbox_dir.mkdir()
    inbox = FolderInbox(inbox_dir, min_age_s=0.0)
    first = inbox_dir / "page1.jpg"
    first.write_bytes(b"partial")
    (inbox_dir / "readme.txt").write_text("not an image")
    assert inbox.take_ready() == []  # seen once: maybe still being written
    with open(first, "ab") as f:
        f.write(b" more")  # still growing
    assert inbox.take_ready() == []
    taken = inbox.take_ready()  # unchanged since the last look: finished
    assert [p.name.endswith("page1.jpg") for p in taken] == [True]
    assert taken[0].read_bytes() == b"partial more" and not first.exists()
    assert inbox.take_ready() == []
    assert (inbox_dir / "readme.txt").exists()


def test_inbox_discards_only_its_own_taken_files(tmp_path: Path) -> None:
    """Review 7a: a taken page stayed in plaintext in scans/taken/ for ever."""
    inbox_dir = tmp_path / "scans"
    inbox_dir.mkdir()
    inbox = FolderInbox(inbox_dir, min_age_s=0.0)
    (inbox_dir / "page1.jpg").write_bytes(b"page")
    assert inbox.take_ready() == []
    [taken] = inbox.take_ready()
    elsewhere = tmp_path / "page1.jpg"
    elsewhere.write_bytes(b"the clerk's own file")
    assert inbox.discard(elsewhere) is False and elsewhere.exists()
    assert inbox.discard(taken) is True and not taken.exists()
    assert inbox.discard(taken) is False  # already gone: no error


def test_inbox_never_follows_a_link(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """Whoever may drop files into the scan folder could link one to any image the
    station may read (another citizen's page left in taken/); such a link is left where
    it is, and a taken/ that is a link elsewhere receives nothing."""
    inbox_dir = tmp_path / "scans"
    inbox_dir.mkdir()
    secret = tmp_path / "another-citizens-page.jpg"
    secret.write_bytes(b"someone else's page")
    (inbox_dir / "page1.jpg").symlink_to(secret)
    inbox = FolderInbox(inbox_dir, min_age_s=0.0)
    assert inbox.take_ready() == [] and inbox.take_ready() == []
    assert (inbox_dir / "page1.jpg").is_symlink() and secret.read_bytes() == b"someone else's page"

    elsewhere = tmp_path / "collector"
    elsewhere.mkdir()
    elsewhere.chmod(0o755)  # whatever the process umask
    other = tmp_path / "scans2"
    other.mkdir()
    (other / "taken").symlink_to(elsewhere)
    (other / "page2.jpg").write_bytes(b"page")
    inbox = FolderInbox(other, min_age_s=0.0)
    with caplog.at_level(logging.WARNING, logger="station.page_import"):
        assert inbox.take_ready() == [] and inbox.take_ready() == []
    assert list(elsewhere.iterdir()) == [] and (other / "page2.jpg").exists()
    assert stat.S_IMODE(elsewhere.stat().st_mode) == 0o755  # not chmod'ed through the link
    assert "not a folder of the station's own" in caplog.text

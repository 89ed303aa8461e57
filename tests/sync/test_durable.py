"""The station's one atomic file writer (sync.durable), on real files in tmp."""

from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path

import pytest

from sync.durable import publish, replacing, write_private_file
from tests.helpers.fsync_spy import kinds, spy_fsync


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_private_file_replaces_whole_with_mode_0600(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "secret.json"
    target.write_bytes(b"old")
    synced = spy_fsync(monkeypatch)
    old_umask = os.umask(0o022)  # a umask that would leave the file world-readable
    try:
        write_private_file(target, b"new")
    finally:
        os.umask(old_umask)
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert kinds(synced) == ["file", "dir"]  # the data once, then the rename
    assert _names(tmp_path) == ["secret.json"]


def test_a_failing_rename_keeps_the_old_file_and_leaves_no_temp(tmp_path: Path) -> None:
    # a real fault: a file cannot replace a non-empty directory
    target = tmp_path / "busy"
    target.mkdir()
    (target / "inside").write_text("x")
    with pytest.raises(OSError):
        write_private_file(target, b"new")
    assert _names(tmp_path) == ["busy"]
    assert _names(target) == ["inside"]


def test_replacing_publishes_only_a_finished_file(tmp_path: Path) -> None:
    out = tmp_path / "bundle.zip"
    with replacing(out) as tmp, zipfile.ZipFile(tmp, "w") as zf:
        zf.writestr("a.txt", "one")
        assert not out.exists()  # nothing half-written under the real name
    assert zipfile.ZipFile(out).read("a.txt") == b"one"

    with pytest.raises(RuntimeError), replacing(out) as tmp:
        tmp.write_bytes(b"half")
        raise RuntimeError("writer failed")
    assert zipfile.ZipFile(out).read("a.txt") == b"one"
    assert _names(tmp_path) == ["bundle.zip"]


def test_publish_syncs_the_extra_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shard = tmp_path / "ab"
    shard.mkdir()
    tmp = tmp_path / ".tmp-1"
    tmp.write_bytes(b"blob")
    synced = spy_fsync(monkeypatch)
    publish(tmp, shard / "abcd", also_sync=(tmp_path,))
    assert (shard / "abcd").read_bytes() == b"blob"
    assert synced == [str(tmp), f"{shard}/", f"{tmp_path}/"]

"""Logging: one parseable line per event, rotation, the journal format, the personal-data
mask, and `yiwang logs [--follow]`."""

from __future__ import annotations

import logging
import os
import queue
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from yiwang import logs

LINE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (DEBUG|INFO|WARNING|ERROR) \S+ .*$")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def station(tmp_path: Path) -> Iterator[Path]:
    d = tmp_path / "station"
    d.mkdir()
    yield d
    logs.configure("INFO", None)  # release the file handlers


def _flush() -> None:
    for h in logging.getLogger().handlers:
        h.flush()


def test_one_parseable_line_per_event(station: Path) -> None:
    logs.configure("INFO", station, name="sync")
    log = logging.getLogger("sync.engine")
    log.info("delivered receipt=%s case=%s", "S001-20261203-0007", "C-19")
    try:
        raise ValueError("line one\nline two")
    except ValueError:
        log.exception("upload failed uuid=%s", "u-1")
    _flush()
    lines = (station / "logs" / "sync.log").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    assert all(LINE.match(line) for line in lines), lines
    assert lines[0].endswith(" INFO sync.engine delivered receipt=S001-20261203-0007 case=C-19")
    assert ' exc="Traceback (most recent call last):\\n' in lines[1]
    assert "line one\\nline two" in lines[1]


def test_journal_gets_the_line_without_timestamp(
    station: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("JOURNAL_STREAM", "8:12345")
    logs.configure("INFO", station, name="sync")
    logging.getLogger("sync.engine").warning("offline cause=network")
    _flush()
    assert capsys.readouterr().err == "WARNING sync.engine offline cause=network\n"
    assert LINE.match((station / "logs" / "sync.log").read_text(encoding="utf-8").strip())


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("card 11010519491231002X read", "card [ID] read"),
        ("card 110105194912310021, ok", "card [ID], ok"),
        ("applicant name=张三丰 item=HJ001", "applicant name=[masked] item=HJ001"),
        ('{"name": "张三丰", "gender": "男"}', '{"name": "[masked]", "gender": "男"}'),
        ("姓名：李四，住址：某某路1号", "姓名：[masked]，住址：[masked]"),
        ("Applicant_Name='王五'", "Applicant_Name='[masked]'"),
    ],
)
def test_personal_data_is_masked(message: str, expected: str) -> None:
    assert logs.mask_personal_data(message) == expected
    assert logs.mask_personal_data(expected) == expected  # idempotent


@pytest.mark.parametrize(
    "message",
    [
        "receipt S001-20261203-0007 delivered",
        "blob 3b1f0c5a2e9d8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b stored",
        "uuid 6f1c2b8e-1234-4abc-9def-0123456789ab",
        "uploaded 1234567 bytes in 12.5 s",
        "item_name=城乡居民基本养老保险",
    ],
)
def test_operational_data_is_left_alone(message: str) -> None:
    assert logs.mask_personal_data(message) == message


def test_filter_masks_arguments_and_tracebacks(station: Path) -> None:
    logs.configure("INFO", station, name="clerk")
    log = logging.getLogger("clerk_station.x")
    log.info("read card %s for name=%s", "11010519491231002X", "张三丰")
    try:
        raise RuntimeError("bad card 11010519491231002X")
    except RuntimeError:
        log.exception("failed")
    _flush()
    text = (station / "logs" / "clerk.log").read_text(encoding="utf-8")
    assert "11010519491231002X" not in text and "张三丰" not in text
    assert "read card [ID] for name=[masked]" in text and "bad card [ID]" in text


def test_rotation_and_logs_command_merge_in_time_order(
    station: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 4000)
    logs.configure("INFO", station, name="clerk")
    for n in range(400):
        logging.getLogger("clerk_station.window").info("event n=%03d", n)
    logs.configure("INFO", station, name="sync")
    logging.getLogger("sync.engine").info("event n=400")
    logs.configure("INFO", None)
    names = sorted(p.name for p in (station / "logs").iterdir())
    assert "clerk.log.1" in names and "sync.log" in names
    assert len(names) <= logs.BACKUPS + 2  # rotated generations are capped
    from yiwang.cli import main

    assert main(["logs", "--data-dir", str(station), "--lines", "0"]) == 0
    out = capsys.readouterr().out.splitlines()
    numbers = [int(line.rsplit("n=", 1)[1]) for line in out]
    assert numbers == sorted(numbers) and numbers[-1] == 400
    assert numbers[0] > 0  # the oldest generation beyond BACKUPS was dropped
    assert not (station / "logs" / "logs.log").exists()  # reading logs writes none


def test_logs_follow_prints_new_lines_across_rotation(station: Path) -> None:
    (station / "logs").mkdir()
    log_file = station / "logs" / "sync.log"
    log_file.write_text("2026-12-03T07:00:00.000Z INFO sync.engine old\n", encoding="utf-8")
    exe = Path(sys.executable).with_name("yiwang")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "yiwang"]
    proc = subprocess.Popen(
        [*cmd, "logs", "--data-dir", str(station), "--follow"],
        stdout=subprocess.PIPE, text=True, cwd=ROOT, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )  # fmt: skip
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(x) for x in proc.stdout or ()], daemon=True).start()
    try:
        assert lines.get(timeout=30).endswith(" old\n")
        with open(log_file, "a", encoding="utf-8") as f:
            f.write("2026-12-03T07:00:01.000Z INFO sync.engine new one\n")
        assert lines.get(timeout=30).endswith(" new one\n")
        log_file.rename(station / "logs" / "sync.log.1")  # rotated
        log_file.write_text("2026-12-03T07:00:02.000Z INFO sync.engine after\n", encoding="utf-8")
        assert lines.get(timeout=30).endswith(" after\n")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_missing_data_dir_gets_no_log_folder(tmp_path: Path) -> None:
    logs.configure("INFO", tmp_path / "absent", name="doctor")
    logs.configure("INFO", None)
    assert not (tmp_path / "absent").exists()


HOSTILE_LINE = ("2026-12-03T07:00:00.000Z ERROR sync.engine.periodic status pull failed: "
                "platform answered 422 \x1b]0;PWNED\x07\x1b[2J\x1b[1;31mbad\u202eevil<b>: "
                + "D" * 50_000 + "\n")


def test_logs_neutralises_an_already_written_hostile_line(
    station: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A line an older version wrote raw (review 7a) must not drive the terminal."""
    (station / "logs").mkdir()
    (station / "logs" / "sync.log").write_text(HOSTILE_LINE, encoding="utf-8")
    from yiwang.cli import main

    assert main(["logs", "--data-dir", str(station)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "[ESC]]0;PWNED[BEL][ESC][2J" in out and "status pull failed" in out
    assert len(out) < 10_000


def test_logs_follow_neutralises_new_hostile_lines(
    station: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from yiwang.commands import logs_cmd

    (station / "logs").mkdir()
    log_file = station / "logs" / "sync.log"
    log_file.write_text("", encoding="utf-8")
    start = logs_cmd.snapshot(station)
    log_file.write_text(HOSTILE_LINE + "2026-12-03T07:00:01.000Z INFO sync.engine fine\n",
                        encoding="utf-8")
    logs_cmd.follow(station, _StopAfterOnePass(), start=start)
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out and "[ESC]" in out
    assert out.endswith(" fine\n") and out.count("\n") == 2


class _StopAfterOnePass(threading.Event):
    """Unset for the first look at the files, set when follow() waits after it."""

    def wait(self, timeout: float | None = None) -> bool:
        self.set()
        return True

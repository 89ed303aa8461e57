"""`yiwang demo` stops everything it started and removes its temporary folder, on
SIGTERM and Ctrl+C (SIGINT), headless and with the window on its own Xvfb.

Headless, SIGTERM ends a real process; SIGINT takes the same path (recorded, acted on at
the next stop point, the same clean-up) and is sent to the command run in this process
(tests/helpers/cli_in_process.py) at the same moment, so its platform is this process's
child and its temporary folder in this test's."""

from __future__ import annotations

import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

from tests.helpers.cli_in_process import run_cli

ROOT = Path(__file__).resolve().parents[2]


def _children(pid: int) -> set[int]:
    """Every descendant of ``pid`` (from /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has stopped; only its exit status is left


def _start_demo(tmp: Path, *args: str, env: dict[str, str]) -> tuple[subprocess.Popen[str],
                                                                       queue.Queue[str]]:
    exe = Path(sys.executable).with_name("yiwang")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "yiwang"]
    proc = subprocess.Popen(
        [*cmd, "demo", *args], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True, env={**env, "TMPDIR": str(tmp), "PYTHONUNBUFFERED": "1"},
    )  # fmt: skip
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(x) for x in proc.stdout or ()], daemon=True).start()
    return proc, lines


def _wait_for(lines: queue.Queue[str], text: str) -> list[str]:
    seen: list[str] = []
    while not any(text in line for line in seen):
        seen.append(lines.get(timeout=120))
    return seen


def test_headless_demo_stops_everything_on_signal(tmp_path: Path) -> None:
    sig, code = signal.SIGTERM, 143
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    proc, lines = _start_demo(tmp_path, "--headless", "--count", "50", env=env)
    try:
        seen = _wait_for(lines, "scripted intake x50")
        assert any("reference platform" in line for line in seen)
        started = _children(proc.pid)
        assert any(_alive(p) for p in started), "the platform subprocess should be running"
        assert next(p.name for p in tmp_path.iterdir()).startswith("yiwang-demo-")
        proc.send_signal(sig)
        assert proc.wait(timeout=60) == code
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert not [p for p in started if _alive(p)], "a child of the demo survived it"
    assert list(tmp_path.iterdir()) == []  # the demo's folder is gone, and nothing else left


def test_headless_demo_stops_everything_on_ctrl_c(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from yiwang.commands import demo

    tmp = tmp_path / "tmp"
    tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))  # the demo's TMPDIR
    others = _children(os.getpid())  # this worker's own (its shared platform)
    seen: list[str] = []
    started: set[int] = set()
    say = demo._say

    def say_then_ctrl_c(text: str) -> None:
        say(text)
        seen.append(text)
        if text.startswith("scripted intake x50"):
            started.update(_children(os.getpid()) - others)
            assert any(_alive(p) for p in started), "the platform subprocess should be running"
            assert next(p.name for p in tmp.iterdir()).startswith("yiwang-demo-")
            signal.raise_signal(signal.SIGINT)  # what Ctrl+C in its terminal sends

    monkeypatch.setattr(demo, "_say", say_then_ctrl_c)
    r = run_cli("demo", "--headless", "--count", "50")
    assert r.returncode == 130, r.stdout + r.stderr
    assert started and any("reference platform" in line for line in seen)
    # stopped at the first stop point after the signal, before the first page: not at
    # the end of the first intake
    assert not [line for line in seen if line.lstrip().startswith("accepted ")], seen
    assert not [p for p in started if _alive(p)], "a child of the demo survived it"
    assert list(tmp.iterdir()) == []  # the demo's folder is gone, and nothing else left


@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb not installed")
@pytest.mark.parametrize(
    ("moment", "sig", "code"),
    [("station DEMO01 enrolled", signal.SIGTERM, 143),  # while Qt starts and the window is built
     ("sync run:", signal.SIGINT, 130)],  # the event loop runs (the engine made a pass)
)  # fmt: skip
def test_window_demo_prints_its_xvfb_display_and_stops_it(
    tmp_path: Path, moment: str, sig: signal.Signals, code: int
) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}  # fmt: skip
    proc, lines = _start_demo(tmp_path, env=env)
    try:
        seen = _wait_for(lines, moment)
        found = [re.search(r"Xvfb display (:\d+) ", line) for line in seen]
        display = next(m for m in found if m)[1]
        assert Path(f"/tmp/.X11-unix/X{display[1:]}").exists()
        started = _children(proc.pid)
        proc.send_signal(sig)
        assert proc.wait(timeout=60) == code
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    # Xvfb ends when the kernel tells it its parent ended: wait for that, briefly
    deadline = time.monotonic() + 10
    while any(_alive(p) for p in started) and time.monotonic() < deadline:
        time.sleep(0.05)
    survivors = {p: Path(f"/proc/{p}/cmdline").read_bytes() for p in started if _alive(p)}
    assert not survivors
    assert list(tmp_path.iterdir()) == []

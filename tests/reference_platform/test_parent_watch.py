"""A platform started by PlatformProcess ends when the process that started it is
killed (kill -9 of a test worker, an aborted run): it must not serve on, orphaned."""

from __future__ import annotations

import contextlib
import os
import select
import signal
import subprocess
import sys
from pathlib import Path

from reference_platform.parent_watch import PARENT_PIPE_ENV, ParentPipe, watch_parent

ROOT = Path(__file__).resolve().parents[2]

_PARENT = (
    "import sys\n"
    "from reference_platform.server import PlatformProcess\n"
    "platform = PlatformProcess(sys.argv[1]).start()\n"
    "print(platform.pid, flush=True)\n"
    "sys.stdin.read()\n"  # until killed
)


def test_platform_ends_when_its_parent_is_killed(tmp_path: Path) -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c", _PARENT, str(tmp_path / "platform.db")],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    platform_pid = 0
    try:
        assert parent.stdout is not None
        line = parent.stdout.readline()  # once the platform answers
        assert line.strip().isdigit(), line
        platform_pid = int(line)
        pidfd = os.pidfd_open(platform_pid)  # readable when that process has ended
        try:
            assert not select.select([pidfd], [], [], 0)[0]  # serving
            parent.kill()
            parent.wait(timeout=30)
            ended, _, _ = select.select([pidfd], [], [], 30)
            assert ended, "the platform still runs 30 s after its parent was killed"
        finally:
            os.close(pidfd)
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait(timeout=30)
        if platform_pid:
            with contextlib.suppress(ProcessLookupError):
                os.kill(platform_pid, signal.SIGKILL)
        for stream in (parent.stdin, parent.stdout):
            if stream is not None:
                stream.close()


def test_no_watch_without_a_pipe_from_the_parent() -> None:
    assert not watch_parent({})
    assert not watch_parent({PARENT_PIPE_ENV: "not a number"})


def test_each_end_of_the_pipe_is_closed_once(tmp_path: Path) -> None:
    """The child's end is closed after the start and again "if still open" at the stop:
    a second close would shut whatever file got that number meanwhile (it closed a
    socket of the readiness check's session)."""
    pipe = ParentPipe()
    number = pipe.child_fd
    pipe.close_child_end()
    with open(tmp_path / "reuse", "wb") as f:
        if f.fileno() != number:  # another thread took the number first
            pipe.close()
            return
        pipe.close()
        os.fstat(f.fileno())  # still ours

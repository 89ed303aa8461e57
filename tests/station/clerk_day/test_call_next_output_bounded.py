"""Review #15 (attacker): the call-next hook's output was read whole into memory
(``capture_output``) before it was capped, stderr too: a queuing command that prints
without end (or a hostile one) could fill the station's memory within its 5 seconds.
Now only the first MAX_OUTPUT bytes are kept; the rest is drained and dropped."""

from __future__ import annotations

import sys
import tracemalloc
from pathlib import Path

import pytest

from station.call_next import MAX_OUTPUT, CallNext, CallNextError

FLOOD = 48 * 1024 * 1024


def _script(tmp_path: Path, body: str) -> list[str]:
    path = tmp_path / "hall_queue.py"
    path.write_text(body, encoding="utf-8")
    return [sys.executable, str(path)]


def test_a_flood_of_output_costs_no_memory(tmp_path: Path) -> None:
    argv = _script(
        tmp_path,
        "import sys\n"
        "sys.stdout.buffer.write(b'A12\\n')\n"
        f"sys.stderr.buffer.write(b'e' * {FLOOD})\n"
        f"sys.stdout.buffer.write(b'x' * {FLOOD})\n",
    )
    tracemalloc.start()
    try:
        ticket = CallNext(argv, timeout=30)(station="S", clerk="c")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert ticket == "A12"
    assert peak < 2 * 1024 * 1024, peak


def test_a_command_that_never_stops_printing_times_out(tmp_path: Path) -> None:
    argv = _script(tmp_path, "import sys\nwhile True:\n    sys.stdout.write('B7\\n' * 1000)\n")
    with pytest.raises(CallNextError) as e:
        CallNext(argv, timeout=0.2)(station="S", clerk="c")  # it never stops: any timeout
    assert e.value.code == "call_next_timeout"


def test_only_the_head_is_read(tmp_path: Path) -> None:
    argv = _script(tmp_path, f"print('Z' * {MAX_OUTPUT * 4})")
    assert CallNext(argv)(station="S", clerk="c") is None  # one huge line is no ticket

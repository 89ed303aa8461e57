"""`yiwang devices read-id --timeout N` gives up after N seconds, whatever the reader
does: the whole read (every command, every retry) ends by one deadline. A reader that
never answers used to take three tries of each command (3 x N s and more). Against the
ID card simulator on a pty; exit code 1 (the device failed, sync.exit_codes.TABLE)."""

from __future__ import annotations

import json
import time

from devices.idcard.reader import detect_port
from devices.idcard.simulator import IdCardSimulator, SimulatorFaults
from sync.exit_codes import ExitCode
from tests.helpers.cli_in_process import run_cli


def test_a_silent_reader_is_given_up_on_at_the_timeout() -> None:
    silent = IdCardSimulator(faults=SimulatorFaults(silent=True))
    port = silent.start()
    try:
        started = time.monotonic()
        r = run_cli("devices", "read-id", "--port", port, "--timeout", "1", "--json")
        took = time.monotonic() - started
    finally:
        silent.stop()
    assert r.returncode == int(ExitCode.FAILED) == 1, r.stderr
    said = json.loads(r.stdout)
    assert said["error"] == "timeout"
    assert said["message_en"] == f"the ID card reader on {port} did not answer within 1 s"
    assert "身份证阅读器无响应" in said["message_zh"]
    # one try of find_card, cut at the deadline (the old code tried it three times: 3 s)
    assert 1.0 <= took < 2.0


def test_a_slow_reader_and_an_empty_one_end_at_the_timeout_too() -> None:
    slow = IdCardSimulator(faults=SimulatorFaults(delay=0.8))  # each answer after 0.8 s
    port = slow.start()
    try:
        started = time.monotonic()
        r = run_cli("devices", "read-id", "--port", port, "--timeout", "1")
        took = time.monotonic() - started
    finally:
        slow.stop()
    # find_card answered (0.8 s); select_card would answer at 1.6 s: past the timeout
    assert r.returncode == 1 and took < 1.6, (took, r.stderr)
    assert "within 1 s" in r.stderr

    empty = IdCardSimulator([])
    port = empty.start()
    try:
        started = time.monotonic()
        r = run_cli("devices", "read-id", "--port", port, "--timeout", "0.5")
        took = time.monotonic() - started
    finally:
        empty.stop()
    assert r.returncode == 1 and 0.5 <= took < 1.2, (took, r.stderr)
    assert f"no card was presented on {port} within 0.5 s" in r.stderr
    assert "找卡不成功" in r.stderr


def test_a_timeout_that_is_not_a_number_of_seconds_is_refused() -> None:
    for value in ("0", "-1", "nan", "soon"):
        r = run_cli("devices", "read-id", "--port", "/dev/null", "--timeout", value)
        assert r.returncode == int(ExitCode.CONFIG) == 2  # argparse: the arguments are wrong
        assert "--timeout" in r.stderr and "Traceback" not in r.stderr


def test_probing_for_the_reader_stops_at_the_deadline() -> None:
    silent = IdCardSimulator(faults=SimulatorFaults(silent=True))
    port = silent.start()
    try:
        started = time.monotonic()
        assert detect_port([port], timeout=0.5, deadline=started + 0.2) is None
        assert time.monotonic() - started < 0.45  # its one try was cut at the deadline
        assert detect_port([port], timeout=0.5, deadline=time.monotonic()) is None
    finally:
        silent.stop()

"""SerialScanner over a real pty, fed by SerialScannerSimulator."""

from __future__ import annotations

import queue
from collections.abc import Iterator

import pytest

from devices.scanner import (
    LineAssembler,
    Scan,
    Scanner,
    ScannerError,
    SerialScanner,
    SerialScannerSimulator,
)
from devices.scanner.serial_scanner import decode_payload


@pytest.fixture
def sim() -> Iterator[SerialScannerSimulator]:
    with SerialScannerSimulator() as s:
        yield s


def started(port: str, **kw: object) -> tuple[SerialScanner, queue.Queue[Scan]]:
    q: queue.Queue[Scan] = queue.Queue()
    scanner = SerialScanner(port, 9600, **kw)  # type: ignore[arg-type]
    scanner.start(q.put)
    return scanner, q


def take(q: queue.Queue[Scan], n: int) -> list[str]:
    return [q.get(timeout=5).text for _ in range(n)]


def test_scans_over_a_pty(sim: SerialScannerSimulator) -> None:
    assert sim.path is not None
    scanner, q = started(sim.path)
    assert isinstance(scanner, Scanner)
    try:
        sim.scan("YW:S001-20261125-0001")
        sim.scan("6901234567892", terminator="\r\n")
        sim.scan("受理回执", terminator="\n")
        assert take(q, 3) == ["YW:S001-20261125-0001", "6901234567892", "受理回执"]
        assert q.empty()
    finally:
        scanner.stop()


def test_split_writes_garbage_and_gb18030(sim: SerialScannerSimulator) -> None:
    assert sim.path is not None
    scanner, q = started(sim.path)
    try:
        sim.scan("SLOW-123", char_delay=0.002)
        sim.write(b"\r\n\r\n\x00\x1b\r")  # blank lines and control junk: nothing
        sim.write("张三".encode("gb18030") + b"\r")
        assert take(q, 2) == ["SLOW-123", "张三"]
        assert scanner.rejected == 1
    finally:
        scanner.stop()


def test_idle_flush_for_scanners_without_suffix(sim: SerialScannerSimulator) -> None:
    assert sim.path is not None
    scanner, q = started(sim.path, idle_flush=0.05)
    try:
        sim.scan("NOSUFFIX", terminator="")
        assert take(q, 1) == ["NOSUFFIX"]
    finally:
        scanner.stop()


def test_unplugged_port_reports_error(sim: SerialScannerSimulator) -> None:
    assert sim.path is not None
    errors: queue.Queue[BaseException] = queue.Queue()
    scanner = SerialScanner(sim.path, on_error=errors.put)
    scanner.start(lambda s: None)
    try:
        sim.stop()
        err = errors.get(timeout=5)
        assert isinstance(err, ScannerError) and err.code == "disconnected"
        assert err.message_zh == "扫码枪已断开，请检查连接"
    finally:
        scanner.stop()


def test_open_failure_is_a_scanner_error() -> None:
    with pytest.raises(ScannerError) as info:
        SerialScanner("/dev/does-not-exist").start(lambda s: None)
    assert info.value.code == "open_failed"
    assert "/dev/does-not-exist" in info.value.message_zh


def test_line_assembler() -> None:
    a = LineAssembler()
    assert a.feed(b"AB") == []
    assert a.feed(b"C\r\nDE\nF") == [b"ABC", b"DE"]
    assert a.flush() == [b"F"]
    tab = LineAssembler("\t")
    assert tab.feed(b"X\rY\tZ") == [b"X\rY"]
    capped = LineAssembler(max_length=2)
    assert capped.feed(b"123456789\rok\r") == [b"ok"]
    assert capped.rejected == 1
    with pytest.raises(ValueError):
        LineAssembler("")


def test_decode_payload_fallbacks() -> None:
    assert decode_payload("é".encode()) == "é"
    assert decode_payload("回执".encode("gb18030")) == "回执"
    assert decode_payload(b"\xff\xfe\xff") == "\xff\xfe\xff"  # Latin-1, the last resort

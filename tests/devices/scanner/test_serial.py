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
from ui_shared.error_text import error_text


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
        sim.write(b"\r\n\r\n\x00\x1b\r")  # blank lines: nothing; control bytes: as sent
        sim.write("张三".encode("gb18030") + b"\r")
        # The requirement changed (issue 9): control characters are delivered exactly
        # and cleaned for display only, when shown.
        assert take(q, 3) == ["SLOW-123", "\x00\x1b", "张三"]
        assert scanner.rejected == 0
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
        assert error_text(err) == "扫码枪已断开，请检查连接"
    finally:
        scanner.stop()


def test_open_failure_is_a_scanner_error() -> None:
    with pytest.raises(ScannerError) as info:
        SerialScanner("/dev/does-not-exist").start(lambda s: None)
    assert info.value.code == "open_failed"
    assert "/dev/does-not-exist" in error_text(info.value)


def test_line_assembler() -> None:
    a = LineAssembler()
    assert a.feed(b"AB") == []
    assert a.feed(b"C\r\nDE\nF") == [b"ABC", b"DE"]
    assert a.flush() == [b"F"]
    # An exact suffix ends a payload only at the end of a burst (silence after it),
    # so the same byte inside the code is kept (issue 9).
    tab = LineAssembler("\t", settle=0.05)
    assert tab.feed(b"X\rY\tZ\t", 0.0) == []
    assert tab.poll(0.01) == []  # not settled: more of the code may come
    assert tab.poll(0.06) == [b"X\rY\tZ"]
    assert tab.feed(b"A\t", 1.0) == []
    assert tab.feed(b"B\t", 2.0) == [b"A"]  # the next burst after a pause
    assert tab.feed(b"C", 3.0) == [b"B"]
    assert tab.poll(9.0) == []  # no suffix, no idle flush: wait
    assert tab.poll(9.0, idle_flush=0.2) == [b"C"]
    crlf = LineAssembler("\r\n")
    assert crlf.feed(b"L1\r\nL2\r\n", 0.0) == [] and crlf.poll(1.0) == [b"L1\r\nL2"]
    capped = LineAssembler(max_length=2)
    assert capped.feed(b"123456789\rok\r") == [b"ok"]
    assert capped.rejected == 1
    with pytest.raises(ValueError):
        LineAssembler("")


def test_decode_payload_fallbacks() -> None:
    assert decode_payload("é".encode()) == "é"
    assert decode_payload("回执".encode("gb18030")) == "回执"
    assert decode_payload(b"\xff\xfe\xff") == "\xff\xfe\xff"  # Latin-1, the last resort
    assert decode_payload("こんにちは".encode("shift_jis")) == "こんにちは"
    assert decode_payload(b" a\x1db\r\n ") == " a\x1db\r\n "


# --- issue 9: exactly what the scanner sent, over the pty ---------------------------


def take_scans(q: queue.Queue[Scan], n: int) -> list[Scan]:
    return [q.get(timeout=5) for _ in range(n)]


def test_gs1_separators_over_the_pty(sim: SerialScannerSimulator) -> None:
    assert sim.path is not None
    scanner, q = started(sim.path, terminator="\r")
    gs1 = "0109501101530003\x1d10ABC123\x1d17260101"
    try:
        sim.scan(gs1)
        [scan] = take_scans(q, 1)
        assert scan.text == gs1
        assert scan.raw == gs1.encode("ascii") and scan.charset == "utf-8"
        assert scan.source == f"serial:{sim.path}"
    finally:
        scanner.stop()


def test_leading_and_trailing_spaces_over_the_pty(sim: SerialScannerSimulator) -> None:
    assert sim.path is not None
    scanner, q = started(sim.path)  # factory default suffix handling ("auto")
    try:
        sim.scan("  YW 001  ")
        sim.scan("\t x \t", terminator="\n")
        assert take(q, 2) == ["  YW 001  ", "\t x \t"]
    finally:
        scanner.stop()


def test_embedded_crlf_with_a_cr_terminated_scanner(sim: SerialScannerSimulator) -> None:
    assert sim.path is not None
    scanner, q = started(sim.path, terminator="\r")
    try:
        sim.scan("LINE1\r\nLINE2")  # the scanner appends its CR suffix
        [scan] = take_scans(q, 1)
        assert scan.text == "LINE1\r\nLINE2"
        assert scan.raw == b"LINE1\r\nLINE2"
        sim.scan("ends with CR\r")  # a code whose last byte is the suffix byte itself
        assert take(q, 1) == ["ends with CR\r"]
        assert q.empty()
    finally:
        scanner.stop()


def test_gb18030_and_shift_jis_bytes_kept_beside_the_text() -> None:
    with SerialScannerSimulator(encoding="gb18030") as gb_sim:
        assert gb_sim.path is not None
        scanner, q = started(gb_sim.path, terminator="\r\n")
        try:
            gb_sim.scan(" 受理回执\x1d张三 ", terminator="\r\n")
            [scan] = take_scans(q, 1)
            assert scan.text == " 受理回执\x1d张三 "
            assert scan.raw == " 受理回执\x1d张三 ".encode("gb18030")
            assert scan.charset == "gb18030"
        finally:
            scanner.stop()
    with SerialScannerSimulator(encoding="shift_jis") as sjis_sim:
        assert sjis_sim.path is not None
        scanner, q = started(sjis_sim.path)
        try:
            sjis_sim.scan("こんにちは")
            [scan] = take_scans(q, 1)
            assert (scan.text, scan.charset) == ("こんにちは", "shift_jis")
            assert scan.raw == "こんにちは".encode("shift_jis")
        finally:
            scanner.stop()


def test_over_long_scan_discarded_whole_over_the_pty(sim: SerialScannerSimulator) -> None:
    assert sim.path is not None
    scanner, q = started(sim.path, max_length=8)
    try:
        sim.scan("123456789")  # nine characters: over the cap, never cut to eight
        sim.scan("12345678")
        assert take(q, 1) == ["12345678"]
        assert scanner.rejected == 1
    finally:
        scanner.stop()

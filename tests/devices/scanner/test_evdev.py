"""EvdevScanner: decoding recorded `struct input_event` bytes (no real input
devices can be created here, so the stream comes from a pipe or a file)."""

from __future__ import annotations

import os
import struct
import threading
from pathlib import Path

import pytest

from devices.scanner import EvdevKeyDecoder, EvdevScanner, Scan, Scanner, ScannerError
from devices.scanner.evdev import (
    EV_KEY,
    EVENT_FORMAT,
    EVENT_SIZE,
    KEY_CAPSLOCK,
    KEY_ENTER,
    KEY_LEFTCTRL,
    KEY_LEFTSHIFT,
    encode_event,
    iter_events,
    text_to_events,
)
from ui_shared.error_text import error_text

PRINTABLE = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    " !@#$%^&*()-_=+[]{};:'\",.<>/?\\|`~"
)


def decode(data: bytes, **kw: object) -> list[str]:
    dec = EvdevKeyDecoder(**kw)  # type: ignore[arg-type]
    return [s.text for s in dec.feed(iter_events(data)) + dec.flush()]


def test_event_layout_is_the_kernel_struct() -> None:
    assert EVENT_SIZE == struct.calcsize("llHHi") == (24 if struct.calcsize("l") == 8 else 16)
    raw = encode_event(EV_KEY, 30, 1, at=12.5)
    (ev,) = iter_events(raw)
    assert (ev.time, ev.type, ev.code, ev.value) == (12.5, EV_KEY, 30, 1)
    assert struct.unpack(EVENT_FORMAT, raw)[:2] == (12, 500000)


def test_us_layout_round_trip_every_printable_character() -> None:
    assert decode(text_to_events(PRINTABLE + "\r")) == [PRINTABLE.strip()]


def test_hand_recorded_stream_with_shift_and_repeat() -> None:
    ev = [
        (EV_KEY, KEY_LEFTSHIFT, 1), (EV_KEY, 35, 1), (EV_KEY, 35, 0),   # H
        (EV_KEY, KEY_LEFTSHIFT, 0),
        (EV_KEY, 18, 1), (EV_KEY, 18, 0),                               # e
        (EV_KEY, 4, 1), (EV_KEY, 4, 2), (EV_KEY, 4, 0),                 # 3, auto-repeat 3
        (EV_KEY, 54, 1), (EV_KEY, 4, 1), (EV_KEY, 4, 0), (EV_KEY, 54, 0),  # right shift: #
        (EV_KEY, 0x1D0, 1), (EV_KEY, 0x1D0, 0),                          # KEY_FN: unmapped
        (EV_KEY, KEY_ENTER, 1), (EV_KEY, KEY_ENTER, 0),
    ]
    data = b"".join(encode_event(t, c, v) for t, c, v in ev)
    dec = EvdevKeyDecoder()
    assert [s.text for s in dec.feed(iter_events(data))] == ["He33#"]
    assert dec.unmapped == 1


def test_caps_lock_inverts_letters_only() -> None:
    data = (encode_event(EV_KEY, KEY_CAPSLOCK, 1) + encode_event(EV_KEY, KEY_CAPSLOCK, 0)
            + text_to_events("aB1!\r"))
    assert decode(data) == ["Ab1!"]


def test_keypad_digits_and_enter() -> None:
    data = b"".join(encode_event(EV_KEY, c, v) for c in (79, 80, 81, 82, 96) for v in (1, 0))
    assert decode(data) == ["1230"]


def test_tab_terminates_unless_disabled() -> None:
    data = text_to_events("AB12\tCD34\r")
    assert decode(data) == ["AB12", "CD34"]
    # The requirement changed (issue 9): a Tab that does not end the code is part of it.
    assert decode(data, tab_terminates=False) == ["AB12\tCD34"]


def test_gs1_separator_typed_as_ctrl_bracket_is_kept() -> None:
    gs1 = "0109501101530003\x1d10ABC123\x1d17260101"
    data = text_to_events(gs1 + "\r")
    keys = [(e.code, e.value) for e in iter_events(data) if e.type == EV_KEY]
    gs_at = keys.index((KEY_LEFTCTRL, 1))
    assert keys[gs_at + 1] == (27, 1)  # GS is typed as Ctrl+]
    assert decode(data) == [gs1]
    # recorded by hand: Right Ctrl held over "]"
    ev = [(97, 1), (27, 1), (27, 0), (97, 0), (30, 1), (30, 0), (KEY_ENTER, 1)]
    assert decode(b"".join(encode_event(EV_KEY, c, v) for c, v in ev)) == ["\x1da"]


def test_leading_and_trailing_spaces_are_kept() -> None:
    assert decode(text_to_events("  YW 001  \r")) == ["  YW 001  "]


def test_embedded_crlf_with_a_cr_terminated_scanner() -> None:
    # Enter types CR; Ctrl+J types LF. Only the final CR (the suffix) is removed.
    data = text_to_events("LINE1\r\nLINE2\r")
    assert decode(data, terminator="\r") == ["LINE1\r\nLINE2"]
    assert decode(data) == ["LINE1", "\nLINE2"]  # "auto" ends at every Enter (documented)


def test_over_long_scan_is_discarded() -> None:
    assert decode(text_to_events("x" * 30 + "\rok\r"), max_length=10) == ["ok"]


def test_partial_trailing_record_ignored() -> None:
    data = text_to_events("A1\r")
    assert len(list(iter_events(data + data[:5]))) == len(data) // EVENT_SIZE


def test_text_to_events_rejects_untypable() -> None:
    with pytest.raises(ValueError):
        text_to_events("张")


def _collect(scanner: EvdevScanner, n: int, timeout: float = 5.0) -> list[Scan]:
    got: list[Scan] = []
    done = threading.Event()

    def on_scan(scan: Scan) -> None:
        got.append(scan)
        if len(got) >= n:
            done.set()

    scanner.start(on_scan)
    assert done.wait(timeout), got
    return got


def test_scanner_thread_reads_a_pipe_in_odd_chunks(tmp_path: Path) -> None:
    fifo = tmp_path / "event-fifo"
    os.mkfifo(fifo)
    data = text_to_events("YW:S001-20261125-0001\r6901234567892\r")
    errors: list[BaseException] = []
    scanner = EvdevScanner(str(fifo), grab=False, on_error=errors.append)
    assert isinstance(scanner, Scanner)
    writer_ready = threading.Event()

    def write() -> None:
        with open(fifo, "wb", buffering=0) as f:
            writer_ready.set()
            for i in range(0, len(data), 37):  # split records across writes
                f.write(data[i:i + 37])

    t = threading.Thread(target=write)
    t.start()
    try:
        got = _collect(scanner, 2)
    finally:
        scanner.stop()
        t.join()
    assert [s.text for s in got] == ["YW:S001-20261125-0001", "6901234567892"]
    assert {s.source for s in got} == {f"evdev:{fifo}"}
    assert errors == []  # EOF on a fifo is not a vanished device


def test_scanner_idle_flush_without_enter(tmp_path: Path) -> None:
    recorded = tmp_path / "recording.bin"
    recorded.write_bytes(text_to_events("NOSUFFIX42"))
    scanner = EvdevScanner(str(recorded), grab=False, idle_flush=0.05)
    try:
        got = _collect(scanner, 1)
    finally:
        scanner.stop()
    assert got[0].text == "NOSUFFIX42"


def test_missing_device_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ScannerError) as info:
        EvdevScanner(str(tmp_path / "event99")).start(lambda s: None)
    assert info.value.code == "not_found"
    assert "扫码枪" in error_text(info.value)


def test_grab_fails_on_something_that_is_not_an_input_device(tmp_path: Path) -> None:
    f = tmp_path / "plain"
    f.write_bytes(b"")
    with pytest.raises(ScannerError) as info:
        EvdevScanner(str(f)).probe()
    assert info.value.code == "grab_failed"
    assert "无法独占" in error_text(info.value)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read anything")
def test_unreadable_device_names_the_input_group(tmp_path: Path) -> None:
    f = tmp_path / "event0"
    f.write_bytes(b"")
    f.chmod(0)
    with pytest.raises(ScannerError) as info:
        EvdevScanner(str(f)).probe()
    assert info.value.code == "permission_denied"
    assert "input" in error_text(info.value)

from __future__ import annotations

import pytest

from devices.scanner import (
    EvdevScanner,
    ScannerError,
    ScannerSpec,
    SerialScanner,
    capped_payload,
    check_scanner,
    open_scanner,
    parse_scanner_spec,
)
from ui_shared.error_text import code_text, error_text


def test_capped_payload_keeps_every_character() -> None:
    # The requirement changed (issue 9): scans are exact; cleaning is for display only.
    assert capped_payload("  abc\r\n") == "  abc\r\n"
    assert capped_payload("a\u200bb\u202ec\x1b[31m") == "a\u200bb\u202ec\x1b[31m"
    assert capped_payload("\x00\x01") == "\x00\x01"
    assert capped_payload("]C1010123456789012815\x1d3103000123") == (
        "]C1010123456789012815\x1d3103000123")
    assert capped_payload("") is None
    assert capped_payload("x" * 11, max_length=10) is None
    assert capped_payload("x" * 10, max_length=10) == "x" * 10
    assert capped_payload("张三 ¥1") == "张三 ¥1"


@pytest.mark.parametrize(
    ("text", "spec"),
    [
        ("none", ScannerSpec("none")),
        ("", ScannerSpec("none")),
        ("wedge", ScannerSpec("wedge")),
        ("serial:/dev/ttyACM0", ScannerSpec("serial", "/dev/ttyACM0")),
        ("serial:/dev/ttyUSB1?baudrate=115200&suffix=crlf",
         ScannerSpec("serial", "/dev/ttyUSB1", 115200, "\r\n")),
        ("evdev:/dev/input/event7", ScannerSpec("evdev", "/dev/input/event7")),
        ("serial:/dev/ttyACM0?suffix=cr", ScannerSpec("serial", "/dev/ttyACM0", 9600, "\r")),
        ("serial:/dev/ttyACM0?suffix=tab", ScannerSpec("serial", "/dev/ttyACM0", 9600, "\t")),
        ("evdev:/dev/input/event7?suffix=none",
         ScannerSpec("evdev", "/dev/input/event7", terminator="")),
        ("wedge?suffix=tab", ScannerSpec("wedge", terminator="\t")),
    ],
)
def test_parse_spec(text: str, spec: ScannerSpec) -> None:
    assert parse_scanner_spec(text) == spec


@pytest.mark.parametrize("text", ["usb:1234", "serial:", "serial:/dev/x?baudrate=fast",
                                  "serial:/dev/x?parity=E", "evdev:/dev/x?grab=0", "nonsense",
                                  "serial:/dev/x?suffix=none", "wedge?suffix=semicolon",
                                  "wedge?grab=1"])
def test_bad_spec(text: str) -> None:
    with pytest.raises(ScannerError) as info:
        parse_scanner_spec(text)
    assert info.value.code == "bad_spec" and error_text(info.value) == "扫码枪配置错误"


def test_wedge_terminator_follows_the_suffix() -> None:
    assert parse_scanner_spec("wedge").wedge_terminator == "\r"
    assert parse_scanner_spec("wedge?suffix=crlf").wedge_terminator == "\r\n"
    assert parse_scanner_spec("wedge?suffix=none").wedge_terminator is None


def test_open_scanner() -> None:
    assert open_scanner("none") is None and open_scanner("wedge") is None
    assert isinstance(open_scanner("serial:/dev/ttyACM0"), SerialScanner)
    assert isinstance(open_scanner("evdev:/dev/input/event3"), EvdevScanner)
    serial_cr = open_scanner("serial:/dev/ttyACM0?suffix=cr")
    assert isinstance(serial_cr, SerialScanner) and serial_cr.assembler.ends == b"\r"
    evdev_tab = open_scanner("evdev:/dev/input/event3?suffix=tab")
    assert isinstance(evdev_tab, EvdevScanner) and evdev_tab.decoder.terminator == "\t"


def test_check_scanner_without_hardware() -> None:
    none = check_scanner("none")
    assert none == {"configured": False, "ok": True, "code": "not_configured", "params": {},
                    "detail_en": "no scanner configured"}
    assert code_text(f"scanner.{none['code']}", none["params"]) == "未配置扫码枪"
    assert check_scanner("wedge")["ok"] is True
    bad = check_scanner("evdev:/nonexistent/event0")
    assert bad["ok"] is False and "未找到扫码枪" in error_text(bad["error"])
    assert check_scanner("bogus")["ok"] is False

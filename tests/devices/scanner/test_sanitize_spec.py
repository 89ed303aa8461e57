from __future__ import annotations

import pytest

from devices.scanner import (
    EvdevScanner,
    ScannerError,
    ScannerSpec,
    SerialScanner,
    check_scanner,
    open_scanner,
    parse_scanner_spec,
    sanitize_payload,
)


def test_sanitize() -> None:
    assert sanitize_payload("  abc\r\n") == "abc"
    assert sanitize_payload("a\u200bb\u202ec\x1b[31m") == "abc[31m"
    assert sanitize_payload("\x00\x01") is None
    assert sanitize_payload("x" * 11, max_length=10) is None
    assert sanitize_payload("x" * 10, max_length=10) == "x" * 10
    assert sanitize_payload("张三 ¥1") == "张三 ¥1"


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
    ],
)
def test_parse_spec(text: str, spec: ScannerSpec) -> None:
    assert parse_scanner_spec(text) == spec


@pytest.mark.parametrize("text", ["usb:1234", "serial:", "serial:/dev/x?baudrate=fast",
                                  "serial:/dev/x?parity=E", "evdev:/dev/x?grab=0", "nonsense"])
def test_bad_spec(text: str) -> None:
    with pytest.raises(ScannerError) as info:
        parse_scanner_spec(text)
    assert info.value.code == "bad_spec" and info.value.message_zh


def test_open_scanner() -> None:
    assert open_scanner("none") is None and open_scanner("wedge") is None
    assert isinstance(open_scanner("serial:/dev/ttyACM0"), SerialScanner)
    assert isinstance(open_scanner("evdev:/dev/input/event3"), EvdevScanner)


def test_check_scanner_without_hardware() -> None:
    assert check_scanner("none") == {"configured": False, "ok": True,
                                     "detail_zh": "未配置扫码枪",
                                     "detail_en": "no scanner configured"}
    assert check_scanner("wedge")["ok"] is True
    bad = check_scanner("evdev:/nonexistent/event0")
    assert bad["ok"] is False and "未找到扫码枪" in bad["detail_zh"]
    assert check_scanner("bogus")["ok"] is False

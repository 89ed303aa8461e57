"""Scanner settings strings and the technician's check.

    none                          no scanner
    wedge                         keyboard-wedge scanner (the UI classifies keystrokes)
    serial:/dev/ttyACM0           serial scanner, 9600 baud, CR or LF suffix
    serial:/dev/ttyUSB0?baudrate=115200
    evdev:/dev/input/event5       scanner's own input device, grabbed exclusively
    evdev:/dev/input/by-id/usb-XXXX-event-kbd
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass
from typing import Any, Literal

from devices.scanner.base import Scanner
from devices.scanner.errors import ScannerError

__all__ = ["ScannerSpec", "check_scanner", "open_scanner", "parse_scanner_spec"]

Kind = Literal["none", "wedge", "serial", "evdev"]


@dataclass(frozen=True)
class ScannerSpec:
    kind: Kind
    path: str = ""
    baudrate: int = 9600
    terminator: str = "auto"


def _bad(spec: str, why: str) -> ScannerError:
    return ScannerError("bad_spec", "扫码枪配置错误", f"bad scanner setting {spec!r}: {why}")


def parse_scanner_spec(spec: str) -> ScannerSpec:
    """Parse a `[devices] scanner` value; raises ScannerError(code="bad_spec")."""
    value = spec.strip()
    if value in ("", "none"):
        return ScannerSpec("none")
    if value == "wedge":
        return ScannerSpec("wedge")
    kind, sep, rest = value.partition(":")
    if not sep or not rest:
        raise _bad(spec, "expected none, wedge, serial:PORT or evdev:PATH")
    path, _, query = rest.partition("?")
    if kind == "evdev":
        if query:
            raise _bad(spec, "evdev takes no options")
        return ScannerSpec("evdev", path)
    if kind == "serial":
        options = dict(urllib.parse.parse_qsl(query, strict_parsing=False))
        try:
            baud = int(options.pop("baudrate", "9600"))
        except ValueError:
            raise _bad(spec, "baudrate must be a number") from None
        terminator = {"cr": "\r", "lf": "\n", "crlf": "\r\n", "tab": "\t", "auto": "auto"}.get(
            options.pop("suffix", "auto").lower())
        if terminator is None:
            raise _bad(spec, "suffix must be cr, lf, crlf, tab or auto")
        if options:
            raise _bad(spec, f"unknown options {sorted(options)}")
        return ScannerSpec("serial", path, baud, terminator)
    raise _bad(spec, f"unknown kind {kind!r}")


def open_scanner(spec: str | ScannerSpec, **options: Any) -> Scanner | None:
    """A (not yet started) driver for the setting; None for "none" and "wedge"
    (a wedge scanner types into the UI, which runs a `WedgeDecoder` itself)."""
    s = parse_scanner_spec(spec) if isinstance(spec, str) else spec
    if s.kind == "serial":
        from devices.scanner.serial_scanner import SerialScanner

        return SerialScanner(s.path, s.baudrate, s.terminator, **options)
    if s.kind == "evdev":
        from devices.scanner.evdev import EvdevScanner

        return EvdevScanner(s.path, **options)
    return None


def check_scanner(spec: str) -> dict[str, Any]:
    """Diagnostics: {"configured", "ok", "detail_zh", "detail_en"}; opens (and for
    evdev grabs) the device and releases it again. Never raises ScannerError."""
    try:
        s = parse_scanner_spec(spec)
    except ScannerError as e:
        return {"configured": True, "ok": False, "detail_zh": e.message_zh,
                "detail_en": e.message_en}
    if s.kind == "none":
        return {"configured": False, "ok": True, "detail_zh": "未配置扫码枪",
                "detail_en": "no scanner configured"}
    if s.kind == "wedge":
        return {"configured": True, "ok": True,
                "detail_zh": "键盘模式扫码枪：由界面按击键节奏识别，无需单独检测",
                "detail_en": "keyboard-wedge scanner: recognised by keystroke timing in the UI"}
    driver = open_scanner(s)
    assert driver is not None
    try:
        driver.probe()  # type: ignore[attr-defined]
    except ScannerError as e:
        return {"configured": True, "ok": False, "detail_zh": e.message_zh,
                "detail_en": e.message_en}
    if s.kind == "serial":
        return {"configured": True, "ok": True,
                "detail_zh": f"扫码枪端口 {s.path} 可以打开（{s.baudrate} 波特）",
                "detail_en": f"scanner port {s.path} opens at {s.baudrate} baud"}
    return {"configured": True, "ok": True,
            "detail_zh": f"扫码枪设备 {s.path} 可以独占读取",
            "detail_en": f"scanner input device {s.path} can be opened and grabbed"}

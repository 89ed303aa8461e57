"""Scanner settings strings and the technician's check.

    none                          no scanner
    wedge                         keyboard-wedge scanner (the UI classifies keystrokes)
    wedge?suffix=tab              ... that ends each code with Tab instead of Enter
    serial:/dev/ttyACM0           serial scanner, 9600 baud, CR or LF suffix
    serial:/dev/ttyUSB0?baudrate=115200&suffix=crlf
    evdev:/dev/input/event5       scanner's own input device, grabbed exclusively
    evdev:/dev/input/by-id/usb-XXXX-event-kbd?suffix=cr

`suffix` is what the scanner appends to every code, removed on reading: `auto` (the
default: serial and evdev end a code at any CR/LF (evdev: Enter or Tab), a wedge at
Enter), or exactly `cr`, `lf`, `crlf` or `tab` (then the same characters inside a
code are kept: only the final suffix, followed by a pause, ends it), or `none` for
keyboard scanners that append nothing (a pause ends the code).
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass
from typing import Any, Literal

from devices.scanner.base import Scanner
from devices.scanner.errors import ScannerError

__all__ = ["ScannerSpec", "check_scanner", "open_scanner", "parse_scanner_spec"]

Kind = Literal["none", "wedge", "serial", "evdev"]


#: `suffix=` values -> the characters the scanner appends ("" = nothing).
SUFFIXES: dict[str, str] = {
    "auto": "auto", "cr": "\r", "lf": "\n", "crlf": "\r\n", "tab": "\t", "none": "",
}


@dataclass(frozen=True)
class ScannerSpec:
    kind: Kind
    path: str = ""
    baudrate: int = 9600
    #: "auto", or the exact suffix ("\r", "\n", "\r\n", "\t"; "" = none)
    terminator: str = "auto"

    @property
    def wedge_terminator(self) -> str | None:
        """The suffix a keyboard-wedge decoder waits for (None: a pause ends a code)."""
        if self.terminator == "auto":
            return "\r"
        return self.terminator or None


def _bad(spec: str, why: str) -> ScannerError:
    return ScannerError("bad_spec", f"bad scanner setting {spec!r}: {why}")


def parse_scanner_spec(spec: str) -> ScannerSpec:
    """Parse a `[devices] scanner` value; raises ScannerError(code="bad_spec")."""
    value = spec.strip()
    if value in ("", "none"):
        return ScannerSpec("none")
    head, _, query = value.partition("?")
    options = dict(urllib.parse.parse_qsl(query, strict_parsing=False))
    kind, sep, path = head.partition(":")
    if kind == "wedge" and not sep:
        return ScannerSpec("wedge", terminator=_suffix(spec, options, allow_none=True))
    if not sep or not path:
        raise _bad(spec, "expected none, wedge, serial:PORT or evdev:PATH")
    if kind == "evdev":
        return ScannerSpec("evdev", path, terminator=_suffix(spec, options, allow_none=True))
    if kind == "serial":
        try:
            baud = int(options.pop("baudrate", "9600"))
        except ValueError:
            raise _bad(spec, "baudrate must be a number") from None
        return ScannerSpec("serial", path, baud, _suffix(spec, options, allow_none=False))
    raise _bad(spec, f"unknown kind {kind!r}")


def _suffix(spec: str, options: dict[str, str], *, allow_none: bool) -> str:
    """The `suffix` option (the only one left in `options`); raises bad_spec."""
    name = options.pop("suffix", "auto").lower()
    terminator = SUFFIXES.get(name)
    if terminator is None or (terminator == "" and not allow_none):
        allowed = "cr, lf, crlf, tab" + (", none" if allow_none else "") + " or auto"
        raise _bad(spec, f"suffix must be {allowed}")
    if options:
        raise _bad(spec, f"unknown options {sorted(options)}")
    return terminator


def open_scanner(spec: str | ScannerSpec, **options: Any) -> Scanner | None:
    """A (not yet started) driver for the setting; None for "none" and "wedge"
    (a wedge scanner types into the UI, which runs a `WedgeDecoder` itself)."""
    s = parse_scanner_spec(spec) if isinstance(spec, str) else spec
    if s.kind == "serial":
        from devices.scanner.serial_scanner import SerialScanner

        return SerialScanner(s.path, s.baudrate, s.terminator, **options)
    if s.kind == "evdev":
        from devices.scanner.evdev import EvdevScanner

        return EvdevScanner(s.path, terminator=s.terminator, **options)
    return None


def check_scanner(spec: str) -> dict[str, Any]:
    """Diagnostics: {"configured", "ok", "code", "params", "detail_en"}; opens (and for
    evdev grabs) the device and releases it again. The caller words "scanner.<code>"
    with its params (ui_shared.error_text); ``detail_en`` is English for logs. Never
    raises ScannerError: a failure is {"configured", "ok": False, "error": ScannerError,
    "detail_en"}, which the caller words the same way."""
    try:
        s = parse_scanner_spec(spec)
    except ScannerError as e:
        return {"configured": True, "ok": False, "error": e, "detail_en": str(e)}
    if s.kind == "none":
        return {"configured": False, "ok": True, "code": "not_configured", "params": {},
                "detail_en": "no scanner configured"}
    if s.kind == "wedge":
        return {"configured": True, "ok": True, "code": "wedge_ready", "params": {},
                "detail_en": "keyboard-wedge scanner: recognised by keystroke timing in the UI"}
    driver = open_scanner(s)
    assert driver is not None
    try:
        driver.probe()  # type: ignore[attr-defined]
    except ScannerError as e:
        return {"configured": True, "ok": False, "error": e, "detail_en": str(e)}
    if s.kind == "serial":
        return {"configured": True, "ok": True, "code": "serial_ready",
                "params": {"device": s.path, "baudrate": s.baudrate},
                "detail_en": f"scanner port {s.path} opens at {s.baudrate} baud"}
    return {"configured": True, "ok": True, "code": "evdev_ready", "params": {"device": s.path},
            "detail_en": f"scanner input device {s.path} can be opened and grabbed"}

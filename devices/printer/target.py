"""Where a receipt printer is: `file:PATH`, `serial:DEV?baudrate=…`, `tcp:HOST[:PORT]`,
`usb:VID:PID` or `dummy:`, parsed and checked before anything is opened."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal
from urllib.parse import parse_qs

from devices.printer.errors import PrinterError

__all__ = ["Target", "parse_target"]


@dataclass(frozen=True)
class Target:
    kind: Literal["file", "serial", "tcp", "usb", "dummy"]
    path: str = ""
    host: str = ""
    port: int = 9100
    baudrate: int = 9600
    dsrdtr: bool = False
    vendor: int = 0
    product: int = 0


def _bad_target(target: str, why: str) -> PrinterError:
    return PrinterError("bad_target", "打印机地址配置错误", f"bad printer target {target!r}: {why}")


def parse_target(target: str) -> Target:
    """Parse `file:PATH`, `serial:DEV[?baudrate=9600&dsrdtr=1]`, `tcp:HOST[:PORT]`,
    `usb:VID:PID` (hex) or `dummy:`."""
    kind, sep, rest = target.partition(":")
    if not sep:
        raise _bad_target(target, "expected KIND:…")
    if kind == "file" and rest:
        return Target("file", path=rest)
    if kind == "dummy":
        return Target("dummy")
    if kind == "serial" and rest:
        dev, _, query = rest.partition("?")
        params = {k: v[-1] for k, v in parse_qs(query).items()}
        try:
            baud = int(params.get("baudrate", "9600"))
        except ValueError:
            raise _bad_target(target, "baudrate must be an integer") from None
        dsrdtr = params.get("dsrdtr", "0").lower() in ("1", "true", "yes")
        return Target("serial", path=dev, baudrate=baud, dsrdtr=dsrdtr)
    if kind == "tcp" and rest:
        host, port = rest, 9100
        if rest.startswith("["):  # [v6]:port
            host, _, tail = rest[1:].partition("]")
            if tail.startswith(":"):
                port = _int(tail[1:], target)
        elif rest.count(":") == 1:
            host, p = rest.split(":")
            port = _int(p, target)
        return Target("tcp", host=host, port=port)
    if kind == "usb":
        parts = rest.split(":")
        if len(parts) == 2:
            try:
                return Target("usb", vendor=int(parts[0], 16), product=int(parts[1], 16))
            except ValueError:
                pass
        raise _bad_target(target, "expected usb:VID:PID in hex")
    raise _bad_target(target, "unknown kind or missing path")


def _int(text: str, target: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise _bad_target(target, f"{text!r} is not a port number") from None

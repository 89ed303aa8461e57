"""What every scanner driver shares: the `Scan` result, the `Scanner` protocol and
the payload sanitiser (scanned text is untrusted input)."""

from __future__ import annotations

import logging
import time
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from devices.scanner.errors import ScannerError

log = logging.getLogger(__name__)

__all__ = [
    "DEFAULT_MAX_LENGTH",
    "ErrorCallback",
    "Scan",
    "ScanCallback",
    "Scanner",
    "deliver_scans",
    "report_disconnected",
    "sanitize_payload",
]

#: Longest payload accepted (QR codes top out at ~7000 digits / ~4300 characters).
DEFAULT_MAX_LENGTH = 4096


@dataclass(frozen=True)
class Scan:
    """One complete code read by a scanner.

    `text` is sanitised (no control or format characters, surrounding
    whitespace stripped); `source` names the scanner ("serial:/dev/ttyACM0", ...);
    `at` is a `time.monotonic()` timestamp (or the key event clock for wedges).
    """

    text: str
    source: str = ""
    at: float = field(default_factory=time.monotonic)


ScanCallback = Callable[[Scan], None]
ErrorCallback = Callable[[BaseException], None]


@runtime_checkable
class Scanner(Protocol):
    """A scanner that reads on its own thread and calls back from that thread.

    `start(on_scan)` opens the device (raising `ScannerError` when it cannot) and
    starts the reader thread; `stop()` ends it and releases the device. The
    callbacks run on the scanner thread: a Qt adapter must re-emit them as signals.
    """

    def start(self, on_scan: ScanCallback) -> None: ...

    def stop(self) -> None: ...


def sanitize_payload(text: str, *, max_length: int = DEFAULT_MAX_LENGTH) -> str | None:
    """The scanned text made safe to show and store, or None when nothing is left
    or it is longer than `max_length` (an over-long payload is discarded, never
    truncated: a cut-off code would be wrong data).

    Removes control characters (Cc: NUL, ESC, BEL, DEL, ...), format characters
    (Cf: bidi overrides, zero-width joiners), surrogates and unassigned/private
    code points; strips surrounding whitespace.
    """
    if len(text) > max_length * 4:  # don't even walk absurd inputs
        return None
    cleaned = "".join(ch for ch in text if unicodedata.category(ch) not in _DROP).strip()
    if not cleaned or len(cleaned) > max_length:
        return None
    return cleaned


_DROP = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def deliver_scans(scans: Iterable[Scan], on_scan: ScanCallback) -> None:
    """Reader threads: hand each scan to `on_scan`; a failing callback is logged
    and never ends the thread."""
    for scan in scans:
        try:
            on_scan(scan)
        except Exception:
            log.exception("scan callback failed")


def report_disconnected(on_error: ErrorCallback | None, message_en: str) -> None:
    """Reader threads: the device went away; log it and tell `on_error` (if any)
    with a ScannerError(code="disconnected")."""
    err = ScannerError("disconnected", "扫码枪已断开，请检查连接", message_en)
    log.warning("%s", err)
    if on_error is not None:
        try:
            on_error(err)
        except Exception:
            log.exception("scanner error callback failed")

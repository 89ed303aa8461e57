"""What every scanner driver shares: the `Scan` result, the `Scanner` protocol and
the length cap.

A scan is delivered exactly as the scanner sent the code: spaces, CR/LF, GS (0x1D)
and any other control character stay (GS1 codes need their separators, and a code
that carries a line break means it). Only the scanner's own configured suffix is
removed, by the driver. Scanned text is untrusted input all the same: it is cleaned
for display only, at display time (intake.display_text, ui_shared.plain_text).
"""

from __future__ import annotations

import logging
import time
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
    "capped_payload",
    "deliver_scans",
    "report_disconnected",
]

#: Longest payload accepted (QR codes top out at ~7000 digits / ~4300 characters).
DEFAULT_MAX_LENGTH = 4096


@dataclass(frozen=True)
class Scan:
    """One complete code read by a scanner.

    `text` is exactly what the scanner sent for the code, its configured suffix
    removed (untrusted: clean it for display only, when showing it); `source` names
    the scanner ("serial:/dev/ttyACM0", ...); `at` is a `time.monotonic()` timestamp
    (or the key event clock for wedges). Serial scanners also keep the bytes as they
    came (`raw`) and the charset `text` was decoded with (`charset`, by the rule in
    devices.charsets); keyboard scanners deliver characters, so both are None.
    """

    text: str
    source: str = ""
    at: float = field(default_factory=time.monotonic)
    raw: bytes | None = None
    charset: str | None = None


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


def capped_payload(text: str, *, max_length: int = DEFAULT_MAX_LENGTH) -> str | None:
    """`text` unchanged, or None when it is empty or longer than `max_length`
    characters (an over-long payload is discarded, never truncated: a cut-off code
    would be wrong data). Nothing is stripped or dropped here."""
    if not text or len(text) > max_length:
        return None
    return text


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
    err = ScannerError("disconnected", message_en)
    log.warning("%s", err)
    if on_error is not None:
        try:
            on_error(err)
        except Exception:
            log.exception("scanner error callback failed")

"""What every scanner driver shares: the `Scan` result, the `Scanner` protocol and
the payload sanitiser (scanned text is untrusted input)."""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

__all__ = [
    "DEFAULT_MAX_LENGTH",
    "ErrorCallback",
    "Scan",
    "ScanCallback",
    "Scanner",
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

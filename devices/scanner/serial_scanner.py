"""Scanners in USB-CDC / RS-232 serial mode: each code arrives as a burst of bytes
ending with the scanner's configured suffix.

`SerialScanner(port, baudrate, terminator)` reads on a thread and calls back with
complete scans: the bytes exactly as sent (`Scan.raw`), the suffix removed, and their
text by the charset rule of devices.charsets (`Scan.text`, `Scan.charset`); nothing
is trimmed or dropped. `SerialScannerSimulator` serves scans on a pty so the whole
driver can be exercised without hardware.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from typing import Any

import serial

from devices.charsets import decode_payload as decode_payload  # re-exported (scanner docs)
from devices.charsets import guess_charset
from devices.os_reason import os_reason
from devices.raw_pty import close_quietly, open_raw_pty
from devices.scanner.base import (
    DEFAULT_MAX_LENGTH,
    ErrorCallback,
    Scan,
    ScanCallback,
    capped_payload,
    deliver_scans,
    report_disconnected,
)
from devices.scanner.errors import ScannerError

log = logging.getLogger(__name__)

__all__ = [
    "DEFAULT_SETTLE",
    "LineAssembler",
    "SerialScanner",
    "SerialScannerSimulator",
    "decode_payload",
]

_READ_SLICE = 0.02
#: A suffix ends a code only when this much silence follows it: inside one code the
#: bytes come back to back (~1 ms apart at 9600 baud), and a person scans the next
#: code hundreds of milliseconds later. So a CR inside a code is kept.
DEFAULT_SETTLE = 0.05


class LineAssembler:
    """Splits a byte stream into payloads, the scanner's suffix removed.

    terminator "auto" (the factory default of most scanners): every CR or LF ends a
        payload at once ("\\r\\n" counts once, empty lines are skipped), so a code
        carrying a line break arrives cut; configure the exact suffix to keep it.
    terminator "\\r", "\\n", "\\r\\n" or "\\t" (the exact suffix): a payload is a
        burst of bytes that ends with the suffix and is followed by `settle` seconds
        of silence (`poll`) or by the next burst (`feed` after a pause); only that
        final suffix is removed, so the same bytes inside the code are kept.
    A burst longer than `max_length` * 4 bytes is discarded whole, never cut.
    `feed`/`poll` take the arrival time (any monotonic clock); without one, a burst
    only ends at `poll`/`flush`.
    """

    def __init__(
        self,
        terminator: str = "auto",
        *,
        max_length: int = DEFAULT_MAX_LENGTH,
        settle: float = DEFAULT_SETTLE,
    ) -> None:
        ends = "\r\n" if terminator == "auto" else terminator
        if not ends or any(ord(c) > 0x7F for c in ends):
            raise ValueError("terminator must be 'auto' or ASCII characters such as '\\r'")
        self.auto = terminator == "auto"
        self.ends = ends.encode("ascii")
        self.max_length = max_length
        self.settle = settle
        self._buf = bytearray()
        self._overflow = False
        self._last: float | None = None
        self.rejected = 0

    @property
    def pending(self) -> bytes:
        return bytes(self._buf)

    def feed(self, data: bytes, now: float | None = None) -> list[bytes]:
        lines: list[bytes] = []
        if (not self.auto and now is not None and self._last is not None
                and now - self._last > self.settle and (self._buf or self._overflow)):
            lines += self._take()  # the previous burst ended in silence
        if now is not None:
            self._last = now
        if self.auto:
            return lines + self._feed_auto(data)
        for b in data:
            self._append(b)
        return lines

    def poll(self, now: float, idle_flush: float | None = None) -> list[bytes]:
        """Complete the burst in hand when silence shows it is over: after `settle`
        when it ends with the suffix, after `idle_flush` (scanners sending no suffix)
        otherwise."""
        if self._last is None or not (self._buf or self._overflow):
            return []
        quiet = now - self._last
        if not self.auto and self._buf.endswith(self.ends) and quiet >= self.settle:
            return self._take()
        if idle_flush is not None and quiet >= idle_flush:
            return self._take()
        return []

    def flush(self) -> list[bytes]:
        return self._take()

    def _feed_auto(self, data: bytes) -> list[bytes]:
        lines: list[bytes] = []
        for b in data:
            if b in self.ends:
                lines += self._take()
            else:
                self._append(b)
        return lines

    def _append(self, b: int) -> None:
        if self._overflow:
            return
        suffix = 0 if self.auto else len(self.ends)  # an exact suffix is held until the end
        if len(self._buf) >= self.max_length * 4 + suffix:  # bytes: <= 4 a character
            self._overflow = True
            self._buf.clear()
        else:
            self._buf.append(b)

    def _take(self) -> list[bytes]:
        line, overflow = bytes(self._buf), self._overflow
        self._buf.clear()
        self._overflow = False
        if overflow:
            self.rejected += 1
            log.warning("serial scanner line longer than %d bytes discarded", self.max_length * 4)
            return []
        if not self.auto and line.endswith(self.ends):
            line = line[: -len(self.ends)]
        return [line] if line else []


class SerialScanner:
    """A code scanner on a serial port (USB CDC-ACM /dev/ttyACM0, USB-serial, RS-232).

    terminator: "auto" (CR or LF, the factory default of most scanners; cuts codes
        that carry a line break), or the exact suffix "\\r", "\\n", "\\r\\n" or
        "\\t" (see `LineAssembler`).
    idle_flush: complete a line after this many seconds of silence (scanners
        configured without a suffix); None waits for the terminator.
    Callbacks run on the scanner's thread. Raises `ScannerError` from `start()`
    when the port cannot be opened; a port that vanishes later goes to `on_error`.
    """

    def __init__(
        self,
        port: str,
        baudrate: int = 9600,
        terminator: str = "auto",
        *,
        on_error: ErrorCallback | None = None,
        idle_flush: float | None = 0.2,
        max_length: int = DEFAULT_MAX_LENGTH,
        settle: float = DEFAULT_SETTLE,
        serial_factory: Callable[..., Any] = serial.Serial,
    ) -> None:
        self.port = port
        self.baudrate = baudrate
        self.on_error = on_error
        self.idle_flush = idle_flush
        self.max_length = max_length
        self.source = f"serial:{port}"
        self.assembler = LineAssembler(terminator, max_length=max_length, settle=settle)
        self._serial_factory = serial_factory
        self._ser: Any = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self.rejected = 0

    def open(self) -> None:
        if self._ser is not None:
            return
        try:
            self._ser = self._serial_factory(port=self.port, baudrate=self.baudrate,
                                             timeout=_READ_SLICE)
        except (OSError, ValueError) as exc:  # SerialException is an OSError
            raise ScannerError(
                "open_failed", f"cannot open scanner port {self.port}: {os_reason(exc)}",
                params={"device": self.port},
            ) from exc

    def close(self) -> None:
        ser, self._ser = self._ser, None
        if ser is not None:
            try:
                ser.close()
            except OSError:
                log.debug("closing %s failed", self.port, exc_info=True)

    def probe(self) -> None:
        """Open and close the port (diagnostics); raises ScannerError."""
        self.open()
        self.close()

    def start(self, on_scan: ScanCallback) -> None:
        if self._thread is not None:
            raise RuntimeError("scanner already started")
        self.open()
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, args=(on_scan,),
                                        name=f"scanner-{self.port}", daemon=True)
        self._thread.start()
        log.info("reading scanner on %s at %d baud", self.port, self.baudrate)

    def stop(self, timeout: float = 2.0) -> None:
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
        self.close()

    def __enter__(self) -> SerialScanner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _run(self, on_scan: ScanCallback) -> None:
        ser = self._ser
        while not self._stop.is_set():
            try:
                chunk = ser.read(max(1, ser.in_waiting))
            except (OSError, TypeError, AttributeError) as exc:  # vanished / closed under us
                if not self._stop.is_set():
                    self._failed(exc)
                return
            now = time.monotonic()
            if chunk:
                lines = self.assembler.feed(chunk, now)
            else:
                lines = self.assembler.poll(now, self.idle_flush)
            if lines:
                deliver_scans(self._scans(lines, now), on_scan)

    def _scans(self, lines: list[bytes], now: float) -> list[Scan]:
        scans: list[Scan] = []
        for raw in lines:
            text, charset = guess_charset(raw)
            if capped_payload(text, max_length=self.max_length) is None:
                self.rejected += 1
                log.warning("%s: scan of %d characters discarded (longer than %d)",
                            self.source, len(text), self.max_length)
                continue
            scans.append(Scan(text, self.source, now, raw=raw, charset=charset))
        return scans

    def _failed(self, exc: BaseException) -> None:
        report_disconnected(self.on_error, f"scanner on {self.port} stopped: {exc}")


class SerialScannerSimulator:
    """A serial scanner on a pty: `start()` returns the port path to give
    `SerialScanner`; `scan(text)` "reads a code" (writes it in `encoding` plus the
    suffix, nothing else added or removed)."""

    def __init__(self, terminator: str = "\r", *, encoding: str = "utf-8") -> None:
        self.terminator = terminator
        self.encoding = encoding
        self._master: int | None = None
        self._slave: int | None = None
        self._path: str | None = None

    @property
    def path(self) -> str | None:
        return self._path

    def start(self) -> str:
        if self._master is not None:
            raise RuntimeError("simulator already started")
        self._master, self._slave, self._path = open_raw_pty()
        log.info("serial scanner simulator on %s", self._path)
        return self._path

    def scan(self, text: str, *, terminator: str | None = None, char_delay: float = 0.0) -> None:
        self.write((text + (self.terminator if terminator is None else terminator))
                   .encode(self.encoding), char_delay=char_delay)

    def write(self, data: bytes, *, char_delay: float = 0.0) -> None:
        """Raw bytes onto the line (tests: garbage, split writes, missing suffix)."""
        if self._master is None:
            raise RuntimeError("simulator not started")
        if char_delay <= 0:
            view = memoryview(data)
            while view:
                view = view[os.write(self._master, view):]
            return
        for i in range(len(data)):
            os.write(self._master, data[i:i + 1])
            time.sleep(char_delay)

    def stop(self) -> None:
        close_quietly(self._master, self._slave)
        self._master = self._slave = None
        self._path = None

    def __enter__(self) -> SerialScannerSimulator:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

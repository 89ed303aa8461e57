"""Scanners in USB-CDC / RS-232 serial mode: each code arrives as a line of bytes.

`SerialScanner(port, baudrate, terminator)` reads on a thread and calls back
with complete, sanitised scans. `SerialScannerSimulator` serves scans on a pty
so the whole driver can be exercised without hardware.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pty
import threading
import time
import tty
from collections.abc import Callable
from typing import Any

import serial

from devices.scanner.base import (
    DEFAULT_MAX_LENGTH,
    ErrorCallback,
    Scan,
    ScanCallback,
    deliver_scans,
    report_disconnected,
    sanitize_payload,
)
from devices.scanner.errors import ScannerError

log = logging.getLogger(__name__)

__all__ = ["LineAssembler", "SerialScanner", "SerialScannerSimulator", "decode_payload"]

_READ_SLICE = 0.05


def decode_payload(raw: bytes) -> str:
    """Scanner bytes as text: UTF-8, else GB18030 (Chinese scanners' default), else Latin-1."""
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


class LineAssembler:
    """Splits a byte stream into payloads at any byte of `terminator`
    ("auto" = CR or LF; "\\r\\n" counts once; empty lines are skipped).
    A line longer than `max_length` bytes is discarded up to its terminator."""

    def __init__(self, terminator: str = "auto", *, max_length: int = DEFAULT_MAX_LENGTH) -> None:
        ends = "\r\n" if terminator == "auto" else terminator
        if not ends or any(ord(c) > 0x7F for c in ends):
            raise ValueError("terminator must be 'auto' or ASCII characters such as '\\r'")
        self.ends = ends.encode("ascii")
        self.max_length = max_length
        self._buf = bytearray()
        self._overflow = False
        self.rejected = 0

    @property
    def pending(self) -> bytes:
        return bytes(self._buf)

    def feed(self, data: bytes) -> list[bytes]:
        lines: list[bytes] = []
        for b in data:
            if b in self.ends:
                line = self._take()
                if line:
                    lines.append(line)
            elif self._overflow:
                continue
            elif len(self._buf) >= self.max_length * 4:  # bytes; up to 4 per character
                self._overflow = True
                self._buf.clear()
            else:
                self._buf.append(b)
        return lines

    def flush(self) -> list[bytes]:
        line = self._take()
        return [line] if line else []

    def _take(self) -> bytes:
        line, overflow = bytes(self._buf), self._overflow
        self._buf.clear()
        self._overflow = False
        if overflow:
            self.rejected += 1
            log.warning("serial scanner line longer than %d bytes discarded", self.max_length * 4)
            return b""
        return line


class SerialScanner:
    """A code scanner on a serial port (USB CDC-ACM /dev/ttyACM0, USB-serial, RS-232).

    terminator: "auto" (CR or LF, the factory default of most scanners), "\\r",
        "\\n", "\\r\\n" or "\\t".
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
        serial_factory: Callable[..., Any] = serial.Serial,
    ) -> None:
        self.port = port
        self.baudrate = baudrate
        self.on_error = on_error
        self.idle_flush = idle_flush
        self.max_length = max_length
        self.source = f"serial:{port}"
        self.assembler = LineAssembler(terminator, max_length=max_length)
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
            raise ScannerError("open_failed", f"无法打开扫码枪端口 {self.port}",
                               f"cannot open scanner port {self.port}: {exc}") from exc

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
        last = time.monotonic()
        while not self._stop.is_set():
            try:
                chunk = ser.read(max(1, ser.in_waiting))
            except (OSError, TypeError, AttributeError) as exc:  # vanished / closed under us
                if not self._stop.is_set():
                    self._failed(exc)
                return
            now = time.monotonic()
            if chunk:
                last = now
                lines = self.assembler.feed(chunk)
            elif (self.idle_flush is not None and self.assembler.pending
                  and now - last >= self.idle_flush):
                lines = self.assembler.flush()
            else:
                continue
            texts = [sanitize_payload(decode_payload(raw), max_length=self.max_length)
                     for raw in lines]
            self.rejected += texts.count(None)
            deliver_scans((Scan(t, self.source, now) for t in texts if t is not None), on_scan)

    def _failed(self, exc: BaseException) -> None:
        report_disconnected(self.on_error, f"scanner on {self.port} stopped: {exc}")


class SerialScannerSimulator:
    """A serial scanner on a pty: `start()` returns the port path to give
    `SerialScanner`; `scan(text)` "reads a code" (writes it plus the suffix)."""

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
        master, slave = pty.openpty()
        tty.setraw(slave)
        self._master, self._slave = master, slave
        self._path = os.ttyname(slave)
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
        for fd in (self._master, self._slave):
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self._master = self._slave = None
        self._path = None

    def __enter__(self) -> SerialScannerSimulator:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

"""Driver for GA/T 467-2019 serial ID card readers (second-generation cards).

:class:`IdCardReader` speaks the §7 frame protocol over pyserial: one command,
one answer, a per-command timeout, retries on transmission problems (timeout,
broken frame, the reader reporting our frame as broken) and resynchronisation
on garbage. :func:`detect_port` finds the reader among the serial ports. The
command set is in :mod:`devices.idcard.commands`; :class:`CardPoller`, which runs
a reader on a thread and reports cards placed and removed, is in
:mod:`devices.idcard.poller` and re-exported here for the station and the CLI.

Nothing here is thread-safe across processes; within a process one
``IdCardReader`` serialises its commands with a lock.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from types import TracebackType
from typing import Any

import serial

from devices.idcard.card import IdCardData, parse_basic_read, parse_fingerprint_read
from devices.idcard.commands import (
    CMD_FIND_CARD,
    CMD_READ_ADDITIONAL_ADDRESS,
    CMD_READ_BASIC,
    CMD_READ_FINGERPRINT,
    CMD_RESET,
    CMD_SAM_ID,
    CMD_SAM_STATUS,
    CMD_SELECT_CARD,
    COMMAND_NAMES,
    format_sam_id,
)
from devices.idcard.errors import (
    SW3_FIND_OK,
    SW3_NO_CARD,
    SW3_NO_CONTENT,
    SW3_OK,
    SW3_SELECT_FAILED,
    DeviceError,
    ReaderStatusError,
    describe_sw3,
)
from devices.idcard.frames import Frame, FrameError, FrameParser, encode_command
from devices.idcard.poller import CardPoller
from devices.os_reason import os_reason

__all__ = ["CardPoller", "IdCardReader", "detect_port"]

log = logging.getLogger(__name__)

try:  # tcflush & co. raise termios.error (not an OSError) on a vanished tty
    from termios import error as _TermiosError

    _IO_ERRORS: tuple[type[BaseException], ...] = (OSError, ValueError, TypeError, _TermiosError)
except ImportError:  # pragma: no cover - non-POSIX
    _IO_ERRORS = (OSError, ValueError, TypeError)

#: pyserial read timeout: how long one read() may block inside a command
_READ_SLICE = 0.02
#: after a broken frame, wait for the line to be quiet this long before retrying
_SETTLE_QUIET = 0.03
_SETTLE_MAX = 0.3


def _timeout_error(port: str, name: str, seconds: float) -> DeviceError:
    return DeviceError(
        "timeout",
        f"no answer from the ID card reader on {port} to {name} within {seconds:.2f} s",
    )


def _disconnected(port: str, exc: BaseException) -> DeviceError:
    return DeviceError(
        "disconnected",
        f"ID card reader on {port} went away: {exc}",
    )


class IdCardReader:
    """A GA/T 467 ID card reader on a serial port.

    ``timeout`` bounds the wait for each answer; a command is sent
    ``1 + retries`` times at most when the answer times out, arrives broken,
    or the reader says our frame was broken (SW3 0x10 / 0x11). ``deadline`` (a
    ``time.monotonic()`` instant, None: none) bounds everything after it: no answer is
    waited for and no command is retried past it, so a caller's own time limit holds
    however many commands and retries a read takes. Errors are
    :class:`DeviceError` (``ReaderStatusError`` for error status bytes,
    ``FrameError`` for broken frames, ``CardDataError`` for bad card data).
    """

    def __init__(
        self,
        port: str,
        *,
        baudrate: int = 115200,
        timeout: float = 2.0,
        retries: int = 2,
        serial_factory: Callable[..., Any] = serial.Serial,
    ) -> None:
        if timeout <= 0:
            raise ValueError("timeout must be positive")
        if retries < 0:
            raise ValueError("retries must be >= 0")
        self.port = port
        self.baudrate = baudrate
        self.timeout = timeout
        self.retries = retries
        #: no waiting or retrying after this time.monotonic() instant (None: no limit)
        self.deadline: float | None = None
        self._serial_factory = serial_factory
        self._ser: Any = None
        self._lock = threading.RLock()

    # --- connection -------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self._ser is not None

    def open(self) -> None:
        """Open the port (no-op when already open)."""
        with self._lock:
            if self._ser is not None:
                return
            try:
                self._ser = self._serial_factory(
                    port=self.port,
                    baudrate=self.baudrate,
                    bytesize=8,
                    parity="N",
                    stopbits=1,
                    timeout=_READ_SLICE,
                    write_timeout=self.timeout,
                )
            except (OSError, ValueError) as exc:  # serial.SerialException is an OSError
                raise DeviceError(
                    "open_failed",
                    f"cannot open ID card reader port {self.port}: {os_reason(exc)}",
                    params={"device": self.port},
                ) from exc
            log.debug("opened ID card reader port %s", self.port)

    def close(self) -> None:
        with self._lock:
            ser, self._ser = self._ser, None
            if ser is not None:
                try:
                    ser.close()
                except OSError:  # pragma: no cover - closing a vanished device
                    log.debug("error closing %s", self.port, exc_info=True)

    def __enter__(self) -> IdCardReader:
        self.open()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- commands ---------------------------------------------------------------

    def reset(self) -> None:
        """Reset the SAM (10 FF)."""
        self._expect(CMD_RESET, (SW3_OK,))

    def sam_status(self) -> None:
        """Ask the SAM for its status (11 FF); raises ReaderStatusError unless it is fine."""
        self._expect(CMD_SAM_STATUS, (SW3_OK,))

    def sam_id(self) -> str:
        """The SAM id (12 FF), formatted like ``05.01-20101111-0012345678-1234567890``."""
        frame = self._expect(CMD_SAM_ID, (SW3_OK,))
        return format_sam_id(frame.data)

    def find_card(self) -> bool:
        """Look for a newly presented card (20 01). False when there is none."""
        frame = self._expect(CMD_FIND_CARD, (SW3_FIND_OK, SW3_NO_CARD))
        return frame.sw3 == SW3_FIND_OK

    def select_card(self) -> bool:
        """Select the found card (20 02). False when selecting fails (card gone)."""
        frame = self._expect(CMD_SELECT_CARD, (SW3_OK, SW3_SELECT_FAILED))
        return frame.sw3 == SW3_OK

    def read_basic(self) -> IdCardData:
        """Read text and photo (30 01) of the selected card."""
        frame = self._expect(CMD_READ_BASIC, (SW3_OK,))
        return parse_basic_read(frame.data)

    def read_with_fingerprint(self) -> IdCardData:
        """Read text, photo and fingerprint (30 10) of the selected card."""
        frame = self._expect(CMD_READ_FINGERPRINT, (SW3_OK,))
        return parse_fingerprint_read(frame.data)

    def read_additional_address(self) -> str | None:
        """The additional (changed) address (30 03); None when the card has none."""
        frame = self._expect(CMD_READ_ADDITIONAL_ADDRESS, (SW3_OK, SW3_NO_CONTENT))
        if frame.sw3 == SW3_NO_CONTENT:
            return None
        raw = frame.data[: len(frame.data) // 2 * 2]
        text = raw.decode("utf-16-le", errors="replace").strip(" \x00\u3000")
        return text or None

    def read_card(self) -> IdCardData | None:
        """Find, select and read a card; None when no (new) card is on the reader."""
        with self._lock:
            if not self.find_card():
                return None
            if not self.select_card():
                return None
            return self.read_basic()

    # --- transport --------------------------------------------------------------

    def _expect(self, command: tuple[int, int], accepted: tuple[int, ...]) -> Frame:
        name = COMMAND_NAMES.get(command, f"{command[0]:02X} {command[1]:02X}")
        frame = self._transact(command, name)
        if frame.sw3 not in accepted:
            raise ReaderStatusError(frame.sw3, command=name)
        return frame

    def _transact(self, command: tuple[int, int], name: str) -> Frame:
        request = encode_command(*command)
        with self._lock:
            last: DeviceError | None = None
            made = 0
            for attempt in range(1 + self.retries):
                if attempt and self._past_deadline():
                    break  # the caller's time is up: the last error, not another try
                made += 1
                if attempt:
                    log.info("retrying %s (attempt %d) after: %s", name, attempt + 1, last)
                try:
                    frame = self._exchange(request, name)
                except FrameError as exc:
                    last = exc
                    self._settle()
                    continue
                except _Timeout:
                    last = _timeout_error(self.port, name, self.timeout)
                    continue
                if describe_sw3(frame.sw3).retry_transport:
                    last = ReaderStatusError(frame.sw3, command=name)
                    continue
                if frame.sw1 or frame.sw2:
                    log.debug("%s answered SW1/SW2 %02X %02X", name, frame.sw1, frame.sw2)
                return frame
            assert last is not None
            if self._past_deadline():  # the caller's time ran out; the caller says so
                log.info("%s stopped at the caller's deadline after %d attempt(s): %s",
                         name, made, last)
            else:
                log.warning("%s failed after %d attempt(s): %s", name, made, last)
            raise last

    def _past_deadline(self) -> bool:
        return self.deadline is not None and time.monotonic() >= self.deadline

    def _port(self) -> Any:
        if self._ser is None:
            self.open()
        return self._ser

    def _io_failed(self, exc: BaseException) -> DeviceError:
        self.close()
        return _disconnected(self.port, exc)

    def _exchange(self, request: bytes, name: str) -> Frame:
        ser = self._port()
        parser = FrameParser()
        try:
            ser.reset_input_buffer()  # drop late answers to earlier commands
            ser.write(request)
        except serial.SerialTimeoutException as exc:
            raise _Timeout() from exc
        except _IO_ERRORS as exc:
            raise self._io_failed(exc) from exc
        deadline = time.monotonic() + self.timeout
        if self.deadline is not None:
            deadline = min(deadline, self.deadline)
        while True:
            if time.monotonic() >= deadline:
                raise _Timeout()
            try:
                chunk = ser.read(ser.in_waiting or 1)
            except _IO_ERRORS as exc:
                raise self._io_failed(exc) from exc
            if not chunk:
                continue
            frames = parser.feed(chunk)  # FrameError propagates to the retry loop
            if frames:
                if len(frames) > 1 or parser.buffered:
                    log.debug("%s: ignoring %d extra frame(s)", name, len(frames) - 1)
                return frames[0]

    def _settle(self) -> None:
        """After a broken frame: wait until the line is quiet, then drop what came."""
        ser = self._ser
        if ser is None:
            return
        end = time.monotonic() + _SETTLE_MAX
        quiet_since = time.monotonic()
        try:
            while time.monotonic() < end:
                if ser.read(ser.in_waiting or 1):
                    quiet_since = time.monotonic()
                elif time.monotonic() - quiet_since >= _SETTLE_QUIET:
                    break
            ser.reset_input_buffer()
        except _IO_ERRORS as exc:
            raise self._io_failed(exc) from exc


class _Timeout(Exception):
    """Internal: no complete answer before the deadline."""


def detect_port(
    candidates: Iterable[str] | None = None,
    *,
    timeout: float = 0.5,
    baudrate: int = 115200,
    serial_factory: Callable[..., Any] = serial.Serial,
    deadline: float | None = None,
) -> str | None:
    """The first port on which a GA/T 467 reader answers the SAM id command.

    ``candidates`` defaults to every port ``serial.tools.list_ports`` lists.
    Each candidate gets one SAM-id command (no retries) and ``timeout`` seconds; no
    port is tried after ``deadline`` (a ``time.monotonic()`` instant).
    """
    if candidates is None:
        from serial.tools import list_ports

        candidates = [p.device for p in list_ports.comports()]
    for port in candidates:
        if deadline is not None and time.monotonic() >= deadline:
            log.info("no ID card reader found before the deadline (stopped before %s)", port)
            return None
        reader = IdCardReader(
            port, baudrate=baudrate, timeout=timeout, retries=0, serial_factory=serial_factory
        )
        reader.deadline = deadline
        try:
            with reader:
                sam = reader.sam_id()
        except DeviceError as exc:
            log.debug("no ID card reader on %s: %s", port, exc)
            continue
        log.info("ID card reader found on %s (SAM %s)", port, sam)
        return port
    return None

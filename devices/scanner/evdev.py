"""Scanners read from their own Linux input device (/dev/input/eventN).

Grabbing the device (EVIOCGRAB) makes its keystrokes ours alone: they never
reach the focused window, so a scan can't land in a text field and a person
typing on the real keyboard can't mix into a scan. Plain `struct`/`fcntl`, no
python-evdev needed. Key codes are mapped with a US layout (what nearly every
scanner emulates by default), Shift, Caps Lock and Ctrl included: Ctrl+] is GS
(0x1D, the GS1 separator), Ctrl+J LF, and so on. A scan is exactly the characters
typed, the scanner's suffix removed; nothing is trimmed or dropped.

The reading process needs read access to the device node (group `input`, or a
udev rule for the scanner's VID:PID).
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import logging
import os
import select
import struct
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

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
    "EVENT_FORMAT",
    "EVENT_SIZE",
    "EVIOCGRAB",
    "EvdevKeyDecoder",
    "EvdevScanner",
    "InputEvent",
    "encode_event",
    "iter_events",
    "text_to_events",
]

#: struct input_event: struct timeval (native longs), __u16 type, __u16 code, __s32 value
EVENT_FORMAT = "llHHi"
EVENT_SIZE = struct.calcsize(EVENT_FORMAT)
#: _IOW('E', 0x90, int)
EVIOCGRAB = 0x40044590

EV_SYN, EV_KEY, EV_MSC = 0x00, 0x01, 0x04
KEY_RELEASE, KEY_PRESS, KEY_REPEAT = 0, 1, 2

KEY_TAB, KEY_ENTER, KEY_LEFTSHIFT, KEY_RIGHTSHIFT = 15, 28, 42, 54
KEY_CAPSLOCK, KEY_KPENTER = 58, 96
KEY_LEFTCTRL, KEY_RIGHTCTRL = 29, 97
_SHIFTS = frozenset({KEY_LEFTSHIFT, KEY_RIGHTSHIFT})
_CTRLS = frozenset({KEY_LEFTCTRL, KEY_RIGHTCTRL})
#: how long after its last key a burst that ends with an exact suffix is complete
DEFAULT_SETTLE = 0.05

# code: (unshifted, shifted), US layout.
_KEYMAP: dict[int, tuple[str, str]] = {
    2: ("1", "!"), 3: ("2", "@"), 4: ("3", "#"), 5: ("4", "$"), 6: ("5", "%"),
    7: ("6", "^"), 8: ("7", "&"), 9: ("8", "*"), 10: ("9", "("), 11: ("0", ")"),
    12: ("-", "_"), 13: ("=", "+"), 15: ("\t", "\t"),
    26: ("[", "{"), 27: ("]", "}"), 28: ("\r", "\r"),
    39: (";", ":"), 40: ("'", '"'), 41: ("`", "~"), 43: ("\\", "|"),
    51: (",", "<"), 52: (".", ">"), 53: ("/", "?"), 57: (" ", " "),
    # keypad (NumLock on: scanners that "type" digits on the keypad)
    55: ("*", "*"), 71: ("7", "7"), 72: ("8", "8"), 73: ("9", "9"), 74: ("-", "-"),
    75: ("4", "4"), 76: ("5", "5"), 77: ("6", "6"), 78: ("+", "+"), 79: ("1", "1"),
    80: ("2", "2"), 81: ("3", "3"), 82: ("0", "0"), 83: (".", "."), 96: ("\r", "\r"),
    98: ("/", "/"),
}
for _row, _first in (("qwertyuiop", 16), ("asdfghjkl", 30), ("zxcvbnm", 44)):
    for _i, _ch in enumerate(_row):
        _KEYMAP[_first + _i] = (_ch, _ch.upper())

#: character -> (key code, needs shift): the inverse map, for tests and simulators
_CHAR_TO_KEY: dict[str, tuple[int, bool]] = {}
for _code, (_plain, _shifted) in sorted(_KEYMAP.items(), reverse=True):
    _CHAR_TO_KEY[_shifted] = (_code, _plain != _shifted)
    _CHAR_TO_KEY[_plain] = (_code, False)


@dataclass(frozen=True)
class InputEvent:
    """One decoded `struct input_event`; `time` in seconds."""

    time: float
    type: int
    code: int
    value: int


def encode_event(type_: int, code: int, value: int, at: float = 0.0) -> bytes:
    """Pack one `struct input_event` (what the kernel writes to /dev/input/eventN)."""
    sec = int(at)
    return struct.pack(EVENT_FORMAT, sec, round((at - sec) * 1e6), type_, code, value)


def _key_for(ch: str) -> tuple[int, bool, bool]:
    """(key code, shift, ctrl) that types `ch` on a US layout; control characters
    are Ctrl plus @, A-Z, [, \\, ], ^ or _ (GS = Ctrl+])."""
    ctrl = ch not in "\t\r" and ord(ch) < 0x20
    base = chr(ord(ch) + 0x40).lower() if ctrl else ch
    try:
        code, shift = _CHAR_TO_KEY[base]
    except KeyError:
        raise ValueError(f"{ch!r} cannot be typed on a US layout") from None
    return code, shift, ctrl


def text_to_events(text: str, *, start: float = 0.0, interval: float = 0.004) -> bytes:
    """The bytes a US-layout scanner produces typing `text` (press/release,
    shift around capitals and symbols, Ctrl around control characters, SYN
    reports). Raises ValueError for characters the layout can't type."""
    out = bytearray()
    t = start
    for ch in text:
        code, shift, ctrl = _key_for(ch)
        seq = [(EV_KEY, code, KEY_PRESS), (EV_KEY, code, KEY_RELEASE)]
        if shift:
            seq = [(EV_KEY, KEY_LEFTSHIFT, KEY_PRESS), *seq, (EV_KEY, KEY_LEFTSHIFT, KEY_RELEASE)]
        if ctrl:
            seq = [(EV_KEY, KEY_LEFTCTRL, KEY_PRESS), *seq, (EV_KEY, KEY_LEFTCTRL, KEY_RELEASE)]
        for type_, c, v in seq:
            out += encode_event(EV_MSC, 4, 0x70000 + c, t)  # MSC_SCAN, as real keyboards do
            out += encode_event(type_, c, v, t)
            out += encode_event(EV_SYN, 0, 0, t)
        t += interval
    return bytes(out)


def iter_events(data: bytes) -> Iterator[InputEvent]:
    """Decode whole `struct input_event` records (a trailing partial record is ignored)."""
    usable = len(data) - len(data) % EVENT_SIZE
    for sec, usec, type_, code, value in struct.iter_unpack(EVENT_FORMAT, data[:usable]):
        yield InputEvent(sec + usec / 1e6, type_, code, value)


class EvdevKeyDecoder:
    """Turns input events into completed scans: tracks Shift, Caps Lock and Ctrl,
    maps key presses (and auto-repeats) to characters.

    terminator "auto": a scan ends at Enter (or Tab when `tab_terminates`; else the
        Tab is part of the code), which is not part of it.
    terminator "\\r", "\\n", "\\r\\n" or "\\t" (the exact suffix; Enter types "\\r"),
        or "" (none): every key is part of the burst; `flush()` completes it (the
        scanner calls it after a pause: `settle` when the burst ends with the suffix,
        else its idle time) and removes that final suffix only, so an Enter inside
        a code carrying a line break is kept.
    Text typed without a terminator is completed by `flush()` as it is.
    """

    def __init__(
        self,
        *,
        max_length: int = DEFAULT_MAX_LENGTH,
        tab_terminates: bool = True,
        terminator: str = "auto",
        source: str = "evdev",
    ) -> None:
        self.max_length = max_length
        self.tab_terminates = tab_terminates
        self.terminator = terminator
        self.source = source
        self._shift: set[int] = set()
        self._ctrl: set[int] = set()
        self._caps = False
        self._buf: list[str] = []
        self._overflow = False
        #: key codes seen that the layout does not map
        self.unmapped = 0
        self.rejected = 0

    @property
    def pending(self) -> str:
        return "".join(self._buf)

    @property
    def _suffix(self) -> str:
        return "" if self.terminator == "auto" else self.terminator

    @property
    def suffix_seen(self) -> bool:
        """True when the burst in hand ends with the exact suffix (complete after `settle`)."""
        return bool(self._suffix) and self.pending.endswith(self._suffix)

    def feed(self, events: Iterable[InputEvent]) -> list[Scan]:
        scans: list[Scan] = []
        for ev in events:
            if ev.type != EV_KEY:
                continue
            if ev.code in _SHIFTS or ev.code in _CTRLS:
                held = self._shift if ev.code in _SHIFTS else self._ctrl
                if ev.value == KEY_RELEASE:
                    held.discard(ev.code)
                else:
                    held.add(ev.code)
                continue
            if ev.value == KEY_RELEASE:
                continue
            if ev.code == KEY_CAPSLOCK:
                if ev.value == KEY_PRESS:
                    self._caps = not self._caps
                continue
            if self.terminator == "auto" and (
                ev.code in (KEY_ENTER, KEY_KPENTER) or (ev.code == KEY_TAB and self.tab_terminates)
            ):
                scan = self._complete()
                if scan is not None:
                    scans.append(scan)
                continue
            char = self._char(ev.code)
            if char is None:
                self.unmapped += 1
                continue
            if len(self._buf) >= self.max_length + len(self._suffix):
                self._overflow = True
                self._buf.clear()
            self._buf.append(char)
        return scans

    def flush(self) -> list[Scan]:
        scan = self._complete()
        return [] if scan is None else [scan]

    def _char(self, code: int) -> str | None:
        pair = _KEYMAP.get(code)
        if pair is None:
            return None
        plain, shifted = pair
        upper = bool(self._shift)
        if self._caps and plain.isalpha():
            upper = not upper
        char = shifted if upper else plain
        if self._ctrl and char not in "\t\r":
            point = ord(char.upper())
            return chr(point - 0x40) if 0x40 <= point <= 0x5F else None  # Ctrl+] = GS
        return char

    def _complete(self) -> Scan | None:
        keys, overflow = "".join(self._buf), self._overflow
        self._buf.clear()
        self._overflow = False
        if overflow:
            self.rejected += 1
            log.warning("%s: scan longer than %d characters discarded", self.source,
                        self.max_length)
            return None
        suffix = self._suffix
        if suffix and keys.endswith(suffix):
            keys = keys[: -len(suffix)]
        if not keys:
            return None
        if capped_payload(keys, max_length=self.max_length) is None:
            self.rejected += 1
            log.warning("%s: scan longer than %d characters discarded", self.source,
                        self.max_length)
            return None
        return Scan(keys, self.source, time.monotonic())


class EvdevScanner:
    """A scanner on /dev/input/eventN, grabbed exclusively (set `grab=False` to
    share it, e.g. to read a recorded event stream from a file or pipe).

    `start(on_scan)` opens and grabs the device (raising `ScannerError` when it
    can't) and reads on a thread; `on_scan`/`on_error` run on that thread.
    `idle_flush` completes a scan after that many seconds without keys (for
    scanners that send no Enter); None waits for Enter/Tab. `terminator` is the
    scanner's suffix (see `EvdevKeyDecoder`); with an exact suffix a burst ending
    in it is complete after `settle` seconds without keys.
    """

    def __init__(
        self,
        path: str,
        *,
        grab: bool = True,
        on_error: ErrorCallback | None = None,
        idle_flush: float | None = 0.15,
        max_length: int = DEFAULT_MAX_LENGTH,
        tab_terminates: bool = True,
        terminator: str = "auto",
        settle: float = DEFAULT_SETTLE,
    ) -> None:
        self.path = path
        self.settle = settle
        self.grab = grab
        self.on_error = on_error
        self.idle_flush = idle_flush
        self.source = f"evdev:{path}"
        self.decoder = EvdevKeyDecoder(max_length=max_length, tab_terminates=tab_terminates,
                                       terminator=terminator, source=self.source)
        self._fd: int | None = None
        self._wake_r: int | None = None
        self._wake_w: int | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()

    # --- lifecycle --------------------------------------------------------------

    def open(self) -> None:
        """Open (and grab) the device; raises ScannerError. No-op when open."""
        if self._fd is not None:
            return
        try:
            fd = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        except FileNotFoundError as exc:
            raise ScannerError("not_found", f"scanner input device {self.path} not found",
                               params={"device": self.path}) from exc
        except PermissionError as exc:
            raise ScannerError(
                "permission_denied",
                f"no permission to read {self.path} (add the user to group 'input' "
                f"or install a udev rule)",
                params={"device": self.path},
            ) from exc
        except OSError as exc:
            raise ScannerError(
                "open_failed", f"cannot open scanner input device {self.path}: {exc}",
                params={"device": self.path},
            ) from exc
        if self.grab:
            try:
                fcntl.ioctl(fd, EVIOCGRAB, 1)
            except OSError as exc:
                os.close(fd)
                if exc.errno == errno.EBUSY:
                    raise ScannerError(
                        "busy", f"{self.path} is grabbed by another program",
                        params={"device": self.path}) from exc
                raise ScannerError(
                    "grab_failed",
                    f"cannot grab {self.path} (EVIOCGRAB: {exc}); is it an input device?",
                    params={"device": self.path},
                ) from exc
        self._fd = fd

    def close(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        if self.grab:
            try:
                fcntl.ioctl(fd, EVIOCGRAB, 0)
            except OSError:
                log.debug("releasing the grab on %s failed", self.path, exc_info=True)
        os.close(fd)

    def probe(self) -> None:
        """Open, grab and release the device (diagnostics); raises ScannerError."""
        self.open()
        self.close()

    def start(self, on_scan: ScanCallback) -> None:
        if self._thread is not None:
            raise RuntimeError("scanner already started")
        self.open()
        self._wake_r, self._wake_w = os.pipe()
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, args=(on_scan,),
                                        name=f"scanner-{self.path}", daemon=True)
        self._thread.start()
        log.info("reading scanner %s (grab=%s)", self.path, self.grab)

    def stop(self, timeout: float = 2.0) -> None:
        self._stop.set()
        if self._wake_w is not None:
            with contextlib.suppress(OSError):
                os.write(self._wake_w, b"x")
        thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
        for fd in (self._wake_r, self._wake_w):
            if fd is not None:
                os.close(fd)
        self._wake_r = self._wake_w = None
        self.close()

    def __enter__(self) -> EvdevScanner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- reader thread ----------------------------------------------------------

    def _run(self, on_scan: ScanCallback) -> None:
        fd, wake = self._fd, self._wake_r
        assert fd is not None and wake is not None
        partial = b""
        last_key = time.monotonic()
        while not self._stop.is_set():
            wait = None
            quiet = self.settle if self.decoder.suffix_seen else self.idle_flush
            if quiet is not None and self.decoder.pending:
                wait = max(0.0, last_key + quiet - time.monotonic())
            try:
                ready, _, _ = select.select([fd, wake], [], [], wait)
            except (OSError, ValueError):
                break
            if wake in ready or self._stop.is_set():
                break
            if not ready:
                deliver_scans(self.decoder.flush(), on_scan)
                continue
            try:
                chunk = os.read(fd, EVENT_SIZE * 64)
            except BlockingIOError:
                continue
            except OSError as exc:
                self._failed(exc)
                break
            if not chunk:  # end of a recorded stream / device gone
                deliver_scans(self.decoder.flush(), on_scan)
                if self._is_char_device():
                    self._failed(OSError(errno.ENODEV, "device vanished"))
                break
            data = partial + chunk
            cut = len(data) - len(data) % EVENT_SIZE
            partial = data[cut:]
            last_key = time.monotonic()
            deliver_scans(self.decoder.feed(iter_events(data[:cut])), on_scan)

    def _is_char_device(self) -> bool:
        import stat

        try:
            return stat.S_ISCHR(os.stat(self.path).st_mode)
        except OSError:
            return True

    def _failed(self, exc: BaseException) -> None:
        report_disconnected(self.on_error, f"scanner {self.path} stopped: {exc}")

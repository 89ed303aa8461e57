"""Is a character device a printer? Told from its device number (and, for a driver
with a dynamic number, from sysfs), without opening it: opening a serial port may
toggle its lines, and /dev/null "takes" every receipt and prints nothing.

A printer node is a USB printer (/dev/usb/lp*, usblp: major 180, minors 0-15), a
parallel one (/dev/lp*, major 6) or a serial line (a /dev/tty* UART, USB serial
adapter, ACM modem or a pseudo-terminal: the simulators' serial printers are ptys).
Everything else — the memory devices (/dev/null, /dev/zero, /dev/full, /dev/random),
the controlling terminal /dev/tty, the console, virtual consoles, sound, video,
input devices — is not a printer.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

__all__ = ["NodeVerdict", "classify_char_device"]

_MEMORY = 1  # /dev/mem, null, port, zero, full, random, urandom, kmsg
_MEMORY_NAMES = {1: "mem", 3: "null", 4: "port", 5: "zero", 7: "full", 8: "random",
                 9: "urandom", 11: "kmsg"}  # fmt: skip
_PARALLEL_PRINTER = 6
_USB_PRINTER = 180  # minors 0-15 are usblp; 96 and up are hiddev
_LEGACY_PTY = (2, 3)
_TTY = 4  # minors 0-63 are virtual consoles, 64 and up the 8250 UARTs (ttyS*)
_TERMINAL = 5  # /dev/tty (the caller's terminal), /dev/console, /dev/ptmx
_UNIX98_PTY = range(136, 144)
_SERIAL = (166, 188, 204)  # ttyACM*, ttyUSB*, low-density serial (ttyAMA*, ...)
SYSFS_CHAR = Path("/sys/dev/char")


@dataclass(frozen=True)
class NodeVerdict:
    printer: bool
    #: printer | serial | memory | terminal | other (worded at display time)
    kind: str
    #: the device's name ("null") or number ("240:9 (misc)"), for the sentence
    device: str = ""

    @property
    def what_en(self) -> str:
        """What the node is, in English (logs, the technician's JSON)."""
        return {
            "printer": "printer device",
            "serial": "serial line",
            "memory": f"a memory device ({self.device}): it swallows what is sent and "
            "prints nothing",
            "terminal": "a terminal or console, not a printer port",
        }.get(self.kind, f"a character device {self.device}, not a printer")


def _sysfs(major: int, minor: int, root: Path) -> tuple[str, str]:
    """(subsystem, device name) of a node from sysfs, ("", "") when it says nothing."""
    node = root / f"{major}:{minor}"
    try:
        return (os.path.basename(os.readlink(node / "subsystem")),
                os.path.basename(os.path.realpath(node)))  # fmt: skip
    except OSError:
        return "", ""


def classify_char_device(rdev: int, *, sysfs: Path = SYSFS_CHAR) -> NodeVerdict:
    """What the character device numbered `rdev` (``st_rdev``) is, printer or not."""
    major, minor = os.major(rdev), os.minor(rdev)
    if major == _MEMORY:
        name = _MEMORY_NAMES.get(minor, f"{major}:{minor}")
        return NodeVerdict(False, "memory", name)
    if (major == _USB_PRINTER and minor < 16) or major == _PARALLEL_PRINTER:
        return NodeVerdict(True, "printer")
    if (major in _LEGACY_PTY or major in _UNIX98_PTY or major in _SERIAL
            or (major == _TTY and minor >= 64)):
        return NodeVerdict(True, "serial")
    subsystem, name = _sysfs(major, minor, sysfs)
    if subsystem in ("usbmisc", "usb", "printer") and name.startswith("lp"):
        return NodeVerdict(True, "printer")
    if (subsystem == "tty" and major not in (_TTY, _TERMINAL)
            and not name.startswith(("tty0", "console", "ptmx"))):
        return NodeVerdict(True, "serial")  # a serial driver's dynamic major
    if major in (_TTY, _TERMINAL):
        return NodeVerdict(False, "terminal")
    number = f"{major}:{minor}" + (f" ({subsystem})" if subsystem else "")
    return NodeVerdict(False, "other", number)

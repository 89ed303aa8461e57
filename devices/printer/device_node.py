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
    #: what the node is, for a person ("USB printer", "the null device (discards ...)")
    what_en: str
    what_zh: str


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
        return NodeVerdict(False, f"a memory device ({name}): it swallows what is sent and "
                           "prints nothing", f"内存设备（{name}），发送的内容全部丢弃，不会打印")
    if (major == _USB_PRINTER and minor < 16) or major == _PARALLEL_PRINTER:
        return NodeVerdict(True, "printer device", "打印设备")
    if (major in _LEGACY_PTY or major in _UNIX98_PTY or major in _SERIAL
            or (major == _TTY and minor >= 64)):
        return NodeVerdict(True, "serial line", "串口")
    subsystem, name = _sysfs(major, minor, sysfs)
    if subsystem in ("usbmisc", "usb", "printer") and name.startswith("lp"):
        return NodeVerdict(True, "printer device", "打印设备")
    if (subsystem == "tty" and major not in (_TTY, _TERMINAL)
            and not name.startswith(("tty0", "console", "ptmx"))):
        return NodeVerdict(True, "serial line", "串口")  # a serial driver's dynamic major
    if major in (_TTY, _TERMINAL):
        return NodeVerdict(False, "a terminal or console, not a printer port",
                           "终端或控制台，不是打印机接口")
    kind_en = f"{subsystem} " if subsystem else ""
    kind_zh = f"（{subsystem}）" if subsystem else ""
    return NodeVerdict(False, f"a {kind_en}character device {major}:{minor}, not a printer",
                       f"字符设备 {major}:{minor}{kind_zh}，不是打印机")

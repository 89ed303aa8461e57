"""The pseudo-terminal the serial simulators serve on (ID card reader, serial scanner):
opened in raw mode so the driver on the other end sees a serial port, not a terminal."""

from __future__ import annotations

import contextlib
import os
import pty
import tty

__all__ = ["close_quietly", "open_raw_pty"]


def open_raw_pty() -> tuple[int, int, str]:
    """(master, slave, slave path) of a new pty pair in raw mode: no echo, no line
    editing, every one of the 256 byte values passed through."""
    master, slave = pty.openpty()
    tty.setraw(slave)
    return master, slave, os.ttyname(slave)


def close_quietly(*fds: int | None) -> None:
    """Close each open descriptor; one already closed (the driver went first) is fine."""
    for fd in fds:
        if fd is not None:
            with contextlib.suppress(OSError):
                os.close(fd)

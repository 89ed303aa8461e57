"""A private Xvfb for the demo when the machine has no display.

Xvfb picks a free display number itself (``-displayfd``) and tells us which;
the demo prints it (a technician can look with ``x11vnc -display :N`` or take
``xwd -root -display :N`` pictures).

The server is not stopped by the demo's clean-up: Qt still holds its X
connection until the interpreter ends, and pulling the server away first
crashes Qt on exit. Instead the kernel ends Xvfb when the demo process ends,
however it ends (``PR_SET_PDEATHSIG``).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import select
import shutil
import signal
import subprocess
import time

__all__ = ["Xvfb", "needs_virtual_display"]


def needs_virtual_display(env: dict[str, str] | None = None) -> bool:
    env = env if env is not None else dict(os.environ)
    return not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") or env.get("QT_QPA_PLATFORM"))


PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """In the child before exec: SIGTERM when the process that started us ends."""
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)


class Xvfb:
    def __init__(self, size: str = "1440x900x24", timeout: float = 15.0) -> None:
        self.size = size
        self.timeout = timeout
        self.display: str | None = None
        self._proc: subprocess.Popen[bytes] | None = None

    def start(self) -> Xvfb:
        exe = shutil.which("Xvfb")
        if exe is None:
            raise RuntimeError("no display and no Xvfb: install xvfb or use --headless")
        read_fd, write_fd = os.pipe()
        try:
            self._proc = subprocess.Popen(
                [exe, "-displayfd", str(write_fd), "-screen", "0", self.size, "-nolisten", "tcp"],
                pass_fds=(write_fd,),
                preexec_fn=_die_with_parent,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            os.close(write_fd)
            write_fd = -1
            number = self._read_display(read_fd)
        finally:
            os.close(read_fd)
            if write_fd >= 0:
                os.close(write_fd)
        self.display = f":{number}"
        os.environ["DISPLAY"] = self.display
        return self

    def _read_display(self, fd: int) -> str:
        deadline = time.monotonic() + self.timeout
        data = b""
        while not data.endswith(b"\n"):
            left = deadline - time.monotonic()
            ready, _, _ = select.select([fd], [], [], max(0.0, left))
            chunk = os.read(fd, 16) if ready else b""
            if not chunk:
                self.stop()
                raise RuntimeError("Xvfb did not start")
            data += chunk
        return data.decode().strip()

    def stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()

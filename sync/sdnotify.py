"""systemd's notify protocol (sd_notify), for `yiwang sync` as a Type=notify service.

A datagram of ``KEY=value`` lines to the Unix socket in ``NOTIFY_SOCKET`` (a
path, or an abstract name written with a leading ``@``). Outside systemd the
variable is absent and every call is a no-op.

:class:`Watchdog` pings ``WATCHDOG=1`` at half of ``WATCHDOG_USEC`` while a
liveness check passes; when the check fails (the store no longer answers: a
hung disk, a wedged lock), the pings stop and systemd restarts the service
after ``WatchdogSec``.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Callable, Mapping

__all__ = ["Watchdog", "notify", "watchdog_interval"]

log = logging.getLogger(__name__)


def notify(state: str, env: Mapping[str, str] | None = None) -> bool:
    """Send ``state`` (e.g. ``"READY=1"``); False when not under systemd or on error."""
    address = (env if env is not None else os.environ).get("NOTIFY_SOCKET", "")
    if not address:
        return False
    if address.startswith("@"):
        address = "\0" + address[1:]
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
            sock.connect(address)
            sock.sendall(state.encode("utf-8"))
    except OSError as e:
        log.warning("sd_notify to %s failed: %s", address.lstrip("\0"), e)
        return False
    return True


def watchdog_interval(env: Mapping[str, str] | None = None) -> float | None:
    """Seconds between pings (half of WatchdogSec), or None when no watchdog is armed
    for this process."""
    env = env if env is not None else os.environ
    usec = env.get("WATCHDOG_USEC", "")
    pid = env.get("WATCHDOG_PID", "")
    if not usec.isdigit() or int(usec) == 0:
        return None
    if pid and pid != str(os.getpid()):
        return None
    return int(usec) / 2e6


class Watchdog:
    """Pings systemd's watchdog from a daemon thread while ``alive()`` is true."""

    def __init__(
        self,
        alive: Callable[[], bool],
        *,
        env: Mapping[str, str] | None = None,
        interval: float | None = None,
    ) -> None:
        self.env = dict(env if env is not None else os.environ)
        self.interval = interval if interval is not None else watchdog_interval(self.env)
        self.alive = alive
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> Watchdog:
        if self.interval is None:
            return self
        self._thread = threading.Thread(target=self._run, name="sd-watchdog", daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        assert self.interval is not None
        while not self._stop.wait(self.interval):
            try:
                healthy = self.alive()
            except Exception:
                log.exception("watchdog liveness check failed")
                healthy = False
            if healthy:
                notify("WATCHDOG=1", self.env)
            else:
                log.error("liveness check failed; withholding the watchdog ping")

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)

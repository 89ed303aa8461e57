"""Is speech-dispatcher answering? Asked on a worker thread before Qt's engine exists.

Qt's ``speechd`` engine connects to the daemon, and autospawns it, inside its
constructor on the calling thread. Measured here without an audio device: 4-15 s,
and a daemon left stuck by an earlier client kept the next one waiting for ever.
The kiosk therefore makes sure on a plain worker thread that the daemon runs and
answers the SSIP greeting within a short limit, and creates the engine on the GUI
thread only after that (the connect is then immediate); otherwise it stays silent.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import subprocess
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

#: SSIP: naming the client is the cheapest request; a live daemon answers "208 OK ..."
GREETING = b"SET SELF CLIENT_NAME yiwang:kiosk:probe\r\n"
ANSWER_TIMEOUT_S = 2.0
SPAWN_TIMEOUT_S = 20.0


@dataclass(frozen=True)
class Address:
    """Where libspeechd connects: a unix socket path, or an inet host and port."""

    path: Path | None = None
    host: str = ""
    port: int = 0


def daemon_address(env: Mapping[str, str] = os.environ) -> Address:
    """The address libspeechd uses: SPEECHD_ADDRESS, else the per-user socket."""
    configured = env.get("SPEECHD_ADDRESS", "").strip()
    if configured.startswith("unix_socket:"):
        return Address(path=Path(configured.removeprefix("unix_socket:")))
    if configured.startswith("inet_socket:"):
        host, _, port = configured.removeprefix("inet_socket:").rpartition(":")
        if port.isdigit():
            return Address(host=host or "127.0.0.1", port=int(port))
    # g_get_user_runtime_dir() falls back to the cache folder without XDG_RUNTIME_DIR
    base = env.get("XDG_RUNTIME_DIR") or env.get("XDG_CACHE_HOME") or str(
        Path(env.get("HOME", "~")).expanduser() / ".cache"
    )
    return Address(path=Path(base) / "speech-dispatcher" / "speechd.sock")


def daemon_answers(address: Address, timeout: float = ANSWER_TIMEOUT_S) -> bool:
    """True when a daemon at `address` answers the SSIP greeting within `timeout`."""
    try:
        if address.path is not None:
            conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            target: str | tuple[str, int] = str(address.path)
        else:
            conn = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            target = (address.host, address.port)
        with conn:
            conn.settimeout(timeout)
            conn.connect(target)
            conn.sendall(GREETING)
            reply = conn.recv(256)
            with contextlib.suppress(OSError):
                conn.sendall(b"QUIT\r\n")
    except OSError:
        return False
    return reply.startswith(b"208")


def ensure_daemon(
    address: Address, spawn: tuple[str, ...] = ("speech-dispatcher", "--spawn")
) -> bool:
    """The daemon answers, started first when it was not running. Blocks: worker only."""
    if daemon_answers(address):
        return True
    try:
        subprocess.run(spawn, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=SPAWN_TIMEOUT_S, check=False)
    except (OSError, subprocess.SubprocessError) as e:
        log.warning("speech-dispatcher could not be started: %s", e)
        return False
    return daemon_answers(address)


@dataclass
class Probe:
    """The answer of one background check; read by the GUI thread without waiting."""

    done: threading.Event = field(default_factory=threading.Event)
    ok: bool = False
    started: bool = False

    def start(self, address: Address) -> None:
        self.started = True
        # the thread holds only this plain object, never a QObject
        threading.Thread(target=self._run, args=(address,), name="speechd-probe",
                         daemon=True).start()

    def _run(self, address: Address) -> None:
        try:
            self.ok = ensure_daemon(address)
        finally:
            self.done.set()
        if not self.ok:
            log.warning("speech-dispatcher does not answer at %s: the kiosk stays silent",
                        address.path or f"{address.host}:{address.port}")

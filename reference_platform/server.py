"""Run the reference platform: in-process with uvicorn, or as a child process.

uvicorn, the protocol class and requests are imported where they are used: a process
that only starts a platform (the demo, every test worker) loads no server, and the
platform process no HTTP client."""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import socket
import subprocess
import sys
import time
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import TracebackType

from reference_platform.__main__ import ADMIN_TOKEN_ENV
from reference_platform.parent_watch import PARENT_PIPE_ENV, ParentPipe

log = logging.getLogger(__name__)

REPO_ROOT = Path(__file__).resolve().parents[1]


# What one server process allows its callers (the app caps bodies per route and stalls
# between body pieces itself: bodies.iter_body).
HEADER_TIMEOUT = 10.0  # seconds from connecting (or the last answer) to a whole request head
IDLE_TIMEOUT = 5  # seconds an idle keep-alive connection is kept
MAX_CONNECTIONS = 64  # concurrent connections and tasks; more are answered 503
MAX_HEAD_BYTES = 16 * 1024  # request line plus headers


def serve(
    db_path: Path | str,
    host: str,
    port: int,
    admin_token: str,
    enrollment_codes: Iterable[str] = (),
    *,
    log_level: str = "info",
    ssl_certfile: Path | str | None = None,
    ssl_keyfile: Path | str | None = None,
    dev: bool = False,
) -> None:
    """Serve the platform until interrupted (SIGINT/SIGTERM); over HTTPS when
    ``ssl_certfile`` (PEM chain) and ``ssl_keyfile`` (PEM key) are given."""
    if (ssl_certfile is None) != (ssl_keyfile is None):
        raise ValueError("ssl_certfile and ssl_keyfile go together")
    os.umask(0o077)  # every file this process makes is private (0600 / 0700)
    # imported here: whoever only starts a platform process (PlatformProcess, every test
    # worker) does not load FastAPI, the routes or uvicorn
    import uvicorn

    from reference_platform.app import create_app
    from reference_platform.guarded_h11 import GuardedH11Protocol

    app = create_app(db_path, admin_token=admin_token, enrollment_codes=enrollment_codes,
                     dev=dev)
    # The app sets Date itself (from its clock) and marks every answer; no server banner.
    uvicorn.run(
        app,
        host=host,
        port=port,
        http=GuardedH11Protocol,
        log_level=log_level,
        date_header=False,
        server_header=False,
        access_log=log_level == "debug",
        timeout_keep_alive=IDLE_TIMEOUT,
        limit_concurrency=MAX_CONNECTIONS,
        h11_max_incomplete_event_size=MAX_HEAD_BYTES,
        ssl_certfile=str(ssl_certfile) if ssl_certfile else None,
        ssl_keyfile=str(ssl_keyfile) if ssl_keyfile else None,
    )


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        port: int = s.getsockname()[1]
        return port


class PlatformProcess:
    """The reference platform as a subprocess on 127.0.0.1 and a free port.

    >>> with PlatformProcess(tmp / "platform.db", enrollment_codes=["C1"]) as p:
    ...     PlatformClient.enroll(p.url, "C1", "S001", "window")
    """

    def __init__(
        self,
        db_path: Path | str,
        *,
        admin_token: str | None = None,
        enrollment_codes: Sequence[str] = (),
        host: str = "127.0.0.1",
        port: int | None = None,
        startup_timeout: float = 20.0,
        log_path: Path | str | None = None,
        ssl_certfile: Path | str | None = None,
        ssl_keyfile: Path | str | None = None,
        ca_bundle: Path | str | None = None,
    ) -> None:
        """With ``ssl_certfile``/``ssl_keyfile`` the platform speaks HTTPS; ``ca_bundle``
        is then what the readiness check trusts (without it, it does not verify)."""
        if (ssl_certfile is None) != (ssl_keyfile is None):
            raise ValueError("ssl_certfile and ssl_keyfile go together")
        self.ssl_certfile = Path(ssl_certfile) if ssl_certfile else None
        self.ssl_keyfile = Path(ssl_keyfile) if ssl_keyfile else None
        self.ca_bundle = Path(ca_bundle) if ca_bundle else None
        self.db_path = Path(db_path)
        self.admin_token = admin_token or secrets.token_urlsafe(16)
        self.enrollment_codes = list(enrollment_codes)
        self.host = host
        self.port = port or 0
        self.startup_timeout = startup_timeout
        self.log_path = Path(log_path) if log_path else self.db_path.with_suffix(".log")
        self._proc: subprocess.Popen[bytes] | None = None
        self._parent_pipe: ParentPipe | None = None

    @property
    def url(self) -> str:
        scheme = "https" if self.ssl_certfile else "http"
        return f"{scheme}://{self.host}:{self.port}"

    @property
    def pid(self) -> int | None:
        return None if self._proc is None else self._proc.pid

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def command(self) -> list[str]:
        """The child's argv; the admin token goes in its environment (ADMIN_TOKEN_ENV), so
        no other user of the machine reads it from the process list."""
        cmd = [
            sys.executable, "-m", "reference_platform",
            "--db", str(self.db_path), "--host", self.host, "--port", str(self.port),
        ]
        if self.enrollment_codes:
            cmd += ["--enrollment-code", *self.enrollment_codes]
        if self.ssl_certfile and self.ssl_keyfile:
            cmd += ["--ssl-certfile", str(self.ssl_certfile)]
            cmd += ["--ssl-keyfile", str(self.ssl_keyfile)]
        return cmd

    def start(self) -> PlatformProcess:
        if self.running:
            return self
        fixed_port = self.port != 0
        self.db_path.parent.mkdir(parents=True, exist_ok=True)
        last_error = "did not start"
        for _attempt in range(1 if fixed_port else 3):
            if not fixed_port:
                self.port = free_port(self.host)
            env = dict(os.environ)
            env["PYTHONPATH"] = os.pathsep.join(
                [str(REPO_ROOT), *filter(None, [env.get("PYTHONPATH")])]
            )
            env.setdefault("PYTHONUNBUFFERED", "1")
            env[ADMIN_TOKEN_ENV] = self.admin_token
            # the child ends when this process does, even by kill -9 (parent_watch)
            self._parent_pipe = ParentPipe()
            env[PARENT_PIPE_ENV] = str(self._parent_pipe.child_fd)
            with open(self.log_path, "ab") as logf:
                self._proc = subprocess.Popen(
                    self.command(), stdout=logf, stderr=subprocess.STDOUT, env=env,
                    cwd=str(REPO_ROOT), stdin=subprocess.DEVNULL,
                    pass_fds=(self._parent_pipe.child_fd,),
                )
            self._parent_pipe.close_child_end()
            if self._wait_ready():
                log.info("platform running at %s (pid %s)", self.url, self._proc.pid)
                return self
            last_error = self._tail_log()
            self._terminate()
            if fixed_port:
                self.port = self.port
        if not fixed_port:
            self.port = 0
        raise RuntimeError(f"reference platform failed to start: {last_error}")

    def _wait_ready(self) -> bool:
        import requests

        deadline = time.monotonic() + self.startup_timeout
        session = requests.Session()
        session.trust_env = False
        verify: bool | str = True
        if self.ssl_certfile:
            verify = str(self.ca_bundle) if self.ca_bundle else False
        try:
            while time.monotonic() < deadline:
                if self._proc is None or self._proc.poll() is not None:
                    return False
                with contextlib.suppress(requests.RequestException), warnings.catch_warnings():
                    # an unverified readiness check on loopback is fine; say nothing about it
                    warnings.simplefilter("ignore")
                    r = session.get(
                        self.url + "/openapi.json", timeout=(0.5, 2.0), verify=verify
                    )
                    if r.status_code == 200 and r.headers.get("X-Yiwang-Platform") == "1":
                        return True
                time.sleep(0.05)
            return False
        finally:
            session.close()

    def _tail_log(self) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")[-2000:]
        except OSError:
            return "(no log)"

    def _close_parent_pipe(self) -> None:
        pipe, self._parent_pipe = self._parent_pipe, None
        if pipe is not None:
            pipe.close()

    def _terminate(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            self._close_parent_pipe()
            return
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)
        self._close_parent_pipe()

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL after 5 s). The port is kept for restarts."""
        self._terminate()

    def kill(self) -> None:
        """SIGKILL the server, as a crash would."""
        proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait(timeout=5)
        self._close_parent_pipe()

    def restart(self) -> PlatformProcess:
        """Stop and start again on the same port and database."""
        port = self.port
        self.stop()
        self.port = port
        return self.start()

    def __enter__(self) -> PlatformProcess:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


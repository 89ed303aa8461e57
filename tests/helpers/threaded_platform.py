"""The reference platform served by uvicorn on a thread of the test process.

The same app (``create_app``) and the same server settings as ``python -m
reference_platform`` (reference_platform.server.serve: the head deadline protocol,
keep-alive, connection and head-size limits), on 127.0.0.1 and a port of its own, but
without a child process: starting a PlatformProcess costs some 0.7 s of CPU (a fresh
interpreter importing FastAPI and uvicorn), this process has them imported already.

For tests that talk to a platform over HTTP and need one of their own (a brake, a
catalog of their own, a count of every row). Tests about the platform *process* (its
umask and private files, its log file, its parent watch, the admin token kept off the
process list, a restart on the same port) keep using PlatformProcess.
"""

from __future__ import annotations

import secrets
import socket
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

import uvicorn

from reference_platform import server
from reference_platform.guarded_h11 import GuardedH11Protocol


class ThreadedPlatform:
    """``with ThreadedPlatform(db) as p: ...`` — ``p.url``, ``p.admin_token`` as with
    PlatformProcess."""

    def __init__(
        self,
        db_path: Path,
        *,
        admin_token: str | None = None,
        enrollment_codes: Iterable[str] = (),
        host: str = "127.0.0.1",
    ) -> None:
        self.db_path = Path(db_path)
        self.admin_token = admin_token or secrets.token_urlsafe(24)
        self.enrollment_codes = list(enrollment_codes)
        self.host = host
        self.port = 0
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> ThreadedPlatform:
        from reference_platform.app import create_app

        self.db_path.parent.mkdir(parents=True, exist_ok=True)
        app = create_app(self.db_path, admin_token=self.admin_token,
                         enrollment_codes=self.enrollment_codes)
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, 0))  # bound here: no window in which another takes the port
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(
            app, http=GuardedH11Protocol, log_level="warning", lifespan="on",
            date_header=False, server_header=False, access_log=False,
            timeout_keep_alive=server.IDLE_TIMEOUT, limit_concurrency=server.MAX_CONNECTIONS,
            h11_max_incomplete_event_size=server.MAX_HEAD_BYTES,
        )
        srv = uvicorn.Server(config)
        thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]},
                                  name="threaded-platform", daemon=True)
        thread.start()
        self._server, self._thread = srv, thread
        deadline = time.monotonic() + 20
        while not srv.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("the threaded reference platform did not start")
            time.sleep(0.005)
        return self

    def stop(self) -> None:
        srv, thread = self._server, self._thread
        self._server = self._thread = None
        if srv is not None:
            srv.should_exit = True
        if thread is not None:
            thread.join(timeout=10)

    def __enter__(self) -> ThreadedPlatform:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

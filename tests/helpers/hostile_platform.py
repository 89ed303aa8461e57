"""Fake platforms on 127.0.0.1 that misbehave on purpose (for the station client's tests).

- :class:`RawServer`: a raw socket server; for each connection it reads one request
  head and body and hands the socket to a script that writes whatever bytes it likes
  (a huge or endless body, a body dripped byte by byte), counting what it sent.
- :class:`ScriptedPlatform`: a small HTTP platform (http.server) whose answers per
  method + path prefix are scripted; it marks its answers as the platform's and can
  make genuine delivery proofs, so tests can tell "no proof" from "a good one".
"""

from __future__ import annotations

import contextlib
import hashlib
import http.server
import json
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

from wire.signing import delivery_proof

__all__ = ["RawServer", "Reply", "ScriptedPlatform"]

Writer = Callable[[socket.socket], None]


class RawServer:
    """``script(sock)`` answers every request; ``sent`` counts the bytes it got out."""

    def __init__(self, script: Callable[[RawServer, socket.socket], None]) -> None:
        self.script = script
        self.sent = 0
        self.requests: list[str] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._conns: list[socket.socket] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._listener.getsockname()[1]}"

    def __enter__(self) -> RawServer:
        t = threading.Thread(target=self._accept, daemon=True)
        t.start()
        self._threads.append(t)
        return self

    def __exit__(self, et: type[BaseException] | None, e: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._stop.set()
        self._listener.close()
        for conn in self._conns:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        for t in self._threads:
            t.join(timeout=5)

    def send(self, sock: socket.socket, data: bytes) -> None:
        sock.sendall(data)
        self.sent += len(data)

    def _accept(self) -> None:
        self._listener.settimeout(0.05)  # a closed listener does not wake accept()
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self._conns.append(conn)
            t = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            t.start()
            self._threads.append(t)

    def _serve(self, conn: socket.socket) -> None:
        with conn, contextlib.suppress(OSError, ValueError):
            conn.settimeout(10)
            head = b""
            while b"\r\n\r\n" not in head:
                piece = conn.recv(4096)
                if not piece:
                    return
                head += piece
            head, _, rest = head.partition(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            self.requests.append(lines[0])
            length = 0
            for line in lines[1:]:
                name, _, value = line.partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value.strip())
            while len(rest) < length:
                piece = conn.recv(65536)
                if not piece:
                    return
                rest += piece
            self.script(self, conn)


@dataclass
class Reply:
    status: int = 200
    body: Any = None  # JSON-able, or bytes as they are
    headers: dict[str, str] = field(default_factory=dict)


Route = Callable[["ScriptedPlatform", str, str, dict[str, str], bytes], Reply]


class ScriptedPlatform:
    """``routes[(METHOD, path_prefix)] = fn(platform, method, path, headers, body) -> Reply``;
    unscripted requests get 404. ``seen`` lists (method, path) in arrival order."""

    def __init__(self, secret: str = "") -> None:
        self.secret = secret
        self.routes: dict[tuple[str, str], Route] = {}
        self.seen: list[tuple[str, str]] = []
        self.extra_headers: dict[str, str] = {}
        platform = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                platform.seen.append((self.command, self.path))
                reply = platform.answer(self.command, self.path, dict(self.headers), body)
                data = reply.body if isinstance(reply.body, bytes) else (
                    b"" if reply.body is None else json.dumps(reply.body).encode("utf-8"))
                self.send_response_only(reply.status)
                headers = {"X-Yiwang-Platform": "1", "Content-Type": "application/json",
                           "Date": self.date_time_string(),
                           **platform.extra_headers, **reply.headers}
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(data)

            do_GET = do_PUT = do_POST = do_PATCH = do_HEAD = _any

            def log_message(self, format: str, *args: object) -> None:
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        # shutdown() waits for the serving loop's next look at its flag: 10 ms, not 50 ms,
        # on every exit (about a hundred tests use one)
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.01,),
                                        daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> ScriptedPlatform:
        self._thread.start()
        return self

    def __exit__(self, et: type[BaseException] | None, e: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._server.shutdown()
        self._server.server_close()

    def answer(self, method: str, path: str, headers: dict[str, str], body: bytes) -> Reply:
        for (m, prefix), route in self.routes.items():
            if m == method and path.startswith(prefix):
                return route(self, method, path, headers, body)
        return Reply(404, {"error": "not_found"})

    def methods(self, method: str) -> int:
        return sum(1 for m, _ in self.seen if m == method)

    # -- a well-behaved blob store and submission endpoint, for the parts not under test --

    def accept_blobs(self) -> None:
        """PATCH appends (offset checked loosely), HEAD answers from what was received."""
        received: dict[str, int] = {}

        def patch(_p: ScriptedPlatform, _m: str, path: str, headers: dict[str, str],
                  body: bytes) -> Reply:
            sha = path.rsplit("/", 1)[1]
            at = int(headers.get("Upload-Offset", "0")) + len(body)
            received[sha] = at
            done = at >= int(headers.get("Upload-Length", "0"))
            return Reply(204, None, {"Upload-Offset": str(at),
                                     "Upload-Complete": "?1" if done else "?0"})

        def head(_p: ScriptedPlatform, _m: str, path: str, _h: dict[str, str],
                 _b: bytes) -> Reply:
            sha = path.rsplit("/", 1)[1]
            if sha not in received:
                return Reply(404, None)
            return Reply(200, None, {"Upload-Offset": str(received[sha]),
                                     "Upload-Complete": "?0"})

        self.routes[("PATCH", "/v1/blobs/")] = patch
        self.routes[("HEAD", "/v1/blobs/")] = head

    def proof_for(self, uuid: str, body: bytes, case_no: str) -> str:
        return delivery_proof(self.secret, uuid, hashlib.sha256(body).hexdigest(), case_no)

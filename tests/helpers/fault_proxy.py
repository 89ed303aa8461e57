"""A fault-injecting TCP proxy for sync tests and benchmarks (threads + sockets).

It listens on 127.0.0.1 (a free port) and forwards to an upstream (the reference
platform). It understands just enough HTTP/1.1 in the client -> upstream
direction (request heads and ``Content-Length`` bodies) to apply faults to
chosen requests; responses are forwarded as opaque bytes.

Faults (:class:`Fault`), chosen per request by a deterministic ``schedule``:

- ``reset``: forward ``after`` bytes of the request (counted from its first byte,
  including the head; then further requests on the same connection), then reset
  both sides (RST);
- ``stall``: forward ``after`` bytes, hold the rest for ``seconds``, then go on;
- ``truncate``: close both sides after ``after`` bytes of the response;
- ``respond``: never forward the request; drain it and answer a canned response
  (503 by default) with or without the ``X-Yiwang-Platform`` header, then close.

Link emulation (:class:`Link`, shared by all connections): a token-bucket
bandwidth limit per direction, a one-way delay of ``rtt / 2`` per direction and
an optional added latency per forwarded chunk. Counters: ``bytes_up`` (to the
upstream), ``bytes_down`` (to the client), ``connections``, ``requests`` and
``triggered`` (per fault kind).

>>> with FaultProxy(("127.0.0.1", 8000), schedule=every_kth_connection(3, Fault.reset(1000))):
...     ...
"""

from __future__ import annotations

import contextlib
import itertools
import queue
import socket
import struct
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Literal

__all__ = [
    "Fault",
    "FaultProxy",
    "Link",
    "RequestInfo",
    "Schedule",
    "every_kth_connection",
    "matching",
    "sequence",
]

FaultKind = Literal["reset", "stall", "truncate", "respond"]
RECV_SIZE = 16 * 1024
QUEUE_ITEMS = 32  # at most 32 x 16 KiB buffered per direction and connection
MAX_HEAD = 64 * 1024


@dataclass(frozen=True)
class Fault:
    kind: FaultKind
    after: int = 0
    seconds: float = 0.0
    status: int = 503
    platform_header: bool = False
    body: bytes = b""
    content_type: str = "text/plain; charset=utf-8"
    retry_after: int | None = None  # a 503 says "Retry-After: 0" unless this is set

    @staticmethod
    def reset(after: int) -> Fault:
        return Fault("reset", after=after)

    @staticmethod
    def stall(after: int, seconds: float) -> Fault:
        return Fault("stall", after=after, seconds=seconds)

    @staticmethod
    def truncate(after: int) -> Fault:
        return Fault("truncate", after=after)

    @staticmethod
    def respond(
        status: int = 503,
        *,
        platform_header: bool = False,
        body: bytes = b"Service Unavailable",
        content_type: str = "text/plain; charset=utf-8",
        retry_after: int | None = None,
    ) -> Fault:
        return Fault("respond", status=status, platform_header=platform_header, body=body,
                     content_type=content_type, retry_after=retry_after)

    def response_bytes(self) -> bytes:
        reason = {200: "OK", 502: "Bad Gateway", 503: "Service Unavailable",
                  504: "Gateway Timeout"}.get(self.status, "Injected")
        lines = [
            f"HTTP/1.1 {self.status} {reason}",
            f"Content-Type: {self.content_type}",
            f"Content-Length: {len(self.body)}",
            "Connection: close",
        ]
        if self.platform_header:
            lines.append("X-Yiwang-Platform: 1")
        if self.retry_after is not None:
            lines.append(f"Retry-After: {self.retry_after}")
        elif self.status == 503:
            lines.append("Retry-After: 0")
        return ("\r\n".join(lines) + "\r\n\r\n").encode("ascii") + self.body


@dataclass(frozen=True)
class RequestInfo:
    conn_index: int  # 0-based, in accept order
    request_index: int  # 0-based over the proxy's lifetime
    conn_request_index: int  # 0-based within the connection
    method: str
    path: str

    @property
    def line(self) -> str:
        return f"{self.method} {self.path}"


Schedule = Callable[[RequestInfo], Fault | None]


def every_kth_connection(k: int, fault: Fault, *, limit: int | None = None,
                         first: int = 0) -> Schedule:
    """Arm ``fault`` on the first request of connections first+k-1, first+2k-1, ...
    (at most ``limit`` times)."""
    lock = threading.Lock()
    fired = [0]

    def schedule(info: RequestInfo) -> Fault | None:
        n = info.conn_index - first
        if info.conn_request_index != 0 or n < 0 or (n + 1) % k:
            return None
        with lock:
            if limit is not None and fired[0] >= limit:
                return None
            fired[0] += 1
        return fault

    return schedule


def matching(prefix: str, fault: Fault, *, times: int | None = 1, every: int = 1,
             skip: int = 0) -> Schedule:
    """Fault requests whose ``"METHOD /path"`` starts with ``prefix``: after ``skip``
    matches, every ``every``-th match, at most ``times`` times (None = forever)."""
    lock = threading.Lock()
    seen = [0]
    fired = [0]

    def schedule(info: RequestInfo) -> Fault | None:
        if not info.line.startswith(prefix):
            return None
        with lock:
            seen[0] += 1
            n = seen[0] - skip
            if n <= 0 or n % every or (times is not None and fired[0] >= times):
                return None
            fired[0] += 1
        return fault

    return schedule


def sequence(*schedules: Schedule) -> Schedule:
    """The first schedule that answers a fault wins."""

    def schedule(info: RequestInfo) -> Fault | None:
        for s in schedules:
            f = s(info)
            if f is not None:
                return f
        return None

    return schedule


class _Bucket:
    """Token bucket: ``rate`` bytes/s, bursts up to ``burst`` bytes; thread-safe."""

    def __init__(self, rate: float, burst: int) -> None:
        self.rate = rate
        self.burst = burst
        self.tokens = float(burst)
        self.stamp = time.monotonic()
        self.lock = threading.Lock()

    def take(self, n: int, stop: threading.Event) -> None:
        while not stop.is_set():
            with self.lock:
                now = time.monotonic()
                self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
                self.stamp = now
                if self.tokens >= n:
                    self.tokens -= n
                    return
                wait = (n - self.tokens) / self.rate
            time.sleep(wait)


@dataclass
class Link:
    """Emulated link: ``rate_bps`` bits/s per direction (None = unlimited), round trip
    ``rtt`` seconds (each direction delayed by rtt/2), ``chunk_latency`` added before
    every forwarded chunk."""

    rate_bps: float | None = None
    rtt: float = 0.0
    chunk_latency: float = 0.0

    @property
    def bytes_per_second(self) -> float | None:
        return None if self.rate_bps is None else self.rate_bps / 8.0


class _Conn:
    def __init__(self, index: int, client: socket.socket, upstream: socket.socket) -> None:
        self.index = index
        self.client = client
        self.upstream = upstream
        self.requests = 0
        self.dead = threading.Event()
        self.lock = threading.Lock()
        self.up_fault: Fault | None = None  # reset/stall armed on the upstream direction
        self.up_count = 0
        self.down_fault: Fault | None = None  # truncate armed on the downstream direction
        self.down_count = 0
        self.finished = 0  # directions that reached EOF
        #: the writers' queues: kill() wakes a writer waiting on one at once
        self.queues: list[queue.Queue[object]] = []

    def kill(self, *, rst: bool) -> None:
        if self.dead.is_set():
            return
        self.dead.set()
        for s in (self.client, self.upstream):
            with contextlib.suppress(OSError):
                if rst:  # close() then sends RST; SHUT_RD alone sends nothing
                    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                # shutdown wakes a thread blocked in recv() (close() alone does not)
                s.shutdown(socket.SHUT_RD if rst else socket.SHUT_RDWR)
            with contextlib.suppress(OSError):
                s.close()
        for q in self.queues:
            with contextlib.suppress(queue.Full):
                q.put_nowait(_WAKE)

    def half_done(self) -> None:
        with self.lock:
            self.finished += 1
            both = self.finished >= 2
        if both:
            self.kill(rst=False)


_EOF = object()
_WAKE = object()  # put by _Conn.kill(): the writer stops waiting for its next item


class FaultProxy:
    """Forward 127.0.0.1:<free port> to ``upstream`` with scheduled faults and a link model."""

    def __init__(
        self,
        upstream: tuple[str, int] | str,
        *,
        schedule: Schedule | None = None,
        link: Link | None = None,
        host: str = "127.0.0.1",
    ) -> None:
        if isinstance(upstream, str):  # "http://host:port"
            hostport = upstream.split("://", 1)[-1].split("/", 1)[0]
            h, _, p = hostport.rpartition(":")
            upstream = (h, int(p))
        self.upstream = upstream
        self.host = host
        self.port = 0
        self.schedule = schedule
        self.link = link or Link()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._listener: socket.socket | None = None
        self._threads: list[threading.Thread] = []
        self._conns: list[_Conn] = []
        self._conn_seq = itertools.count()
        self._req_seq = itertools.count()
        self._buckets: dict[str, _Bucket] = {}
        self.bytes_up = 0
        self.bytes_down = 0
        self.connections = 0
        self.requests = 0
        #: "METHOD /path" of every request seen, in order
        self.request_lines: list[str] = []
        self.triggered: Counter[str] = Counter()

    # -- lifecycle ------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> FaultProxy:
        if self._listener is not None:
            return self
        self._stop.clear()
        self.set_link(self.link)
        ls = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        ls.bind((self.host, self.port))
        ls.listen(64)
        ls.settimeout(0.2)
        self.port = ls.getsockname()[1]
        self._listener = ls
        self._spawn(self._accept_loop, "fault-proxy-accept")
        return self

    def stop(self) -> None:
        self._stop.set()
        ls, self._listener = self._listener, None
        if ls is not None:
            with contextlib.suppress(OSError):
                ls.shutdown(socket.SHUT_RDWR)  # wakes accept() now (close() alone does not)
            with contextlib.suppress(OSError):
                ls.close()
        with self._lock:
            conns = list(self._conns)
        for c in conns:
            c.kill(rst=True)
        for t in list(self._threads):
            t.join(timeout=5)
        self._threads.clear()

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- configuration --------------------------------------------------------------------

    def set_schedule(self, schedule: Schedule | None) -> None:
        self.schedule = schedule

    def set_link(self, link: Link) -> None:
        self.link = link
        bps = link.bytes_per_second
        if bps is None:
            self._buckets = {}
        else:
            burst = max(1460, int(bps * 0.02))
            self._buckets = {"up": _Bucket(bps, burst), "down": _Bucket(bps, burst)}

    def reset_counters(self) -> None:
        with self._lock:
            self.bytes_up = self.bytes_down = 0
            self.connections = self.requests = 0
            self.request_lines = []
            self.triggered = Counter()

    def drop_connections(self) -> None:
        """Reset every open connection (as a dying link would)."""
        with self._lock:
            conns = list(self._conns)
        for c in conns:
            c.kill(rst=True)

    # -- machinery ------------------------------------------------------------------------

    def _spawn(self, target: Callable[..., None], name: str, *args: object) -> None:
        t = threading.Thread(target=target, args=args, name=name, daemon=True)
        with self._lock:
            self._threads = [x for x in self._threads if x.is_alive()]
            self._threads.append(t)
        t.start()

    def _accept_loop(self) -> None:
        ls = self._listener
        while not self._stop.is_set() and ls is not None:
            try:
                client, _ = ls.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.upstream, timeout=5)
            except OSError:
                client.close()
                continue
            for s in (client, upstream):
                s.settimeout(None)
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            conn = _Conn(next(self._conn_seq), client, upstream)
            with self._lock:
                self.connections += 1
                self._conns = [c for c in self._conns if not c.dead.is_set()]
                self._conns.append(conn)
            up_q: queue.Queue[object] = queue.Queue(QUEUE_ITEMS)
            down_q: queue.Queue[object] = queue.Queue(QUEUE_ITEMS)
            conn.queues = [up_q, down_q]
            self._spawn(self._read_requests, f"proxy-{conn.index}-up-r", conn, up_q)
            self._spawn(self._writer, f"proxy-{conn.index}-up-w", conn, up_q, "up")
            self._spawn(self._read_responses, f"proxy-{conn.index}-down-r", conn, down_q)
            self._spawn(self._writer, f"proxy-{conn.index}-down-w", conn, down_q, "down")

    def _put(self, conn: _Conn, q: queue.Queue[object], item: object) -> bool:
        while not conn.dead.is_set() and not self._stop.is_set():
            try:
                q.put(item, timeout=0.2)
                return True
            except queue.Full:
                continue
        return False

    def _emit_up(self, conn: _Conn, q: queue.Queue[object], data: bytes) -> bool:
        """Queue request bytes, applying an armed reset/stall; False once the conn is cut."""
        fault = conn.up_fault
        if fault is not None:
            left = fault.after - conn.up_count
            if left < len(data):
                head, tail = data[: max(0, left)], data[max(0, left):]
                if head and not self._put(conn, q, (time.monotonic(), head)):
                    return False
                conn.up_fault = None
                self._count_trigger(fault.kind)
                if fault.kind == "reset":
                    self._put(conn, q, ("reset",))
                    return False
                self._put(conn, q, ("stall", fault.seconds))
                return self._put(conn, q, (time.monotonic(), tail))
            conn.up_count += len(data)
        return self._put(conn, q, (time.monotonic(), data))

    def _count_trigger(self, kind: str) -> None:
        with self._lock:
            self.triggered[kind] += 1

    def _recv(self, sock: socket.socket) -> bytes:
        try:
            return sock.recv(RECV_SIZE)
        except OSError:
            return b""

    def _read_requests(self, conn: _Conn, q: queue.Queue[object]) -> None:
        buf = b""
        body_left = 0
        opaque = False
        while not conn.dead.is_set():
            data = self._recv(conn.client)
            if not data:
                self._put(conn, q, _EOF)
                return
            if opaque:
                if not self._emit_up(conn, q, data):
                    return
                continue
            buf += data
            while buf:
                if body_left:
                    take, buf = buf[:body_left], buf[body_left:]
                    body_left -= len(take)
                    if not self._emit_up(conn, q, take):
                        return
                    continue
                end = buf.find(b"\r\n\r\n")
                if end < 0:
                    if len(buf) > MAX_HEAD:
                        opaque = True
                        if not self._emit_up(conn, q, buf):
                            return
                        buf = b""
                    break
                head, buf = buf[: end + 4], buf[end + 4:]
                method, path, length, chunked = _parse_head(head)
                info = RequestInfo(conn.index, next(self._req_seq), conn.requests, method, path)
                conn.requests += 1
                with self._lock:
                    self.requests += 1
                    self.request_lines.append(info.line)
                fault = self.schedule(info) if self.schedule else None
                if fault is not None and fault.kind == "respond":
                    self._answer(conn, fault, buf, length)
                    return
                if fault is not None and fault.kind == "truncate":
                    conn.down_fault, conn.down_count = fault, 0
                elif fault is not None:
                    conn.up_fault, conn.up_count = fault, 0
                if not self._emit_up(conn, q, head):
                    return
                if chunked:
                    opaque = True
                    if buf and not self._emit_up(conn, q, buf):
                        return
                    buf = b""
                    break
                body_left = length

    def _answer(self, conn: _Conn, fault: Fault, buffered: bytes, length: int) -> None:
        """Drain the request body, send the canned answer, close the connection."""
        self._count_trigger("respond")
        left = length - len(buffered)
        while left > 0 and not conn.dead.is_set():
            data = self._recv(conn.client)
            if not data:
                break
            left -= len(data)
        with contextlib.suppress(OSError):
            payload = fault.response_bytes()
            conn.client.sendall(payload)
            with self._lock:
                self.bytes_down += len(payload)
        conn.kill(rst=False)

    def _read_responses(self, conn: _Conn, q: queue.Queue[object]) -> None:
        while not conn.dead.is_set():
            data = self._recv(conn.upstream)
            if not data:
                self._put(conn, q, _EOF)
                return
            if not self._put(conn, q, (time.monotonic(), data)):
                return

    def _writer(self, conn: _Conn, q: queue.Queue[object], direction: str) -> None:
        dest = conn.upstream if direction == "up" else conn.client
        delay = self.link.rtt / 2.0
        try:
            while not conn.dead.is_set():
                try:
                    item = q.get(timeout=0.2)
                except queue.Empty:
                    if self._stop.is_set():
                        return
                    continue
                if item is _WAKE:
                    return
                if item is _EOF:
                    with contextlib.suppress(OSError):
                        dest.shutdown(socket.SHUT_WR)
                    conn.half_done()
                    return
                assert isinstance(item, tuple)
                if item[0] == "reset":
                    conn.kill(rst=True)
                    return
                if item[0] == "stall":
                    if conn.dead.wait(float(item[1])):
                        return
                    continue
                stamp, data = item
                wait = stamp + delay - time.monotonic()
                if wait > 0 and conn.dead.wait(wait):
                    return
                if self.link.chunk_latency and conn.dead.wait(self.link.chunk_latency):
                    return
                cut = False
                if direction == "down" and conn.down_fault is not None:
                    left = conn.down_fault.after - conn.down_count
                    if left <= len(data):
                        data, cut = data[: max(0, left)], True
                    else:
                        conn.down_count += len(data)
                self._send(conn, dest, data, direction)
                if cut:
                    conn.down_fault = None
                    self._count_trigger("truncate")
                    conn.kill(rst=False)
                    return
        except OSError:
            conn.kill(rst=True)

    def _send(self, conn: _Conn, dest: socket.socket, data: bytes, direction: str) -> None:
        bucket = self._buckets.get(direction)
        step = 1024 if bucket is not None else len(data)
        for i in range(0, len(data), max(1, step)):
            piece = data[i: i + step]
            if bucket is not None:
                bucket.take(len(piece), self._stop)
            if conn.dead.is_set():
                return
            dest.sendall(piece)
            with self._lock:
                if direction == "up":
                    self.bytes_up += len(piece)
                else:
                    self.bytes_down += len(piece)


def _parse_head(head: bytes) -> tuple[str, str, int, bool]:
    lines = head.decode("latin-1").split("\r\n")
    parts = lines[0].split(" ")
    method = parts[0] if parts else ""
    path = parts[1] if len(parts) > 1 else ""
    length = 0
    chunked = False
    for line in lines[1:]:
        name, _, value = line.partition(":")
        name = name.strip().lower()
        if name == "content-length" and value.strip().isdigit():
            length = int(value.strip())
        elif name == "transfer-encoding" and "chunked" in value.lower():
            chunked = True
    return method, path, length, chunked

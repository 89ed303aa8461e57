"""Why the platform could not be reached, in a technician's words: host:port and one
kind (refused, timeout, DNS, TLS, no route), instead of urllib3's retry text."""

from __future__ import annotations

import errno
import socket
import ssl
from collections.abc import Iterator
from urllib.parse import urlsplit

__all__ = ["host_port", "outage_kind", "outage_text", "tls_reason"]

_KINDS = {
    "refused": "connection refused (nothing listens on that port, or a firewall rejects it)",
    "timeout": "timed out (the host does not answer: network down, firewall dropping, or "
    "platform overloaded)",
    "dns": "DNS: the host name cannot be resolved",
    "tls": "TLS handshake failed",
    "no_route": "no route to the host (network or cable down)",
    "reset": "the connection was reset",
    "network": "network error",
}


def host_port(url: str) -> str:
    parts = urlsplit(url)
    host = parts.hostname or "?"
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        port = 0
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def _chain(error: BaseException) -> Iterator[BaseException]:
    """The error and everything it wraps: causes, contexts, urllib3's `reason`, args."""
    seen: set[int] = set()
    todo: list[BaseException] = [error]
    while todo:
        e = todo.pop()
        if id(e) in seen:
            continue
        seen.add(id(e))
        yield e
        inner = [e.__cause__, e.__context__, getattr(e, "reason", None), *e.args]
        todo += [x for x in inner if isinstance(x, BaseException)]


def outage_kind(error: BaseException) -> str:
    """refused | timeout | dns | tls | no_route | reset | network."""
    kinds: set[str] = set()
    for e in _chain(error):
        name = type(e).__name__
        if isinstance(e, ConnectionRefusedError):
            kinds.add("refused")
        elif isinstance(e, socket.gaierror) or name == "NameResolutionError":
            kinds.add("dns")
        elif isinstance(e, ssl.SSLError) or name == "SSLError":
            kinds.add("tls")
        elif isinstance(e, TimeoutError) or "Timeout" in name:
            kinds.add("timeout")
        elif isinstance(e, ConnectionResetError):
            kinds.add("reset")
        elif isinstance(e, OSError) and e.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH):
            kinds.add("no_route")
    for kind in ("tls", "dns", "refused", "no_route", "timeout", "reset"):
        if kind in kinds:
            return kind
    return "network"


def outage_text(url: str, error: BaseException) -> str:
    """"cannot reach the platform at HOST:PORT: <kind>"."""
    return f"cannot reach the platform at {host_port(url)}: {_KINDS[outage_kind(error)]}"


def tls_reason(error: BaseException) -> str:
    """The certificate check's own words ("self-signed certificate", "certificate has
    expired"), else "TLS handshake failed"."""
    for e in _chain(error):
        message = getattr(e, "verify_message", None) or (
            getattr(e, "reason", None) if isinstance(e, ssl.SSLError) else None
        )
        if isinstance(message, str) and message:
            return message[:120]
    return "TLS handshake failed"

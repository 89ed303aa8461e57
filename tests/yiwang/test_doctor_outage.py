"""Review #14 (technician): "platform unreachable" is worded (host:port and a kind:
refused, timeout, DNS, TLS) and counted once: the checks that need the platform say
"skipped: platform unreachable" and are not failures of their own."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from reference_platform.server import PlatformProcess
from tests.yiwang.conftest import platform_gone
from tests.yiwang.test_doctor import yiwang
from yiwang.doctor.outage import host_port, outage_kind, outage_text


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A port that accepts connections and never says a word."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    stop = threading.Event()
    held: list[socket.socket] = []

    def accept() -> None:
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                return

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    server.close()
    for conn in held:
        conn.close()


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def error_of(url: str, timeout: float = 5.0) -> requests.RequestException:
    with pytest.raises(requests.RequestException) as caught:
        requests.get(url, timeout=timeout)
    return caught.value


def test_refused() -> None:
    url = f"http://127.0.0.1:{closed_port()}"
    error = error_of(url)
    assert outage_kind(error) == "refused"
    text = outage_text(url, error)
    assert text == f"cannot reach the platform at {host_port(url)}: connection refused " \
        "(nothing listens on that port, or a firewall rejects it)"


def test_timeout(silent_port: int) -> None:
    # the server never answers; the wait is the read timeout, not a race
    assert outage_kind(error_of(f"http://127.0.0.1:{silent_port}", timeout=0.3)) == "timeout"


def test_tls_to_a_plain_http_server(platform: PlatformProcess) -> None:
    https = platform.url.replace("http://", "https://")
    assert outage_kind(error_of(https)) == "tls"


def test_dns() -> None:
    url = "http://platform.yiwang.invalid:8443"  # .invalid never resolves (RFC 6761)
    error = error_of(url)
    assert outage_kind(error) == "dns"
    assert outage_text(url, error).startswith(
        "cannot reach the platform at platform.yiwang.invalid:8443: DNS"
    )


def test_host_port_defaults() -> None:
    assert host_port("https://p.example/") == "p.example:443"
    assert host_port("http://p.example/api") == "p.example:80"
    assert host_port("http://[::1]:8080") == "[::1]:8080"


def test_cli_counts_one_outage_once(station: Path) -> None:
    platform_gone(station)
    proc = yiwang("doctor", "--data-dir", str(station), "--lang", "en")
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert [line.split()[1] for line in lines if line.startswith("SKIP")] == [
        "tls", "signature", "clock", "heartbeat"
    ]
    assert lines[-1] == "1 check(s) failed, 4 skipped"
    proc = yiwang("doctor", "--data-dir", str(station), "--json")
    report = json.loads(proc.stdout)
    by = {c["name"]: c for c in report["checks"]}
    assert by["tls"] == {
        "name": "tls", "ok": False, "detail": "skipped: platform unreachable", "fix": "",
        "skipped": True,
    }
    assert set(by["platform"]) == {"name", "ok", "detail", "fix"}

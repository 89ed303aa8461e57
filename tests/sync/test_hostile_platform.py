"""The station client against platforms that lie, flood, drip or listen in clear text.

Every fake platform here runs on 127.0.0.1 (tests/helpers/hostile_platform.py). Each
test fails on the client before hardening: it read any answer whole, took any PUT
answer with a case number as a delivery, skipped malformed events silently and sent
to any http:// URL.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import pytest
import requests

from sync.client import (
    MAX_JSON_ANSWER,
    BadAnswer,
    InsecurePlatformURL,
    PlatformClient,
    StationCredentials,
    TransientError,
)
from sync.config import ConfigError, StationConfig
from sync.engine import EventKind, SyncEngine, SyncEvent
from sync.problems import Code, decode_problem
from sync.store import Store, SyncState
from tests.helpers.cli_in_process import CliRun, run_cli
from tests.helpers.hostile_platform import RawServer, Reply, ScriptedPlatform
from tests.helpers.sync_fixtures import T0, FakeTime
from ui_shared.error_text import error_text

SECRET = "s3cret-for-hostile-tests-0123456789"
CREDS = StationCredentials("st-hostile", SECRET)
ROOT = Path(__file__).resolve().parents[2]
MiB = 1024 * 1024


def client_for(url: str, **kw: Any) -> PlatformClient:
    session = requests.Session()
    session.trust_env = False
    kw.setdefault("timeout", (2.0, 5.0))
    return PlatformClient(url, CREDS, session=session, **kw)


def head(status: str = "200 OK", **headers: str) -> bytes:
    lines = [f"HTTP/1.1 {status}", "X-Yiwang-Platform: 1", "Content-Type: application/json"]
    lines += [f"{k.replace('_', '-')}: {v}" for k, v in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("ascii")


def endless(server: RawServer, sock: socket.socket, *, framing: str) -> None:
    """A body that never ends (until the client hangs up)."""
    if framing == "chunked":
        server.send(sock, head(Transfer_Encoding="chunked"))
        piece = b"10000\r\n" + b"[" * 0x10000 + b"\r\n"
    else:
        server.send(sock, head(Connection="close"))
        piece = b" " * 0x10000
    while True:
        server.send(sock, piece)


# -- answers read with a size cap and a total timeout -------------------------------------


def test_declared_huge_answer_is_refused_before_reading() -> None:
    def script(server: RawServer, sock: socket.socket) -> None:
        server.send(sock, head(Content_Length=str(400 * MiB)))
        chunk = b"x" * MiB
        for _ in range(400):
            server.send(sock, chunk)

    with RawServer(script) as server:
        client = client_for(server.url)
        tracemalloc.start()
        try:
            with pytest.raises(BadAnswer) as e:
                client.status_updates(None)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert e.value.code == "too_large" and "limit" in str(e.value)
    assert peak < 4 * MiB, f"peak {peak / MiB:.1f} MiB while refusing a 400 MB answer"


@pytest.mark.parametrize("framing", ["chunked", "until-close"])
def test_endless_answer_is_cut_at_the_cap(framing: str) -> None:
    with RawServer(lambda s, sock: endless(s, sock, framing=framing)) as server:
        client = client_for(server.url)
        tracemalloc.start()
        try:
            with pytest.raises(BadAnswer) as e:
                client.status_updates(None)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        sent = server.sent
    assert e.value.code == "too_large"
    assert peak < 4 * MiB, f"peak {peak / MiB:.1f} MiB"
    # what left the server: the cap plus what the kernels' socket buffers absorbed
    assert sent < MAX_JSON_ANSWER + 32 * MiB


def test_dripping_answer_hits_the_total_timeout() -> None:
    def script(server: RawServer, sock: socket.socket) -> None:
        server.send(sock, head(Content_Length="100000"))
        for _ in range(100000):
            server.send(sock, b" ")
            time.sleep(0.02)

    with RawServer(script) as server:
        client = client_for(server.url, total_timeout=0.25)
        t0 = time.monotonic()
        with pytest.raises(TransientError) as e:
            client.status_updates(None)
        took = time.monotonic() - t0
    assert e.value.code == "timeout"
    assert took < 3.0  # the read timeout (5 s) alone would never fire on a drip


def test_dripping_head_hits_the_total_timeout() -> None:
    def script(server: RawServer, sock: socket.socket) -> None:
        server.send(sock, b"HTTP/1.1 200 OK\r\n")
        for _ in range(100000):
            server.send(sock, b"X-Drip: 1\r\n")  # each within the 5 s read timeout
            time.sleep(0.05)  # the drip under test: the server's pace, not a wait

    with RawServer(script) as server:
        client = client_for(server.url, total_timeout=0.25)
        t0 = time.monotonic()
        with pytest.raises(TransientError) as e:
            client.status_updates(None)
        took = time.monotonic() - t0
    assert e.value.code == "timeout"
    assert took < 3.0


def test_engine_counts_an_oversized_answer_as_a_failed_attempt(
    store: Store, accept, fake_time: FakeTime
) -> None:
    sub = accept(pages=1, page_size=1000)

    def script(server: RawServer, sock: socket.socket) -> None:
        endless(server, sock, framing="chunked")

    with RawServer(script) as server:
        engine = SyncEngine(store, client_for(server.url), clock=fake_time, rng=lambda: 0.0)
        report = engine.run_once()
    rec = store.get(sub.uuid)
    assert (report.delivered, report.retried) == (0, 1)
    assert rec.sync_state is SyncState.RETRY
    problem = decode_problem(rec.last_error)
    assert problem is not None and problem.code == Code.BAD_ANSWER
    assert problem.params["error"] == "too_large"


# -- https for any platform that is not this machine --------------------------------------


@pytest.mark.parametrize(
    "url", ["http://platform.example.gov.cn", "http://10.0.0.5:8000", "http://[2001:db8::1]/"]
)
def test_plain_http_to_another_host_is_refused_everywhere(url: str) -> None:
    with pytest.raises(InsecurePlatformURL):
        PlatformClient(url, CREDS)
    with pytest.raises(InsecurePlatformURL):
        PlatformClient.enroll(url, "code", "S001", "window")
    with pytest.raises(ConfigError) as e:
        StationConfig(station_code="S001", platform_url=url).validate()
    assert "https://" in str(e.value) and "https://" in error_text(e.value)


@pytest.mark.parametrize(
    "url", ["https://platform.example.gov.cn", "http://127.0.0.1:8000", "http://localhost:1",
            "http://[::1]:8000"],
)
def test_https_anywhere_and_http_on_loopback_are_accepted(url: str) -> None:
    PlatformClient(url, CREDS)
    StationConfig(station_code="S001", platform_url=url).validate()


def test_setup_refuses_plain_http_with_one_line(tmp_path: Path) -> None:
    # Qt-free: the command runs in this process, as a subprocess would see it
    proc = run_cli("setup", "--data-dir", str(tmp_path / "d"),
                   "--platform", "http://10.1.2.3:8000", "--enrollment-code", "X",
                   "--station-code", "S001", "--role", "window", "--devices", "simulated")
    assert proc.returncode != 0
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "https://" in lines[0], proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "d" / "keys").exists()  # nothing was sent, nothing enrolled


@pytest.mark.parametrize("command", [["sync", "--once"], ["clerk", "--exit-when-ready"]])
def test_every_start_refuses_plain_http(tmp_path: Path, command: list[str]) -> None:
    data_dir = tmp_path / "d"
    data_dir.mkdir()
    (data_dir / "config.toml").write_text(
        'config_version = 1\n[station]\ncode = "S001"\n[platform]\nurl = "http://10.1.2.3:8000"\n',
        encoding="utf-8",
    )
    args = (command[0], "--data-dir", str(data_dir), *command[1:])
    proc: subprocess.CompletedProcess[str] | CliRun
    if command[0] == "clerk":  # starts Qt: a process of its own
        proc = subprocess.run(
            [sys.executable, "-m", "yiwang", *args],
            capture_output=True, text=True, timeout=120, cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"},
        )
    else:  # Qt-free: in this process, as a subprocess would see it
        proc = run_cli(*args)
    assert proc.returncode == 2, proc.stderr  # the configuration is wrong
    said = [line for line in proc.stderr.splitlines() if line.startswith(f"{command[0]}:")]
    assert len(said) == 1 and "https://" in said[0], proc.stderr
    assert "Traceback" not in proc.stderr


# -- delivery needs the platform's proof (P3) ------------------------------------------------


def put_answering(proof: str | None, *, case_no: str = "SW-HOSTILE-1",
                  receipt_no: str | None = None) -> Any:
    def put(p: ScriptedPlatform, _m: str, path: str, _h: dict[str, str], body: bytes) -> Reply:
        uuid = path.rsplit("/", 1)[1]
        answer: dict[str, Any] = {
            "case_no": case_no, "status": "受理",
            "receipt_no": receipt_no or json.loads(body)["receipt_no"],
        }
        if proof == "genuine":
            answer["proof"] = p.proof_for(uuid, body, case_no)
        elif proof == "other-secret":
            answer["proof"] = ScriptedPlatform("another secret").proof_for(uuid, body, case_no)
        elif proof is not None:
            answer["proof"] = proof
        return Reply(200, answer)

    return put


@pytest.mark.parametrize(
    ("proof", "error"),
    [(None, "bad_proof"), ("0" * 64, "bad_proof"), ("other-secret", "bad_proof"),
     ("not hex", "bad_proof")],
)
def test_no_delivery_without_a_valid_proof(
    store: Store, accept, fake_time: FakeTime, proof: str | None, error: str
) -> None:
    sub = accept(pages=1, page_size=5000)
    with ScriptedPlatform(SECRET) as platform:
        platform.accept_blobs()
        platform.routes[("PUT", "/v1/submissions/")] = put_answering(proof)
        report = SyncEngine(store, client_for(platform.url), clock=fake_time).run_once()
    rec = store.get(sub.uuid)
    assert report.delivered == 0
    assert rec.sync_state is SyncState.RETRY and rec.case_no is None
    problem = decode_problem(rec.last_error)
    assert problem is not None and problem.params["error"] == error


def test_a_genuine_proof_delivers(store: Store, accept, fake_time: FakeTime) -> None:
    sub = accept(pages=1, page_size=5000)
    with ScriptedPlatform(SECRET) as platform:
        platform.accept_blobs()
        platform.routes[("PUT", "/v1/submissions/")] = put_answering("genuine")
        platform.routes[("GET", "/v1/status-updates")] = lambda *_: Reply(
            200, {"events": [], "cursor": None})
        report = SyncEngine(store, client_for(platform.url), clock=fake_time).run_once()
    rec = store.get(sub.uuid)
    assert report.delivered == 1
    assert rec.sync_state is SyncState.DELIVERED and rec.case_no == "SW-HOSTILE-1"


def test_an_answer_for_another_receipt_is_not_a_delivery(
    store: Store, accept, fake_time: FakeTime
) -> None:
    sub = accept(pages=1, page_size=5000)
    with ScriptedPlatform(SECRET) as platform:
        platform.accept_blobs()
        platform.routes[("PUT", "/v1/submissions/")] = put_answering(
            "genuine", receipt_no="S001-20261125-9999")
        SyncEngine(store, client_for(platform.url), clock=fake_time).run_once()
    assert store.get(sub.uuid).sync_state is SyncState.RETRY


# -- status events validated before anything is stored ---------------------------------------

GOOD_EVENT = {"id": 7, "uuid": "6f1c3a52-0c55-4b7e-9d7e-2d4a1f0b9e11", "case_no": "SW1",
              "receipt_no": "S001-20261125-0001", "status": "审核中", "note": "",
              "missing_materials": [], "at": "2026-11-25T03:00:00Z"}


@pytest.mark.parametrize(
    "page",
    [
        {"events": [{**GOOD_EVENT, "id": None}], "cursor": "1"},  # no platform id (P1)
        {"events": [{**GOOD_EVENT, "id": "7"}], "cursor": "1"},
        {"events": [{**GOOD_EVENT, "id": True}], "cursor": "1"},
        {"events": [{**GOOD_EVENT, "status": 3}], "cursor": "1"},
        {"events": [{**GOOD_EVENT, "status": ""}], "cursor": "1"},
        {"events": [{**GOOD_EVENT, "uuid": "../../etc"}], "cursor": "1"},
        {"events": [{**GOOD_EVENT, "note": "x" * 5000}], "cursor": "1"},
        {"events": [{**GOOD_EVENT, "status": "办结\x1b[2J"}], "cursor": "1"},
        {"events": [{**GOOD_EVENT, "missing_materials": "M01"}], "cursor": "1"},
        {"events": [{**GOOD_EVENT, "at": "yesterday"}], "cursor": "1"},
        {"events": [{**GOOD_EVENT, "receipt_no": "<img src=x>"}], "cursor": "1"},
        {"events": [GOOD_EVENT, GOOD_EVENT], "cursor": "2"},  # one id twice
        {"events": [GOOD_EVENT], "cursor": {"after": 1}},
        {"events": [GOOD_EVENT] * 3, "cursor": "3"},  # more than asked for (limit 2)
        {"events": "none"},
        ["not", "an", "object"],
    ],
)
def test_malformed_status_pages_are_refused_whole(page: Any) -> None:
    with ScriptedPlatform(SECRET) as platform:
        platform.routes[("GET", "/v1/status-updates")] = lambda *_: Reply(200, page)
        with pytest.raises(BadAnswer):
            client_for(platform.url).status_updates("0", limit=2)


@pytest.mark.parametrize(
    "body",
    [
        b'{"events": [], "cursor": "1", "cursor": "2"}',  # duplicate key: which one?
        b'{"events": [], "cursor": NaN}',
        b'{"events": [], "cursor": "1", "x": 1e999}',
        b'{"events": [], "cursor": "1", "x": ' + b"[" * 5000 + b"]" * 5000 + b"}",
        b'\xff\xfe{"events": []}',
    ],
)
def test_json_the_protocol_does_not_allow_is_refused(body: bytes) -> None:
    with ScriptedPlatform(SECRET) as platform:
        platform.routes[("GET", "/v1/status-updates")] = lambda *_: Reply(200, body)
        with pytest.raises(BadAnswer):
            client_for(platform.url).status_updates("0")


def test_engine_stores_nothing_of_a_malformed_page(store: Store, accept) -> None:
    sub = accept(pages=1, page_size=1000)
    store.mark_sending(sub.uuid)
    store.mark_delivered(sub.uuid, "SW1", "受理")
    events = [{**GOOD_EVENT, "id": 1, "uuid": sub.uuid, "status": "补正"},
              {**GOOD_EVENT, "id": 2, "uuid": sub.uuid, "status": "x" * 500}]
    with ScriptedPlatform(SECRET) as platform:
        platform.routes[("GET", "/v1/status-updates")] = lambda *_: Reply(
            200, {"events": events, "cursor": "2"})
        SyncEngine(store, client_for(platform.url)).run_once()
    assert store.get(sub.uuid).platform_status == "受理"  # not even the good first event
    assert store.status_cursor() is None


def test_an_undocumented_status_is_kept_as_text_and_flagged(
    store: Store, accept, caplog: pytest.LogCaptureFixture
) -> None:
    sub = accept(pages=1, page_size=1000)
    store.mark_sending(sub.uuid)
    store.mark_delivered(sub.uuid, "SW1", "受理")
    event = {**GOOD_EVENT, "id": 1, "uuid": sub.uuid, "status": "<b>待定</b>"}
    with ScriptedPlatform(SECRET) as platform:
        platform.routes[("GET", "/v1/status-updates")] = lambda *_: Reply(
            200, {"events": [event], "cursor": "1"})
        with caplog.at_level(logging.WARNING):
            SyncEngine(store, client_for(platform.url)).run_once()
    assert store.get(sub.uuid).platform_status == "<b>待定</b>"
    assert "undocumented status" in caplog.text


# -- Retry-After on every request, blob uploads included --------------------------------------


def test_retry_after_on_a_patch_makes_the_station_wait(
    store: Store, accept, fake_time: FakeTime
) -> None:
    sub = accept(pages=1, page_size=5000)
    with ScriptedPlatform(SECRET) as platform:
        platform.routes[("PATCH", "/v1/blobs/")] = lambda *_: Reply(
            503, {"error": "busy"}, {"Retry-After": "7"})
        platform.routes[("HEAD", "/v1/blobs/")] = lambda *_: Reply(
            503, None, {"Retry-After": "9"})
        engine = SyncEngine(store, client_for(platform.url), clock=fake_time, rng=lambda: 0.0)
        engine.run_once()
        rec = store.get(sub.uuid)
        assert rec.sync_state is SyncState.RETRY
        assert rec.next_attempt_at == datetime.fromtimestamp(T0 + 7, UTC)
        assert platform.seen == [("PATCH", platform.seen[0][1])]  # one PATCH, no resume
        # the next attempt asks first (HEAD): its Retry-After is honoured too
        fake_time.advance(7)
        engine.run_once()
        assert [m for m, _ in platform.seen] == ["PATCH", "HEAD"]
        assert store.get(sub.uuid).next_attempt_at == datetime.fromtimestamp(T0 + 7 + 9, UTC)


# -- what the client learns from every answer: clock skew (P-Date) and receipt high (P2) ------


def test_clock_skew_is_measured_exposed_and_reported_once(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    ahead = [600.0]

    def dated(code: int, body: Any) -> Callable[..., Reply]:
        def answer(*_: Any) -> Reply:
            now = datetime.fromtimestamp(time.time() + ahead[0], UTC)
            return Reply(code, body, {"Date": format_datetime(now, usegmt=True)})

        return answer

    events: list[SyncEvent] = []
    with ScriptedPlatform(SECRET) as platform:
        platform.routes[("GET", "/v1/status-updates")] = dated(200, {"events": [], "cursor": None})
        # one platform, one clock: every other call of a pass (clerk directory, audit ...)
        # is answered from the same clock, unscripted or not
        for method in ("GET", "POST", "PUT", "PATCH", "HEAD"):
            platform.routes[(method, "/")] = dated(404, {"error": "not_found"})
        client = client_for(platform.url)
        engine = SyncEngine(store, client, on_event=events.append)
        with caplog.at_level(logging.WARNING):
            engine.run_once()
            engine.run_once()
        assert client.clock_skew is not None and abs(client.clock_skew - 600) < 5
        assert engine.clock_skew == client.clock_skew
        stored = store.clock_offset()  # for the next accepts and for retention
        assert stored is not None and abs(stored - 600) < 5
        clock = [e for e in events if e.kind is EventKind.CLOCK]
        assert len(clock) == 1 and abs(int(str(clock[0].params["seconds"])) - 600) < 5
        assert caplog.text.count("off the platform's") == 1
        ahead[0] = 0.0  # corrected: one more event saying so
        engine.run_once()
        assert len([e for e in events if e.kind is EventKind.CLOCK]) == 2


def test_receipt_high_water_is_parsed_and_handed_on() -> None:
    seen: list[str] = []
    high = ["S001-20261125-0042"]
    with ScriptedPlatform(SECRET) as platform:
        platform.routes[("GET", "/v1/status-updates")] = lambda *_: Reply(
            200, {"events": [], "cursor": None}, {"X-Yiwang-Receipt-High": high[0]})
        client = client_for(platform.url, on_receipt_high=seen.append)
        assert client.receipt_high is None
        client.status_updates(None)
        assert client.receipt_high == "S001-20261125-0042" and seen == [high[0]]
        client.status_updates(None)  # the same again: not reported twice
        high[0] = "<script>"  # malformed: ignored, the last good one stays
        client.status_updates(None)
        assert client.receipt_high == "S001-20261125-0042" and seen == ["S001-20261125-0042"]
        worker = client.worker()  # workers share what was learned
        high[0] = "S001-20261126-0001"
        worker.status_updates(None)
        assert client.receipt_high == "S001-20261126-0001"


def test_enrollment_receipt_high_water_is_kept_beside_the_keys(data_dir: Path) -> None:
    from sync.config import enroll_station, save_config
    from sync.store.highwater import ReceiptHighWater

    with ScriptedPlatform(SECRET) as platform:
        platform.routes[("POST", "/v1/stations/enroll")] = lambda *_: Reply(
            200, {"station_id": "st-1", "secret": SECRET, "receipt_high": "S001-20261125-0042"})
        save_config(data_dir, StationConfig(station_code="S001", platform_url=platform.url))
        session = requests.Session()
        session.trust_env = False
        creds = enroll_station(data_dir, "code", session=session)
    assert creds.receipt_high == "S001-20261125-0042"
    assert ReceiptHighWater(data_dir / "keys").platform_high("S001") == "S001-20261125-0042"


@pytest.mark.parametrize("status", ["\u202e\x1b[2J已领取", "已领取\u2028", "受理\x00"])
def test_an_outcome_answer_with_control_or_bidi_text_is_refused(status: str) -> None:
    """Found by review: a proven P5/P6 answer's status was stored as the case's platform
    status whatever characters it carried (the proof covers the case number, not it)."""
    uuid = "0f0e0d0c-0b0a-4908-8706-050403020100"

    def put(p: ScriptedPlatform, _m: str, path: str, _h: dict[str, str], body: bytes) -> Reply:
        return Reply(200, {"uuid": uuid, "case_no": "SW1", "status": status,
                           "proof": p.proof_for(uuid, body, "SW1")})

    with ScriptedPlatform(SECRET) as platform:
        platform.routes[("PUT", "/v1/supplements/")] = put
        client = client_for(platform.url)
        with pytest.raises(BadAnswer):
            client.put_supplement(uuid, {"uuid": uuid, "materials": []})

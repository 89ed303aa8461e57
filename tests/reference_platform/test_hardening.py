"""Platform hardening that needs the clock in hand or the process in reach (issue #9):
code format and expiry, upload expiry, secrets on the command line, odd stored data.
The app runs in-process (tests/reference_platform/conftest.py: asgi_call) with a fake clock.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from reference_platform.__main__ import main as platform_main
from wire import signing
from wire.enrollment import CROCKFORD, normalize_code

if TYPE_CHECKING:  # FastAPI (under the context) loads when a test runs, not at collection
    from reference_platform.context import PlatformContext

DAY = 24 * 3600.0


class FakeClock:
    def __init__(self, now: float = 1_790_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


class InProcess:
    """One app with a fake clock, called like a station and an admin would."""

    def __init__(self, app: Any, asgi: Callable[..., Any], clock: FakeClock) -> None:
        self.app, self.asgi, self.clock = app, asgi, clock

    @property
    def ctx(self) -> PlatformContext:
        from reference_platform.context import PlatformContext

        ctx = self.app.state.platform
        assert isinstance(ctx, PlatformContext)
        return ctx

    def admin(self, method: str, path: str, body: Any = None) -> Any:
        raw = b"" if body is None else json.dumps(body).encode()
        return self.asgi(self.app, method, path, body=raw,
                         headers=[(b"authorization", b"Bearer admin-secret")])

    def enroll(self, code: str, station_code: str) -> Any:
        body = json.dumps({"code": code, "station_code": station_code, "role": "window"})
        return self.asgi(self.app, "POST", "/v1/stations/enroll", body=body.encode())

    def signed(self, creds: dict[str, str], method: str, path: str, body: bytes = b"",
               extra: list[tuple[bytes, bytes]] | None = None) -> Any:
        h = signing.make_headers(creds["station_id"], creds["secret"], method, path, body,
                                 self.clock())
        headers = [(k.lower().encode(), v.encode()) for k, v in h.items()] + (extra or [])
        return self.asgi(self.app, method, path, body=body, headers=headers)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def plat(app_factory: Callable[..., Any], asgi: Callable[..., Any],
         clock: FakeClock) -> InProcess:
    return InProcess(app_factory(clock=clock), asgi, clock)


def test_issued_codes_are_80_bits_grouped_and_typed_loosely(plat: InProcess) -> None:
    r = plat.admin("POST", "/v1/admin/enrollment-codes", {"count": 3})
    assert r.status == 200, r.body
    answer = json.loads(r.body)
    codes = answer["codes"]
    assert len(set(codes)) == 3
    for code in codes:
        groups = code.split("-")
        assert [len(g) for g in groups] == [4, 4, 4, 4]  # 16 x 5 bits = 80 bits
        assert set("".join(groups)) <= set(CROCKFORD)
    # typed by hand: lower case, no dashes, spaces
    typed = codes[0].replace("-", " ").lower()
    assert plat.enroll(typed, "S1").status == 200
    assert normalize_code("o1l-i") == "0111"
    # stored by hash only: the database never holds the code
    db = Path(plat.ctx.store.db_path)
    plat.ctx.store.db.conn.execute("PRAGMA wal_checkpoint(FULL)")
    for code in codes:
        assert normalize_code(code).encode() not in db.read_bytes()
        assert code.encode() not in db.read_bytes()


def test_codes_expire_and_expired_used_wrong_answer_alike(plat: InProcess) -> None:
    (soon,) = json.loads(plat.admin("POST", "/v1/admin/enrollment-codes",
                                    {"ttl_hours": 1}).body)["codes"]
    (default,) = json.loads(plat.admin("POST", "/v1/admin/enrollment-codes", {}).body)["codes"]
    (used,) = json.loads(plat.admin("POST", "/v1/admin/enrollment-codes", {}).body)["codes"]
    assert plat.enroll(used, "S1").status == 200
    plat.clock.now += 2 * 3600
    answers = [plat.enroll(c, "S2") for c in (soon, used, "0000-0000-0000-0000")]
    assert {(a.status, a.body) for a in answers} == {(403, answers[0].body)}
    plat.clock.now += 69 * 3600  # 71 h after issue: the default 72 h still holds
    assert plat.enroll(default, "S3").status == 200
    (late,) = json.loads(plat.admin("POST", "/v1/admin/enrollment-codes", {}).body)["codes"]
    plat.clock.now += 72 * 3600 + 1
    assert plat.enroll(late, "S4").status == 403


def test_partial_uploads_expire_after_a_day(plat: InProcess, tmp_path: Path) -> None:
    from reference_platform.app import collect_expired  # FastAPI: not at collection

    (code,) = json.loads(plat.admin("POST", "/v1/admin/enrollment-codes", {}).body)["codes"]
    creds = json.loads(plat.enroll(code, "S9").body)
    data = b"x" * 1000
    sha = hashlib.sha256(data).hexdigest()
    path = f"/v1/blobs/{sha}"
    r = plat.signed(creds, "PATCH", path, data[:400],
                    [(b"upload-offset", b"0"), (b"upload-length", b"1000")])
    assert r.status == 204
    partial = plat.ctx.store.blobs.partial_path(creds["station_id"], sha)
    assert partial.stat().st_size == 400
    plat.clock.now += 23 * 3600
    assert collect_expired(plat.ctx) == 0
    assert plat.signed(creds, "HEAD", path).headers["upload-offset"] == "400"
    plat.clock.now += 2 * 3600  # 25 h: collected on access ...
    assert plat.signed(creds, "HEAD", path).status == 404
    assert not partial.exists()
    # ... and by the periodic sweep
    r = plat.signed(creds, "PATCH", path, data[:400],
                    [(b"upload-offset", b"0"), (b"upload-length", b"1000")])
    assert r.status == 204 and partial.exists()
    plat.clock.now += DAY + 1
    assert collect_expired(plat.ctx) == 1
    assert not partial.exists()


def test_odd_but_valid_stored_data_never_breaks_admin_listings(plat: InProcess) -> None:
    (code,) = json.loads(plat.admin("POST", "/v1/admin/enrollment-codes", {}).body)["codes"]
    creds = json.loads(plat.enroll(code, "S5").body)
    odd: Any = {"nested": [[[[[[[[[[[]]]]]]]]]]], "nul": "a\u0000b", "sep": "\u2028\u2029",
                "big": 10**300, "tiny": 5e-324, "neg0": -0.0, "emoji": "𝕏🙂", "": ""}
    hb = json.dumps(odd).encode()
    assert plat.signed(creds, "POST", f"/v1/stations/{creds['station_id']}/heartbeat",
                       hb).status == 200
    data = b"page"
    sha = hashlib.sha256(data).hexdigest()
    assert plat.signed(creds, "PATCH", f"/v1/blobs/{sha}", data,
                       [(b"upload-offset", b"0"), (b"upload-length", b"4")]).status == 204
    uuid = "0b8e4b5e-3c1f-4a43-9a55-8f2d5cf9d7a1"
    manifest = {
        "uuid": uuid, "receipt_no": "S5-20261125-0001", "item_code": "<b>x</b>",
        "catalog_version": "", "channel": "kiosk", "clerk_id": None,
        "accepted_at": "2026-11-25T08:00:00+08:00", "extra": odd,
        "applicant": {"kind": "person", "name": "\u202e张三", "id_number": "x", "extra": odd},
        "materials": [{"code": "M", "pages": [sha, sha]}],
    }
    r = plat.signed(creds, "PUT", f"/v1/submissions/{uuid}", json.dumps(manifest).encode())
    assert r.status == 200, r.body
    change = {"status": "补正", "note": "\u0000", "missing_materials": ["M"]}
    assert plat.admin("POST", f"/v1/admin/submissions/{uuid}/status", change).status == 200
    for path in ("/v1/admin/submissions", f"/v1/admin/submissions/{uuid}",
                 "/v1/admin/stations"):
        assert plat.admin("GET", path).status == 200, path
    # even a manifest that no longer opens (key lost, row damaged) lists, flagged as absent
    plat.ctx.store.db.conn.execute("UPDATE submissions SET manifest = 'v1:AAAA', blobs = 'x'")
    assert plat.admin("GET", "/v1/admin/submissions").status == 200
    one = plat.admin("GET", f"/v1/admin/submissions/{uuid}")
    assert one.status == 200 and json.loads(one.body)["manifest"] is None


def test_interactive_docs_with_dev_only(app_factory: Callable[..., Any],
                                        asgi: Callable[..., Any]) -> None:
    assert asgi(app_factory(), "GET", "/docs").status == 404
    dev = app_factory(dev=True)
    assert asgi(dev, "GET", "/docs").status == 200
    assert asgi(dev, "GET", "/redoc").status == 200


@pytest.mark.parametrize(
    ("flag", "pointer"),
    [(["--admin-token", "T0P"], "--admin-token-file"),
     (["--admin-token-file", "TOKENFILE", "--enrollment-code", "C1"], "--enrollment-code-file")],
)
def test_secrets_on_the_command_line_only_for_loopback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], flag: list[str], pointer: str
) -> None:
    token_file = tmp_path / "token"
    token_file.write_text("from-a-file\n")
    args = [str(token_file) if a == "TOKENFILE" else a for a in flag]
    rc = platform_main(["--db", str(tmp_path / "p.db"), "--host", "0.0.0.0", "--port", "1",
                        *args])
    err = capsys.readouterr().err.strip()
    assert rc == 2 and len(err.splitlines()) == 1 and pointer in err
    assert not (tmp_path / "p.db").exists()  # refused before anything was served or written


def test_secret_file_and_environment_forms(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import argparse

    from reference_platform.__main__ import add_arguments, admin_token, enrollment_codes

    parser = argparse.ArgumentParser()
    add_arguments(parser)
    (tmp_path / "token").write_text("file-token\n")
    (tmp_path / "codes").write_text("AAAA-BBBB\n\nCCCC-DDDD\n")
    args = parser.parse_args(["--db", "x", "--host", "10.0.0.5", "--port", "1",
                              "--admin-token-file", str(tmp_path / "token"),
                              "--enrollment-code-file", str(tmp_path / "codes")])
    assert admin_token(args) == "file-token"
    assert enrollment_codes(args) == ["AAAA-BBBB", "CCCC-DDDD"]
    monkeypatch.setenv("YIWANG_ADMIN_TOKEN", "env-token")
    args = parser.parse_args(["--db", "x", "--host", "10.0.0.5", "--port", "1"])
    assert admin_token(args) == "env-token"
    loop = parser.parse_args(["--db", "x", "--port", "1", "--admin-token", "T",
                              "--enrollment-code", "C"])
    assert admin_token(loop) == "T" and enrollment_codes(loop) == ["C"]


def test_issue_code_cli_prints_a_code_that_enrolls(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], app_factory: Callable[..., Any],
    asgi: Callable[..., Any],
) -> None:
    db = tmp_path / "platform.db"
    assert platform_main(["issue-code", "--db", str(db), "--ttl-hours", "2"]) == 0
    code = capsys.readouterr().out.strip()
    assert len(code) == 19 and code.count("-") == 3
    with sqlite3.connect(db) as conn:
        (expires,) = conn.execute("SELECT expires_at FROM enrollment_codes").fetchone()
    from reference_platform.app import create_app

    app = create_app(db, admin_token="t", seed_catalog=None)
    body = json.dumps({"code": code, "station_code": "S1", "role": "window"}).encode()
    assert asgi(app, "POST", "/v1/stations/enroll", body=body).status == 200
    app.state.store.close()
    assert expires > 0


def test_a_stalled_body_is_answered_408(
    app_factory: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    import asyncio

    from reference_platform import bodies

    monkeypatch.setattr(bodies, "BODY_IDLE_TIMEOUT", 0.2)
    app = app_factory()
    sent: list[dict[str, Any]] = []
    first = [{"type": "http.request", "body": b'{"version": "1", ', "more_body": True}]

    async def receive() -> dict[str, Any]:
        if first:
            return first.pop()
        await asyncio.sleep(3600)  # the caller never sends the rest
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "PUT",
        "scheme": "http", "path": "/v1/admin/catalog", "raw_path": b"/v1/admin/catalog",
        "query_string": b"", "root_path": "", "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 2), "headers": [(b"authorization", b"Bearer admin-secret")],
    }
    asyncio.run(asyncio.wait_for(app(scope, receive, send), 10))
    assert sent[0]["status"] == 408
    assert b"body_timeout" in b"".join(m.get("body", b"") for m in sent[1:])


def test_yiwang_platform_issue_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from yiwang.cli import main as yiwang_main

    db = tmp_path / "p.db"
    assert yiwang_main(["platform", "issue-code", "--db", str(db)]) == 0
    code = capsys.readouterr().out.strip().splitlines()[-1]
    assert [len(g) for g in code.split("-")] == [4, 4, 4, 4]
    with sqlite3.connect(db) as conn:
        (n,) = conn.execute("SELECT count(*) FROM enrollment_codes").fetchone()
    assert n == 1


def test_issue_code_leaves_a_running_servers_chunks_alone(tmp_path: Path) -> None:
    from reference_platform.__main__ import issue_code
    from reference_platform.app import create_app

    db = tmp_path / "platform.db"
    create_app(db, admin_token="t", seed_catalog=None).state.store.close()
    in_flight = tmp_path / "blobs" / "tmp" / ("ab" * 32 + ".chunk")
    in_flight.write_bytes(b"half a chunk")
    issue_code(db, 1.0, None)
    assert in_flight.exists()  # a server may be receiving it right now
    create_app(db, admin_token="t", seed_catalog=None).state.store.close()
    assert not in_flight.exists()  # a (re)starting server clears what it left


def test_the_test_platform_process_keeps_its_token_out_of_argv(tmp_path: Path) -> None:
    from reference_platform.server import PlatformProcess

    proc = PlatformProcess(tmp_path / "p.db", admin_token="do-not-list-me")
    assert not any("do-not-list-me" in arg for arg in proc.command())

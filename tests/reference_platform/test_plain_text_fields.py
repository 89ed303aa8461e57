"""Review #14 (attacker): the platform no longer stores control or bidi characters in a
supplement note, a refusal reason or an audit actor (422 with the route's error code);
the station strips them before it seals a body, so a station never sends what the
platform refuses."""

from __future__ import annotations

import io
import uuid as uuidlib
from pathlib import Path
from typing import Any

import pytest

from sync.client import PermanentError, PlatformClient
from sync.store import Store
from tests.reference_platform.test_blobs_submissions import make_blob
from tests.reference_platform.test_case_outcomes import _delivered, _supplement
from tests.reference_platform.test_clerk_day_routes import _chain
from wire.plain_text import line_check, note_check, plain

HOSTILE = ["\u202e", "\u2066", "\u200b", "\x1b[2J", "\x00", "\r", "\ufeff"]


@pytest.mark.parametrize("bad", HOSTILE)
def test_supplement_note_refused(client: PlatformClient, station_code: str, bad: str) -> None:
    uuid, receipt, _ = _delivered(client, station_code, seq=HOSTILE.index(bad) + 1)
    data, sha = make_blob(500)
    client.upload_blob(sha, len(data), lambda: io.BytesIO(data))
    sup, body = _supplement(uuid, receipt, [sha])
    with pytest.raises(PermanentError) as refused:
        client.put_supplement(sup, {**body, "note": f"请补{bad}正"})
    assert refused.value.status == 422 and refused.value.code == "invalid_supplement"
    ok = client.put_supplement(sup, {**body, "note": "请补正\n第二行\t制表"})
    assert ok.case_no


@pytest.mark.parametrize("field", ["reason", "basis"])
def test_refusal_reason_refused(client: PlatformClient, station_code: str, field: str) -> None:
    out = str(uuidlib.uuid4())
    seq = 101 if field == "reason" else 102
    body: dict[str, Any] = {
        "kind": "refusal", "uuid": out, "notice_no": f"{station_code}-BY20261203-{seq}",
        "item_code": "NY-001", "reason_code": "R01", "at": "2026-12-03T09:00:00.000000Z",
        "applicant": None, field: "不符合\u202e条件",
    }  # fmt: skip
    with pytest.raises(PermanentError) as refused:
        client.put_outcome(out, body)
    assert refused.value.status == 422 and refused.value.code == "invalid_outcome"


def test_audit_actor_refused(client: PlatformClient) -> None:
    entries = _chain(1)
    from wire.clerk_day import audit_entry_hash

    bad = {**entries[0], "actor": "c1\u202e"}
    bad["hash"] = audit_entry_hash(bad["prev_hash"], {
        k: bad[k] for k in ("at", "actor", "action", "subject", "detail")})
    with pytest.raises(PermanentError) as refused:
        client.put_audit_entries([bad])
    assert refused.value.status == 422 and refused.value.code == "invalid_audit"
    assert client.put_audit_entries(entries).stored == 1


def test_the_station_strips_before_it_seals(tmp_path: Path) -> None:
    typed = "wang\u202e01\x1b"
    with Store(tmp_path / "station") as store:
        store.audit(typed, "sign_in_failed")
        assert store.audit_rows()[-1]["actor"] == "wang01"
    note = "请\u2066补正\r\n第二行\x07"
    assert plain(note) == "请补正\n第二行"
    assert note_check(plain(note)) == plain(note)
    assert line_check(plain(typed, multiline=False)) == "wang01"
    with pytest.raises(ValueError):
        line_check("a\nb")

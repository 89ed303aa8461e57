"""P7 audit entries and P8 clerk directory on the reference platform (real subprocess)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import requests
from argon2 import PasswordHasher

from sync.client import BadAnswer, Conflict, PermanentError, PlatformClient, StationCredentials
from tests.helpers.platform_admin import unique_station_code
from wire.clerk_day import GENESIS_HASH, audit_ack_proof, audit_entry_hash

HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


def _chain(n: int, *, start: int = 1, prev: str = GENESIS_HASH) -> list[dict[str, Any]]:
    out = []
    for i in range(start, start + n):
        row = {"at": f"2026-12-03T10:00:{i % 60:02d}.000000Z", "actor": "c1",
               "action": "capture", "subject": f"s{i}", "detail": f'{{"n":{i}}}'}
        h = audit_entry_hash(prev, row)
        out.append({"id": i, **row, "prev_hash": prev, "hash": h, "mac": "ab" * 32})
        prev = h
    return out


def test_audit_chain_is_checked_per_station(client: PlatformClient) -> None:
    entries = _chain(5)
    ack = client.put_audit_entries(entries[:3])
    assert (ack.high, ack.hash, ack.stored) == (3, entries[2]["hash"], 3)
    creds = client.credentials
    assert ack.proof == audit_ack_proof(creds.secret, creds.station_id, 3, entries[2]["hash"])
    # a replay of what the platform holds plus the next ones: only the new are stored
    ack = client.put_audit_entries(entries)
    assert (ack.high, ack.stored) == (5, 2)
    # a gap: entry 7 does not link to entry 5
    later = _chain(2, start=6, prev=entries[-1]["hash"])
    with pytest.raises(PermanentError) as gap:
        client.put_audit_entries(later[1:])
    assert gap.value.code == "audit_gap" and gap.value.status == 422
    # an edited entry: its hash is not its content's
    edited = dict(later[0], detail='{"n":999}')
    with pytest.raises(PermanentError) as bad:
        client.put_audit_entries([edited])
    assert bad.value.code == "audit_hash_mismatch"
    # another chain for ids the platform holds (a restored old database that went on)
    other = _chain(2, start=4, prev=entries[2]["hash"])
    other[0] = {**other[0], "actor": "someone-else"}
    other[0]["hash"] = audit_entry_hash(other[0]["prev_hash"], {
        k: other[0][k] for k in ("at", "actor", "action", "subject", "detail")})
    with pytest.raises(Conflict) as conflict:
        client.put_audit_entries(other[:1])
    assert conflict.value.code == "audit_conflict"
    assert client.put_audit_entries(later).high == 7


def test_another_station_starts_its_own_chain(
    platform: Any, http: requests.Session, enroll: Callable[..., StationCredentials],
    client: PlatformClient,
) -> None:
    client.put_audit_entries(_chain(2))
    other = PlatformClient(platform.url, enroll(), session=http)
    assert other.put_audit_entries(_chain(1)).high == 1


def test_a_forged_ack_is_not_taken(client: PlatformClient) -> None:
    """The proof is made with the station's secret: a client with another secret
    (as good as a platform that does not know ours) refuses the answer."""
    creds = client.credentials
    wrong = PlatformClient(client.base_url, StationCredentials(creds.station_id, creds.secret),
                           session=client.session)
    wrong._station_secret = lambda: (creds.station_id, "not-the-secret")  # type: ignore[method-assign]
    with pytest.raises(BadAnswer):
        wrong.put_audit_entries(_chain(1))


def test_clerk_directory_set_by_admin_pulled_by_station(
    admin: Callable[..., requests.Response], client: PlatformClient, station_code: str,
) -> None:
    assert client.clerk_directory().clerks == []
    pin_hash = HASHER.hash("135790")
    body = {"clerks": [{"clerk_id": "wang01", "name": "王芳", "role": "admin",
                        "pin_hash": pin_hash, "must_change_pin": True}]}
    r = admin("PUT", f"/v1/admin/stations/{station_code.lower()}/clerks", json=body)
    assert r.status_code == 200, r.text
    directory = client.clerk_directory()
    assert directory.version == 1
    [clerk] = directory.clerks
    assert (clerk.clerk_id, clerk.name, clerk.role, clerk.pin_hash) == (
        "wang01", "王芳", "admin", pin_hash)
    # never a PIN in digits, never another hash scheme, each clerk once
    for bad in ("135790", "$argon2i$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
                "$2b$12$" + "a" * 53):
        r = admin("PUT", f"/v1/admin/stations/{station_code}/clerks",
                  json={"clerks": [{**body["clerks"][0], "pin_hash": bad}]})
        assert r.status_code == 422 and r.json()["error"] == "invalid_clerks", bad
    twice = {"clerks": body["clerks"] * 2}
    assert admin("PUT", f"/v1/admin/stations/{station_code}/clerks",
                 json=twice).status_code == 422
    # a code no station ever enrolled with is refused (review #14): nothing stored
    other = unique_station_code()
    r = admin("PUT", f"/v1/admin/stations/{other}/clerks", json={"clerks": []})
    assert r.status_code == 404 and r.json()["error"] == "unknown_station", r.text
    assert client.clerk_directory().version == 1

"""Review #14 (attacker): an audit replay whose `mac` differs from the entry the platform
holds is a conflict (409 audit_conflict), not a silently dropped duplicate; the station
logs it, keeps its mark, and does not loop (the next try is an hour later)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from sync.audit_delivery import AuditDelivery
from sync.client import Conflict, PlatformClient
from sync.store import Store
from tests.helpers.platform_admin import Admin

_FIELDS = ("id", "at", "actor", "action", "subject", "detail", "prev_hash", "hash", "mac")


class Counting:
    def __init__(self, client: PlatformClient) -> None:
        self.client = client
        self.calls = 0

    def put_audit_entries(self, entries: Sequence[dict[str, Any]]) -> Any:
        self.calls += 1
        return self.client.put_audit_entries(entries)


def _entries(store: Store, mac: str | None = None) -> list[dict[str, Any]]:
    rows = [{k: r[k] for k in _FIELDS} for r in store.audit_rows()]
    return [{**r, "mac": mac} for r in rows] if mac else rows


def test_replay_with_another_mac_is_a_conflict_and_not_stored(
    store: Store, proxied_client: PlatformClient, admin: Admin
) -> None:
    store.audit("a", "sign_in")
    store.audit("a", "print", "r1")
    genuine = _entries(store)
    assert proxied_client.put_audit_entries(genuine).stored == 2
    assert proxied_client.put_audit_entries(genuine).stored == 0  # a true replay: fine
    with pytest.raises(Conflict) as conflict:
        proxied_client.put_audit_entries(_entries(store, mac="ee" * 32))
    assert conflict.value.status == 409 and conflict.value.code == "audit_conflict"
    station_id = proxied_client.credentials.station_id
    held = admin.call("GET", f"/v1/admin/stations/{station_id}/audit-entries").json()
    assert [e["mac"] for e in held["entries"]] == [e["mac"] for e in genuine]


def test_station_logs_the_conflict_keeps_its_mark_and_does_not_loop(
    store: Store, proxied_client: PlatformClient, caplog: pytest.LogCaptureFixture
) -> None:
    store.audit("a", "sign_in")
    store.audit("a", "print", "r1")
    # the platform already holds these ids and hashes, signed with another mac
    assert proxied_client.put_audit_entries(_entries(store, mac="ee" * 32)).stored == 2
    shipper = AuditDelivery(store.db_path)
    client = Counting(proxied_client)
    now = datetime.now(UTC)
    with caplog.at_level(logging.ERROR, logger="sync.audit_delivery"):
        result = shipper.deliver_due(client, now=now)
    assert result.refused and result.sent == 0 and client.calls == 1
    assert any("refused audit entries 1..2" in r.getMessage() for r in caplog.records)
    mark = shipper.mark()
    assert mark.high_id == 0 and mark.waiting == 2
    assert mark.last_error is not None and "audit_conflict" in mark.last_error
    for minutes in (0, 1, 59):  # passes within the hour send nothing
        assert shipper.deliver_due(client, now=now + timedelta(minutes=minutes)).sent == 0
    assert client.calls == 1
    assert shipper.deliver_due(client, now=now + timedelta(minutes=61)).refused
    assert client.calls == 2

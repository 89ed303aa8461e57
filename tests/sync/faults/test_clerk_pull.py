"""P8: the hall's clerks pulled from the platform by the engine, and signing in with them.

The platform's administrator sets the clerks of a station code (PIN hashes only);
the station's engine pulls them; a pulled clerk signs in with the PIN behind the
hash and must choose a new one; a PIN chosen on the station survives the next
pull; a reset on the platform replaces it; a clerk taken off the platform is
disabled; every applied version is in the audit log.
"""

from __future__ import annotations

from typing import Any

from station.clerks import ClerkDirectory
from station.pins import PinGuard, PinHasher
from sync.client import PlatformClient
from sync.engine import SyncEngine
from sync.store import Store
from tests.helpers.platform_admin import Admin

HASHER = PinHasher(time_cost=1, memory_kib=8)


def _set(admin: Admin, station_code: str, clerks: list[dict[str, Any]]) -> None:
    r = admin.call("PUT", f"/v1/admin/stations/{station_code}/clerks", json={"clerks": clerks})
    assert r.status_code == 200, r.text


def test_pulled_clerks_sign_in_and_follow_the_platform(
    store: Store, proxied_client: PlatformClient, admin: Admin, station_code: str
) -> None:
    engine = SyncEngine(store, proxied_client)
    directory = ClerkDirectory(store, PinGuard(HASHER))
    li = {"clerk_id": "li01", "name": "李娜", "role": "clerk",
          "pin_hash": HASHER.hash("246813"), "must_change_pin": True}
    boss = {"clerk_id": "zhao9", "name": "赵强", "role": "admin",
            "pin_hash": HASHER.hash("975318"), "must_change_pin": False}
    _set(admin, station_code, [li, boss])
    engine.run_once()
    assert {c.clerk_id: c.role for c in directory.list()} == {"li01": "clerk", "zhao9": "admin"}
    first = directory.sign_in("li01", "246813")
    assert first.ok and first.account is not None and first.account.must_change_pin
    assert directory.change_pin("li01", "246813", "864209").ok
    stored = store.clerk_row("li01")
    assert stored is not None and "246813" not in stored.pin_hash
    assert stored.pin_hash.startswith("$argon2id$")

    # the platform changes a name only: the PIN the clerk chose stays
    _set(admin, station_code, [{**li, "name": "李娜娜"}, boss])
    engine.clerk_day.pull_clerks(force=True)
    assert directory.sign_in("li01", "864209").ok
    assert store.clerk_row("li01").name == "李娜娜"  # type: ignore[union-attr]

    # the administrator resets the PIN on the platform; then takes the admin off
    _set(admin, station_code, [{**li, "pin_hash": HASHER.hash("302158")}])
    engine.clerk_day.pull_clerks(force=True)
    assert not directory.sign_in("li01", "864209").ok
    again = directory.sign_in("li01", "302158")
    assert again.ok and again.account is not None and again.account.must_change_pin
    assert store.clerk_row("zhao9").disabled  # type: ignore[union-attr]

    # the same version again changes nothing and writes no audit entry
    before = len(store.audit_rows())
    engine.clerk_day.pull_clerks(force=True)
    assert len(store.audit_rows()) == before
    pulls = [r for r in store.audit_rows() if r["action"] == "clerks_pulled"]
    assert len(pulls) == 3
    assert all("李" not in r["detail"] and "argon2" not in r["detail"] for r in pulls)

"""Applying a pulled clerk directory (P8) to the store: what the station would refuse
itself is not taken from the platform either."""

from __future__ import annotations

from argon2 import PasswordHasher

from sync.clerk_directory import ClerkPull
from sync.store import Store
from wire.clerk_day import ClerkDirectory, DirectoryClerk

HASH = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash("864209")


def test_unusable_names_are_skipped_and_names_normalised(store: Store) -> None:
    directory = ClerkDirectory(version=3, clerks=[
        DirectoryClerk(clerk_id="ok1", name="  李   娜 ", pin_hash=HASH),
        DirectoryClerk(clerk_id="bell", name="响\x07铃", pin_hash=HASH),
        DirectoryClerk(clerk_id="_x", name="下划线", pin_hash=HASH),
    ])
    result = ClerkPull(store).apply(directory)
    assert (result.version, result.added) == (3, 1)
    assert [r.clerk_id for r in store.clerk_rows()] == ["ok1"]
    row = store.clerk_row("ok1")
    assert row is not None and row.name == "李 娜" and row.must_change_pin
    assert ClerkPull(store).applied_version() == 3

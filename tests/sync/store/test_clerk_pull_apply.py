"""Applying a pulled clerk directory (P8) to the store: what the station would refuse
itself is not taken from the platform either."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from pydantic import ValidationError

from station.pins import PinHasher
from sync.clerk_directory import ClerkPull
from sync.store import Store
from sync.store.clerks import ClerkRow
from wire.clerk_day import ClerkDirectory, DirectoryClerk

HASH = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash("864209")


def test_unusable_names_are_skipped_and_names_normalised(store: Store) -> None:
    directory = ClerkDirectory(version=3, clerks=[
        DirectoryClerk(clerk_id="ok1", name="  李   娜 ", pin_hash=HASH),
        # the platform's schema refuses this name now; a platform that did not is
        # still not believed (model_construct skips the schema, as a hostile answer would)
        DirectoryClerk.model_construct(
            clerk_id="bell", name="响\x07铃", pin_hash=HASH, role="clerk", active=True,
            must_change_pin=True,
        ),
        DirectoryClerk(clerk_id="_x", name="下划线", pin_hash=HASH),
    ])
    result = ClerkPull(store).apply(directory)
    assert (result.version, result.added) == (3, 1)
    assert [r.clerk_id for r in store.clerk_rows()] == ["ok1"]
    row = store.clerk_row("ok1")
    assert row is not None and row.name == "李 娜" and row.must_change_pin
    assert ClerkPull(store).applied_version() == 3


def test_a_clerk_made_on_the_station_is_never_taken_over(store: Store) -> None:
    """Found by review: a directory naming the station's own admin replaced its PIN,
    role and state, so whoever could set the directory owned the station."""
    hasher = PinHasher(time_cost=1, memory_kib=1024)
    store.put_clerk_row(ClerkRow("admin", "站长", "admin", hasher.hash("135790")))
    directory = ClerkDirectory(version=7, clerks=[
        DirectoryClerk(clerk_id="admin", name="站长", role="clerk", pin_hash=HASH,
                       active=False, must_change_pin=False),
        DirectoryClerk(clerk_id="c02", name="王芳", pin_hash=HASH),
    ])
    result = ClerkPull(store).apply(directory)
    assert (result.added, result.changed, result.pins_replaced) == (1, 0, 0)
    admin = store.clerk_row("admin")
    assert admin is not None and admin.role == "admin" and not admin.disabled
    assert hasher.verify(admin.pin_hash, "135790") and not hasher.verify(admin.pin_hash, "864209")
    # the next version still leaves it alone, and only c02 is the platform's to disable
    result = ClerkPull(store).apply(ClerkDirectory(version=8, clerks=[]))
    assert result.disabled == 1
    admin = store.clerk_row("admin")
    assert admin is not None and not admin.disabled


def test_a_pin_hash_too_costly_to_verify_is_refused(store: Store) -> None:
    """Found by review: m=2 GiB, t=999 made every sign-in attempt hang."""
    salt_and_hash = HASH.split("$", 4)[4]
    costly = "$argon2id$v=19$m=2097152,t=999,p=4$" + salt_and_hash
    with pytest.raises(ValidationError):  # the platform's schema refuses it
        DirectoryClerk(clerk_id="c03", name="赵六", pin_hash=costly)
    directory = ClerkDirectory.model_construct(version=9, clerks=[
        DirectoryClerk.model_construct(clerk_id="c03", name="赵六", pin_hash=costly,
                                       role="clerk", active=True, must_change_pin=True),
    ])
    assert ClerkPull(store).apply(directory).added == 0  # and the station skips it too
    assert store.clerk_row("c03") is None

"""Clerk accounts on a real store: sign-in, lockout persisted across restarts, PIN change,
admin reset/disable, and every step in the signed audit log."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from station.clerks import ClerkDirectory, ClerkError, ClerkRole
from station.pins import AttemptOutcome, LockoutPolicy, PinGuard, PinHasher, WeakPin
from sync.store import Store

from .conftest import FAST_HASHER, FakeClock


def _actions(store: Store) -> list[tuple[str, str]]:
    return [(r["actor"], r["action"]) for r in store.audit_rows()]


def test_sign_in_and_pin_never_stored(directory: ClerkDirectory, clerk_store: Store) -> None:
    directory.add("admin", "站长", "482915", role=ClerkRole.ADMIN, by="setup")
    directory.add("c01", "王窗口", "730518", by="admin")
    assert directory.sign_in("c01", "730518").ok
    raw = sqlite3.connect(clerk_store.db_path).execute("SELECT pin_hash FROM clerks").fetchall()
    assert all(h.startswith("$argon2id$") and "730518" not in h for (h,) in raw)
    assert ("c01", "sign_in") in _actions(clerk_store)
    assert clerk_store.verify_audit_chain()


def test_lockout_survives_a_restart_and_ends(
    directory: ClerkDirectory, clerk_store: Store, clock: FakeClock
) -> None:
    directory.add("c01", "王窗口", "730518", by="setup")
    assert directory.sign_in("c01", "111112").attempts_left == 2
    assert directory.sign_in("c01", "111113").attempts_left == 1
    locked = directory.sign_in("c01", "111114")
    assert locked.outcome is AttemptOutcome.LOCKED and locked.retry_at is not None
    # a new directory on the same store (the station restarted) still refuses the right PIN
    again = ClerkDirectory(
        clerk_store, PinGuard(FAST_HASHER, LockoutPolicy(free_attempts=3), clock)
    )
    assert again.sign_in("c01", "730518").outcome is AttemptOutcome.LOCKED
    clock.advance(31)
    assert again.sign_in("c01", "730518").ok
    assert [a for _, a in _actions(clerk_store)].count("sign_in_failed") == 4


def test_unknown_clerk_answers_like_a_wrong_pin(directory: ClerkDirectory) -> None:
    result = directory.sign_in("nobody", "730518")
    assert result.outcome is AttemptOutcome.WRONG and result.account is None


class CountingHasher(PinHasher):
    """Real argon2id that counts how many verifications each attempt ran."""

    def __init__(self) -> None:
        super().__init__(time_cost=1, memory_kib=1024)
        self.verifies = 0

    def verify(self, stored: str, pin: str) -> bool:
        self.verifies += 1
        return super().verify(stored, pin)


def _answers(directory: ClerkDirectory, clerk_id: str, hasher: CountingHasher) -> list[object]:
    seen: list[object] = []
    for guess in ("111112", "111113", "111114", "730518"):
        before = hasher.verifies
        r = directory.sign_in(clerk_id, guess)
        seen.append((r.outcome, r.attempts_left, r.retry_at, r.account, hasher.verifies - before))
    return seen


def test_an_unknown_id_cannot_be_told_from_a_known_one(
    clerk_store: Store, clock: FakeClock
) -> None:
    """Same outcome, same countdown, same lock and the same argon2 work per attempt for
    an existing id, an unknown one and a disabled one: the sign-in lists no accounts."""
    hasher = CountingHasher()
    directory = ClerkDirectory(clerk_store, PinGuard(hasher, LockoutPolicy(free_attempts=3), clock))
    directory.add("admin", "站长", "482915", role=ClerkRole.ADMIN, by="setup")
    directory.add("c01", "王窗口", "730518", by="admin")
    directory.add("c02", "赵窗口", "730518", by="admin")
    directory.set_disabled("c02", True, by="admin")
    known = _answers(directory, "c01", hasher)
    assert [a[1] for a in known[:2]] == [2, 1] and known[2][0] is AttemptOutcome.LOCKED
    assert _answers(directory, "ghost", hasher) == known
    assert _answers(directory, "c02", hasher) == known
    clock.advance(31)
    # after the lock, the unknown id counts on from where a real account would
    assert directory.sign_in("ghost", "111115").outcome is AttemptOutcome.LOCKED
    assert directory.sign_in("c01", "111115").outcome is AttemptOutcome.LOCKED


def test_pin_change_needs_the_old_pin_and_a_strong_new_one(directory: ClerkDirectory) -> None:
    directory.add("c01", "王窗口", "730518", by="setup")
    with pytest.raises(WeakPin):
        directory.change_pin("c01", "730518", "123456")
    assert not directory.change_pin("c01", "000001", "604172").ok
    assert directory.change_pin("c01", "730518", "604172").ok
    assert not directory.sign_in("c01", "730518").ok
    assert directory.sign_in("c01", "604172").ok


def test_admin_reset_forces_a_change_and_disable_blocks(
    directory: ClerkDirectory, clerk_store: Store
) -> None:
    directory.add("admin", "站长", "482915", role=ClerkRole.ADMIN, by="setup")
    directory.add("c01", "王窗口", "730518", by="admin")
    directory.reset_pin("c01", "590371", by="admin")
    result = directory.sign_in("c01", "590371")
    assert result.ok and result.account is not None and result.account.must_change_pin
    directory.set_disabled("c01", True, by="admin")
    assert not directory.sign_in("c01", "590371").ok
    with pytest.raises(ClerkError) as e:
        directory.set_disabled("admin", True, by="admin")
    assert e.value.code == "last_admin"
    with pytest.raises(ClerkError):
        directory.authorize_admin("c01", "590371")
    assert ("admin", "pin_reset") in _actions(clerk_store)
    assert ("admin", "clerk_disable") in _actions(clerk_store)


def test_bad_ids_and_duplicates_are_refused(directory: ClerkDirectory, tmp_path: Path) -> None:
    with pytest.raises(ClerkError):
        directory.add("a b", "x", "730518", by="setup")
    directory.add("c01", "王窗口", "730518", by="setup")
    with pytest.raises(ClerkError) as e:
        directory.add("c01", "王窗口", "730518", by="setup")
    assert e.value.code == "clerk_exists"

"""PIN hashing (argon2id) and lockout with a growing delay, on an injected clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from station.pins import (
    AttemptOutcome,
    LockoutPolicy,
    LockoutState,
    PinGuard,
    PinHasher,
    WeakPin,
    check_pin_strength,
)

FAST = PinHasher(time_cost=1, memory_kib=1024)


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 3, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def test_hash_is_argon2id_salted_and_verifies() -> None:
    h1, h2 = FAST.hash("482915"), FAST.hash("482915")
    assert h1.startswith("$argon2id$") and h1 != h2
    assert "482915" not in h1
    assert FAST.verify(h1, "482915")
    assert not FAST.verify(h1, "482916")
    assert not FAST.verify("not a hash", "482915")
    # a hash made with lighter parameters is flagged for re-hashing by the real hasher
    assert PinHasher().needs_rehash(h1)


@pytest.mark.parametrize("pin", ["12345", "1234567890123", "12a456", "111111", "123456", "987654"])
def test_weak_pins_are_refused(pin: str) -> None:
    with pytest.raises(WeakPin):
        check_pin_strength(pin)


def test_strong_pin_passes() -> None:
    check_pin_strength("482915")


def test_lockout_grows_and_resets_on_success() -> None:
    clock = FakeClock()
    guard = PinGuard(FAST, LockoutPolicy(free_attempts=3, base_delay=timedelta(seconds=30)), clock)
    stored = FAST.hash("482915")
    state = LockoutState()
    r = guard.attempt(stored, state, "000000")
    assert r.outcome is AttemptOutcome.WRONG and r.attempts_left == 2
    r = guard.attempt(stored, r.state, "000000")
    assert r.outcome is AttemptOutcome.WRONG and r.attempts_left == 1
    r = guard.attempt(stored, r.state, "000000")
    assert r.outcome is AttemptOutcome.LOCKED
    assert r.retry_at == clock.now + timedelta(seconds=30)
    # while locked even the right PIN is refused
    locked = guard.attempt(stored, r.state, "482915")
    assert locked.outcome is AttemptOutcome.LOCKED and locked.state == r.state
    clock.now += timedelta(seconds=31)
    r = guard.attempt(stored, r.state, "000000")
    assert r.outcome is AttemptOutcome.LOCKED
    assert r.retry_at == clock.now + timedelta(seconds=60)  # doubled
    clock.now += timedelta(seconds=61)
    ok = guard.attempt(stored, r.state, "482915")
    assert ok.ok and ok.state == LockoutState()


def test_delay_is_capped() -> None:
    policy = LockoutPolicy(
        free_attempts=5, base_delay=timedelta(seconds=30), max_delay=timedelta(minutes=30)
    )
    assert policy.delay_after(4) == timedelta(0)
    assert policy.delay_after(5) == timedelta(seconds=30)
    assert policy.delay_after(10_000) == timedelta(minutes=30)

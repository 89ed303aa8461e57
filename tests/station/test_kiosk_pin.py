"""The kiosk maintenance PIN: argon2id on disk through the clerks' PinGuard, lockout with
a growing delay that survives a restart, nothing compared while locked."""

from __future__ import annotations

import stat
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from station.kiosk_pin import (
    FIRST_LOCKOUT_S,
    KIOSK_LOCKOUT,
    PIN_FILE,
    MaintenancePin,
    PinError,
)
from station.pins import PinGuard, PinHasher


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


def make(keys: Path, clock: Clock) -> MaintenancePin:
    # real argon2id, cheaper parameters so the suite stays quick
    return MaintenancePin(keys, clock=clock, hasher=PinHasher(time_cost=1, memory_kib=8192))


def test_pin_is_stored_as_argon2id_owner_only(tmp_path: Path, clock: Clock) -> None:
    pin = make(tmp_path / "keys", clock)
    assert not pin.is_set()
    pin.set_pin("482913")
    stored = (tmp_path / "keys" / PIN_FILE).read_text()
    assert stored.startswith("$argon2id$") and "482913" not in stored
    assert stat.S_IMODE((tmp_path / "keys" / PIN_FILE).stat().st_mode) == 0o600
    assert pin.check("482913").ok


@pytest.mark.parametrize("bad", ["12345", "1234567890123", "abcdef", "111111", "123456", "654321",
                                 "４８２９１３"])
def test_weak_or_malformed_pins_are_refused(tmp_path: Path, clock: Clock, bad: str) -> None:
    with pytest.raises(PinError):
        make(tmp_path / "keys", clock).set_pin(bad)


def test_lockout_grows_and_survives_a_restart(tmp_path: Path, clock: Clock) -> None:
    keys = tmp_path / "keys"
    make(keys, clock).set_pin("482913")
    pin = make(keys, clock)
    assert [pin.check("000001").locked_for for _ in range(2)] == [0.0, 0.0]
    third = pin.check("000002")
    assert not third.ok and third.locked_for == FIRST_LOCKOUT_S
    # while locked even the right PIN is refused, and a restart does not unlock
    restarted = make(keys, clock)
    locked = restarted.check("482913")
    assert not locked.ok and locked.locked_for == pytest.approx(FIRST_LOCKOUT_S)
    clock.now += FIRST_LOCKOUT_S + 1
    fourth = restarted.check("000003")
    assert fourth.locked_for == 2 * FIRST_LOCKOUT_S  # the delay doubles
    clock.now += 2 * FIRST_LOCKOUT_S + 1
    assert restarted.check("482913").ok
    assert restarted.check("000004").locked_for == 0.0  # a success resets the count


def test_damaged_state_file_locks_instead_of_unlocking(tmp_path: Path, clock: Clock) -> None:
    keys = tmp_path / "keys"
    make(keys, clock).set_pin("482913")
    (keys / "kiosk_pin.state.json").write_text("{not json")
    result = make(keys, clock).check("482913")
    assert not result.ok and result.locked_for > 0


def test_no_pin_set_is_an_error_not_an_open_door(tmp_path: Path, clock: Clock) -> None:
    with pytest.raises(PinError) as e:
        make(tmp_path / "keys", clock).check("482913")
    assert e.value.code == "pin_not_set"


def lockout_seconds(failures: int) -> float:
    return KIOSK_LOCKOUT.delay_after(failures).total_seconds()


def test_lockout_schedule() -> None:
    assert [lockout_seconds(n) for n in range(1, 7)] == [0, 0, 30, 60, 120, 240]
    assert lockout_seconds(50) == 3600


def test_the_kiosk_checks_with_the_clerks_pin_guard(tmp_path: Path, clock: Clock) -> None:
    pin = make(tmp_path / "keys", clock)
    assert isinstance(pin.guard, PinGuard) and pin.guard.policy is KIOSK_LOCKOUT
    pin.set_pin("482913")
    # a hash the kiosk stored verifies with the clerks' hasher, and the other way round
    stored = (tmp_path / "keys" / PIN_FILE).read_text()
    assert PinHasher(time_cost=1, memory_kib=8192).verify(stored, "482913")


@pytest.mark.parametrize("damage", ['{"failures": 1, "locked_until": "nan"}',
                                    '{"failures": 1, "locked_until": 1e300}',
                                    '{"failures": "x", "locked_until": 0}'])
def test_odd_state_values_lock_too(tmp_path: Path, clock: Clock, damage: str) -> None:
    keys = tmp_path / "keys"
    make(keys, clock).set_pin("482913")
    (keys / "kiosk_pin.state.json").write_text(damage)
    result = make(keys, clock).check("482913")
    assert not result.ok and result.locked_for > 0


class _Overlap(PinHasher):
    """Records how many checks compare at once; the first one to compare waits a moment
    for a second check to join it (which the PIN's lock must not let in)."""

    def __init__(self) -> None:
        super().__init__(time_cost=1, memory_kib=8192)
        self.inside = self.most = 0
        self.second_came = threading.Event()
        self._count = threading.Lock()

    def verify(self, stored: str, pin: str) -> bool:
        with self._count:
            self.inside += 1
            self.most = max(self.most, self.inside)
            if self.inside > 1:
                self.second_came.set()
        try:
            if self.most == 1:
                self.second_came.wait(0.3)  # a second compare, if let in, arrives now
            return super().verify(stored, pin)
        finally:
            with self._count:
                self.inside -= 1


def test_two_checks_at_once_count_both_failures(tmp_path: Path, clock: Clock) -> None:
    # the PIN screen left and entered again while a check ran: two checks at once each
    # wrote failures + 1 over the same count (review7)
    hasher = _Overlap()
    pin = MaintenancePin(tmp_path / "keys", clock=clock, hasher=hasher)
    pin.set_pin("482913")
    threads = [threading.Thread(target=pin.check, args=("000000",)) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert hasher.most == 1  # one compare at a time
    assert MaintenancePin(tmp_path / "keys", clock=clock)._load_state().failures == 2


def test_wrong_pins_lock_even_when_the_state_cannot_be_written(
    small_fs: Path, remount_readonly: Callable[[Path], None], clock: Clock
) -> None:
    # a read-only (or full) disk: each wrong PIN's count cannot be saved; the lockout
    # must still come, not a free run of guesses ending in the right PIN (review7)
    pin = make(small_fs / "keys", clock)
    pin.set_pin("482913")
    remount_readonly(small_fs)
    for _ in range(KIOSK_LOCKOUT.free_attempts):  # each one's count is refused by the disk
        with pytest.raises(OSError):
            pin.check("000000")
    check = pin.check("482913")  # locked: the right PIN is not even compared
    assert not check.ok and check.locked_for > 0

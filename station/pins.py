"""PINs for people at a station (clerks, kiosk technicians): argon2id hashes and lockout.

Storage-agnostic so the clerk station and the kiosk share it: a caller keeps a
hash string and a :class:`LockoutState` per person wherever it likes and asks
:class:`PinGuard` whether an attempt may run and what the state is afterwards.

Lockout: after ``free_attempts`` consecutive failures every further failure
locks the account for a delay that doubles each time (``base_delay`` ...
``max_delay``), so guessing a 6-digit PIN takes years, while a clerk who
mistypes twice is never slowed down. A success resets the counter.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, ClassVar

from coded_errors import CodedError
from station.pin_rules import MAX_PIN_LENGTH, MIN_PIN_LENGTH

if TYPE_CHECKING:
    from argon2 import PasswordHasher

__all__ = [
    "MAX_PIN_LENGTH",
    "MIN_PIN_LENGTH",
    "AttemptOutcome",
    "AttemptResult",
    "LockoutPolicy",
    "LockoutState",
    "PinGuard",
    "PinHasher",
    "WeakPin",
    "check_pin_strength",
]


Clock = Callable[[], datetime]


def _utcnow() -> datetime:
    return datetime.now(UTC)


class WeakPin(CodedError, ValueError):
    """A new PIN that must not be used; ``code`` names why ("pin.<code>" is worded by the
    front end in the reader's language), ``str(e)`` is English for logs."""

    family: ClassVar[str] = "pin"


def check_pin_strength(pin: str) -> None:
    """Raise :class:`WeakPin` unless ``pin`` is 6-12 ASCII digits, not a run or a repeat."""
    if not (pin.isascii() and pin.isdigit()):
        raise WeakPin("pin_not_digits", "a PIN is digits only")
    if not MIN_PIN_LENGTH <= len(pin) <= MAX_PIN_LENGTH:
        raise WeakPin(
            "pin_length",
            f"a PIN has {MIN_PIN_LENGTH} to {MAX_PIN_LENGTH} digits",
            params={"min": MIN_PIN_LENGTH, "max": MAX_PIN_LENGTH},
        )
    steps = {(int(b) - int(a)) % 10 for a, b in itertools.pairwise(pin)}
    if steps <= {0} or steps == {1} or steps == {9}:
        raise WeakPin("pin_trivial", "a PIN must not be one repeated digit or a run like 123456")


class PinHasher:
    """argon2id with parameters that take ~50 ms on a hall PC (OWASP's 19 MiB, t=2).

    Tests pass lighter parameters; a hash made with other parameters still
    verifies and :meth:`needs_rehash` tells the caller to store a fresh one.
    """

    def __init__(self, *, time_cost: int = 2, memory_kib: int = 19_456, parallelism: int = 1):
        self._cost = (time_cost, memory_kib, parallelism)
        self._made: PasswordHasher | None = None

    @property
    def _hasher(self) -> PasswordHasher:
        # argon2 and cffi load with the first PIN, not with the station's first window
        # (issues #12/#13, cold start)
        if self._made is None:
            from argon2 import PasswordHasher

            time_cost, memory_kib, parallelism = self._cost
            self._made = PasswordHasher(
                time_cost=time_cost, memory_cost=memory_kib, parallelism=parallelism
            )
        return self._made

    def hash(self, pin: str) -> str:
        return self._hasher.hash(pin)

    def verify(self, stored: str, pin: str) -> bool:
        from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

        try:
            return bool(self._hasher.verify(stored, pin))
        except VerifyMismatchError:
            return False
        except (VerificationError, InvalidHashError):
            # a damaged hash never lets anyone in
            return False

    def needs_rehash(self, stored: str) -> bool:
        from argon2.exceptions import InvalidHashError

        try:
            return bool(self._hasher.check_needs_rehash(stored))
        except InvalidHashError:
            return True


@dataclass(frozen=True)
class LockoutState:
    """Consecutive failures and, when locked, until when (UTC)."""

    failures: int = 0
    locked_until: datetime | None = None


@dataclass(frozen=True)
class LockoutPolicy:
    free_attempts: int = 5
    base_delay: timedelta = timedelta(seconds=30)
    max_delay: timedelta = timedelta(minutes=30)

    def delay_after(self, failures: int) -> timedelta:
        """How long the account is locked after its ``failures``-th consecutive failure."""
        over = failures - self.free_attempts
        if over < 0:
            return timedelta(0)
        # cap the exponent before shifting so a huge count cannot overflow
        return min(self.base_delay * (1 << min(over, 20)), self.max_delay)


class AttemptOutcome(StrEnum):
    OK = "ok"
    WRONG = "wrong"
    LOCKED = "locked"


@dataclass(frozen=True)
class AttemptResult:
    outcome: AttemptOutcome
    state: LockoutState
    #: failures left before the next lock (meaningful for WRONG)
    attempts_left: int = 0
    #: when a LOCKED account may try again
    retry_at: datetime | None = None

    @property
    def ok(self) -> bool:
        return self.outcome is AttemptOutcome.OK


class PinGuard:
    """Checks one attempt against a stored hash and lockout state; never stores anything."""

    def __init__(
        self,
        hasher: PinHasher | None = None,
        policy: LockoutPolicy | None = None,
        clock: Clock = _utcnow,
    ) -> None:
        self.hasher = hasher or PinHasher()
        self.policy = policy or LockoutPolicy()
        self.clock = clock

    def locked_until(self, state: LockoutState) -> datetime | None:
        now = self.clock()
        if state.locked_until is not None and state.locked_until > now:
            return state.locked_until
        return None

    def attempt(self, stored_hash: str | None, state: LockoutState, pin: str) -> AttemptResult:
        """Verify ``pin``; a locked account is refused without even hashing the guess."""
        until = self.locked_until(state)
        if until is not None:
            return AttemptResult(AttemptOutcome.LOCKED, state, retry_at=until)
        if stored_hash is not None and self.hasher.verify(stored_hash, pin):
            return AttemptResult(AttemptOutcome.OK, LockoutState())
        failures = state.failures + 1
        delay = self.policy.delay_after(failures)
        if delay:
            locked = replace(state, failures=failures, locked_until=self.clock() + delay)
            return AttemptResult(AttemptOutcome.LOCKED, locked, retry_at=locked.locked_until)
        left = self.policy.free_attempts - failures
        return AttemptResult(
            AttemptOutcome.WRONG, LockoutState(failures=failures), attempts_left=left
        )

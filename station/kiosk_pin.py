"""The kiosk's maintenance PIN: argon2id hash on disk, lockout with a growing delay.

The PIN is set with `yiwang kiosk set-pin --data-dir D` (read from standard
input, never from the command line, where `ps` would show it). The hash and
the failure count live in `keys/` beside the station's other secrets, owner
only; the failure count survives a restart, so pulling the plug does not reset
the lockout.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from sync.durable import write_private_file

log = logging.getLogger(__name__)

PIN_FILE = "kiosk_pin.argon2"
STATE_FILE = "kiosk_pin.state.json"
MIN_DIGITS, MAX_DIGITS = 6, 12
#: failures allowed before the first lockout
FREE_ATTEMPTS = 3
FIRST_LOCKOUT_S = 30.0
MAX_LOCKOUT_S = 3600.0


class PinError(Exception):
    """A PIN problem a person can act on; `code` picks the sentence."""

    def __init__(self, code: str, message_en: str, *, retry_after: float = 0.0) -> None:
        super().__init__(message_en)
        self.code = code
        self.retry_after = retry_after


@dataclass(frozen=True)
class PinCheck:
    ok: bool
    #: seconds until the next attempt is allowed (0 = now)
    locked_for: float


def default_hasher() -> PasswordHasher:
    # argon2id (the library's default type). Cost chosen for a kiosk PC: ~50 ms per
    # check, 19 MiB (OWASP's floor for argon2id), so a stolen hash is slow to brute-force.
    return PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


def lockout_seconds(failures: int) -> float:
    """0 for the first FREE_ATTEMPTS failures, then 30 s doubling up to an hour."""
    if failures < FREE_ATTEMPTS:
        return 0.0
    return float(min(MAX_LOCKOUT_S, FIRST_LOCKOUT_S * 2 ** (failures - FREE_ATTEMPTS)))


def validate_pin(pin: str) -> str:
    if not (pin.isascii() and pin.isdigit() and MIN_DIGITS <= len(pin) <= MAX_DIGITS):
        raise PinError("pin_format", f"the PIN must be {MIN_DIGITS}-{MAX_DIGITS} digits")
    if len(set(pin)) == 1 or pin in "01234567890123456789" or pin in "98765432109876543210":
        raise PinError("pin_weak", "the PIN must not be one repeated digit or a run")
    return pin


class MaintenancePin:
    def __init__(
        self,
        keys_dir: Path,
        *,
        clock: Callable[[], float] = time.time,
        hasher: PasswordHasher | None = None,
    ) -> None:
        self._dir = keys_dir
        self._clock = clock
        self._hasher = hasher or default_hasher()

    @property
    def _pin_path(self) -> Path:
        return self._dir / PIN_FILE

    @property
    def _state_path(self) -> Path:
        return self._dir / STATE_FILE

    def is_set(self) -> bool:
        return self._pin_path.is_file()

    def set_pin(self, pin: str) -> None:
        validate_pin(pin)
        self._write(self._pin_path, self._hasher.hash(pin))
        self._save_state(0, 0.0)
        log.info("kiosk maintenance PIN set")

    def locked_for(self) -> float:
        _failures, until = self._load_state()
        return max(0.0, until - self._clock())

    def check(self, pin: str) -> PinCheck:
        """Verify `pin`; a wrong one counts towards the lockout. While locked, the PIN
        is not even compared (so waiting is the only way on)."""
        if not self.is_set():
            raise PinError("pin_not_set", "no maintenance PIN is set on this kiosk")
        failures, until = self._load_state()
        now = self._clock()
        if until > now:
            return PinCheck(False, until - now)
        stored = self._pin_path.read_text(encoding="ascii").strip()
        try:
            self._hasher.verify(stored, pin)
        except (VerificationError, InvalidHashError):
            failures += 1
            delay = lockout_seconds(failures)
            self._save_state(failures, now + delay if delay else 0.0)
            log.warning("wrong maintenance PIN (%d failures; locked %.0f s)", failures, delay)
            return PinCheck(False, delay)
        self._save_state(0, 0.0)
        return PinCheck(True, 0.0)

    def _load_state(self) -> tuple[int, float]:
        try:
            raw = json.loads(self._state_path.read_text(encoding="utf-8"))
            return int(raw["failures"]), float(raw["locked_until"])
        except FileNotFoundError:
            return 0, 0.0
        except (ValueError, KeyError, TypeError):
            # a damaged state file must not unlock: treat it as the longest lockout
            log.error("kiosk PIN state unreadable; locking")
            return FREE_ATTEMPTS + 7, self._clock() + MAX_LOCKOUT_S

    def _save_state(self, failures: int, locked_until: float) -> None:
        doc = json.dumps({"failures": failures, "locked_until": locked_until})
        self._write(self._state_path, doc)

    def _write(self, path: Path, text: str) -> None:
        self._dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_private_file(path, text.encode("utf-8"))

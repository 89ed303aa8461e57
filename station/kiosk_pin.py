"""Where the kiosk keeps its maintenance PIN: one argon2id hash and one lockout state
in `keys/`, checked by the same :class:`station.pins.PinGuard` the clerks use.

Hashing, PIN strength and the growing lockout are `station.pins`' alone; this module
only stores the hash and the :class:`LockoutState` on disk (owner only, written
atomically) so that the failure count survives a restart and pulling the plug does not
reset a lockout. The PIN is set with `yiwang kiosk set-pin --data-dir D` (read from
standard input, never from the command line, where `ps` would show it).
"""

from __future__ import annotations

import json
import logging
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import ClassVar

from coded_errors import CodedError
from station.pins import LockoutPolicy, LockoutState, PinGuard, PinHasher, WeakPin
from station.pins import check_pin_strength as _check_strength
from sync.durable import write_private_file

log = logging.getLogger(__name__)

PIN_FILE = "kiosk_pin.argon2"
STATE_FILE = "kiosk_pin.state.json"
FIRST_LOCKOUT_S = 30.0
MAX_LOCKOUT_S = 3600.0
#: An unattended kiosk is easier to try at leisure than a staffed window: three free
#: attempts (clerks get five), then 30 s doubling up to an hour.
KIOSK_LOCKOUT = LockoutPolicy(
    free_attempts=3,
    base_delay=timedelta(seconds=FIRST_LOCKOUT_S),
    max_delay=timedelta(seconds=MAX_LOCKOUT_S),
)


class PinError(CodedError):
    """A PIN problem a person can act on; "pin.<code>" (the family of
    :class:`station.pins.WeakPin`) is worded by the front end, ``str(e)`` is English."""

    family: ClassVar[str] = "pin"


@dataclass(frozen=True)
class PinCheck:
    ok: bool
    #: seconds until the next attempt is allowed (0 = now)
    locked_for: float


def validate_pin(pin: str) -> str:
    """The clerks' strength rule (6-12 digits, no repeat or run), as a :class:`PinError`."""
    try:
        _check_strength(pin)
    except WeakPin as e:
        raise PinError(e.code, str(e), params=e.params) from None
    return pin


class MaintenancePin:
    def __init__(
        self,
        keys_dir: Path,
        *,
        clock: Callable[[], float] = time.time,
        hasher: PinHasher | None = None,
    ) -> None:
        self._dir = keys_dir
        self._clock = clock
        self.guard = PinGuard(hasher, KIOSK_LOCKOUT, self._now)
        # One check at a time: each reads the state, compares, writes the state back;
        # two at once (the PIN screen left and entered again during a check) each wrote
        # failures + 1 over the same count and a wrong PIN went uncounted (review7)
        self._lock = threading.Lock()
        #: the strictest state this process has reached: a failure is counted here even
        #: when the state file cannot be written (a full or read-only disk), so the
        #: lockout fails closed rather than open (review7: wrong PINs were free then)
        self._floor = LockoutState()

    def _now(self) -> datetime:
        return datetime.fromtimestamp(self._clock(), UTC)

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
        with self._lock:
            self._write(self._pin_path, self.guard.hasher.hash(pin))
            self._save_state(LockoutState())
            self._floor = LockoutState()
        log.info("kiosk maintenance PIN set")

    def locked_for(self) -> float:
        with self._lock:
            until = self.guard.locked_until(self._state())
        return 0.0 if until is None else (until - self._now()).total_seconds()

    def _state(self) -> LockoutState:
        """The state on disk, or what this process counted beyond it."""
        disk, floor = self._load_state(), self._floor
        until = max((t for t in (disk.locked_until, floor.locked_until) if t is not None),
                    default=None)
        return LockoutState(failures=max(disk.failures, floor.failures), locked_until=until)

    def check(self, pin: str) -> PinCheck:
        """Verify `pin`; a wrong one counts towards the lockout. While locked, the PIN
        is not even compared (so waiting is the only way on)."""
        with self._lock:
            return self._check(pin)

    def _check(self, pin: str) -> PinCheck:
        if not self.is_set():
            raise PinError("pin_not_set", "no maintenance PIN is set on this kiosk")
        stored = self._pin_path.read_text(encoding="ascii").strip()
        before = self._state()
        result = self.guard.attempt(stored, before, pin)
        if result.state != before:
            self._floor = result.state  # counted before the write that may fail
            self._save_state(result.state)
        if result.ok:
            return PinCheck(True, 0.0)
        locked_for = 0.0
        if result.retry_at is not None:
            locked_for = max(0.0, (result.retry_at - self._now()).total_seconds())
        if result.state.failures != before.failures:
            log.warning("wrong maintenance PIN (%d failures; locked %.0f s)",
                        result.state.failures, locked_for)
        return PinCheck(False, locked_for)

    def _load_state(self) -> LockoutState:
        try:
            raw = json.loads(self._state_path.read_text(encoding="utf-8"))
            failures, until = int(raw["failures"]), float(raw["locked_until"])
            if not math.isfinite(until) or failures < 0:
                raise ValueError("kiosk PIN state out of range")
            locked = datetime.fromtimestamp(until, UTC) if until > 0 else None
        except FileNotFoundError:
            return LockoutState()
        except (ValueError, KeyError, TypeError, OverflowError, OSError):
            # a damaged state file must not unlock: treat it as the longest lockout
            log.error("kiosk PIN state unreadable; locking")
            failures = KIOSK_LOCKOUT.free_attempts + 7
            locked = self._now() + KIOSK_LOCKOUT.max_delay
        return LockoutState(failures=failures, locked_until=locked)

    def _save_state(self, state: LockoutState) -> None:
        until = state.locked_until.timestamp() if state.locked_until is not None else 0.0
        self._write(self._state_path, json.dumps({"failures": state.failures,
                                                  "locked_until": until}))

    def _write(self, path: Path, text: str) -> None:
        self._dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_private_file(path, text.encode("utf-8"))

"""Who may act on a station once it is set up: the kiosk's maintenance PIN, or the
window station's first admin clerk. The set-up wizard's access page plans and
applies these; both hash PINs with argon2id (``station.kiosk_pin`` for the
kiosk, ``station.pins`` through ``ClerkDirectory`` for clerks) and never keep or
print a PIN itself.

On a station that already has a PIN (kiosk) or an admin (window) an empty
choice keeps what is there, so re-running the wizard changes nothing here
unless the technician types a new PIN.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from station.clerks import (
    ClerkDirectory,
    ClerkError,
    ClerkRole,
    validate_clerk_id,
    validate_clerk_name,
)
from station.kiosk_pin import MaintenancePin, PinError, validate_pin
from station.pins import WeakPin, check_pin_strength
from sync.store import DB_FILENAME, Store

__all__ = [
    "AccessChoices",
    "AccessProblem",
    "AccessState",
    "access_problem",
    "apply_access",
    "plan_access",
    "read_access_state",
]

#: who the audit log names for accounts the wizard creates
SETUP_ACTOR = "setup"


@dataclass(frozen=True)
class AccessState:
    """What the station holds today (read from disk, off the GUI thread)."""

    kiosk_pin_set: bool = False
    admins: tuple[str, ...] = ()


@dataclass(frozen=True)
class AccessChoices:
    """What the technician typed; empty fields keep what is there."""

    kiosk_pin: str = ""
    kiosk_pin_again: str = ""
    admin_id: str = ""
    admin_name: str = ""
    admin_pin: str = ""
    admin_pin_again: str = ""

    @property
    def wants_admin(self) -> bool:
        return bool(self.admin_id or self.admin_name or self.admin_pin or self.admin_pin_again)


@dataclass(frozen=True)
class AccessProblem:
    """A choice the page must refuse; ``code`` picks the translated sentence."""

    code: str
    field: str


def read_access_state(data_dir: Path) -> AccessState:
    pin_set = MaintenancePin(Path(data_dir) / "keys").is_set()
    if not (Path(data_dir) / DB_FILENAME).is_file():
        return AccessState(pin_set, ())  # opening the store would create a database
    store = Store(Path(data_dir), recover=False)
    try:
        admins = tuple(
            a.clerk_id for a in ClerkDirectory(store).list() if a.is_admin and not a.disabled
        )
    finally:
        store.close()
    return AccessState(pin_set, admins)


def access_problem(
    role: str, state: AccessState, choices: AccessChoices, *, first_setup: bool
) -> AccessProblem | None:
    """Why the page cannot go on, or None. A first set-up must leave someone able to act:
    a kiosk needs its PIN, a window station an admin (unless it has them already)."""
    if role == "kiosk":
        return _kiosk_problem(state, choices, first_setup=first_setup)
    return _admin_problem(state, choices, first_setup=first_setup)


def _kiosk_problem(
    state: AccessState, choices: AccessChoices, *, first_setup: bool
) -> AccessProblem | None:
    if not choices.kiosk_pin and not choices.kiosk_pin_again:
        needed = first_setup and not state.kiosk_pin_set
        return AccessProblem("pin_required", "kiosk_pin") if needed else None
    try:
        validate_pin(choices.kiosk_pin)
        check_pin_strength(choices.kiosk_pin)
    except (PinError, WeakPin):
        return AccessProblem("pin_weak", "kiosk_pin")
    if choices.kiosk_pin != choices.kiosk_pin_again:
        return AccessProblem("pin_mismatch", "kiosk_pin_again")
    return None


def _admin_problem(
    state: AccessState, choices: AccessChoices, *, first_setup: bool
) -> AccessProblem | None:
    if not choices.wants_admin:
        needed = first_setup and not state.admins
        return AccessProblem("admin_required", "admin_id") if needed else None
    try:
        validate_clerk_id(choices.admin_id)
    except ClerkError:
        return AccessProblem("bad_clerk_id", "admin_id")
    if choices.admin_id in state.admins:
        return AccessProblem("clerk_exists", "admin_id")
    try:
        validate_clerk_name(choices.admin_name)
    except ClerkError:
        return AccessProblem("bad_clerk_name", "admin_name")
    try:
        check_pin_strength(choices.admin_pin)
    except WeakPin:
        return AccessProblem("pin_weak", "admin_pin")
    if choices.admin_pin != choices.admin_pin_again:
        return AccessProblem("pin_mismatch", "admin_pin_again")
    return None


def plan_access(role: str, state: AccessState, choices: AccessChoices) -> list[str]:
    """The summary's lines: what changes, never a PIN."""
    if role == "kiosk" and choices.kiosk_pin:
        verb = "replace" if state.kiosk_pin_set else "set"
        return [f"kiosk maintenance PIN: {verb} (argon2id in keys/)"]
    if role == "window" and choices.wants_admin:
        return [f"add admin clerk {choices.admin_id} ({' '.join(choices.admin_name.split())})"]
    return []


def apply_access(data_dir: Path, role: str, choices: AccessChoices) -> list[str]:
    """Write the PIN or add the admin (after the configuration is saved). Raises
    PinError / WeakPin / ClerkError when a value is refused after all."""
    data_dir = Path(data_dir)
    if role == "kiosk" and choices.kiosk_pin:
        MaintenancePin(data_dir / "keys").set_pin(choices.kiosk_pin)
        return ["kiosk maintenance PIN set"]
    if role == "window" and choices.wants_admin:
        store = Store(data_dir)
        try:
            ClerkDirectory(store).add(
                choices.admin_id,
                choices.admin_name,
                choices.admin_pin,
                role=ClerkRole.ADMIN,
                by=SETUP_ACTOR,
            )
        finally:
            store.close()
        return [f"admin clerk {choices.admin_id} added"]
    return []

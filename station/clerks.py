"""Clerk accounts on a station: sign-in with a PIN, lockout, PIN change, admin management.

Accounts live in the station's store (``clerks`` table); PINs are only
ever kept as argon2id hashes (:mod:`station.pins`). Every sign-in, failure,
lock and change is appended to the audit log. An unknown clerk id costs the
same hashing time as a known one and gets the same answer, so the sign-in
screen cannot be used to list accounts.
"""

from __future__ import annotations

import re
import secrets
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import Any, ClassVar

from coded_errors import CodedError
from station.pins import AttemptOutcome, AttemptResult, LockoutState, PinGuard, check_pin_strength
from sync.store import Store
from sync.store.clerks import ClerkRow
from wire.plain_text import is_plain_line

__all__ = [
    "ClerkAccount",
    "ClerkDirectory",
    "ClerkError",
    "ClerkRole",
    "SignIn",
    "validate_clerk_id",
    "validate_clerk_name",
]

_CLERK_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,31}")
_MAX_NAME = 40
#: unknown ids whose phantom lockout is remembered (oldest forgotten first); enough for
#: any hall, small enough that a flood of made-up ids cannot grow memory
_MAX_PHANTOMS = 4096


class ClerkRole(StrEnum):
    CLERK = "clerk"
    ADMIN = "admin"


class ClerkError(CodedError):
    """A refused account operation; "clerk.<code>" is worded by the front end in the
    reader's language, ``str(e)`` is English for logs."""

    family: ClassVar[str] = "clerk"


@dataclass(frozen=True)
class ClerkAccount:
    clerk_id: str
    name: str
    role: ClerkRole
    pin_hash: str
    lockout: LockoutState = field(default_factory=LockoutState)
    disabled: bool = False
    #: set by an admin's reset: the clerk chooses their own PIN at the next sign-in
    must_change_pin: bool = False

    @property
    def is_admin(self) -> bool:
        return self.role is ClerkRole.ADMIN


def _account(row: ClerkRow) -> ClerkAccount:
    return ClerkAccount(
        clerk_id=row.clerk_id,
        name=row.name,
        role=ClerkRole(row.role),
        pin_hash=row.pin_hash,
        lockout=LockoutState(row.failures, row.locked_until),
        disabled=row.disabled,
        must_change_pin=row.must_change_pin,
    )


def _row(account: ClerkAccount) -> ClerkRow:
    return ClerkRow(
        clerk_id=account.clerk_id,
        name=account.name,
        role=account.role.value,
        pin_hash=account.pin_hash,
        failures=account.lockout.failures,
        locked_until=account.lockout.locked_until,
        disabled=account.disabled,
        must_change_pin=account.must_change_pin,
    )


class _Accounts:
    """The store's clerk rows seen as accounts."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def get_clerk(self, clerk_id: str) -> ClerkAccount | None:
        row = self._store.clerk_row(clerk_id)
        return None if row is None else _account(row)

    def list_clerks(self) -> list[ClerkAccount]:
        return [_account(r) for r in self._store.clerk_rows()]

    def put_clerk(self, account: ClerkAccount) -> None:
        self._store.put_clerk_row(_row(account))

    def audit(
        self, actor: str, action: str, subject: str | None, detail: Mapping[str, Any]
    ) -> None:
        self._store.audit(actor, action, subject, detail)


@dataclass(frozen=True)
class SignIn:
    """The answer to one sign-in attempt."""

    outcome: AttemptOutcome
    account: ClerkAccount | None = None
    attempts_left: int = 0
    retry_at: datetime | None = None

    @property
    def ok(self) -> bool:
        return self.outcome is AttemptOutcome.OK


def validate_clerk_id(clerk_id: str) -> str:
    if not _CLERK_ID.fullmatch(clerk_id):
        raise ClerkError("bad_clerk_id", "a clerk id is 1-32 ASCII letters, digits, '_', '.', '-'")
    return clerk_id


def _validate_name(name: str) -> str:
    name = " ".join(name.split())
    # printable and plain (no Hangul fillers, variation selectors, combining floods)
    if not name or len(name) > _MAX_NAME or not (name.isprintable() and is_plain_line(name)):
        raise ClerkError(
            "bad_clerk_name",
            f"a clerk name is 1-{_MAX_NAME} printable characters",
            params={"max": _MAX_NAME},
        )
    return name


def validate_clerk_name(name: str) -> str:
    """The name as stored (spaces collapsed); ClerkError when it cannot be one."""
    return _validate_name(name)


class ClerkDirectory:
    """Sign-in and account management over a :class:`ClerkStore`."""

    def __init__(self, store: Store, guard: PinGuard | None = None) -> None:
        self.store = _Accounts(store)
        self.guard = guard or PinGuard()
        # verifying against this keeps an unknown id as slow as a known one; made on
        # first use, so opening a station does not pay for a hash nobody needs. Its
        # secret is random, so no PIN ever matches it.
        self._decoy: str | None = None
        # the lockout an unknown (or disabled) id would have, so that its remaining
        # attempts count down and lock exactly like a real account's: otherwise
        # "5 attempts left" on every try tells anyone which ids exist
        self._phantoms: OrderedDict[str, LockoutState] = OrderedDict()

    # -- reading ----------------------------------------------------------------

    def list(self) -> list[ClerkAccount]:
        return self.store.list_clerks()

    def has_admin(self) -> bool:
        return any(a.is_admin and not a.disabled for a in self.store.list_clerks())

    def _existing(self, clerk_id: str) -> ClerkAccount:
        account = self.store.get_clerk(clerk_id)
        if account is None:
            raise ClerkError(
                "unknown_clerk",
                f"no clerk {clerk_id!r} on this station",
                params={"clerk": clerk_id},
            )
        return account

    # -- signing in ---------------------------------------------------------------

    def _decoy_hash(self) -> str:
        if self._decoy is None:
            self._decoy = self.guard.hasher.hash(secrets.token_hex(16))
        return self._decoy

    def sign_in(self, clerk_id: str, pin: str) -> SignIn:
        # the decoy is made before the lookup, so the first attempt costs the same
        # extra hash whether the id exists or not
        decoy = self._decoy_hash()
        account = self.store.get_clerk(clerk_id)
        if account is None or account.disabled:
            return self._phantom_attempt(clerk_id, pin, decoy)
        result = self.guard.attempt(account.pin_hash, account.lockout, pin)
        return self._after_attempt(account, result, "sign_in")

    def _phantom_attempt(self, clerk_id: str, pin: str, decoy: str) -> SignIn:
        """An unknown or disabled id: the same argon2 verify, the same countdown and lock
        as a real account, never a way in."""
        key = clerk_id[:64]
        state = self._phantoms.pop(key, LockoutState())
        result = self.guard.attempt(decoy, state, pin)
        if result.ok:  # unreachable (random decoy secret); never let it through
            result = self.guard.attempt(None, state, pin)
        self._phantoms[key] = result.state
        while len(self._phantoms) > _MAX_PHANTOMS:
            self._phantoms.popitem(last=False)
        detail = {"reason": "unknown_or_disabled", "failures": result.state.failures}
        self.store.audit(clerk_id[:32] or "?", "sign_in_failed", None, detail)
        return SignIn(result.outcome, attempts_left=result.attempts_left, retry_at=result.retry_at)

    def sign_in_configured(self, clerk_id: str) -> ClerkAccount:
        """Auto sign-in of the one clerk a test/demo station's config names (no PIN)."""
        account = self._existing(clerk_id)
        if account.disabled:
            raise ClerkError(
                "clerk_disabled", f"clerk {clerk_id!r} is disabled", params={"clerk": clerk_id}
            )
        self.store.audit(clerk_id, "sign_in", None, {"method": "configured"})
        return account

    def _after_attempt(self, account: ClerkAccount, result: AttemptResult, action: str) -> SignIn:
        if result.state != account.lockout:
            account = replace(account, lockout=result.state)
            self.store.put_clerk(account)
        if result.ok:
            self.store.audit(account.clerk_id, action, None, {"method": "pin"})
            return SignIn(AttemptOutcome.OK, account)
        detail: dict[str, Any] = {"failures": result.state.failures}
        if result.outcome is AttemptOutcome.LOCKED:
            detail["locked_until"] = result.retry_at.isoformat() if result.retry_at else None
        self.store.audit(account.clerk_id, f"{action}_failed", None, detail)
        return SignIn(
            result.outcome,
            attempts_left=result.attempts_left,
            retry_at=result.retry_at,
        )

    def unlock_screen(self, clerk_id: str, pin: str) -> SignIn:
        """The signed-in clerk comes back to a locked screen (same lockout rules)."""
        account = self._existing(clerk_id)
        result = self.guard.attempt(account.pin_hash, account.lockout, pin)
        return self._after_attempt(account, result, "unlock")

    def sign_out(self, clerk_id: str, *, reason: str = "clerk") -> None:
        self.store.audit(clerk_id, "sign_out", None, {"reason": reason})

    def screen_locked(self, clerk_id: str) -> None:
        self.store.audit(clerk_id, "screen_lock", None, {})

    # -- PIN changes ----------------------------------------------------------------

    def change_pin(self, clerk_id: str, old_pin: str, new_pin: str) -> SignIn:
        """The clerk's own change: the old PIN (with lockout) proves who asks."""
        check_pin_strength(new_pin)
        if new_pin == old_pin:
            raise ClerkError("pin_unchanged", "the new PIN must differ from the old one")
        account = self._existing(clerk_id)
        result = self.guard.attempt(account.pin_hash, account.lockout, old_pin)
        if not result.ok:
            return self._after_attempt(account, result, "pin_change")
        account = replace(
            account,
            pin_hash=self.guard.hasher.hash(new_pin),
            lockout=LockoutState(),
            must_change_pin=False,
        )
        self.store.put_clerk(account)
        self.store.audit(clerk_id, "pin_change", clerk_id, {})
        return SignIn(AttemptOutcome.OK, account)

    # -- administration -------------------------------------------------------------

    def authorize_admin(self, admin_id: str, pin: str) -> ClerkAccount:
        """An admin proves themself before managing accounts (same lockout rules)."""
        result = self.sign_in(admin_id, pin)
        if not result.ok or result.account is None:
            raise ClerkError("admin_refused", "admin sign-in refused")
        if not result.account.is_admin:
            raise ClerkError(
                "not_admin", f"{admin_id!r} is not an admin", params={"clerk": admin_id}
            )
        return result.account

    def add(
        self,
        clerk_id: str,
        name: str,
        pin: str,
        *,
        role: ClerkRole = ClerkRole.CLERK,
        by: str,
        must_change_pin: bool = False,
    ) -> ClerkAccount:
        validate_clerk_id(clerk_id)
        check_pin_strength(pin)
        if self.store.get_clerk(clerk_id) is not None:
            raise ClerkError(
                "clerk_exists", f"clerk {clerk_id!r} already exists", params={"clerk": clerk_id}
            )
        account = ClerkAccount(
            clerk_id=clerk_id,
            name=_validate_name(name),
            role=ClerkRole(role),
            pin_hash=self.guard.hasher.hash(pin),
            must_change_pin=must_change_pin,
        )
        self.store.put_clerk(account)
        self.store.audit(by, "clerk_add", clerk_id, {"role": account.role.value})
        return account

    def reset_pin(self, clerk_id: str, new_pin: str, *, by: str) -> ClerkAccount:
        """An admin sets a temporary PIN; the clerk must choose their own at next sign-in."""
        check_pin_strength(new_pin)
        account = replace(
            self._existing(clerk_id),
            pin_hash=self.guard.hasher.hash(new_pin),
            lockout=LockoutState(),
            must_change_pin=True,
        )
        self.store.put_clerk(account)
        self.store.audit(by, "pin_reset", clerk_id, {})
        return account

    def set_disabled(self, clerk_id: str, disabled: bool, *, by: str) -> ClerkAccount:
        account = self._existing(clerk_id)
        if disabled and account.is_admin and not account.disabled:
            admins = [a for a in self.list() if a.is_admin and not a.disabled]
            if len(admins) <= 1:
                raise ClerkError("last_admin", "the last admin of a station cannot be disabled")
        account = replace(account, disabled=disabled)
        self.store.put_clerk(account)
        self.store.audit(by, "clerk_disable" if disabled else "clerk_enable", clerk_id, {})
        return account

"""Account management by a signed-in admin (the clerk window's 人员管理 screen).

Every operation first checks that the acting clerk is still an active admin on
this station (a role changed by the platform's directory, or a disabled account,
takes effect at once), then delegates to :class:`station.clerks.ClerkDirectory`,
which hashes PINs (argon2id) and writes the audit entry with the admin as actor.
A PIN set here is temporary: the clerk must choose their own at the next sign-in.
Qt-free; the UI calls these on a worker thread (hashing takes ~50 ms).
"""

from __future__ import annotations

from dataclasses import dataclass

from station.clerks import ClerkAccount, ClerkDirectory, ClerkError, ClerkRole

__all__ = ["ClerkAdmin", "ClerkListing"]


@dataclass(frozen=True)
class ClerkListing:
    """One account as the screen shows it: never the PIN hash."""

    clerk_id: str
    name: str
    role: str
    disabled: bool
    must_change_pin: bool
    locked: bool


class ClerkAdmin:
    def __init__(self, directory: ClerkDirectory, admin_id: str) -> None:
        self.directory = directory
        self.admin_id = admin_id

    def _require_admin(self) -> ClerkAccount:
        account = self.directory.store.get_clerk(self.admin_id)
        if account is None or account.disabled or not account.is_admin:
            raise ClerkError("not_admin", f"{self.admin_id!r} is not an active admin")
        return account

    def allowed(self) -> bool:
        try:
            self._require_admin()
        except ClerkError:
            return False
        return True

    def listing(self) -> list[ClerkListing]:
        self._require_admin()
        return [
            ClerkListing(a.clerk_id, a.name, a.role.value, a.disabled, a.must_change_pin,
                         self.directory.guard.locked_until(a.lockout) is not None)
            for a in self.directory.list()
        ]

    def add(self, clerk_id: str, name: str, temporary_pin: str, *, admin: bool) -> None:
        self._require_admin()
        self.directory.add(
            clerk_id.strip(), name, temporary_pin,
            role=ClerkRole.ADMIN if admin else ClerkRole.CLERK,
            by=self.admin_id, must_change_pin=True,
        )

    def reset_pin(self, clerk_id: str, temporary_pin: str) -> None:
        self._require_admin()
        self.directory.reset_pin(clerk_id, temporary_pin, by=self.admin_id)

    def set_disabled(self, clerk_id: str, disabled: bool) -> None:
        self._require_admin()
        if disabled and clerk_id == self.admin_id:
            raise ClerkError("disable_self", "an admin cannot disable the account in use")
        self.directory.set_disabled(clerk_id, disabled, by=self.admin_id)

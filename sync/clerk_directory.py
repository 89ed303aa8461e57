"""The hall's clerks pulled from the platform (P8) into the station's ``clerks`` table.

The platform is where a hall's administrator keeps the clerks of each station; the
station pulls the directory (PINs as argon2id hashes only) and applies a version
it has not applied yet:

- a clerk new to the station is added as the platform says (usually with
  ``must_change_pin``: the PIN the administrator chose is temporary);
- name, role and active/disabled follow the platform;
- the PIN hash is replaced only when the platform's hash changed since the last
  pull (the administrator reset it there): a PIN the clerk chose on the station
  since then stays; a replaced PIN also clears the lockout;
- a clerk that came from the platform and is no longer in it is disabled; clerks
  made on the station itself are left alone.

Each applied version is one audit entry (counts only, no names).
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from sync.side_connection import side_connection
from sync.store import Store
from sync.store.clerks import ClerkRow
from wire.pin_hash import argon2id_cost_ok
from wire.plain_text import is_plain_line

if TYPE_CHECKING:  # a pydantic model: not loaded at station start-up
    from wire.clerk_day import ClerkDirectory, DirectoryClerk

__all__ = ["ClerkDirectoryAPI", "ClerkPull", "DirectoryApplied"]

log = logging.getLogger(__name__)


@runtime_checkable
class ClerkDirectoryAPI(Protocol):
    def clerk_directory(self) -> ClerkDirectory: ...


@dataclass(frozen=True)
class DirectoryApplied:
    version: int
    added: int = 0
    changed: int = 0
    disabled: int = 0
    pins_replaced: int = 0


class ClerkPull:
    def __init__(self, store: Store) -> None:
        self.store = store

    def _db(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        return side_connection(self.store.db_path, rows=False)

    def applied_version(self) -> int:
        with self._db() as db:
            return int(db.execute(
                "SELECT version FROM clerk_directory_state WHERE id = 1").fetchone()[0])

    def pull(self, client: ClerkDirectoryAPI, *, now: datetime | None = None
             ) -> DirectoryApplied | None:
        """Pull and apply; None when the platform's version is the one applied."""
        directory = client.clerk_directory()
        if directory.version == self.applied_version():
            return None
        return self.apply(directory, now=now)

    def apply(self, directory: ClerkDirectory, *, now: datetime | None = None
              ) -> DirectoryApplied:
        at = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        with self._db() as db:
            pulled = dict(db.execute(
                "SELECT clerk_id, pulled_pin_hash FROM clerk_directory").fetchall())
        added = changed = disabled = pins = 0
        seen: set[str] = set()
        taken: list[DirectoryClerk] = []  # what this station now holds from the platform
        for clerk in directory.clerks:
            seen.add(clerk.clerk_id)
            name = " ".join(clerk.name.split())
            if (not name or not (name.isprintable() and is_plain_line(name))
                    or not clerk.clerk_id[0].isalnum()):
                # what the station itself would refuse is not taken from the platform either
                log.warning("clerk directory v%d: an entry with an unusable id or name skipped",
                            directory.version)
                continue
            if not argon2id_cost_ok(clerk.pin_hash):
                log.warning("clerk directory v%d: a PIN hash with unaffordable argon2id"
                            " parameters skipped", directory.version)
                continue
            clerk = clerk.model_copy(update={"name": name})
            row = self.store.clerk_row(clerk.clerk_id)
            if row is not None and clerk.clerk_id not in pulled:
                # made on this station (set-up, an admin, `yiwang clerks`): the station's
                # own accounts are never taken over from the platform
                log.warning("clerk directory v%d: names a clerk made on this station; left"
                            " alone", directory.version)
                continue
            taken.append(clerk)
            new_pin = pulled.get(clerk.clerk_id) != clerk.pin_hash
            if row is None:
                new = ClerkRow(clerk.clerk_id, clerk.name, clerk.role, clerk.pin_hash,
                               disabled=not clerk.active,
                               must_change_pin=clerk.must_change_pin)
                added += 1
            else:
                new = replace(row, name=clerk.name, role=clerk.role, disabled=not clerk.active)
                if new_pin and row.pin_hash != clerk.pin_hash:
                    new = replace(new, pin_hash=clerk.pin_hash, failures=0, locked_until=None,
                                  must_change_pin=clerk.must_change_pin)
                    pins += 1
                if new == row:
                    continue
                changed += 1
            self.store.put_clerk_row(new)
        for clerk_id in sorted(set(pulled) - seen):
            row = self.store.clerk_row(clerk_id)
            if row is not None and not row.disabled:
                self.store.put_clerk_row(replace(row, disabled=True))
                disabled += 1
        with self._db() as db, db:
            db.execute("DELETE FROM clerk_directory")
            db.executemany(
                "INSERT INTO clerk_directory (clerk_id, pulled_pin_hash, version, pulled_at)"
                " VALUES (?, ?, ?, ?)",
                [(c.clerk_id, c.pin_hash, directory.version, at) for c in taken])
            db.execute("UPDATE clerk_directory_state SET version = ?, pulled_at = ?"
                       " WHERE id = 1", [directory.version, at])
        result = DirectoryApplied(directory.version, added, changed, disabled, pins)
        self.store.audit("platform", "clerks_pulled", None, {
            "version": directory.version, "added": added, "changed": changed,
            "disabled": disabled, "pins_replaced": pins})
        log.info("clerk directory v%d applied: %s", directory.version, result)
        return result

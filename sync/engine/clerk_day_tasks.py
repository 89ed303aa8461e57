"""Pass tasks of the clerk's day: audit entries to the platform (P7), the hall's
clerks from it (P8). Both ride along with every pass after the status pull (the
``pass_tasks`` hook of :class:`sync.engine.core.SyncEngine`); a task returns True
only when the platform refused the station's credentials."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime

from sync.audit_delivery import AuditDelivery, AuditDeliveryAPI
from sync.clerk_directory import ClerkDirectoryAPI, ClerkPull
from sync.client import AuthError, SyncError
from sync.store import Store

__all__ = ["CLERK_PULL_INTERVAL", "ClerkDayTasks"]

log = logging.getLogger(__name__)

#: the clerk directory changes rarely: look at most this often (seconds; first pass always)
CLERK_PULL_INTERVAL = 300.0


class ClerkDayTasks:
    def __init__(
        self,
        store: Store,
        client: Callable[[], object],
        now: Callable[[], datetime],
        *,
        monotonic: Callable[[], float] = time.monotonic,
        pull_interval: float = CLERK_PULL_INTERVAL,
    ) -> None:
        self.audit = AuditDelivery(store.db_path)
        self.clerks = ClerkPull(store)
        self._client = client  # read at call time: a host or test may swap the client
        self._now = now
        self._monotonic = monotonic
        self._pull_interval = pull_interval
        self._last_pull: float | None = None

    def install(self, pass_tasks: list[Callable[[], bool]]) -> None:
        pass_tasks.append(self.deliver_audit)
        pass_tasks.append(self.pull_clerks)

    def deliver_audit(self) -> bool:
        client = self._client()
        if not isinstance(client, AuditDeliveryAPI):
            return False
        return self.audit.deliver_due(client, now=self._now()).auth_failed

    def pull_clerks(self, *, force: bool = False) -> bool:
        client = self._client()
        if not isinstance(client, ClerkDirectoryAPI):
            return False
        now = self._monotonic()
        if (not force and self._last_pull is not None
                and now - self._last_pull < self._pull_interval):
            return False
        try:
            self.clerks.pull(client, now=self._now())
        except AuthError as e:
            log.error("platform refused our credentials for the clerk directory: %s", e)
            return True
        except SyncError as e:  # offline or a bad answer: the next pass looks again
            log.warning("clerk directory not pulled: %s", e)
            return False
        self._last_pull = now
        return False

"""What the kiosk knows about its devices, for the heartbeat and the maintenance screen.

Front ends report what they observe (a reader error, a printer that failed, a
camera that delivers frames again); the heartbeat reads a snapshot, so the
county sees a broken kiosk before a citizen does. Thread-safe: drivers report
from their own threads.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Health(StrEnum):
    OK = "ok"
    FAULT = "fault"
    MISSING = "missing"  # not configured / not found
    UNKNOWN = "unknown"


DEVICES = ("printer", "reader", "camera", "scanner")


@dataclass(frozen=True)
class DeviceState:
    health: Health
    detail: str = ""  # an error code, never personal data
    since: float = 0.0


class DeviceHealth:
    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._states = {name: DeviceState(Health.UNKNOWN) for name in DEVICES}
        self._paper = "unknown"  # ok | near_end | out | unknown
        self._last_error: tuple[str, float] | None = None

    def report(self, device: str, health: Health, detail: str = "") -> None:
        if device not in self._states:
            raise ValueError(f"unknown device {device!r}")
        with self._lock:
            old = self._states[device]
            if old.health is not health or old.detail != detail:
                self._states[device] = DeviceState(health, detail[:80], self._clock())
            if health in (Health.FAULT, Health.MISSING) and detail:
                self._last_error = (f"{device}:{detail[:80]}", self._clock())

    def report_paper(self, paper: str) -> None:
        with self._lock:
            self._paper = paper
            if paper == "out":
                self._last_error = ("printer:paper_out", self._clock())

    def state(self, device: str) -> DeviceState:
        with self._lock:
            return self._states[device]

    def usable(self, device: str) -> bool:
        """False only when we know it is broken or missing (unknown is worth a try)."""
        return self.state(device).health not in (Health.FAULT, Health.MISSING)

    def heartbeat(self) -> dict[str, Any]:
        with self._lock:
            devices = {name: s.health.value for name, s in self._states.items()}
            last = None
            if self._last_error is not None:
                text, at = self._last_error
                last = {"what": text, "at": int(at)}
            return {"devices": devices, "paper": self._paper, "last_error": last}

"""Brute-force brake for enrollment: failures counted per client address and overall.

After ``per_client`` failed attempts from one address within ``window`` seconds, that
address is answered 429 until the oldest failure leaves the window; after ``overall``
failures from everyone, every address is. In memory: a restart forgets (the codes
themselves are 80 bits, so the brake only has to make guessing slow, not impossible).
"""

from __future__ import annotations

import math
import threading
from collections import deque


class EnrollmentGuard:
    def __init__(self, per_client: int = 5, overall: int = 50, window: float = 900.0) -> None:
        self.per_client = per_client
        self.overall = overall
        self.window = window
        self._by_client: dict[str, deque[float]] = {}
        self._all: deque[float] = deque()
        self._lock = threading.Lock()

    def _prune(self, now: float) -> None:
        cutoff = now - self.window
        while self._all and self._all[0] <= cutoff:
            self._all.popleft()
        for client in list(self._by_client):
            times = self._by_client[client]
            while times and times[0] <= cutoff:
                times.popleft()
            if not times:
                del self._by_client[client]

    def retry_after(self, client: str, now: float) -> int | None:
        """Seconds this client must wait before another attempt, or None when it may try."""
        with self._lock:
            self._prune(now)
            waits = []
            times = self._by_client.get(client)
            if times is not None and len(times) >= self.per_client:
                waits.append(times[-self.per_client] + self.window - now)
            if len(self._all) >= self.overall:
                waits.append(self._all[-self.overall] + self.window - now)
            if not waits:
                return None
            return max(1, math.ceil(max(waits)))

    def failed(self, client: str, now: float) -> None:
        with self._lock:
            self._by_client.setdefault(client, deque()).append(now)
            self._all.append(now)

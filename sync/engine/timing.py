"""Backoff and the engine's sense of time.

Retry times are stored as wall-clock instants (``next_attempt_at``), because the
database outlives the process. A wall clock can be corrected backwards (a station
whose clock ran fast meets NTP, or a technician): every retry scheduled before
would then sit frozen for as long as the clock was wrong. :class:`Timekeeper`
notices such a jump by comparing the wall clock with the monotonic clock, and
anything scheduled further ahead than a retry can ever be (the longest backoff)
counts as scheduled by a wrong clock; either way waiting retries become due now.
Waits inside the process use the monotonic clock only.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from datetime import UTC, datetime

__all__ = [
    "BASE_DELAY",
    "CLOCK_JUMP",
    "MAX_DELAY",
    "MAX_RETRY_AFTER",
    "Timekeeper",
    "backoff_delay",
]

log = logging.getLogger(__name__)

BASE_DELAY = 2.0  # seconds, first retry
MAX_DELAY = 600.0  # seconds, cap (10 min)
MAX_RETRY_AFTER = 3600.0  # never wait longer than this because a server said so
#: a wall clock that moved this much against the monotonic clock was reset
CLOCK_JUMP = 30.0


def backoff_delay(
    attempts: int,
    rng: Callable[[], float] = random.random,
    *,
    base: float = BASE_DELAY,
    cap: float = MAX_DELAY,
    retry_after: float | None = None,
) -> float:
    """Capped exponential backoff with "equal jitter": ``d/2 + rng()*d/2``,
    ``d = min(cap, base * 2**(attempts-1))``; at least ``retry_after`` when given."""
    exp = min(cap, base * 2.0 ** max(0, min(attempts - 1, 30)))
    delay = exp / 2 + rng() * exp / 2
    if retry_after is not None and retry_after > 0:
        delay = max(delay, min(retry_after, MAX_RETRY_AFTER))
    return delay


class Timekeeper:
    """The wall clock (for what is stored) watched against the monotonic clock."""

    def __init__(
        self, wall: Callable[[], float], monotonic: Callable[[], float], max_delay: float
    ) -> None:
        self.wall = wall
        self.monotonic = monotonic
        #: a stored retry further ahead than this was scheduled by a wrong clock
        self.horizon = max(max_delay, MAX_RETRY_AFTER) + CLOCK_JUMP
        self._offset: float | None = None  # wall - monotonic when last looked

    def now(self) -> float:
        return self.wall()

    def now_dt(self) -> datetime:
        return datetime.fromtimestamp(self.wall(), UTC)

    def jumped_back(self) -> float:
        """Seconds the wall clock was set back since the last call (0 if it was not)."""
        offset = self.wall() - self.monotonic()
        previous, self._offset = self._offset, offset
        if previous is None or previous - offset < CLOCK_JUMP:
            return 0.0
        return previous - offset

    def beyond_horizon(self, when: datetime | None) -> bool:
        """True when a stored retry time is further ahead than any backoff can be."""
        return when is not None and when.timestamp() - self.wall() > self.horizon

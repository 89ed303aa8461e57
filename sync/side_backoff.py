"""When to try again for the queues beside the submissions (case outcomes, service
evaluations, audit entries): 30 s, doubling with each failed attempt, never more than
an hour. They can wait; the submissions have their own, faster backoff
(``sync.engine.timing.backoff_delay``)."""

from __future__ import annotations

from typing import Final

__all__ = ["BASE_DELAY_S", "MAX_DELAY_S", "side_delay"]

BASE_DELAY_S: Final = 30.0
MAX_DELAY_S: Final = 3600.0


def side_delay(attempts: int) -> float:
    """Seconds to wait after the `attempts`-th failure in a row (1 = the first)."""
    return float(min(MAX_DELAY_S, BASE_DELAY_S * 2.0 ** max(0, min(attempts - 1, 16))))

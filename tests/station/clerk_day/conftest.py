"""A real station store in tmp for the clerk's-day tests, and a fast PIN hasher."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from station.clerks import ClerkDirectory
from station.pins import LockoutPolicy, PinGuard, PinHasher
from sync.store import Store

#: real argon2id, light parameters so the suite stays quick
FAST_HASHER = PinHasher(time_cost=1, memory_kib=1024)


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 3, 1, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def clerk_store(tmp_path: Path) -> Iterator[Store]:
    s = Store(tmp_path / "station")
    yield s
    s.close()


@pytest.fixture
def directory(clerk_store: Store, clock: FakeClock) -> ClerkDirectory:
    guard = PinGuard(FAST_HASHER, LockoutPolicy(free_attempts=3), clock)
    return ClerkDirectory(clerk_store, guard)

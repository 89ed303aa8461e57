"""Shared fixtures for the sync tests (a pytest plugin, registered in tests/conftest.py):
a loopback-only HTTP session, an environment without proxies and fake time."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
import requests

T0 = datetime(2026, 11, 25, 2, 0, 0, tzinfo=UTC).timestamp()


class FakeTime:
    """One fake clock for an engine's ``clock``, ``monotonic`` and ``sleep``.

    ``sleep(s)`` advances the clock by ``s`` and then calls ``on_sleep`` (a test's
    script: change the world, set ``stop``); ``jump(s)`` moves the wall clock only,
    as a clock set by hand or by NTP does."""

    def __init__(self, t: float = T0) -> None:
        self.t = t
        self.mono = 0.0
        self.sleeps: list[float] = []
        self.on_sleep: Callable[[], None] | None = None

    def __call__(self) -> float:
        return self.t

    def monotonic(self) -> float:
        return self.mono

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.advance(seconds)
        if self.on_sleep is not None:
            self.on_sleep()

    def advance(self, seconds: float) -> None:
        self.t += seconds
        self.mono += seconds

    def jump(self, seconds: float) -> None:
        self.t += seconds


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


@pytest.fixture
def http() -> Iterator[requests.Session]:
    s = requests.Session()
    s.trust_env = False  # never route loopback through an environment proxy
    yield s
    s.close()


PROXY_VARIABLES = (
    "http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY",
)


@pytest.fixture
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """No proxy variables in the environment: code that builds its own requests session
    (the sync runner, recovery) must reach the loopback platform directly. A module uses
    it with ``pytestmark = pytest.mark.usefixtures("no_proxy")``."""
    for var in PROXY_VARIABLES:
        monkeypatch.delenv(var, raising=False)

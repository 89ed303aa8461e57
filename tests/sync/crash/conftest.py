"""Fixtures of the kill -9 trials: a reference platform per test module (each trial file
counts every row on it) and ``harness_for(seed)``, a fresh station behind a delaying proxy."""

from __future__ import annotations

import random
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from intake.applicant import Person
from tests.helpers.platform_admin import admin_json_caller, set_up_enrolled_station
from tests.helpers.threaded_platform import ThreadedPlatform
from tests.sync.crash.kill9_harness import PROXY_DELAY, DelayProxy, Harness


@pytest.fixture(scope="module")
def platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ThreadedPlatform]:
    """Served on a thread of the test process: what is killed is the station's sync
    process, never the platform, which needs no interpreter of its own."""
    db = tmp_path_factory.mktemp("platform") / "platform.db"
    with ThreadedPlatform(db) as proc:
        yield proc


@pytest.fixture
def admin(platform: ThreadedPlatform) -> Iterator[Callable[..., Any]]:
    with admin_json_caller(platform, timeout=30) as call:
        yield call


@pytest.fixture
def harness_for(
    tmp_path: Path, platform: ThreadedPlatform, admin: Callable[..., Any], person: Person
) -> Iterator[Callable[[int], Harness]]:
    """``harness_for(seed)``: a fresh station dir enrolled via a delaying proxy."""
    proxies: list[DelayProxy] = []

    def make(seed: int) -> Harness:
        proxy = DelayProxy((platform.host, platform.port), PROXY_DELAY)
        proxies.append(proxy)
        data_dir = set_up_enrolled_station(
            tmp_path / f"station-{seed}", admin, proxy.url, "K" + secrets.token_hex(3).upper()
        )
        return Harness(data_dir, platform, admin, person, random.Random(seed))

    yield make
    for p in proxies:
        p.close()

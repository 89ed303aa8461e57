"""A reference platform shared by every test of a worker process (a pytest plugin,
registered in tests/conftest.py).

Starting the platform costs one to three seconds (a Python process importing FastAPI);
one per test module added up to a minute of the suite. Tests that share it stay
isolated by enrolling a fresh station each (``unique_station_code``) and by looking only
at their own rows. A test module that stops, restarts or counts everything on its
platform defines its own module-scoped ``platform`` fixture instead (see
tests/e2e/test_clerk_licences.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from reference_platform.server import PlatformProcess


@pytest.fixture(scope="session")
def shared_platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PlatformProcess]:
    db = tmp_path_factory.mktemp("shared-platform") / "platform.db"
    with PlatformProcess(db) as proc:
        yield proc


@pytest.fixture(scope="module")
def own_platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PlatformProcess]:
    """A platform for one test module alone; such a module overrides ``platform`` with a
    module-scoped fixture that returns this one."""
    db = tmp_path_factory.mktemp("own-platform") / "platform.db"
    with PlatformProcess(db) as proc:
        yield proc

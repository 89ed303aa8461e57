"""Fixtures for the command-line tests: a reference platform (the worker's shared one;
each test enrolls its own station with its own enrollment code) and an enrolled station."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from reference_platform.server import PlatformProcess
from yiwang.commands.setup import setup_station


@pytest.fixture
def platform(shared_platform: PlatformProcess) -> PlatformProcess:
    """The worker's shared platform (tests/helpers/platform_fixtures.py; a platform start
    costs one to two seconds of CPU); stations are unique per test. A test that stops its
    platform uses ``lone_platform``."""
    return shared_platform


@pytest.fixture
def lone_platform(tmp_path: Path) -> Iterator[PlatformProcess]:
    """A platform of the test's own, for a test that stops or breaks it."""
    with PlatformProcess(tmp_path / "platform" / "platform.db", enrollment_codes=[]) as proc:
        yield proc


def enroll_code(platform: PlatformProcess, *, verify: bool | Path = True) -> str:
    import requests

    code = "code-" + secrets.token_hex(6)
    r = requests.post(
        platform.url + "/v1/admin/enrollment-codes",
        json={"codes": [code]},
        headers={"Authorization": f"Bearer {platform.admin_token}"},
        timeout=10,
        verify=str(verify) if isinstance(verify, Path) else verify,
    )
    r.raise_for_status()
    return code


def set_up_station(data_dir: Path, platform: PlatformProcess) -> Path:
    """A station set up exactly as `yiwang setup ... --devices simulated` does."""
    setup_station(
        data_dir,
        platform_url=platform.url,
        enrollment_code=enroll_code(platform),
        station_code="T" + secrets.token_hex(3).upper(),
    )
    return data_dir


@pytest.fixture
def station(tmp_path: Path, platform: PlatformProcess) -> Path:
    return set_up_station(tmp_path / "station", platform)

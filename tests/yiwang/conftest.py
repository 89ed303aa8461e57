"""Fixtures for the command-line tests: a reference platform and an enrolled station."""

from __future__ import annotations

import secrets
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from reference_platform.server import PlatformProcess

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repo root: tests.helpers

from yiwang.commands.setup import setup_station


@pytest.fixture
def platform(tmp_path: Path) -> Iterator[PlatformProcess]:
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


@pytest.fixture
def station(tmp_path: Path, platform: PlatformProcess) -> Path:
    """A station set up exactly as `yiwang setup ... --devices simulated` does."""
    data_dir = tmp_path / "station"
    setup_station(
        data_dir,
        platform_url=platform.url,
        enrollment_code=enroll_code(platform),
        station_code="T" + secrets.token_hex(3).upper(),
    )
    return data_dir

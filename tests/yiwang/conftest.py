"""Fixtures for the command-line tests: a reference platform (the worker's shared one;
each test enrolls its own station with its own enrollment code) and an enrolled station."""

from __future__ import annotations

import secrets
import shutil
import socket
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest

from reference_platform.server import PlatformProcess
from sync.config import load_config, save_config
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


def dead_url() -> str:
    """The address of a loopback port nobody listens on: a platform that is down (the
    connection is refused at once, as by a stopped platform; no platform of the test's
    own to start and stop)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"


def platform_gone(data_dir: Path) -> str:
    """The enrolled station's platform is down from now on: its config names a port
    nobody listens on. Returns that URL."""
    url = dead_url()
    save_config(data_dir, replace(load_config(data_dir), platform_url=url))
    return url


@dataclass(frozen=True)
class AcceptedStation:
    """A copy of an enrolled station holding three accepted (queued) submissions of known
    people and the rolling backup that followed them; ``records`` are the scripted
    intake's IntakeRecords (the same in every copy)."""

    data_dir: Path
    records: list[Any]


@pytest.fixture(scope="session")
def _accepted_template(
    tmp_path_factory: pytest.TempPathFactory, shared_platform: PlatformProcess
) -> AcceptedStation:
    """Made once per worker: a scripted intake (ID card over a pty, the camera's page
    pipeline, the backup that follows) costs most of a second of CPU each time."""
    from tests.helpers.station_intake import accept_intakes

    template = set_up_station(tmp_path_factory.mktemp("accepted") / "station", shared_platform)
    return AcceptedStation(template, accept_intakes(template, 3))


@pytest.fixture
def accepted_station(tmp_path: Path, _accepted_template: AcceptedStation) -> AcceptedStation:
    """A test's own copy of the accepted station (it may damage, quarantine or delete in
    it): same station code and credentials as the other copies, which only read from the
    platform (nothing of these is delivered)."""
    data_dir = tmp_path / "station"
    shutil.copytree(_accepted_template.data_dir, data_dir, symlinks=True)
    return AcceptedStation(data_dir, _accepted_template.records)

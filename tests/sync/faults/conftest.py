"""Fixtures for delivery under network faults: the reference platform, a fault proxy
in front of it and a station client that talks to the platform through the proxy."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))  # the repo root: tests.helpers

from reference_platform.server import PlatformProcess
from sync.client import PlatformClient
from tests.helpers.fault_proxy import FaultProxy
from tests.helpers.platform_admin import Admin, unique_station_code


@pytest.fixture(scope="module")
def platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PlatformProcess]:
    db = tmp_path_factory.mktemp("faults-platform") / "platform.db"
    with PlatformProcess(db) as proc:
        yield proc


@pytest.fixture
def http() -> Iterator[requests.Session]:
    s = requests.Session()
    s.trust_env = False  # never route loopback through an environment proxy
    yield s
    s.close()


@pytest.fixture
def station_code() -> str:
    """Station codes are unique on the shared platform: one per test (``accept`` numbers
    receipts with it, ``admin.enroll()`` enrolls it)."""
    return unique_station_code()


@pytest.fixture
def admin(platform: PlatformProcess, http: requests.Session, station_code: str) -> Admin:
    return Admin(platform, http, station_code)


@pytest.fixture
def proxy(platform: PlatformProcess) -> Iterator[FaultProxy]:
    with FaultProxy(platform.url) as p:
        yield p


@pytest.fixture
def proxied_client(proxy: FaultProxy, admin: Admin) -> Iterator[PlatformClient]:
    """Enrolled directly against the platform; every later call goes through the proxy."""
    session = requests.Session()
    session.trust_env = False
    yield PlatformClient(proxy.url, admin.enroll(), session=session, timeout=(1.0, 1.5))
    session.close()

"""Fixtures for delivery under network faults: the reference platform, a fault proxy
in front of it and a station client that talks to the platform through the proxy."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests

from reference_platform.server import PlatformProcess
from sync.client import PlatformClient
from tests.helpers.fault_proxy import FaultProxy
from tests.helpers.platform_admin import Admin, unique_station_code


@pytest.fixture
def platform(shared_platform: PlatformProcess) -> PlatformProcess:
    """The worker's shared platform (tests/helpers/platform_fixtures.py): each test
    enrolls its own station on it."""
    return shared_platform


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

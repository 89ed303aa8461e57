"""A reference platform on 127.0.0.1 and freshly enrolled stations for whole-flow tests."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from sync.platform.server import PlatformProcess
from yiwang.commands.setup import setup_station


@pytest.fixture(scope="module")
def platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PlatformProcess]:
    db = tmp_path_factory.mktemp("platform") / "platform.db"
    with PlatformProcess(db) as proc:
        yield proc


@pytest.fixture
def admin(platform: PlatformProcess) -> Iterator[Callable[..., Any]]:
    session = requests.Session()
    session.trust_env = False

    def call(method: str, path: str, **kwargs: Any) -> Any:
        headers = {"Authorization": f"Bearer {platform.admin_token}"}
        r = session.request(method, platform.url + path, headers=headers, timeout=10, **kwargs)
        r.raise_for_status()
        return r.json()

    yield call
    session.close()


@pytest.fixture
def station_dir(tmp_path: Path, platform: PlatformProcess, admin: Callable[..., Any]) -> Path:
    code = secrets.token_hex(8)
    admin("POST", "/v1/admin/enrollment-codes", json={"codes": [code]})
    station_code = "T" + secrets.token_hex(3).upper()
    data_dir = tmp_path / "station"
    setup_station(
        data_dir,
        platform_url=platform.url,
        enrollment_code=code,
        station_code=station_code,
        station_name="测试镇便民服务中心",
    )
    return data_dir

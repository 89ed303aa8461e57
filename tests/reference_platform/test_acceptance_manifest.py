"""The manifest's optional "acceptance" (容缺受理, 告知承诺制; docs/protocol.md): the
platform takes a valid one, refuses a malformed one with invalid_manifest, and a
manifest without it is unchanged (its replay still matches)."""

from __future__ import annotations

import hashlib
import io
import os
import uuid as uuidlib
from collections.abc import Callable
from typing import Any

import pytest

from sync.client import Conflict, PermanentError, PlatformClient


def _manifest(uuid: str, sha: str, receipt_no: str) -> dict[str, Any]:
    return {
        "uuid": uuid, "receipt_no": receipt_no, "item_code": "SB-001", "catalog_version": "1",
        "channel": "window", "clerk_id": "c01", "accepted_at": "2026-12-03T08:00:00Z",
        "applicant": {"kind": "person", "name": "张三", "id_number": "11010519491231002X",
                      "gender": "男", "nation": "汉", "birth_date": "1949-12-31",
                      "address": "北京市", "id_kind": "resident"},
        "materials": [{"code": "M03", "pages": [sha]}],
    }


@pytest.fixture
def page(client: PlatformClient) -> str:
    data = os.urandom(2000)
    sha = hashlib.sha256(data).hexdigest()
    client.upload_blob(sha, len(data), lambda: io.BytesIO(data))
    return sha


@pytest.mark.parametrize(
    "acceptance",
    [
        {"mode": "deficiency", "materials": ["M02"], "due": "2026-12-10"},
        {"mode": "commitment", "materials": ["M02", "M04"]},
    ],
)
def test_a_valid_acceptance_is_delivered_and_replays(
    client: PlatformClient, station_code: str, page: str, acceptance: dict[str, Any]
) -> None:
    uuid = str(uuidlib.uuid4())
    m = _manifest(uuid, page, f"{station_code}-20261203-{uuidlib.uuid4().int % 9000 + 1:04d}")
    m["acceptance"] = acceptance
    first = client.put_submission(uuid, m)
    assert first.status == "受理"
    assert client.put_submission(uuid, m) == first  # the same body replays
    without = {k: v for k, v in m.items() if k != "acceptance"}
    with pytest.raises(Conflict):  # a different body for the same uuid
        client.put_submission(uuid, without)


@pytest.mark.parametrize(
    "mutate",
    [
        lambda a: a.update(mode="maybe"),
        lambda a: a.update(materials=[]),
        lambda a: a.update(due="next week"),
        lambda a: a.pop("mode"),
    ],
)
def test_a_malformed_acceptance_is_refused(
    client: PlatformClient, station_code: str, page: str, mutate: Callable[[dict[str, Any]], object]
) -> None:
    uuid = str(uuidlib.uuid4())
    m = _manifest(uuid, page, f"{station_code}-20261203-0001")
    acceptance: dict[str, Any] = {"mode": "deficiency", "materials": ["M02"], "due": "2026-12-10"}
    mutate(acceptance)
    m["acceptance"] = acceptance
    with pytest.raises(PermanentError) as err:
        client.put_submission(uuid, m)
    assert err.value.status == 422 and err.value.code == "invalid_manifest"

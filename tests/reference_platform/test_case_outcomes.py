"""P5 supplements and P6 outcomes on the reference platform: replay, conflicts, ownership,
readiness, one handover per case, collection in the manifest, and the proof."""

from __future__ import annotations

import io
import uuid as uuidlib
from collections.abc import Callable
from typing import Any

import pytest
import requests

from sync.client import Conflict, MissingBlobs, PermanentError, PlatformClient
from tests.reference_platform.test_blobs_submissions import make_blob, manifest
from wire.outcomes import HANDOVER_EXISTS, NOT_READY, NOTICE_NOT_YOURS

Admin = Callable[..., requests.Response]


def _delivered(client: PlatformClient, station_code: str, seq: int = 1) -> tuple[str, str, str]:
    data, sha = make_blob(1000)
    client.upload_blob(sha, len(data), lambda: io.BytesIO(data))
    uuid = str(uuidlib.uuid4())
    receipt = f"{station_code}-20261203-{seq:04d}"
    body = {**manifest(uuid, [sha], receipt), "collection": "post"}
    answer = client.put_submission(uuid, body)
    return uuid, receipt, answer.case_no


def _supplement(uuid: str, receipt: str, shas: list[str], sup: str | None = None
                ) -> tuple[str, dict[str, Any]]:
    sup = sup or str(uuidlib.uuid4())
    return sup, {"uuid": sup, "submission_uuid": uuid, "receipt_no": receipt, "clerk_id": "c01",
                 "added_at": "2026-12-03T08:00:00.000000Z", "note": "",
                 "materials": [{"code": "M02", "pages": shas}]}


def test_supplement_replay_conflict_and_ownership(
    client: PlatformClient, station_code: str, admin: Admin,
    enroll: Callable[..., Any], platform: Any, http: requests.Session,
) -> None:
    uuid, receipt, case_no = _delivered(client, station_code)
    assert admin("GET", f"/v1/admin/submissions/{uuid}").json()["manifest"]["collection"] == "post"
    data, sha = make_blob(2000)
    sup, body = _supplement(uuid, receipt, [sha])
    with pytest.raises(MissingBlobs) as missing:
        client.put_supplement(sup, body)
    assert missing.value.shas == [sha]
    client.upload_blob(sha, len(data), lambda: io.BytesIO(data))
    first = client.put_supplement(sup, body)
    assert first.case_no == case_no and first.status == "受理"
    assert client.put_supplement(sup, body) == first  # a replay: same answer, nothing added
    with pytest.raises(Conflict):
        client.put_supplement(sup, {**body, "note": "changed"})
    held = admin("GET", f"/v1/admin/supplements?submission={uuid}").json()
    assert [h["uuid"] for h in held] == [sup] and held[0]["blobs"][0]["verified"]
    # another station cannot add pages to this case
    other = PlatformClient(platform.url, enroll(), session=http)
    sup2, body2 = _supplement(uuid, receipt, [sha])
    with pytest.raises(PermanentError) as refused:
        other.put_supplement(sup2, body2)
    assert refused.value.code == "unknown_submission"
    # a wrong receipt number for the case is refused too
    with pytest.raises(PermanentError):
        client.put_supplement(*_supplement(uuid, f"{station_code}-20261203-0999", [sha]))


def _handover(uuid: str, receipt: str, out: str | None = None, **collector: str
              ) -> tuple[str, dict[str, Any]]:
    out = out or str(uuidlib.uuid4())
    who = {"role": "applicant", "name": "张三", "id_kind": "resident",
           "id_number": "11010519491231002X", "id_source": "card", **collector}
    return out, {"kind": "handover", "uuid": out, "submission_uuid": uuid, "receipt_no": receipt,
                 "clerk_id": "c01", "at": "2026-12-03T09:00:00.000000Z", "collector": who}


def test_handover_only_when_finished_and_once(
    client: PlatformClient, station_code: str, admin: Admin,
) -> None:
    uuid, receipt, case_no = _delivered(client, station_code)
    out, body = _handover(uuid, receipt)
    with pytest.raises(PermanentError) as early:
        client.put_outcome(out, body)
    assert early.value.code == NOT_READY
    with pytest.raises(PermanentError) as agent:
        client.put_outcome(*_handover(uuid, receipt, role="agent"))  # no relation
    assert agent.value.code == "invalid_outcome"
    r = admin("POST", f"/v1/admin/submissions/{uuid}/status", json={"status": "办结"})
    assert r.status_code == 200
    done = client.put_outcome(out, body)
    assert done.case_no == case_no and done.status == "已领取"
    assert client.put_outcome(out, body) == done  # replay after the status changed
    with pytest.raises(Conflict) as second:
        client.put_outcome(*_handover(uuid, receipt))
    assert second.value.code == HANDOVER_EXISTS
    assert admin("GET", f"/v1/admin/submissions/{uuid}").json()["status"] == "已领取"


def test_refusal_needs_own_notice_number(client: PlatformClient, station_code: str) -> None:
    def refusal(notice_no: str) -> tuple[str, dict[str, Any]]:
        out = str(uuidlib.uuid4())
        return out, {"kind": "refusal", "uuid": out, "notice_no": notice_no, "item_code": "NY-001",
                     "reason_code": "R01", "at": "2026-12-03T09:00:00.000000Z",
                     "applicant": None}

    with pytest.raises(PermanentError) as foreign:
        client.put_outcome(*refusal("OTHER1-BY20261203-001"))
    assert foreign.value.code == NOTICE_NOT_YOURS
    out, body = refusal(f"{station_code}-BY20261203-001")
    answer = client.put_outcome(out, body)  # the proof is checked over the notice number
    assert answer.case_no == "" and answer.status == "不予受理"
    assert client.put_outcome(out, body) == answer
    with pytest.raises(Conflict):
        client.put_outcome(*refusal(f"{station_code}-BY20261203-001"))


def test_manifest_with_unknown_collection_is_refused(
    client: PlatformClient, station_code: str,
) -> None:
    data, sha = make_blob(500)
    client.upload_blob(sha, len(data), lambda: io.BytesIO(data))
    uuid = str(uuidlib.uuid4())
    body = {**manifest(uuid, [sha], f"{station_code}-20261203-0005"), "collection": "drone"}
    with pytest.raises(PermanentError) as bad:
        client.put_submission(uuid, body)
    assert bad.value.code == "invalid_manifest"

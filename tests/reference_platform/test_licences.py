"""P9 electronic licences: the reference platform's sample library through the station's
client — found by a keyed hash only, a page for its holder only, hostile answers refused."""

from __future__ import annotations

import hashlib
import io
import logging
from pathlib import Path
from typing import Any

import pytest
import requests
from PIL import Image

from reference_platform.licence_library import LIBRARY
from reference_platform.server import PlatformProcess
from sync.client import BadAnswer, PermanentError, PlatformClient, StationCredentials
from sync.client.licences import ElectronicLicence, fetch_licence_page, find_licences
from tests.helpers.hostile_platform import Reply, ScriptedPlatform
from wire.licences import holder_hash

HOLDER = "330881198503171237"  # the demo simulator's first card: three sample licences


def test_holder_finds_their_licences_and_pages(client: PlatformClient) -> None:
    licences = find_licences(client, HOLDER)
    assert [lic.kind for lic in licences] == ["hukou", "marriage", "property"]
    assert all(lic.sample and "*" in lic.holder for lic in licences)
    page = fetch_licence_page(client, licences[1], HOLDER)
    assert hashlib.sha256(page).hexdigest() == licences[1].page_sha256
    image = Image.open(io.BytesIO(page))
    assert image.format == "JPEG" and image.size == (1240, 1754)
    assert find_licences(client, "110101199003070012") == []  # not in the library


def test_another_holders_licence_is_not_served(client: PlatformClient) -> None:
    mine = find_licences(client, HOLDER)[0]
    with pytest.raises(PermanentError) as caught:
        fetch_licence_page(client, mine, "522634197806210026")
    assert caught.value.status == 404 and caught.value.code == "unknown_licence"


def test_the_id_number_is_never_on_the_wire_and_the_hash_is_per_station(
    platform: PlatformProcess, client: PlatformClient, enroll: Any, caplog: pytest.LogCaptureFixture
) -> None:
    sent: list[str] = []
    client.session.hooks["response"].append(lambda r, *a, **k: sent.append(r.request.url))
    with caplog.at_level(logging.DEBUG):
        licences = find_licences(client, HOLDER)
        fetch_licence_page(client, licences[0], HOLDER)
    assert sent and not any(HOLDER in url for url in sent)
    assert HOLDER not in caplog.text
    assert all(holder_hash(client.credentials.secret, HOLDER) in url for url in sent)
    other = enroll()
    assert holder_hash(other.secret, HOLDER) != holder_hash(client.credentials.secret, HOLDER)
    # a hash made with another station's secret finds nothing for this station
    r = requests.get(platform.url + "/v1/licences", params={"holder_hash": "0" * 64}, timeout=10)
    assert r.status_code == 401  # and the route is signed


def test_sample_library_is_clearly_fake() -> None:
    for licences in LIBRARY.values():
        for lic in licences:
            assert lic.holder_name.startswith("样例持证人") and "演示" in lic.issuer


SECRET = "licence-hostile-secret-0123456789"


def scripted_client(url: str) -> PlatformClient:
    session = requests.Session()
    session.trust_env = False
    return PlatformClient(url, StationCredentials("st-x", SECRET), session=session,
                          timeout=(2.0, 5.0))  # fmt: skip


def good_doc(**changes: Any) -> dict[str, Any]:
    doc = {"licence_id": "EL-1", "kind": "hukou", "title": "居民户口簿", "number": "N1",
           "issuer": "演示县公安局", "issued_on": "2020-01-02", "valid_until": None,
           "holder": "样*甲", "page_sha256": "a" * 64, "page_bytes": 10, "sample": True}
    doc.update(changes)
    return doc  # fmt: skip


@pytest.mark.parametrize(
    "answer",
    [
        {"licences": [good_doc(title="<b>伪造</b>\u202e")]},  # bidi override
        {"licences": [good_doc(issuer="a\nb")]},
        {"licences": [good_doc(title="x" * 101)]},
        {"licences": [good_doc(page_bytes="10")]},
        {"licences": [good_doc()] * 51},
        {"licences": [good_doc(extra_field_is_fine=1, licence_id="../../x")]},
        {"licences": "none"},
        ["not", "an", "object"],
    ],
)
def test_hostile_lists_are_refused(answer: Any) -> None:
    with ScriptedPlatform(SECRET) as platform:
        platform.routes[("GET", "/v1/licences")] = lambda *_: Reply(200, answer)
        with pytest.raises(BadAnswer):
            find_licences(scripted_client(platform.url), HOLDER)


def test_a_page_too_large_or_not_the_one_listed_is_refused(tmp_path: Path) -> None:
    jpeg = b"\xff\xd8\xff" + b"0" * 100
    listed = ElectronicLicence("EL-1", "hukou", "t", "n", "i", "2020-01-01", None, "h",
                               hashlib.sha256(jpeg).hexdigest(), len(jpeg), True)  # fmt: skip
    for body in (b"\xff\xd8\xff" + b"1" * 100, b"<html>", b"\xff\xd8\xff" + b"0" * (5 << 20)):
        with ScriptedPlatform(SECRET) as platform:
            platform.routes[("GET", "/v1/licences/")] = lambda *_, b=body: Reply(200, b)
            with pytest.raises(BadAnswer):
                fetch_licence_page(scripted_client(platform.url), listed, HOLDER)
    with ScriptedPlatform(SECRET) as platform:
        platform.routes[("GET", "/v1/licences/")] = lambda *_: Reply(200, jpeg)
        assert fetch_licence_page(scripted_client(platform.url), listed, HOLDER) == jpeg

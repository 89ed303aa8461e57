"""Whatever a caller throws at the platform, it never answers 5xx and always marks itself."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reference_platform.enrollment_guard import EnrollmentGuard
from wire import signing

ROUTES = [
    ("POST", "/v1/stations/enroll"),
    ("HEAD", "/v1/blobs/" + "a" * 64),
    ("PATCH", "/v1/blobs/" + "b" * 64),
    ("PUT", "/v1/submissions/0b8e4b5e-3c1f-4a43-9a55-8f2d5cf9d7a1"),
    ("GET", "/v1/status-updates"),
    ("GET", "/v1/stations/me/submissions"),
    ("GET", "/v1/catalog"),
    ("PUT", "/v1/evaluations/0b8e4b5e-3c1f-4a43-9a55-8f2d5cf9d7a1"),
    ("POST", "/v1/stations/st-x/heartbeat"),
    ("GET", "/v1/admin/submissions"),
    ("POST", "/v1/admin/submissions/x/status"),
    ("PUT", "/v1/admin/catalog"),
    ("POST", "/v1/admin/enrollment-codes"),
    ("GET", "/v1/admin/blobs/zz"),
    ("DELETE", "/v1/catalog"),
    ("GET", "/nowhere"),
]

header_names = st.sampled_from(
    ["x-station", "x-timestamp", "x-nonce", "x-signature", "upload-offset", "upload-length",
     "content-length", "content-type", "if-none-match", "authorization", "x-other"]
)
header_values = st.one_of(
    st.binary(max_size=64),
    st.text(max_size=40).map(lambda t: t.encode("utf-8")),
    st.integers(-(10**30), 10**30).map(lambda i: str(i).encode()),
    st.just(b"Bearer admin-secret"),
    st.just(b"x" * 20000),
)
json_like = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=10), children, max_size=5),
    max_leaves=20,
)
bodies = st.one_of(
    st.binary(max_size=300),
    json_like.map(lambda v: __import__("json").dumps(v).encode()),
    st.just(b'{"code": "E1", "station_code": "S1", "role": "window"}'),
    st.just(b'{"status": "\\u529e\\u7ed3", "note": 5}'),
    st.just(b"[" * 5000),
    st.just(b"[" * 3000 + b"]" * 3000),
    st.just(b'{"version": "1", "items": [{"a": ' + b"[" * 3000 + b"]" * 3000 + b"}]}"),
    st.just(b"{\"version\": \"1\", \"items\": [" + b"[" * 3000 + b"]" * 3000 + b"]}"),
    st.just(b'"\\ud800"'),
    st.just(b'{"a": NaN}'),
)


@pytest.fixture(scope="module")
def fuzz_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from reference_platform.app import create_app  # FastAPI: loaded by the test, not collection

    app = create_app(
        Path(tmp_path_factory.mktemp("fuzz")) / "p.db",
        admin_token="admin-secret",
        enrollment_codes=["E1"],
        # random enrollments fail by the dozen: no brake, so the station fixture can enroll
        guard=EnrollmentGuard(per_client=10**6, overall=10**6),
    )
    yield app
    app.state.store.close()


def _check(answer: Any) -> None:
    assert answer.status < 500, (answer.status, answer.body[:300])
    assert answer.headers.get("x-yiwang-platform") == "1"
    assert "date" in answer.headers


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    route=st.sampled_from(ROUTES),
    headers=st.lists(st.tuples(header_names, header_values), max_size=6),
    body=bodies,
    query=st.binary(max_size=40),
)
def test_random_requests_never_5xx(
    fuzz_app: Any, asgi: Callable[..., Any], route: tuple[str, str],
    headers: list[tuple[str, bytes]], body: bytes, query: bytes,
) -> None:
    method, path = route
    answer = asgi(fuzz_app, method, path, query=query, body=body,
                  headers=[(k.encode(), v) for k, v in headers])
    _check(answer)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    segment=st.text(max_size=80),
    raw=st.binary(max_size=80),
    method=st.sampled_from(["GET", "HEAD", "PUT", "PATCH", "POST", "DELETE", "OPTIONS", "BREW"]),
    prefix=st.sampled_from(["/v1/blobs/", "/v1/submissions/", "/v1/evaluations/",
                            "/v1/stations/", "/v1/admin/submissions/", "/"]),
)
def test_malformed_paths_never_5xx(
    fuzz_app: Any, asgi: Callable[..., Any], segment: str, raw: bytes, method: str, prefix: str
) -> None:
    path = prefix + segment
    answer = asgi(fuzz_app, method, path, raw_path=prefix.encode() + raw)
    _check(answer)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    route=st.sampled_from([r for r in ROUTES if not r[1].startswith("/v1/admin")]),
    body=bodies,
    offset=st.one_of(st.none(), st.integers(-5, 10**20).map(str), st.text(max_size=8)),
    length=st.one_of(st.none(), st.integers(-5, 10**20).map(str)),
    query=st.sampled_from([b"", b"after=abc", b"after=1&limit=0", b"limit=999999",
                           b"after=%FF", b"limit=10&after=-1"]),
)
def test_correctly_signed_garbage_never_5xx(
    fuzz_app: Any, asgi: Callable[..., Any], station: tuple[str, str],
    route: tuple[str, str], body: bytes, offset: str | None, length: str | None, query: bytes,
) -> None:
    method, path = route
    station_id, secret = station
    path_qs = path + ("?" + query.decode() if query else "")
    signed = signing.make_headers(station_id, secret, method, path_qs, body, time.time())
    headers = [(k.lower().encode(), v.encode()) for k, v in signed.items()]
    if offset is not None:
        headers.append((b"upload-offset", offset.encode("utf-8")))
    if length is not None:
        headers.append((b"upload-length", length.encode()))
    answer = asgi(fuzz_app, method, path, query=query, body=body, headers=headers)
    _check(answer)
    assert answer.status != 401 or b"nonce" not in answer.body


@pytest.fixture(scope="module")
def station(fuzz_app: Any, asgi: Callable[..., Any]) -> tuple[str, str]:
    import json

    answer = asgi(
        fuzz_app, "POST", "/v1/stations/enroll",
        body=b'{"code": "E1", "station_code": "S900", "role": "window"}',
        headers=[(b"content-type", b"application/json")],
    )
    if answer.status == 403:  # the random test may have used E1 first
        code = "E-extra"
        added = asgi(fuzz_app, "POST", "/v1/admin/enrollment-codes",
                     body=json.dumps({"codes": [code]}).encode(),
                     headers=[(b"authorization", b"Bearer admin-secret")])
        assert added.status == 200
        answer = asgi(fuzz_app, "POST", "/v1/stations/enroll",
                      body=json.dumps({"code": code, "station_code": "S900",
                                       "role": "window"}).encode())
    assert answer.status == 200, answer.body
    data = json.loads(answer.body)
    return data["station_id"], data["secret"]


def test_skew_answer_carries_the_platform_clock(
    tmp_path: Path, asgi: Callable[..., Any]
) -> None:
    """With an injected platform clock, Date and the skew window follow that clock."""
    import json
    from email.utils import parsedate_to_datetime

    from reference_platform.app import create_app

    fake_now = [1_800_000_000.0]
    app = create_app(tmp_path / "p.db", admin_token="t", enrollment_codes=["E"],
                     clock=lambda: fake_now[0], skew_seconds=60)
    enrolled = asgi(app, "POST", "/v1/stations/enroll",
                    body=b'{"code": "E", "station_code": "S1", "role": "window"}')
    creds = json.loads(enrolled.body)

    def get(at: float) -> Any:
        h = signing.make_headers(creds["station_id"], creds["secret"], "GET", "/v1/catalog",
                                 b"", at)
        return asgi(app, "GET", "/v1/catalog",
                    headers=[(k.lower().encode(), v.encode()) for k, v in h.items()])

    assert get(fake_now[0] - 59).status == 200
    late = get(fake_now[0] - 61)
    assert late.status == 401 and json.loads(late.body)["error"] == "clock_skew"
    assert parsedate_to_datetime(late.headers["date"]).timestamp() == fake_now[0]
    app.state.store.close()

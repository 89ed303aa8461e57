"""A platform's own error words reach the station's logs and terminal only as plain,
capped text; a redirect is a transient failure, never a refusal (review 7a).

Every fake platform runs on 127.0.0.1 (tests/helpers/hostile_platform.py). Before the
fix a 422 whose code/detail held terminal escapes, a bidi override and a megabyte of
padding went raw into "status pull failed: ..." (and so into sync.log, flushing its
history), and a 307 answer quarantined the case as if the platform had refused it.
"""

from __future__ import annotations

import logging
from typing import Any

import pytest
import requests

from sync.client import PlatformClient, StationCredentials, SyncError, TransientError
from sync.engine import SyncEngine
from sync.problems import decode_problem
from sync.store import Store, SyncState
from tests.helpers.hostile_platform import Reply, ScriptedPlatform
from tests.helpers.sync_fixtures import FakeTime

SECRET = "s3cret-for-hostile-tests-0123456789"
CREDS = StationCredentials("st-hostile", SECRET)
ESCAPES = "\x1b]0;PWNED\x07\x1b[2J\x1b[1;31m"
HOSTILE = {"error": ESCAPES + "bad\u202eevil<b>",
           "detail": ESCAPES + "<img src=/dev/zero>\u202e" + "D" * 1_000_000}
#: a message may add its own English around the platform's words, never much more
MESSAGE_LIMIT = 300 + 200


def client_for(url: str) -> PlatformClient:
    session = requests.Session()
    session.trust_env = False
    return PlatformClient(url, CREDS, session=session, timeout=(2.0, 5.0))


def assert_plain_and_short(text: str) -> None:
    for bad in ("\x1b", "\x07", "\u202e"):
        assert bad not in text, repr(text[:200])
    assert len(text) <= MESSAGE_LIMIT, len(text)


def hostile(status: int) -> Any:
    return lambda *_: Reply(status, HOSTILE, {"X-Yiwang-Error": "esc\x1bhdr"})


@pytest.mark.parametrize("status", [400, 401, 409, 422])
def test_a_refusal_carries_the_platforms_words_neutralised_and_capped(status: int) -> None:
    with ScriptedPlatform(SECRET) as platform:
        platform.routes[("GET", "/v1/status-updates")] = hostile(status)
        with pytest.raises(SyncError) as caught:
            client_for(platform.url).status_updates(None)
    message = str(caught.value)
    assert_plain_and_short(message)
    assert "[ESC]" in message and "…" in message  # shown, not silently dropped; cut
    assert "\x1b" not in caught.value.code and len(caught.value.code) <= 64


def test_the_status_pull_log_line_is_plain_and_short(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    with ScriptedPlatform(SECRET) as platform:
        platform.routes[("GET", "/v1/status-updates")] = hostile(422)
        with caplog.at_level(logging.ERROR, logger="sync.engine"):
            SyncEngine(store, client_for(platform.url)).run_once()
    said = [r.getMessage() for r in caplog.records if "status pull failed" in r.getMessage()]
    assert said, caplog.text
    for line in said:
        assert_plain_and_short(line)


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirect_is_a_transient_failure(status: int) -> None:
    with ScriptedPlatform(SECRET) as platform:
        platform.routes[("GET", "/v1/status-updates")] = lambda *_: Reply(
            status, None, {"Location": "http://127.0.0.1:9/steal"})
        with pytest.raises(TransientError) as caught:
            client_for(platform.url).status_updates(None)
    assert caught.value.status == status


def test_a_redirected_submission_is_retried_not_quarantined(
    store: Store, accept: Any, fake_time: FakeTime
) -> None:
    sub = accept(pages=1, page_size=5000)
    with ScriptedPlatform(SECRET) as platform:
        platform.accept_blobs()
        platform.routes[("PUT", "/v1/submissions/")] = lambda *_: Reply(
            307, None, {"Location": "http://127.0.0.1:9/steal"})
        report = SyncEngine(store, client_for(platform.url), clock=fake_time).run_once()
        assert not [p for m, p in platform.seen if "steal" in p]  # never followed
    rec = store.get(sub.uuid)
    assert report.delivered == 0
    assert rec.sync_state is SyncState.RETRY, rec.sync_state
    assert rec.next_attempt_at is not None  # backoff, like a 5xx
    problem = decode_problem(rec.last_error)
    assert problem is not None and problem.params.get("status") == 307

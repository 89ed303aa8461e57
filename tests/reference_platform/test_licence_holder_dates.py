"""Review #14 (attacker): the station's licence client refuses a licence whose holder is
not masked (a full name must never reach the clerk's screen) or whose issued_on is not
a real date or lies in the future."""

from __future__ import annotations

from typing import Any

import pytest

from sync.client import BadAnswer
from sync.client.licences import find_licences
from tests.helpers.hostile_platform import Reply, ScriptedPlatform
from tests.reference_platform.test_licences import HOLDER, SECRET, good_doc, scripted_client


def answer_with(doc: dict[str, Any]) -> Any:
    with ScriptedPlatform(SECRET) as platform:
        platform.routes[("GET", "/v1/licences")] = lambda *_: Reply(200, {"licences": [doc]})
        return find_licences(scripted_client(platform.url), HOLDER)


@pytest.mark.parametrize(
    "changes",
    [
        {"holder": "张三"},
        {"holder": "张三丰"},
        {"holder": "张*三丰"},
        {"holder": "*"},
        {"issued_on": "9999-99-99"},
        {"issued_on": "2021-02-30"},
        {"issued_on": "2999-01-01"},
        {"valid_until": "2019-01-01"},  # before issued_on 2020-01-02
        {"valid_until": "2030-13-01"},
    ],
)
def test_refused(changes: dict[str, Any]) -> None:
    with pytest.raises(BadAnswer):
        answer_with(good_doc(**changes))


@pytest.mark.parametrize("holder", ["样*甲", "陈*", "样*****甲", "***"])
def test_masked_holders_pass(holder: str) -> None:
    (licence,) = answer_with(good_doc(holder=holder, valid_until="2032-06-30"))
    assert licence.holder == holder and licence.issued_on == "2020-01-02"

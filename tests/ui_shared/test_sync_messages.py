"""Sync problems are stored as code + parameters and worded only when shown."""

from __future__ import annotations

from sync.problems import Code, Problem, decode_problem
from ui_shared.messages import stored_sync_text, sync_text


def test_a_stored_problem_is_worded_in_either_language() -> None:
    stored = Problem.of(Code.PLATFORM_REFUSED, status=400, error="unknown_item",
                        text="事项编码 HJ001 不存在").encode()
    assert "平台拒绝" not in stored  # no sentence in the database, only the platform's words
    assert stored_sync_text(stored) == (
        "平台拒绝：事项编码 HJ001 不存在（HTTP 400），请核对办件信息后联系技术人员"
    )
    assert stored_sync_text(stored, english=True).startswith("Refused by the platform: 事项编码")


def test_every_code_the_engine_stores_has_both_sentences() -> None:
    codes = [v for k, v in vars(Code).items() if k.isupper() and v != Code.TEXT]
    for code in codes:
        zh, en = sync_text(code, {}), sync_text(code, {}, english=True)
        assert zh and en and not zh.startswith("(") and not en.startswith("("), code


def test_older_sentences_and_unknown_codes_are_shown_as_they_are() -> None:
    assert stored_sync_text("平台拒绝：事项编码不存在") == "平台拒绝：事项编码不存在"
    assert stored_sync_text("interrupted", english=True) == "Sending was interrupted; retrying"
    assert stored_sync_text('{"code":"from_the_future","params":{}}') == "(from_the_future)"
    assert stored_sync_text(None) == ""
    assert decode_problem('{"code": 3}') == Problem(Code.TEXT, {"text": '{"code": 3}'})


def test_long_details_are_capped_when_stored() -> None:
    problem = Problem.of(Code.LINK_DOWN, detail="x" * 10_000)
    assert len(str(problem.params["detail"])) <= 301
    assert decode_problem(problem.encode()) == problem

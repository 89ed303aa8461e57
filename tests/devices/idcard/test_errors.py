from __future__ import annotations

import pytest

from devices.idcard.errors import (
    DeviceError,
    ReaderStatusError,
    describe_sw3,
    known_status_codes,
)
from ui_shared.error_text import code_text, error_text

BRIEF_CODES = [
    0x90,
    0x9F,
    0x10,
    0x11,
    0x21,
    0x23,
    0x24,
    0x31,
    0x32,
    0x33,
    0x40,
    0x41,
    0x47,
    0x60,
    0x66,
    0x80,
    0x81,
    0x91,
]


@pytest.mark.parametrize("sw3", BRIEF_CODES)
def test_every_status_has_a_clear_meaning(sw3: int) -> None:
    assert sw3 in known_status_codes()
    info = describe_sw3(sw3)
    assert info.code != "unknown_status"
    zh = code_text(f"idcard.{info.code}")
    assert zh and info.message_en
    assert any("\u4e00" <= ch <= "\u9fff" for ch in zh)


def test_unknown_status_is_described_generically() -> None:
    info = describe_sw3(0x55)
    assert info.code == "unknown_status" and "0x55" in info.message_en
    assert error_text(ReaderStatusError(0x55)) == "阅读器返回未知状态码 0x55"


def test_reader_status_error() -> None:
    err = ReaderStatusError(0x60, command="sam_status")
    assert isinstance(err, DeviceError)
    assert err.sw3 == 0x60
    assert err.code == "sam_self_check"
    assert "自检" in error_text(err)
    assert "sam_status" in str(err) and "0x60" in str(err)


def test_transport_statuses_are_retryable() -> None:
    assert describe_sw3(0x10).retry_transport and describe_sw3(0x11).retry_transport
    assert not describe_sw3(0x41).retry_transport
    assert describe_sw3(0x41).represent_card


# GA/T 467 SW3 table as the reader vendors' public SDK headers give it: (sw3, code,
# words the Chinese text must contain, words the English text must contain).
GA_T_467_TABLE = [
    (0x10, "terminal_checksum", "校验和", "checksum"),
    (0x11, "terminal_length", "长度", "length"),
    (0x21, "command_error", "命令错误", "command"),
    (0x23, "unauthorised", "越权", "unauthorised"),
    (0x24, "unrecognised", "无法识别的错误", "unrecognised"),
    (
        0x31,
        "card_auth_sam_failed",
        "卡认证机具失败",
        "the card failed to authenticate the reader's SAM",
    ),
    (
        0x32,
        "sam_auth_card_failed",
        "机具认证卡失败",
        "the reader's SAM failed to authenticate the card",
    ),
    (0x33, "info_verify_failed", "信息验证错误", "failed verification"),
    (0x34, "card_not_found_yet", "尚未找卡", "no card has been found yet"),
    (0x37, "fingerprint_verify_failed", "指纹信息验证错误", "fingerprint"),
    (0x3F, "info_length_error", "信息长度错误", "wrong length"),
    (0x40, "card_type_unrecognised", "无法识别的卡类型", "unrecognised card type"),
    (0x41, "read_failed", "读卡操作失败", "reading the card failed"),
    (0x47, "random_failed", "取随机数失败", "random number"),
    (0x60, "sam_self_check", "自检失败，不能接收命令", "self-check"),
    (0x66, "sam_unauthorised", "未经授权", "not authorised"),
    (0x80, "no_card", "找卡不成功", "no card found"),
    (0x81, "select_failed", "选卡不成功", "selecting the card failed"),
    (0x90, "ok", "操作成功", "succeeded"),
    (0x91, "no_content", "无内容", "no content"),
    (0x9F, "find_ok", "找卡成功", "card found"),
]


@pytest.mark.parametrize(("sw3", "code", "zh", "en"), GA_T_467_TABLE)
def test_status_text_matches_the_ga_t_467_table(sw3: int, code: str, zh: str, en: str) -> None:
    info = describe_sw3(sw3)
    assert (info.code, zh in (code_text(f"idcard.{code}") or ""), en in info.message_en) == (
        code, True, True
    )


def test_no_status_text_names_the_wrong_failure() -> None:
    # 0x41 is a read failure, not a wrong card type; 0x47 is the challenge, not a SAM fault;
    # 0x31 is the card authenticating the SAM (the old English had the direction reversed).
    assert "卡类型" not in (code_text("idcard.read_failed") or "")
    assert "type" not in describe_sw3(0x41).message_en
    assert "SAM" not in (code_text("idcard.random_failed") or "")
    assert "SAM" not in describe_sw3(0x47).message_en
    assert describe_sw3(0x31).message_en.startswith("the card failed to authenticate")
    assert describe_sw3(0x32).message_en.startswith("the reader's SAM failed to authenticate")
    assert set(known_status_codes()) == {row[0] for row in GA_T_467_TABLE}

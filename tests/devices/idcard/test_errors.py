from __future__ import annotations

import pytest

from devices.idcard.errors import (
    DeviceError,
    ReaderStatusError,
    describe_sw3,
    known_status_codes,
)

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
    assert info.message_zh and info.message_en
    assert any("\u4e00" <= ch <= "\u9fff" for ch in info.message_zh)


def test_unknown_status_is_described_generically() -> None:
    info = describe_sw3(0x55)
    assert info.code == "unknown_status" and "0x55" in info.message_en


def test_reader_status_error() -> None:
    err = ReaderStatusError(0x60, command="sam_status")
    assert isinstance(err, DeviceError)
    assert err.sw3 == 0x60
    assert err.code == "sam_self_check"
    assert "自检" in err.message_zh
    assert str(err) == err.message_en and "sam_status" in str(err) and "0x60" in str(err)


def test_transport_statuses_are_retryable() -> None:
    assert describe_sw3(0x10).retry_transport and describe_sw3(0x11).retry_transport
    assert not describe_sw3(0x41).retry_transport
    assert describe_sw3(0x41).represent_card

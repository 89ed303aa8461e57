from __future__ import annotations

import hashlib
import hmac

import pytest

from wire import signing
from wire.canonical import StrictJsonError, canonical_json, loads_strict
from wire.receipts import receipt_order_key, receipt_station_code


def test_canonical_json_is_compact_sorted_utf8() -> None:
    assert canonical_json({"b": 1, "a": ["中", 2.5]}) == '{"a":["中",2.5],"b":1}'.encode()


def test_delivery_proof_is_the_documented_hmac() -> None:
    body_sha = hashlib.sha256(b"{}").hexdigest()
    msg = f"yiwang-ack\nu-1\n{body_sha}\nSW20261125000001".encode()
    expected = hmac.new(b"sec", msg, hashlib.sha256).hexdigest()
    assert signing.delivery_proof("sec", "u-1", body_sha, "SW20261125000001") == expected
    assert signing.delivery_proof_ok("sec", "u-1", body_sha, "SW20261125000001", expected)
    assert not signing.delivery_proof_ok("sec", "u-1", body_sha, "SW20261125000002", expected)
    assert not signing.delivery_proof_ok("other", "u-1", body_sha, "SW20261125000001", expected)
    assert not signing.delivery_proof_ok("sec", "u-1", body_sha, "SW20261125000001", "é" * 64)


def test_receipt_numbers_name_their_station_and_order_by_day_then_sequence() -> None:
    assert receipt_station_code("S001-20261125-0001") == "S001"
    assert receipt_station_code("S-001-20261125-0001") is None
    assert receipt_station_code("S001-2026112-0001") is None
    numbers = ["S1-20261126-0001", "S1-20261125-0010", "S1-20261125-0009", "S1-20261125-10000"]
    assert sorted(numbers, key=receipt_order_key) == [
        "S1-20261125-0009", "S1-20261125-0010", "S1-20261125-10000", "S1-20261126-0001",
    ]
    with pytest.raises(ValueError):
        receipt_order_key("nope")


@pytest.mark.parametrize(
    "body",
    [
        b'{"a": NaN}', b'{"a": Infinity}', b'{"a": -Infinity}', b'{"a": 1e999}',
        b'{"a": 1, "a": 2}', b"[" * 33 + b"]" * 33, b'{"a": "\\ud800"}',
    ],
)
def test_strict_parse_refuses_what_the_protocol_refuses(body: bytes) -> None:
    with pytest.raises(StrictJsonError) as info:
        loads_strict(body)
    assert not info.value.syntax


def test_strict_parse_accepts_ordinary_json_and_brackets_inside_strings() -> None:
    deep: object = []
    for _ in range(31):
        deep = [deep]
    assert loads_strict(b"[" * 32 + b"]" * 32) == deep
    assert loads_strict(b'{"s": "[[[[{{{{", "n": 1.5, "m": -0.0, "k": null}')["n"] == 1.5
    with pytest.raises(StrictJsonError) as info:
        loads_strict(b"{not json")
    assert info.value.syntax
    with pytest.raises(StrictJsonError):
        loads_strict(b"\xff")

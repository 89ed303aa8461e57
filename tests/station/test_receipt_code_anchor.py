"""Review #14 (attacker): a receipt code or digest with a trailing newline is not the
code itself (`$` matched before a final "\\n"; the patterns now end at `\\Z`)."""

from __future__ import annotations

import pytest

from station.receipt_code import receipt_payload, verify_payload
from sync.blobs import check_sha
from sync.client.answers import check_receipt_high

SECRET = "s3cret-of-the-station"
RECEIPT = "S001-20261203-0001"


def test_url_form_with_a_trailing_newline_is_refused() -> None:
    url = receipt_payload(SECRET, RECEIPT, "https://query.example/")
    assert verify_payload(SECRET, url) == RECEIPT
    for tail in ("\n", "\r\n", " ", "\n\n"):
        assert verify_payload(SECRET, url + tail) is None, repr(tail)


def test_plain_form_still_verifies() -> None:
    assert verify_payload(SECRET, receipt_payload(SECRET, RECEIPT)) == RECEIPT
    assert verify_payload(SECRET, receipt_payload(SECRET, RECEIPT) + "\n") is None


def test_digest_with_a_trailing_newline_is_refused() -> None:
    sha = "0" * 64
    assert check_sha(sha) == sha
    with pytest.raises(ValueError):
        check_sha(sha + "\n")


def test_receipt_high_is_exactly_a_receipt_number() -> None:
    assert check_receipt_high(RECEIPT) == RECEIPT
    assert check_receipt_high(RECEIPT + "x") is None

from __future__ import annotations

import hashlib
import hmac

from wire import signing


def test_sign_matches_the_documented_canonical_string() -> None:
    body = b'{"a":1}'
    expected_msg = "\n".join(
        ["PUT", "/v1/submissions/x?y=1", "1700000000", "n" * 16, hashlib.sha256(body).hexdigest()]
    )
    expected = hmac.new(b"secret", expected_msg.encode(), hashlib.sha256).hexdigest()
    got = signing.sign(b"secret", "put", "/v1/submissions/x?y=1", "1700000000", "n" * 16, body)
    assert got == expected
    # str secrets are their UTF-8 bytes
    assert signing.sign("secret", "PUT", "/v1/submissions/x?y=1", "1700000000", "n" * 16,
                        body) == expected


def test_verify_detects_every_tampered_field() -> None:
    args = ("k", "POST", "/v1/x", "100", "abcdefabcdefabcd", b"body")
    sig = signing.sign(*args)
    assert signing.verify(*args, sig)
    for i, changed in enumerate(["k2", "GET", "/v1/y", "101", "abcdefabcdefabce", b"bodY"]):
        tampered = list(args)
        tampered[i] = changed
        assert not signing.verify(*tampered, sig)  # type: ignore[arg-type]
    assert not signing.verify(*args, sig.upper())
    assert not signing.verify(*args, "é" * 64)


def test_make_headers() -> None:
    h = signing.make_headers("st-1", "sec", "GET", "/v1/catalog", b"", now=1700000000.9)
    assert h["X-Station"] == "st-1"
    assert h["X-Timestamp"] == "1700000000"
    assert signing.NONCE_RE.fullmatch(h["X-Nonce"])
    assert signing.verify("sec", "GET", "/v1/catalog", "1700000000", h["X-Nonce"], b"",
                          h["X-Signature"])
    h2 = signing.make_headers("st-1", "sec", "GET", "/v1/catalog", b"", now=1, nonce="N" * 20)
    assert h2["X-Nonce"] == "N" * 20
    assert signing.make_headers("s", "k", "GET", "/", b"", 0)["X-Nonce"] != h["X-Nonce"]

"""WedgeDecoder: scanner bursts vs. a person typing, by keystroke timing."""

from __future__ import annotations

import pytest

from devices.scanner import Scan, Typed, WedgeDecoder, WedgeOutput


def keys(text: str, start: float, interval_ms: float) -> list[tuple[str, float]]:
    return [(ch, start + i * interval_ms / 1000) for i, ch in enumerate(text)]


def run(dec: WedgeDecoder, events: list[tuple[str, float]], end: float | None = None
        ) -> list[WedgeOutput]:
    out: list[WedgeOutput] = []
    for ch, t in events:
        out += dec.feed(ch, t)
    out += dec.flush(end) if end is not None else dec.flush()
    return out


def typed_text(out: list[WedgeOutput]) -> str:
    return "".join(o.text for o in out if isinstance(o, Typed))


def scans(out: list[WedgeOutput]) -> list[str]:
    return [o.text for o in out if isinstance(o, Scan)]


def test_fast_burst_with_terminator_is_a_scan() -> None:
    dec = WedgeDecoder(max_interkey_ms=20, min_length=4)
    out = run(dec, keys("YW:S001-20261125-0001\r", 10.0, 4))
    assert scans(out) == ["YW:S001-20261125-0001"]
    assert typed_text(out) == ""
    assert isinstance(out[0], Scan) and out[0].at == 10.0


def test_human_typing_passes_through_unchanged() -> None:
    dec = WedgeDecoder()
    out = run(dec, keys("hello world\r", 0.0, 120))
    assert scans(out) == []
    assert typed_text(out) == "hello world\r"


def test_human_keys_released_by_flush_after_deadline() -> None:
    dec = WedgeDecoder(max_interkey_ms=20)
    assert dec.feed("a", 1.0) == []  # held: a burst might be starting
    assert dec.pending == "a"
    assert dec.deadline == pytest.approx(1.02)
    assert dec.flush(1.01) == []  # too early
    assert dec.flush(1.05) == [Typed("a")]
    assert dec.deadline is None


def test_burst_too_short_is_typing() -> None:
    dec = WedgeDecoder(min_length=4)
    # A fast typist rolling "th" then Enter: fast, but only 2 keys.
    out = run(dec, [("t", 0.0), ("h", 0.008), ("\r", 0.015)])
    assert out == [Typed("th\r")]


def test_fast_burst_without_terminator_is_typing_when_terminator_expected() -> None:
    dec = WedgeDecoder(terminator="\r")
    out = run(dec, keys("123456", 0.0, 3), end=1.0)
    assert out == [Typed("123456")]


def test_no_terminator_mode_ends_scan_at_pause() -> None:
    dec = WedgeDecoder(terminator=None, min_length=6)
    out = run(dec, keys("6901234567892", 0.0, 3) + keys("ok", 1.0, 150), end=5.0)
    assert scans(out) == ["6901234567892"]
    assert typed_text(out) == "ok"


def test_tab_terminator() -> None:
    dec = WedgeDecoder(terminator="\t")
    out = run(dec, keys("ABC-123\t", 0.0, 2) + keys("\r", 1.0, 1))
    assert scans(out) == ["ABC-123"]
    assert typed_text(out) == "\r"


def test_person_types_before_and_after_a_scan() -> None:
    dec = WedgeDecoder()
    events = keys("ab", 0.0, 150) + keys("CODE1234\r", 0.5, 5) + keys("cd", 1.0, 150)
    out = run(dec, events)
    assert [type(o).__name__ for o in out] == ["Typed", "Typed", "Scan", "Typed", "Typed"]
    assert scans(out) == ["CODE1234"]
    assert typed_text(out) == "abcd"


def test_person_key_interrupting_a_burst() -> None:
    # A burst stops (no suffix yet), a person presses a key 80 ms later: the
    # partial burst was never a complete scan, so every key goes through.
    dec = WedgeDecoder()
    out = run(dec, [*keys("12345", 0.0, 4), ("x", 0.096), ("\r", 0.3)])
    assert scans(out) == []
    assert typed_text(out) == "12345x\r"


def test_scan_right_after_human_enter() -> None:
    dec = WedgeDecoder()
    out = run(dec, [("\r", 0.0), *keys("98765432\r", 0.05, 3)])
    assert out[0] == Typed("\r")
    assert scans(out) == ["98765432"]


def test_control_characters_and_spaces_are_kept() -> None:
    # The requirement changed (issue 9): a scan is exactly what the scanner typed;
    # it is cleaned for display only, when shown.
    dec = WedgeDecoder()
    out = run(dec, keys(" A\x1bB\x00C\u202eD\x7f \r", 0.0, 2))
    assert scans(out) == [" A\x1bB\x00C\u202eD\x7f "]


def test_burst_of_only_control_characters_is_a_scan() -> None:
    dec = WedgeDecoder()
    out = run(dec, keys("\x00\x01\x02\x03\x04\r", 0.0, 2))
    assert scans(out) == ["\x00\x01\x02\x03\x04"]
    assert dec.rejected == 0


def test_gs1_separators_and_spaces_kept() -> None:
    dec = WedgeDecoder()
    gs1 = "0109501101530003\x1d10ABC123\x1d17260101"
    assert scans(run(dec, keys(gs1 + "\r", 0.0, 2))) == [gs1]
    assert scans(run(dec, keys("  YW 001  \r", 1.0, 2))) == ["  YW 001  "]


def test_embedded_crlf_with_a_cr_terminated_scanner() -> None:
    # The suffix ends a scan only as the burst's last keys: an Enter inside is kept.
    dec = WedgeDecoder(terminator="\r")
    out = run(dec, keys("LINE1\r\nLINE2\r", 0.0, 2))
    assert scans(out) == ["LINE1\r\nLINE2"]
    assert typed_text(out) == ""


def test_crlf_suffix() -> None:
    dec = WedgeDecoder(terminator="\r\n")
    out = run(dec, keys("A\rB\nC\r\n", 0.0, 2), end=1.0)
    assert scans(out) == ["A\rB\nC"]
    # a lone CR or LF typed by a person passes straight through
    assert WedgeDecoder(terminator="\r\n").feed("\r", 5.0) == [Typed("\r")]


def test_scan_completes_once_the_burst_is_over() -> None:
    dec = WedgeDecoder(max_interkey_ms=20)
    out: list[WedgeOutput] = []
    for ch, t in keys("CODE1234\r", 0.0, 2):
        out += dec.feed(ch, t)
    assert out == []  # the Enter might still be inside the code
    assert dec.flush(0.017) == []
    assert dec.flush(0.05) == [Scan("CODE1234", "wedge", 0.0)]


def test_over_long_burst_is_discarded_whole() -> None:
    dec = WedgeDecoder(max_length=10)
    out = run(dec, keys("X" * 50 + "\r", 0.0, 1) + keys("OK12345\r", 1.0, 1))
    assert scans(out) == ["OK12345"]
    assert dec.rejected == 1


def test_clock_going_backwards_ends_the_burst() -> None:
    dec = WedgeDecoder()
    out = run(dec, [("a", 5.0), ("b", 4.0)], end=10.0)
    assert typed_text(out) == "ab"


def test_chinese_payload_and_reset() -> None:
    dec = WedgeDecoder()
    assert run(dec, keys("受理回执编号\r", 0.0, 2)) == [Scan("受理回执编号", "wedge", 0.0)]
    dec.feed("z", 1.0)
    dec.reset()
    assert dec.pending == "" and dec.flush() == []


@pytest.mark.parametrize("kwargs", [{"max_interkey_ms": 0}, {"min_length": 0},
                                    {"terminator": "x"}])
def test_bad_arguments(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        WedgeDecoder(**kwargs)  # type: ignore[arg-type]


def test_feed_needs_one_character() -> None:
    with pytest.raises(ValueError):
        WedgeDecoder().feed("ab", 0.0)

"""Outside text as shown: controls visible, bidi controls gone, length capped."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intake.display_text import display_text
from intake.platform_status import (
    DOCUMENTED_STATUSES,
    is_documented_status,
    undocumented_status_note,
)


def test_controls_are_made_visible_and_bidi_controls_removed() -> None:
    assert display_text("a\r\nb\x1dc\x00\x7f\x9b") == "a[CR][LF]b[GS]c[NUL][DEL][U+009B]"
    assert display_text("a\r\nb\tc\rd", multiline=True) == "a\nb\tc\nd"
    assert display_text("x\u202ey\u2066z\u200f") == "xyz"
    assert display_text("\x85p\u2028q") == "[LS]p[LS]q"
    assert display_text("\x85p\u2028q", multiline=True) == "\np\nq"
    assert display_text("<img src=/dev/zero>") == "<img src=/dev/zero>"  # text, not markup


def test_length_is_capped_with_an_ellipsis() -> None:
    assert display_text("x" * 10, limit=10) == "x" * 10
    assert display_text("x" * 11, limit=10) == "x" * 9 + "…"
    assert len(display_text("y" * 5_000_000, limit=100)) == 100  # a huge payload is not walked


@given(st.text(), st.integers(min_value=1, max_value=300), st.booleans())
def test_shown_text_never_carries_controls_or_exceeds_the_cap(
    text: str, limit: int, multiline: bool
) -> None:
    shown = display_text(text, limit=limit, multiline=multiline)
    assert len(shown) <= limit
    allowed = {"\n", "\t"} if multiline else set()
    for ch in shown:
        assert ch in allowed or unicodedata.category(ch) not in ("Cc", "Cs", "Zl", "Zp")
        assert ch not in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def test_documented_statuses_are_exact() -> None:
    assert DOCUMENTED_STATUSES == ("受理", "审核中", "补正", "办结", "不予许可")
    assert all(is_documented_status(s) for s in DOCUMENTED_STATUSES)
    assert not is_documented_status("已撤回") and not is_documented_status(" 办结")
    assert not is_documented_status(None)
    note = undocumented_status_note("<b>" + "x" * 200, "S001-20261125-0001")
    assert note.startswith("platform status '<b>xxx") and "…" in note and len(note) < 200


def test_plain_chinese_and_ascii_are_shown_as_they_are_without_a_walk(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Names, catalog words and statuses (every repaint of the clerk's tables) are not
    walked character by character: they hold nothing to change."""
    import intake.display_text as shown
    from safe_chars import kind_of

    plain = "张三，您好！受理编号 T01-20260701-0001（已办结）…“补正”"

    def no_walk(ch: str) -> None:
        raise AssertionError(f"walked over {ch!r}")

    with monkeypatch.context() as m:
        m.setattr(shown, "kind_of", no_walk)
        assert display_text(plain) == plain
        assert display_text("x" * 10, limit=10) == "x" * 10
    # what is left out of the short cut is still walked: cut, marked, removed
    assert display_text(plain, limit=5) == plain[:4] + "…"
    assert display_text("张\u202e三") == "张三" and display_text("张\u3000三\n") == "张\u3000三[LF]"
    # and every character the short cut lets through is one the walk keeps as it is
    for code in range(0x10000):  # the short cut names only characters of the BMP
        ch = chr(code)
        if shown._PLAIN.fullmatch(ch):
            assert kind_of(ch) is None and ch not in "\x85\u2028\u2029", hex(code)
            assert unicodedata.category(ch) not in ("Mn", "Me", "Cc", "Cn"), hex(code)

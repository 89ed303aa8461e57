"""Review #15 (attacker): the one rule for what is not plain human text works by Unicode
category and ranges, not a hand-kept list; the wire check, the station's strip and the
display all use it (the copies in sync/client missed U+2060)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intake.display_text import display_text
from safe_chars import MAX_COMBINING, Kind, first_unsafe, kind_of, strip_unsafe
from sync.client.answers import check_status_page
from tests.sync.test_answers_invisible_text import event, page
from wire.plain_text import is_plain_line, line_check, note_check, plain

#: one of each kind the hand-kept lists missed (and a few they had)
INVISIBLE = [
    "\u2060", "\u2061", "\u2064", "\u206a", "\u206f",  # word joiner, invisible operators
    "\U000e0041", "\U000e0001", "\U000e007f",  # tags
    "\ufe0f", "\ufe00", "\U000e0100", "\U000e01ef",  # variation selectors
    "\u180e", "\u00ad", "\u034f", "\ufff9", "\ufffb",
    "\u115f", "\u1160", "\u3164", "\uffa0",  # Hangul fillers
    "\u202e", "\u2066", "\u200b", "\u200d", "\ufeff", "\u061c", "\u2028", "\u2029",
    "\U0001d173",  # a musical format character (Cf)
]
NOT_TEXT = ["\ue000", "\uf8ff", "\U000f0000", "\U0010fffd", "\ud800", "\uffff", "\U0003ffff"]


@pytest.mark.parametrize("ch", INVISIBLE)
def test_invisible_characters_are_found_stripped_and_refused(ch: str) -> None:
    assert kind_of(ch) is Kind.INVISIBLE
    assert strip_unsafe(f"办{ch}结") == "办结" and plain(f"办{ch}结") == "办结"
    with pytest.raises(ValueError):
        line_check(f"办{ch}结")
    with pytest.raises(ValueError):
        note_check(f"办{ch}结")
    assert display_text(f"办{ch}结") in ("办结", "办[LS]结")  # separators stay visible


@pytest.mark.parametrize("ch", NOT_TEXT)
def test_private_use_surrogates_and_unassigned_are_not_text(ch: str) -> None:
    assert kind_of(ch) is Kind.NOT_TEXT
    assert plain(f"a{ch}b") == "ab" and not is_plain_line(f"a{ch}b")
    assert display_text(f"a{ch}b") in (f"a[U+{ord(ch):04X}]b", "a\ufffdb")


def test_controls_only_newline_and_tab_in_a_note() -> None:
    assert kind_of("\x00") is Kind.CONTROL and kind_of("\x85") is Kind.CONTROL
    assert note_check("第一行\n第二行\t制表") == "第一行\n第二行\t制表"
    with pytest.raises(ValueError):
        line_check("第一行\n第二行")
    assert plain("a\r\nb\x1bc\x00", multiline=True) == "a\nbc"
    assert plain("a\nb", multiline=False) == "ab"


def test_a_flood_of_combining_marks_is_capped_per_character() -> None:
    zalgo = "Z" + "\u0336\u0301\u0317" * 20 + "a" + "\u0301" * 3
    assert first_unsafe(zalgo) == (1 + MAX_COMBINING, "combining")
    assert plain(zalgo) == "Z" + ("\u0336\u0301\u0317" * 2)[:MAX_COMBINING] + "a\u0301\u0301\u0301"
    assert display_text(zalgo) == plain(zalgo)
    # an invisible character between the marks does not start a new run
    assert strip_unsafe("e" + "\u0301\u200b" * 10) == "e" + "\u0301" * MAX_COMBINING
    # real text keeps its marks: Vietnamese, Thai, Devanagari
    for word in ("Nguyễn Thị Ánh", "กี่", "क्षत्रिय", "ệ̃"):
        assert is_plain_line(unicodedata.normalize("NFD", word))
    with pytest.raises(ValueError):
        note_check("x" + "\u0300" * (MAX_COMBINING + 1))


def test_human_text_passes_untouched() -> None:
    for text in ("办结", "样*****甲", "O'Brien-Smith 3.5%", "㐀𠀀𪜀", "☎️"[:1], "全角　空格"):
        assert is_plain_line(text) and display_text(text) == text


def test_a_status_note_from_the_platform_is_stripped_by_the_same_rule() -> None:
    (ev,), _ = check_status_page(
        page(event(note="请\u2060补\U000e0041正\ue000" + "\u0301" * 9)), limit=10, after=None
    )
    assert ev.note == "请补正" + "\u0301" * MAX_COMBINING


@given(st.text(), st.booleans())
def test_what_the_station_sends_always_passes_the_platform(text: str, multiline: bool) -> None:
    cleaned = plain(text, multiline=multiline)
    (note_check if multiline else line_check)(cleaned)
    assert strip_unsafe(cleaned, multiline=multiline) == cleaned

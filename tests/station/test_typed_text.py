"""Free text a clerk types that is stored and sent to the platform is plain and
capped (station.typed_text): too long is refused with its limit and length, never cut."""

from __future__ import annotations

import pytest

from station.typed_text import (
    DEFECT_REASON_CHARS,
    SUPPLEMENT_NOTE_CHARS,
    TypedTextTooLong,
    typed_text,
)
from ui_shared.error_text import error_text
from wire.plain_text import NOTE_CHARS, is_plain_line


def test_plain_and_trimmed_within_the_cap() -> None:
    assert typed_text("  缺少\x00签字\u202e\x1b\u200b ", limit=DEFECT_REASON_CHARS) == "缺少签字"
    # a line break or tab in one line is a space: two words never run together
    assert typed_text("一\n二\r三\t", limit=10) == "一 二 三"
    assert typed_text("no \r\n signature\tyet", limit=40) == "no signature yet"
    assert is_plain_line(typed_text("a\x85b\u2028c", limit=10))
    assert typed_text("字" * DEFECT_REASON_CHARS, limit=DEFECT_REASON_CHARS)


def test_too_long_is_refused_with_limit_and_length_in_chinese() -> None:
    assert SUPPLEMENT_NOTE_CHARS == NOTE_CHARS == 2000  # the platform's limit (P5)
    with pytest.raises(TypedTextTooLong) as caught:
        typed_text("字" * (SUPPLEMENT_NOTE_CHARS + 1), limit=SUPPLEMENT_NOTE_CHARS)
    assert dict(caught.value.params) == {"limit": 2000, "length": 2001}
    zh = error_text(caught.value)
    assert "最多 2000 个字" in zh and "现有 2001 个字" in zh and "保留" in zh
    # what a person cannot see does not count against the cap
    assert typed_text("字" * 40 + "\u200b" * 10, limit=40) == "字" * 40


def test_the_relation_cap_is_the_platforms() -> None:
    from station.typed_text import RELATION_CHARS
    from wire.outcomes import Collector

    limits = [getattr(m, "max_length", None) for m in Collector.model_fields["relation"].metadata]
    assert limits == [RELATION_CHARS]


def test_a_note_keeps_its_line_feeds_and_tabs() -> None:
    # a supplement's note is a note on the platform (line feeds and tabs allowed): a
    # pasted note of several lines kept them before typed_text and keeps them now
    note = " 第一行\r\n第二行\u2028third\tline\u202e\x1b "
    assert typed_text(note, limit=SUPPLEMENT_NOTE_CHARS, multiline=True) == (
        "第一行\n第二行\nthird\tline"
    )

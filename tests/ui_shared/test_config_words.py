"""The configuration schema below the UI holds only dotted key names and English; the
words a technician reads in Chinese (each key's label, what it allows) come from
ui_shared/error_sources/config_words.py through the Qt catalog. Every declared key has
its words, a refused value is worded in both languages, and the set-up wizard's labels
are the same words."""

from __future__ import annotations

import pytest

from station.config_schema import STATION_SCHEMA, ConfigError
from ui_shared.error_sources.config_words import LABELS, PROBLEMS
from ui_shared.error_text import code_text, error_text, translated

DOTTED = sorted(f"{t.name}.{k.name}" for t in STATION_SCHEMA.tables for k in t.keys)


def test_every_declared_key_has_a_label_and_allowed_words_and_no_more() -> None:
    assert sorted(LABELS) == DOTTED
    assert sorted(PROBLEMS) == DOTTED


@pytest.mark.parametrize("dotted", DOTTED)
def test_the_words_of_each_key_are_translated(dotted: str) -> None:
    for words in (LABELS[dotted], PROBLEMS[dotted]):
        assert translated(words) != words, f"no zh_CN for {words!r} ({dotted})"


def test_a_refused_value_is_worded_from_the_key_in_each_language() -> None:
    with pytest.raises(ConfigError) as e:
        STATION_SCHEMA.check_value("devices.paper_mm", 76)
    params = e.value.params
    # below the UI only the key's name travels, never a Chinese word
    assert params["label"] == params["problem"] == "devices.paper_mm"
    assert error_text(e.value) == "纸宽（devices.paper_mm）无效：只能是 58 或 80"
    assert error_text(e.value, english=True) == (
        "devices.paper_mm is not valid: must be 58 or 80, not 76"
    )


def test_the_wizard_labels_come_from_the_same_words(qtbot: object) -> None:
    from ui_shared.setup_wizard.fields import config_label

    assert config_label("devices.scanner") == "扫码枪"
    assert config_label("station.code") == code_text("config.label.station.code") == "终端编号"

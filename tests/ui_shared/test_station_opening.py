"""The first screen's look at config.toml (ui_shared.station_opening.peek_config): the
quick reader gives what tomllib gives for what `yiwang setup` writes, and leaves
anything else to tomllib; it never raises."""

from __future__ import annotations

from pathlib import Path

import pytest

from ui_shared.station_opening import FirstScreenConfig, _full_look, _quick_look, peek_config

HALL = "A001 便民服务中心"
SETUP_LIKE = """config_version = 2

[station]
code = "A001"
name = "A001 便民服务中心"  # the hall's name
role = "window"

[platform]
url = "http://127.0.0.1:1"
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (SETUP_LIKE, FirstScreenConfig(HALL, False)),
        (SETUP_LIKE + '\n[clerks]\nauto_login = "demo"\n', FirstScreenConfig(HALL, True)),
        (SETUP_LIKE + '\n[clerks]\nauto_login = ""\n', FirstScreenConfig(HALL, False)),
        ('[station]\nname = "A#1 中心"\n', FirstScreenConfig("A#1 中心", False)),
        ("[platform]\nurl = 'x'\n", FirstScreenConfig("", False)),
    ],
)
def test_the_quick_reader_agrees_with_tomllib(text: str, expected: FirstScreenConfig) -> None:
    assert _quick_look(text) == expected
    assert _full_look(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        '[station]\nname = "中心\\u0041"\n',  # an escape
        "[station]\nname = '字面'\n",  # a literal string
        'station.name = "点"\n',  # a dotted key
        'station = { name = "内联" }\n',  # an inline table
        '[station]\n"name" = "引号"\n',  # a quoted key
        '[station.sub]\nx = 1\n[station]\nname = "子表"\n',  # a dotted header
        '[station]\nnote = """\n[clerks]\nauto_login = "x"\n"""\nname = "多行"\n',
    ],
)
def test_anything_else_is_read_by_tomllib(text: str, tmp_path: Path) -> None:
    assert _quick_look(text) is None
    (tmp_path / "config.toml").write_text(text, encoding="utf-8")
    assert peek_config(tmp_path) == _full_look(text)


def test_a_missing_or_broken_config_gives_nothing(tmp_path: Path) -> None:
    assert peek_config(tmp_path / "nowhere") == FirstScreenConfig()
    (tmp_path / "config.toml").write_bytes(b"[station\nname = \xff")
    assert peek_config(tmp_path) == FirstScreenConfig()
    (tmp_path / "config.toml").write_text('[station]\nname = "unclosed\n', encoding="utf-8")
    assert peek_config(tmp_path) == FirstScreenConfig()

"""The front ends' command lines read without argparse give exactly argparse's
namespace, and whatever is not plain goes to argparse (yiwang.quick_args)."""

from __future__ import annotations

import pytest

from yiwang.cli import build_parser
from yiwang.quick_args import parse_front_end

PLAIN = [
    ["kiosk", "--data-dir", "/srv/k"],
    ["kiosk", "--data-dir=/srv/k", "--exit-when-ready"],
    ["kiosk", "--exit-when-ready", "--windowed", "--lang", "en", "--data-dir", "d"],
    ["kiosk"],  # its missing --data-dir is the command's own error, not argparse's
    ["kiosk", "--data-dir", "a", "--data-dir", "b"],  # the last one counts
    ["--log-level", "DEBUG", "kiosk", "--data-dir", "d"],
    ["--log-level=ERROR", "clerk", "--data-dir", "d", "--lang=zh_CN"],
    ["clerk", "--data-dir", "/srv/c", "--exit-when-ready"],
    ["clerk", "--lang", "en", "--data-dir", ""],
]
NOT_PLAIN = [
    [],
    ["-h"],
    ["kiosk", "--help"],
    ["kiosk", "set-pin", "--data-dir", "d"],
    ["kiosk", "--data", "d"],  # an abbreviation: argparse's to accept
    ["kiosk", "--data-dir"],
    ["kiosk", "--data-dir", "--windowed"],
    ["kiosk", "--windowed=yes"],
    ["kiosk", "--lang", "fr"],
    ["clerk"],  # --data-dir is required: argparse says so
    ["clerk", "--windowed", "--data-dir", "d"],
    ["--log-level", "LOUD", "clerk", "--data-dir", "d"],
    ["--log-level"],
    ["demo", "--headless"],
    ["sync", "--data-dir", "d"],
]


@pytest.mark.parametrize("argv", PLAIN, ids=" ".join)
def test_plain_front_end_lines_read_as_argparse_reads_them(argv: list[str]) -> None:
    quick = parse_front_end(argv)
    assert quick is not None
    assert quick == build_parser(argv).parse_args(argv)


def test_the_log_level_default_comes_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("YIWANG_LOG_LEVEL", "WARNING")
    argv = ["clerk", "--data-dir", "d"]
    quick = parse_front_end(argv)
    assert quick is not None and quick.log_level == "WARNING"
    assert quick == build_parser(argv).parse_args(argv)


@pytest.mark.parametrize("argv", NOT_PLAIN, ids=lambda a: " ".join(a) or "nothing")
def test_anything_else_is_left_to_argparse(argv: list[str]) -> None:
    assert parse_front_end(argv) is None

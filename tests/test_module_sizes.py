"""Issue #8's house rule, kept by a test rather than by a reviewer's count: no module
outside the tests over 500 lines, the median under 200 (two merges of the kiosk's apply
screen once took it to 516 lines and nobody noticed until the change was read again)."""

from __future__ import annotations

import statistics
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: everything of ours that is not a test: the packages, the scripts and the benchmarks
SOURCE_DIRS = ("coded_errors", "gbcodes", "safe_chars", "intake", "wire", "sync",
               "reference_platform", "devices", "station", "ui_shared", "clerk_station",
               "kiosk", "yiwang", "resources", "scripts", "bench")
MAX_LINES = 500
MEDIAN_BELOW = 200


def _modules() -> dict[str, int]:
    sizes = {}
    for folder in SOURCE_DIRS:
        for path in (ROOT / folder).rglob("*.py"):
            with path.open(encoding="utf-8") as f:
                sizes[str(path.relative_to(ROOT))] = sum(1 for _ in f)
    return sizes


def test_no_module_over_500_lines_and_the_median_under_200() -> None:
    sizes = _modules()
    assert len(sizes) > 300  # the walk found the code, not an empty folder
    too_long = {name: n for name, n in sizes.items() if n > MAX_LINES}
    assert not too_long, too_long
    assert statistics.median(sizes.values()) < MEDIAN_BELOW

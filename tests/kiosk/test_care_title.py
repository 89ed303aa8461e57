"""关怀模式 is "larger still, fewer words": the top bar's title in care mode is never
smaller than in normal mode. In English on a 1024x768 screen it used to shrink to
34 px ("Apply for a / service" on two lines) beside care mode's larger buttons, below
normal mode's 44 px; care mode now words it shorter and keeps it large and whole."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.theme import ELDERLY, NORMAL
from tests.kiosk.conftest import Kiosk

SCREENS = ("attract", "apply", "progress", "reprint", "evaluate", "guide", "pin")
SIZES = ((1024, 768), (1920, 1080))


def _shown(kiosk: Kiosk) -> tuple[int, str, int]:
    """The title's pixel size, the text it shows and its number of lines."""
    heading = kiosk.window.heading
    width = heading.contentsRect().width() - 2 * heading.margin()
    font, lines = heading.fitted(float(width))
    return font.pixelSize(), " ".join(text for text, _ in lines), len(lines)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_care_mode_title_is_at_least_as_large_as_normal(
    kiosk_factory: Callable[..., Kiosk], station_dir: Path, language: str
) -> None:
    kiosk = kiosk_factory(station_dir, language=language)
    window = kiosk.window
    # one mode switch per theme: each re-styles every widget of every screen
    shown: dict[tuple[str, tuple[int, int], str], tuple[int, int]] = {}
    for theme in (NORMAL, ELDERLY):
        window.set_elderly(theme is ELDERLY)
        for size in SIZES:
            window.resize(*size)
            for name in SCREENS:
                window.show_screen(name)
                QApplication.processEvents()
                px, text, lines = _shown(kiosk)
                # whole, never elided; the tooltip holds the same words
                assert text == window.heading.text() == window.heading.toolTip(), text
                assert "…" not in text
                assert window.heading.height() <= window.care.height(), (name, size)
                shown[theme.name, size, name] = (px, lines)
    for size in SIZES:
        for name in SCREENS:
            normal_px, _ = shown["normal", size, name]
            care_px, care_lines = shown["elderly", size, name]
            assert care_px >= normal_px, (language, size, name, care_px, normal_px)
            assert care_px >= NORMAL.title_px and care_lines == 1, (language, size, name)
    if language == "en":  # the reported case: fewer words, not a smaller font
        assert shown["elderly", (1024, 768), "apply"] == (ELDERLY.title_px, 1)
        assert window.heading.text() == "Staff only"  # the last screen shown, care mode

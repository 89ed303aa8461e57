"""适老化 on every screen, in both themes and both languages: touch targets, text sizes,
line spacing and contrast measured from the live widgets (contrast from rendered pixels)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.theme import ELDERLY, NORMAL, contrast_ratio
from tests.kiosk.accessibility import check_minimums
from tests.kiosk.conftest import Kiosk


@pytest.fixture
def kiosk(shared_kiosk: Kiosk) -> Kiosk:
    """One kiosk for the tests that look at it (each starts a fresh visit: shared_kiosk);
    the minimums of every screen are measured on a kiosk of each language of their own."""
    return shared_kiosk


SCREENS = ["attract", "apply", "progress", "reprint", "evaluate", "guide", "pin", "maintenance"]


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_screen_meets_the_minimums_in_both_modes(
    kiosk_factory: Callable[..., Kiosk], station_dir: Path, language: str
) -> None:
    k = kiosk_factory(station_dir, language=language, with_engine=False)
    window = k.window
    for elderly, theme in ((False, NORMAL), (True, ELDERLY)):
        window.set_elderly(elderly)
        for name in SCREENS:
            window.show_screen(name)
            assert check_minimums(window, theme, f"{name}/{theme.name}") >= 3
        guide = window.screens["guide"]
        guide.set_mode("department")
        guide.show_item(k.services.catalog.item("SB-002"))
        check_minimums(window, theme, f"guide detail/{theme.name}")
        window.show_screen("attract")
        window.overlay.show_seconds(12)
        check_minimums(window.overlay, theme, f"countdown/{theme.name}")
        window.overlay.hide()


def test_elderly_mode_is_larger_slower_and_spoken(kiosk: Kiosk) -> None:
    window = kiosk.window
    button = window.attract.buttons["apply"]
    normal_px = button.font().pixelSize()
    window.care.click()
    assert window.care.isChecked()
    assert button.font().pixelSize() > normal_px
    assert kiosk.app.idle.idle_seconds == ELDERLY.idle_seconds > NORMAL.idle_seconds
    assert kiosk.app.voice.enabled
    assert kiosk.app.voice.spoken[-1] == window.attract.prompt()  # said at once
    # fewer words: the explanations step back
    assert not window.attract.hint.isVisible() and not window.overlay.explain.isVisibleTo(
        window.overlay)
    window.care.click()
    assert window.attract.hint.isVisible()


def test_care_mode_and_replay_are_one_touch_away_on_every_screen(kiosk: Kiosk) -> None:
    window = kiosk.window
    for name in SCREENS:
        window.show_screen(name)
        assert window.care.isVisible() and window.replay.isVisible(), name
        said = len(kiosk.app.voice.spoken)
        window.replay.click()
        assert len(kiosk.app.voice.spoken) == said + 1, name
        assert kiosk.app.voice.spoken[-1] == window.current.prompt() or not window.current.prompt()


def test_palette_pairs_of_the_theme() -> None:
    from PySide6.QtGui import QColor

    from kiosk import theme

    pairs = [
        (theme.INK, theme.PAPER),
        (theme.INK, theme.CARD),
        (theme.ON_PRIMARY, theme.PRIMARY),
        (theme.ON_SECONDARY, theme.SECONDARY),
        (theme.WARN_INK, theme.WARN_BG),
        (theme.DISABLED_INK, theme.DISABLED_BG),
        (theme.ON_PRIMARY, theme.INK),  # checked buttons
    ]
    for fg, bg in pairs:
        assert contrast_ratio(QColor(fg), QColor(bg)) >= 4.5, (fg, bg)

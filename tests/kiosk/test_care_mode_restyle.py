"""关怀模式 restyles the screen shown at once and each other screen when it is shown
(kiosk.mode_styles): a switch used to restyle every widget of every built screen, hidden
ones too, a good part of a second of the kiosk's CPU at each touch of the button and at
each end of a visit in care mode."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from kiosk.theme import ELDERLY, NORMAL
from tests.kiosk.conftest import Kiosk


def _button_sizes(page: QWidget) -> list[int]:
    """The pixel size of every push button's font on `page` (set by the mode's sheet)."""
    return [b.font().pixelSize() for b in page.findChildren(QPushButton)]


def test_care_mode_restyles_the_shown_screen_now_and_the_others_when_shown(
    shared_kiosk: Kiosk,
) -> None:
    window = shared_kiosk.window
    for name in window.screens:  # every screen built, as after the kiosk's idle turns
        window.screens[name]
    window.show_screen("guide")
    shown = window.page_of(window.current)
    hidden = window.page_of(window.screens["evaluate"])
    normal_shown, normal_hidden = _button_sizes(shown), _button_sizes(hidden)
    assert normal_shown and normal_hidden
    # body-size and main buttons: 24 and 32 px in the normal mode, 32 and 42 in care mode
    assert NORMAL.body_px in normal_hidden and ELDERLY.action_px not in normal_hidden

    window.set_elderly(True)
    QApplication.processEvents()
    # the screen shown and the top bar are in care mode at once...
    assert _button_sizes(shown) != normal_shown
    assert ELDERLY.action_px in _button_sizes(shown)
    assert window.care.font().pixelSize() == ELDERLY.action_px
    # ...a hidden screen is left as it was: nobody sees it
    assert _button_sizes(hidden) == normal_hidden

    window.show_screen("evaluate")  # shown: in care mode before it is painted
    in_care = _button_sizes(hidden)
    assert ELDERLY.action_px in in_care and NORMAL.body_px not in in_care
    assert window.styles.sheet == hidden.styleSheet() == shown.styleSheet()

    window.set_elderly(False)  # and back: the page shown at once, the other when shown
    assert _button_sizes(hidden) == normal_hidden
    assert _button_sizes(shown) != normal_shown
    window.show_screen("guide")
    assert _button_sizes(shown) == normal_shown

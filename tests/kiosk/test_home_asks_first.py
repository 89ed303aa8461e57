"""回首页 in the middle of an application asks first (review wt5: one touch next to
再听一遍 wiped the card read, the pages and the number, and turned 关怀模式 off).
The question meets the elderly-friendly minimums in both modes."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.theme import ELDERLY, NORMAL
from tests.kiosk.accessibility import check_minimums
from tests.kiosk.conftest import Kiosk
from tests.kiosk.quick_apply import reach_contact


def test_home_mid_application_asks_and_continue_loses_nothing(
    kiosk: Kiosk, qtbot: QtBot
) -> None:
    window = kiosk.window
    window.resize(1024, 768)
    window.set_elderly(True)
    apply = reach_contact(kiosk, qtbot, kiosk.sims.sample_cards()[0])
    pages = dict(apply.session.state.pages)
    assert pages and apply.session.state.person is not None
    window.home.click()
    leave = window._leave
    assert leave is not None and leave.isVisible()
    assert window.current is apply  # nothing wiped yet
    for theme in (ELDERLY, NORMAL):
        window.apply_theme(theme)
        assert check_minimums(leave, theme, f"leave/{theme.name}") >= 4
    window.apply_theme(ELDERLY)
    leave.keep_going.click()
    assert not leave.isVisible() and window.current is apply
    assert dict(apply.session.state.pages) == pages  # the visit goes on as it was
    # asked again, and this time given up: wiped, 关怀模式 kept for the same citizen
    window.home.click()
    assert leave.isVisible()
    leave.give_up.click()
    QApplication.processEvents()
    assert window.current is window.attract and not leave.isVisible()
    assert apply.session.state.person is None and not apply.session.state.pages
    assert window.ctx.theme is ELDERLY and window.care.isChecked()
    window.set_elderly(False)


def test_home_with_nothing_to_lose_goes_at_once(kiosk: Kiosk) -> None:
    window = kiosk.window
    window.show_screen("guide")
    window.home.click()
    assert window.current is window.attract
    assert window._leave is None or not window._leave.isVisible()

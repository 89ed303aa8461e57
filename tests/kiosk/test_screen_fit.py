"""Every screen fits the kiosk's screens (1920x1080, 1280x1024, 1024x768 and the
1080x1920 portrait kiosk) in both modes: each main action and the top bar lie wholly
inside the window and are visible without scrolling. The worst case reported —
关怀模式 with the printer out of paper pushed "完成" below the edge — is reached for real
(the printer's output path made unwritable). Each test runs in Chinese and in English:
the English captions and titles are longer, and wrapped the elderly top bar to three
lines."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.screens.apply import CAPTURE, CONFIRM, CONTACT, DONE, IDENTIFY, REVIEW, ApplyScreen
from kiosk.screens.evaluate import EvaluateScreen
from kiosk.screens.guide import GuideScreen
from kiosk.screens.progress import ProgressScreen
from kiosk.theme import MIN_ACTION_PX, Theme
from tests.kiosk.conftest import Kiosk
from tests.kiosk.fit import SIZES, THEMES, check_fit
from tests.kiosk.quick_apply import hand_in_pages

ITEM = "SB-004"


@pytest.fixture(params=["zh_CN", "en"])
def kiosk(request: pytest.FixtureRequest, kiosk_factory: Callable[..., Kiosk],
          station_dir: Path) -> Kiosk:
    return kiosk_factory(station_dir, language=request.param)


def _pages(kiosk: Kiosk) -> list[object]:
    window = kiosk.window
    return [*window._pages.values(), window._away.page]


def _fit(kiosk: Kiosk, where: str, themes: tuple[Theme, ...] = THEMES) -> None:
    """Both themes (or `themes`) at every size. The window stays in the last theme
    checked (check_fit without `restore`): the flows below switch the theme once per
    step they check, and each step is still measured in both."""
    window = kiosk.window
    checked = check_fit(window, _pages(kiosk), where, window.set_elderly, themes,
                        restore=False)
    assert checked >= len(SIZES) * len(themes)  # the top bar at least, at each size


def test_the_window_takes_each_size(kiosk: Kiosk) -> None:
    for w, h in SIZES:  # the offscreen screen does not clamp the sizes we test at
        kiosk.window.resize(w, h)
        assert (kiosk.window.width(), kiosk.window.height()) == (w, h)


def test_screens_without_a_citizen_fit(kiosk: Kiosk) -> None:
    window = kiosk.window
    guide = window.screens["guide"]
    assert isinstance(guide, GuideScreen)
    for theme in THEMES:  # one theme switch for all the screens, not two per screen
        for name in ("attract", "apply", "progress", "reprint", "evaluate", "guide", "pin",
                     "maintenance"):
            window.show_screen(name)
            _fit(kiosk, name, (theme,))
        guide.show_item(kiosk.services.catalog.item("SB-002"))
        _fit(kiosk, "guide/item", (theme,))
        window.show_screen("progress")
        window.overlay.show_seconds(12)
        _fit(kiosk, "countdown", (theme,))
        window.overlay.hide()
    window.set_elderly(False)


def test_apply_with_the_printer_out_and_the_card_taken_out_fit(
    kiosk: Kiosk, qtbot: QtBot, station_dir: Path
) -> None:
    window = kiosk.window
    card = kiosk.sims.sample_cards()[0]
    window.attract.buttons["apply"].click()
    apply = window.screens["apply"]
    assert isinstance(apply, ApplyScreen)
    apply.item_buttons[ITEM].click()
    assert apply.steps.currentIndex() == IDENTIFY
    _fit(kiosk, "apply/identify")
    kiosk.sims.place_card(card)
    qtbot.waitUntil(lambda: apply.steps.currentIndex() == CONFIRM, timeout=10_000)
    _fit(kiosk, "apply/confirm")
    window.card_removed()
    assert window.card_away_shown
    _fit(kiosk, "card away")
    window.card_placed(card)
    apply.yes.click()
    assert apply.steps.currentIndex() == CAPTURE
    _fit(kiosk, "apply/capture")
    # the pages as the camera step hands them (its automatic capture: test_kiosk_flows)
    hand_in_pages(apply, qtbot)
    assert apply.steps.currentIndex() == CONTACT
    _fit(kiosk, "apply/contact")
    for d in "13905712345":
        apply.contact.keypad.press(d)
    apply.contact.keypad.ok_key.click()
    assert apply.steps.currentIndex() == REVIEW
    _fit(kiosk, "apply/review")
    printer_file = station_dir / "printer" / "receipts.escpos"  # the printer fails for real
    printer_file.unlink(missing_ok=True)
    printer_file.mkdir(parents=True)
    apply.submit.click()
    qtbot.waitUntil(lambda: apply.steps.currentIndex() == DONE, timeout=20_000)
    # the code, and staff called in one message beside it
    assert apply.qr.isVisible() and apply.printer_trouble.isVisible()
    _fit(kiosk, "apply/done, printer out")
    outcome = apply.session.state.outcome
    assert outcome is not None

    # that case's progress, its reprint with the printer still out, its rating
    window.reset_to_attract()
    window.scanned(outcome.accepted.receipt.qr_payload)
    progress = window.screens["progress"]
    assert isinstance(progress, ProgressScreen)
    qtbot.waitUntil(lambda: bool(progress.cases.cards), timeout=10_000)
    _fit(kiosk, "progress/result")
    window.reset_to_attract()
    window.attract.buttons["reprint"].click()
    reprint = window.screens["reprint"]
    window.card_placed(card)
    qtbot.waitUntil(lambda: bool(reprint.cases.buttons), timeout=10_000)
    reprint.cases.buttons[0].click()
    qtbot.waitUntil(lambda: reprint.qr.isVisible(), timeout=10_000)
    _fit(kiosk, "reprint/printer out")
    window.reset_to_attract()
    window.card_removed()  # the card given by hand above is taken (not left lying there)
    window.attract.buttons["evaluate"].click()
    evaluate = window.screens["evaluate"]
    assert isinstance(evaluate, EvaluateScreen)
    case = kiosk.services.cases_of(kiosk.services.person_from_card(card))[0]
    evaluate._person = kiosk.services.person_from_card(card)
    evaluate.identify.hide()
    evaluate.heading.show()
    evaluate._chosen(case)  # the rating page (a finished case is not needed to lay it out)
    evaluate.rating_buttons[1].click()
    assert evaluate.reason_box.isVisible() and evaluate.submit.isVisible()
    # the ratings wrap (Chinese after their degree word) and take fewer columns when a
    # word would not fit whole: captions checked in both languages
    _fit(kiosk, "evaluate/reasons")



def test_the_title_is_shown_whole_in_english(
    kiosk_factory: Callable[..., Kiosk], station_dir: Path
) -> None:
    """"Apply for a service" in 关怀模式 on a 1024-wide screen wrapped to three lines
    and made the top bar ~240 px tall; then it was elided to "Ap…"; then it shrank to
    34 px on two lines. Now it is whole at every size in both modes: on one line, or on
    two at a smaller size (never below a heading's 30 px), always within the height of
    the buttons beside it; care mode words it shorter ("Apply") and keeps it at least as
    large as normal mode (tests/kiosk/test_care_title.py checks every screen)."""
    window = kiosk_factory(station_dir, language="en").window
    window.show_screen("apply")
    title = window.heading.text()
    assert title == "Apply for a service"
    sizes = {}
    for elderly in (False, True):
        window.set_elderly(elderly)
        expected = "Apply" if elderly else title
        for w, h in SIZES:
            window.resize(w, h)
            QApplication.processEvents()
            heading = window.heading
            font, lines = heading.fitted(float(heading.contentsRect().width()))
            assert " ".join(line for line, _ in lines) == expected, (elderly, w, h, lines)
            assert all(natural <= heading.contentsRect().width() for _, natural in lines)
            assert len(lines) <= 2 and font.pixelSize() >= MIN_ACTION_PX, (elderly, w, lines)
            assert heading.height() <= window.care.height(), (elderly, w, h)
            assert heading.heightForWidth(heading.width()) <= window.care.height()
            sizes[elderly, w, h] = font.pixelSize()
    window.set_elderly(False)
    assert window.heading.toolTip() == title
    # the reported case: whole, and no smaller in care mode than in normal mode
    assert sizes[True, 1024, 768] >= sizes[False, 1024, 768]


def test_the_initials_pad_fits_with_the_page_buttons(kiosk: Kiosk) -> None:
    """s12 #4: the pinyin-initials pad (four rows of seven keys) ran off a 1024x768
    screen in 关怀模式, "Delete" and "Clear" clipped, the item list and 上一页/下一页 pushed
    below the edge. Now every letter key, 删除 and 清空 are on screen whole, with the page
    buttons of a catalog long enough to need them, at every size in both modes."""
    from tests.kiosk.big_catalog import big_catalog
    from tests.kiosk.fit import unseen

    window = kiosk.window
    catalog = big_catalog(kiosk.services.catalog, 500)
    kiosk.services.set_catalog(catalog)
    apply = window.screens["apply"]
    assert isinstance(apply, ApplyScreen)
    apply.session.set_catalog(catalog)
    window.show_screen("apply")
    apply.search.toggle.click()
    search = apply.search
    assert search.pad.isVisible() and apply.items.nav.isVisible()
    keys = [*search.keys.values(), search.delete, search.clear_key]
    hidden: list[str] = []
    for theme in THEMES:
        window.set_elderly(theme.name == "elderly")
        for w, h in SIZES:
            window.resize(w, h)
            hidden += unseen(window, keys, f"initials {theme.name} {w}x{h}")
            # no scroll bar for the page itself: the pad and the page buttons in view
            page = window.page_of(apply)
            if page.verticalScrollBar().maximum() or page.horizontalScrollBar().maximum():
                hidden.append(f"initials {theme.name} {w}x{h}: the page scrolls")
    assert not hidden, "\n".join(hidden)
    _fit(kiosk, "apply/initials")  # the page buttons in view, no caption clipped
    window.set_elderly(False)

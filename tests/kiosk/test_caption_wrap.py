"""Long choices keep every word on screen: a caption wider than its button wraps at its
spaces (or, in Chinese, after a rating's degree word) instead of being clipped. The
reviewer found the five ratings clipped in 关怀模式 and "Through the village/community
agent" clipped at 1024 wide; both are measured here at every kiosk size, both modes,
with the window's own fit check (main actions on screen, no caption clipped)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.screens.evaluate import EvaluateScreen
from kiosk.theme import ELDERLY, Theme
from kiosk.widgets import SOFT_BREAK
from tests.kiosk.conftest import Kiosk
from tests.kiosk.fit import SIZES, THEMES, check_fit, clipped_lines, unseen
from tests.kiosk.quick_apply import reach_contact, submit_application


def _pages(kiosk: Kiosk) -> list[object]:
    return [*kiosk.window._pages.values(), kiosk.window._away.page]


def _current_first(current: Theme) -> list[Theme]:
    """Both themes, the one the window is in first (a switch costs ~0.15 s)."""
    return sorted(THEMES, key=lambda theme: theme is not current)


def test_the_ratings_and_reasons_keep_their_words_in_chinese(
    kiosk: Kiosk, qtbot: QtBot
) -> None:
    window = kiosk.window
    card = kiosk.sims.sample_cards()[0]
    submit_application(kiosk, qtbot, card)
    window.reset_to_attract()
    window.attract.buttons["evaluate"].click()
    evaluate = window.screens["evaluate"]
    assert isinstance(evaluate, EvaluateScreen)
    person = kiosk.services.person_from_card(card)
    case = kiosk.services.cases_of(person)[0]
    evaluate._person = person
    evaluate.identify.hide()
    evaluate.heading.show()
    evaluate._chosen(case)  # the rating page (a finished case is not needed to lay it out)
    evaluate.rating_buttons[1].click()  # 非常不满意: the reasons too
    assert evaluate.reason_box.isVisible() and evaluate.submit.isVisible()
    # (the window stays in the last theme checked: the loop below starts with it, one
    # theme switch fewer each way)
    assert check_fit(window, _pages(kiosk), "evaluate/reasons", window.set_elderly,
                     restore=False) >= 6
    # a rating breaks after its degree word, never inside "不满意"
    for theme in _current_first(window.ctx.theme):
        window.set_elderly(theme is ELDERLY)
        for w, h in SIZES:
            window.resize(w, h)
            QApplication.processEvents()
            for button in [*evaluate.rating_buttons.values(),
                           *evaluate.reason_buttons.values()]:
                assert not clipped_lines(button), (theme.name, w, button.text())
                assert SOFT_BREAK not in button.text()
            for value, button in evaluate.rating_buttons.items():  # stars on one line
                lines = button.text().split("\n")
                assert lines[-1] in ("★" * value, f"★×{value}"), (theme.name, w, lines)
            words = evaluate.rating_buttons[1].text().split("\n")[:-1]  # less the stars
            assert "".join(words).removeprefix("✓ ") == "非常不满意", words
            assert all(part in ("✓ 非常", "非常", "不满意", "✓ 非常不满意", "非常不满意")
                       for part in words), words
    window.set_elderly(False)
    said = len(kiosk.app.voice.spoken)
    window.replay.click()  # the spoken prompt and its replay stay
    assert len(kiosk.app.voice.spoken) == said + 1


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_collection_choices_keep_their_words(
    kiosk_factory: Callable[..., Kiosk], station_dir: Path, qtbot: QtBot, language: str
) -> None:
    kiosk = kiosk_factory(station_dir, language=language)
    window = kiosk.window
    apply = reach_contact(kiosk, qtbot, kiosk.sims.sample_cards()[0])
    methods = list(apply.contact.methods.values())
    assert check_fit(window, _pages(kiosk), "apply/contact", window.set_elderly,
                     restore=False) >= 6
    wrapped = []
    hidden: list[str] = []
    for theme in _current_first(window.ctx.theme):
        window.set_elderly(theme is ELDERLY)
        for w, h in SIZES:
            window.resize(w, h)
            QApplication.processEvents()
            # every choice on screen without scrolling (the third was partly below a
            # 1024x768 screen in English 关怀模式)
            hidden += unseen(window, methods, f"apply/contact {theme.name} {w}x{h}")
            for button in methods:
                assert not clipped_lines(button), (theme.name, w, button.text())
                if "\n" in button.text():
                    wrapped.append((theme.name, w))
    for w, h in SIZES:  # 关怀模式 switched on at the kiosk's own size, as a citizen does
        window.set_elderly(False)
        window.resize(w, h)
        QApplication.processEvents()
        window.set_elderly(True)
        hidden += unseen(window, methods, f"apply/contact switched to elderly at {w}x{h}")
        assert check_fit(window, _pages(kiosk), "apply/contact", window.set_elderly,
                         themes=(ELDERLY,)) >= 1
    window.set_elderly(False)
    assert not hidden, "\n".join(hidden)
    if language == "en":
        assert ("elderly", 1024) in wrapped  # the reported case is reached, and wrapped

"""The rating page fits every kiosk screen in both modes and both languages with the
LONGEST kiosk-enabled item name of the seed catalog in its heading (a short name hid that
提交评价 sat partly below a 1024x768 screen in 关怀模式), captions checked in English too
(the five English ratings in one row were clipped in 关怀模式 below 1280 wide)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.screens.evaluate import EvaluateScreen
from station.progress import CaseStage, CaseView
from tests.kiosk.conftest import Kiosk
from tests.kiosk.fit import check_fit


def _longest_case(kiosk: Kiosk) -> CaseView:
    items = kiosk.services.kiosk_items()
    english = kiosk.window.ctx.english
    item = max(items, key=lambda it: len(it.name_en if english else it.name_zh))
    now = datetime.now(UTC)
    return CaseView(uuid="u", receipt_no="K-20260101-0001", item_code=item.code,
                    item_name_zh=item.name_zh, item_name_en=item.name_en,
                    applicant_label="张*", id_label="1101**********1234", accepted_at=now,
                    stage=CaseStage.DONE, note="", bring_zh=(), bring_en=(), known_at=now)


def _rating_page(kiosk: Kiosk) -> EvaluateScreen:
    window = kiosk.window
    window.show_screen("evaluate")
    evaluate = window.screens["evaluate"]
    assert isinstance(evaluate, EvaluateScreen)
    evaluate.identify.hide()
    evaluate.heading.show()
    evaluate._chosen(_longest_case(kiosk))
    return evaluate


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_rating_page_fits_with_the_longest_item_name(
    kiosk_factory: Callable[..., Kiosk], station_dir: Path, language: str
) -> None:
    kiosk = kiosk_factory(station_dir, language=language)
    window = kiosk.window
    evaluate = _rating_page(kiosk)
    pages = [*window._pages.values(), window._away.page]  # the evaluate page built
    # each step in both themes, starting with the one the window is in and staying in the
    # last: one theme switch a step (each re-polishes every widget), not two
    assert check_fit(window, pages, "evaluate/ratings", window.set_elderly,
                     restore=False) >= 5 * 8
    evaluate.rating_buttons[4].click()  # a good rating: 提交 under the five ratings
    assert evaluate.submit.isVisible() and not evaluate.reason_area.isVisible()
    assert check_fit(window, pages, "evaluate/good rating", window.set_elderly,
                     restore=False) >= 6 * 8
    evaluate.rating_buttons[1].click()  # a low one: the reasons too
    assert evaluate.submit.isVisible() and evaluate.reason_area.isVisible()
    assert check_fit(window, pages, "evaluate/reasons", window.set_elderly,
                     restore=False) >= 5 * 8


def test_a_long_name_takes_two_lines_at_most_and_is_spoken_whole(
    kiosk_factory: Callable[..., Kiosk], station_dir: Path
) -> None:
    kiosk = kiosk_factory(station_dir, language="en")
    window = kiosk.window
    evaluate = _rating_page(kiosk)
    name = _longest_case(kiosk).item_name_en
    assert name in kiosk.app.voice.last_prompt  # the whole question for the replay button
    window.set_elderly(True)
    window.resize(1024, 768)
    QApplication.processEvents()
    heading = evaluate.heading
    lines = heading._lines(float(heading.contentsRect().width()))
    assert len(lines) == 2 and lines[-1][0].endswith("…"), lines
    assert name in heading.accessibleName()
    evaluate.rating_buttons[1].click()  # a low rating: the others give way to the reasons
    assert {v for v, b in evaluate.rating_buttons.items() if b.isVisible()} == {1}
    assert evaluate.change.isVisible()
    evaluate.change.click()
    assert all(b.isVisible() for b in evaluate.rating_buttons.values())
    assert not evaluate.change.isVisible() and not evaluate.reason_area.isVisible()
    window.set_elderly(False)

"""After a low rating the GB/T 39734 reasons are all in view: no scrollbar inside their
panel, each reason a whole touch target (>= 60 px) showing its whole caption. At
1024x768 the seven reasons in two columns scrolled inside their panel in both modes
(in 关怀模式 three of them were out of sight)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QRect

from kiosk.theme import ELDERLY, MIN_TARGET_DIP, NORMAL
from tests.kiosk.conftest import Kiosk
from tests.kiosk.fit import clipped_lines, settle
from tests.kiosk.test_evaluate_fit import _rating_page

SIZES = ((1024, 768), (1920, 1080))


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_reason_is_in_view_without_scrolling(
    kiosk_factory: Callable[..., Kiosk], station_dir: Path, language: str
) -> None:
    kiosk = kiosk_factory(station_dir, language=language)
    window = kiosk.window
    evaluate = _rating_page(kiosk)  # the longest item name in the question above them
    evaluate.rating_buttons[1].click()
    area = evaluate.reason_area
    bad = []
    for theme in (NORMAL, ELDERLY):
        window.set_elderly(theme is ELDERLY)
        for size in SIZES:
            window.resize(*size)
            settle(window)
            where = f"{language} {theme.name} {size}"
            assert area.isVisible() and evaluate.submit.isVisible()
            if area.verticalScrollBar().maximum() > 0:
                bad.append(f"{where}: the reasons scroll by "
                           f"{area.verticalScrollBar().maximum()} px")
            viewport = area.viewport()
            for button in evaluate.reason_buttons.values():
                rect = QRect(button.mapTo(viewport, button.rect().topLeft()), button.size())
                if not viewport.rect().contains(rect):
                    bad.append(f"{where}: {button.text()!r} outside the panel at {rect}")
                if min(button.width(), button.height()) < MIN_TARGET_DIP:
                    bad.append(f"{where}: {button.text()!r} is {button.size()}")
                if button.height() < button.sizeHint().height() - 1:  # lines cut off
                    bad.append(f"{where}: {button.text()!r} squeezed to {button.height()}"
                               f" px of {button.sizeHint().height()}")
                bad.extend(f"{where}: {line!r} clipped" for line in clipped_lines(button))
    assert not bad, "\n".join(bad)
    window.set_elderly(False)

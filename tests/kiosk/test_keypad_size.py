"""Keypad keys are sized like keys on every screen shape: never under the touch target,
never slabs (a reviewer measured 400 px keys in portrait; landscape gave 300 x 180), the
keys kept together, and no caption clipped. Measured on the mobile-number step and the
maintenance PIN, in both modes and both languages, at every kiosk size."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.keypad import Keypad
from kiosk.theme import ELDERLY, NORMAL, key_limits
from tests.kiosk.conftest import Kiosk
from tests.kiosk.fit import SIZES, clipped_lines
from tests.kiosk.quick_apply import reach_contact


def _check(keypad: Keypad, where: str) -> int:
    """Both themes at every size, starting with the theme the window is in and staying in
    the last (a theme switch re-polishes every widget: one per keypad, not two)."""
    QApplication.processEvents()
    bad = []
    keys = [*keypad.keys.values(), keypad.clear_key, keypad.back_key]
    window = keypad.window()
    current = window.ctx.theme  # type: ignore[attr-defined]
    for theme in sorted((NORMAL, ELDERLY), key=lambda theme: theme is not current):
        window.set_elderly(theme is ELDERLY)  # type: ignore[attr-defined]
        most_w, most_h = key_limits(theme)
        for w, h in SIZES:
            window.resize(w, h)
            QApplication.processEvents()
            at = f"{where} {theme.name} {w}x{h}"
            for key in keys:
                kw, kh = key.width(), key.height()
                if not (theme.target_px - 1 <= kw <= most_w and theme.target_px - 1 <= kh
                        <= most_h):
                    bad.append(f"{at}: {key.text()!r} is {kw}x{kh}")
                bad.extend(f"{at}: {line!r} clipped" for line in clipped_lines(key))
            if keypad.ok_key.property("keypad") == "tall":  # the PIN's 确定 beside the keys
                bad.extend(f"{at}: {line!r} clipped" for line in clipped_lines(keypad.ok_key))
            # the keys together: the 0 right under the 8, the rows 10 px apart
            eight, zero = keypad.keys["8"].geometry(), keypad.keys["0"].geometry()
            if zero.top() - eight.bottom() > 12 or zero.center().x() != eight.center().x():
                bad.append(f"{at}: keys apart ({eight.getRect()}, {zero.getRect()})")
    assert not bad, "\n".join(bad)
    return len(keys)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_keys_are_key_sized_on_every_screen(
    kiosk_factory: Callable[..., Kiosk], station_dir: Path, qtbot: QtBot, language: str
) -> None:
    kiosk = kiosk_factory(station_dir, language=language)
    apply = reach_contact(kiosk, qtbot, kiosk.sims.sample_cards()[0])
    assert _check(apply.contact.keypad, "contact") == 12
    kiosk.window.show_screen("pin")
    pin = kiosk.window.screens["pin"]
    assert _check(pin.keypad, "pin") == 12
    assert kiosk.window.ctx.theme is NORMAL  # the second check ends in the normal theme
    # the PIN's 确定 is as wide as a key, not the rest of the screen
    assert pin.keypad.ok_key.width() <= key_limits(NORMAL)[0]

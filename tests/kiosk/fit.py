"""Does every main action fit on the screen? Measured from live widgets: a main action
(role "main") and the top bar's buttons must lie wholly inside the window and be
wholly visible without scrolling the page (a button scrolled below the edge is a
button an elderly citizen never finds), and each line of its caption must fit inside
the button's padding and border (a clipped "Care mod" is a button nobody can read).
Buttons that are entries of a list of their own (a case's 打印, a service in the item
list) scroll with that list and are exempt."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRect
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QPushButton,
    QScrollArea,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

from kiosk.theme import ELDERLY, NORMAL, Theme

#: the kiosk screens we are asked to fit: landscape 16:9, the 5:4 and 4:3 panels of older
#: terminals, and the tall portrait kiosk
SIZES = ((1920, 1080), (1280, 1024), (1024, 768), (1080, 1920))
THEMES = (NORMAL, ELDERLY)


def _page_of(button: QWidget, pages: set[int]) -> QScrollArea | None:
    """The nearest scroll area above `button`, when it is a whole page (else None)."""
    w = button.parentWidget()
    while w is not None:
        if isinstance(w, QScrollArea):
            return w if id(w) in pages else None
        w = w.parentWidget()
    return None


def main_actions(window: QWidget, pages: Iterable[QScrollArea]) -> list[QAbstractButton]:
    page_ids = {id(p) for p in pages}
    out = []
    for b in window.findChildren(QAbstractButton):
        if not b.isVisible() or b.property("role") != "main":
            continue
        inside_list = _page_of(b, page_ids) is None and any(
            isinstance(a, QScrollArea) for a in _ancestors(b, window)
        )
        if not inside_list:
            out.append(b)
    return out


def _ancestors(w: QWidget, top: QWidget) -> list[QWidget]:
    out = []
    p = w.parentWidget()
    while p is not None and p is not top:
        out.append(p)
        p = p.parentWidget()
    return out


def caption_room(button: QAbstractButton) -> int:
    """The width the style leaves the caption: the button less its style-sheet border
    and padding (stricter than contentsRect, which for a style-sheet button is the
    whole button)."""
    if not isinstance(button, QPushButton):
        return button.contentsRect().width()
    option = QStyleOptionButton()
    button.initStyleOption(option)
    inner = button.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option,
                                          button)
    return min(inner.width(), button.contentsRect().width())


def caption_height_room(button: QAbstractButton) -> int:
    """The height the style leaves the caption (less border and padding)."""
    if not isinstance(button, QPushButton):
        return button.contentsRect().height()
    option = QStyleOptionButton()
    button.initStyleOption(option)
    inner = button.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option,
                                          button)
    return min(inner.height(), button.contentsRect().height())


def clipped_lines(button: QAbstractButton) -> list[str]:
    """The lines of the caption wider than the room the button gives them, and every
    line when there are more lines than its height holds (a wrapped caption in a button
    squeezed to its least height: s12 #4, the item list in English 关怀模式)."""
    metrics = QFontMetrics(button.font())
    room = caption_room(button)
    lines = button.text().split("\n")
    # the font's height a line, the last line's leading not needed; 2 px of rounding
    if len(lines) * metrics.height() > caption_height_room(button) + 2:
        return [f"{len(lines)} lines in {caption_height_room(button)} px: {line}"
                for line in lines]
    return [line for line in lines if metrics.horizontalAdvance(line) > room]


def settle(window: QWidget) -> None:
    """Let the layouts settle: a caption that wraps on a resize changes its button's
    height, which asks for another layout pass (one round of events measured the
    button before it had grown)."""
    before = None
    for _ in range(6):
        QApplication.processEvents()
        now = [b.geometry() for b in window.findChildren(QAbstractButton) if b.isVisible()]
        if now == before:
            return
        before = now


def unseen(window: QWidget, buttons: Iterable[QAbstractButton], where: str) -> list[str]:
    """`buttons` not wholly inside the window or not wholly visible without scrolling
    (choices that are not main actions, e.g. how to collect the result)."""
    settle(window)
    frame = window.rect()
    bad = []
    for b in buttons:
        rect = QRect(b.mapTo(window, b.rect().topLeft()), b.size())
        seen = b.visibleRegion().boundingRect()
        if not frame.contains(rect) or seen != b.rect():
            bad.append(f"{where}: {b.text()!r} at {rect.getRect()} (visible {seen.getRect()})")
    return bad


def misfits(window: QWidget, pages: Iterable[QScrollArea], where: str,
            captions: bool = True) -> list[str]:
    settle(window)
    bad = []
    frame = window.rect()
    for b in main_actions(window, list(pages)):
        rect = QRect(b.mapTo(window, b.rect().topLeft()), b.size())
        seen = b.visibleRegion().boundingRect()
        if not frame.contains(rect) or seen != b.rect():
            bad.append(f"{where}: {b.text()!r} at {rect.getRect()} (visible {seen.getRect()})")
    # every caption read whole, not only the main actions': a big secondary button
    # ("No, start again", a keypad's "Delete") clipped in English 关怀模式 at 1024x768
    # is as unreadable (s12 #4)
    shown = [b for b in window.findChildren(QAbstractButton) if b.isVisible()]
    for b in shown if captions else []:
        for line in clipped_lines(b):
            width = QFontMetrics(b.font()).horizontalAdvance(line)
            bad.append(f"{where}: {line!r} clipped: {width} px of text in {caption_room(b)} px")
    return bad


def check_fit(window: QWidget, pages: Iterable[QScrollArea], where: str,
              set_theme: object, themes: Iterable[Theme] = THEMES,
              captions: bool = True, *, restore: bool = True) -> int:
    """Every size, every theme: returns how many buttons were checked; asserts none
    misfits (and, with `captions`, that no caption is clipped).

    With `restore` the window ends in the normal theme. Without it, the theme the
    window is in is checked first and the window stays in the last one checked: a
    flow that checks each of its steps in both themes then switches once a step,
    not twice (a switch re-polishes every widget of every screen, ~0.15 s)."""
    pages = list(pages)
    themes = list(themes)
    current = getattr(getattr(window, "ctx", None), "theme", None)
    if not restore and current in themes:
        themes.remove(current)
        themes.insert(0, current)
    bad: list[str] = []
    checked = 0
    # nothing is painted while the sizes are measured: the check reads geometry, visible
    # regions and font metrics, never pixels (painting each state was a sixth of its time)
    window.setUpdatesEnabled(False)
    try:
        for theme in themes:
            set_theme(theme is ELDERLY)  # type: ignore[operator]
            for w, h in SIZES:
                window.resize(w, h)
                found = misfits(window, pages, f"{where} {theme.name} {w}x{h}", captions)
                bad.extend(found)
                checked += len(main_actions(window, pages))
        window.resize(1920, 1080)
    finally:
        window.setUpdatesEnabled(True)
    if restore:
        set_theme(False)  # type: ignore[operator]
    assert not bad, "\n".join(bad)
    return checked

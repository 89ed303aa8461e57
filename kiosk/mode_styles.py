"""The mode's style sheet (normal or 关怀模式) on the kiosk window, restyling only what is
shown.

A style sheet set on a widget restyles every widget under it, hidden ones too: on the
window, each switch of 关怀模式 (and each end of a visit in it) restyled every widget of
every built screen, some hundreds, a good part of a second of the kiosk's CPU while the
citizen waits. The window keeps a sheet that never changes (kiosk.theme.FRAME_SHEET);
the mode's sheet is set on the window's other parts (the top bar, the status line, the
overlays) and on the pages of the screen stack one by one: the page shown at once, a
hidden page when it is shown (before it is painted: the stack says so synchronously).
"""

from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget, QWidget

from kiosk.theme import FRAME_SHEET


class ModeStyles:
    def __init__(self, window: QWidget, sheet: str) -> None:
        self._window = window
        self._stack: QStackedWidget | None = None
        #: the current mode's sheet: a page made now takes it before its content
        self.sheet = sheet
        window.setStyleSheet(FRAME_SHEET)

    def watch(self, stack: QStackedWidget) -> None:
        """`stack`'s pages restyled as they are shown; connect before anything else
        that looks at a new page (its sizes are the mode's by then)."""
        self._stack = stack
        stack.currentChanged.connect(self._restyle_page)

    def apply(self, sheet: str) -> None:
        """A new mode: the window's parts and the page shown now, the other pages later."""
        self.sheet = sheet
        for child in self._window.children():
            if isinstance(child, QWidget) and child is not self._stack:
                self.restyle(child)
        if self._stack is not None:
            self._restyle_page(self._stack.currentIndex())

    def restyle(self, widget: QWidget) -> None:
        """`widget` and everything in it in the current mode (nothing to do when it is)."""
        if widget.styleSheet() != self.sheet:
            widget.setStyleSheet(self.sheet)

    def _restyle_page(self, index: int) -> None:
        assert self._stack is not None
        page = self._stack.widget(index)
        if page is not None:
            self.restyle(page)

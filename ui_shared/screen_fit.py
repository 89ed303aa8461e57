"""Dialog sizes that fit the screen they open on: a hall PC is often 1366x768, and a
dialog taller than the screen hides its own buttons and scroll bars."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

#: room left for the task bar and the window frame
_MARGIN = 0.92


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize ``widget`` to ``width`` x ``height``, or less where its screen is smaller."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width = min(width, int(room.width() * _MARGIN))
        height = min(height, int(room.height() * _MARGIN))
    widget.resize(max(width, 200), max(height, 150))

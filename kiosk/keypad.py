"""An on-screen numeric keypad: no physical keyboard, no Chinese text input."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QWidget

from kiosk.widgets import BigButton


class Keypad(QWidget):
    changed = Signal(str)
    submitted = Signal(str)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        max_length: int = 11,
        secret: bool = False,
        ok_in_grid: bool = True,
    ) -> None:
        super().__init__(parent)
        self.max_length = max_length
        self.secret = secret
        self._digits = ""
        grid = QGridLayout(self)
        grid.setSpacing(10)
        # the keys stop growing at the theme's key size (kiosk.theme.key_limits); the
        # room left over goes to an empty row and column on each side: the keys stay
        # together in the middle instead of spreading over the whole screen
        grid.setContentsMargins(0, 0, 0, 0)
        self._grid = grid
        self.keys: dict[str, BigButton] = {}
        for i, d in enumerate("123456789"):
            self._key(grid, d, i // 3 + 1, i % 3 + 1)
        self.clear_key = BigButton(self.tr("Clear"), self, role="secondary")
        self.clear_key.clicked.connect(self.clear)
        self._place(self.clear_key, 4, 1)
        self._key(grid, "0", 4, 2)
        self.back_key = BigButton(self.tr("Delete"), self, role="secondary")
        self.back_key.clicked.connect(self.backspace)
        self._place(self.back_key, 4, 3)
        self.ok_key = BigButton(self.tr("OK"), self, role="main")
        self.ok_key.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.ok_key.clicked.connect(lambda: self.submitted.emit(self._digits))
        # a tall key beside the digits, not a fifth row: the keypad fits a 768-line
        # screen in 关怀模式. A screen with a row of its own under the keypad
        # (ok_in_grid=False) places the key there, where its caption has the room.
        if ok_in_grid:
            self.ok_key.setProperty("keypad", "tall")  # as wide as a key, four rows tall
            grid.addWidget(self.ok_key, 1, 4, 4, 1)
        last = 5 if ok_in_grid else 4
        for edge in (0, last):
            grid.setColumnStretch(edge, 1)
        grid.setRowStretch(5, 1)  # the keys at the top, near the number they type
        for column in range(1, last):
            grid.setColumnStretch(column, 2)
        for row in range(1, 5):
            grid.setRowStretch(row, 2)

    def _place(self, button: BigButton, row: int, col: int) -> None:
        button.setProperty("keypad", "key")
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._grid.addWidget(button, row, col)

    def _key(self, grid: QGridLayout, digit: str, row: int, col: int) -> None:
        button = BigButton(digit, self, role="main")
        button.setAccessibleName(digit)
        button.clicked.connect(lambda: self.press(digit))
        self._place(button, row, col)
        self.keys[digit] = button

    @property
    def digits(self) -> str:
        return self._digits

    def display(self) -> str:
        return "●" * len(self._digits) if self.secret else self._digits

    def press(self, digit: str) -> None:
        if len(self._digits) < self.max_length:
            self._digits += digit
            self.changed.emit(self.display())

    def backspace(self) -> None:
        self._digits = self._digits[:-1]
        self.changed.emit(self.display())

    def clear(self) -> None:
        self._digits = ""
        self.changed.emit(self.display())

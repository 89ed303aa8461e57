"""The attract screen: what this kiosk does, in five big buttons."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.context import KioskContext, Screen
from kiosk.widgets import BigButton, Text
from ui_shared.qt_by_name import set_by_name

SERVICES = ("apply", "progress", "reprint", "evaluate", "guide")


class AttractScreen(Screen):
    service_chosen = Signal(str)

    def __init__(self, ctx: KioskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.welcome = Text(self.tr("Welcome"), self, role="title")
        set_by_name(self.welcome, "alignment", "AlignCenter")  # no Qt namespace yet
        self.hint = Text(self.tr("Touch a button to begin"), self, role="heading")
        set_by_name(self.hint, "alignment", "AlignCenter")
        self.hint.setProperty("detail", True)  # 关怀模式: fewer words
        labels = {
            "apply": self.tr("Apply for\na service"),
            "progress": self.tr("Check\nprogress"),
            "reprint": self.tr("Reprint\na receipt"),
            "evaluate": self.tr("Rate\nour service"),
            "guide": self.tr("Service\nguide"),
        }
        self.buttons: dict[str, BigButton] = {}
        grid = QGridLayout()
        grid.setSpacing(24)
        for i, key in enumerate(SERVICES):
            button = BigButton(labels[key], self, role="main")
            button.setObjectName(f"service_{key}")
            button.setMinimumHeight(ctx.theme.target_px * 2)
            # never narrower than its words: the columns share out what is left
            button.setSizePolicy(QSizePolicy.Policy.MinimumExpanding,
                                 QSizePolicy.Policy.Preferred)
            button.clicked.connect(lambda _c=False, k=key: self.service_chosen.emit(k))
            grid.addWidget(button, i // 3, i % 3)
            self.buttons[key] = button
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 24, 48, 24)
        layout.addWidget(self.welcome)
        layout.addWidget(self.hint)
        layout.addSpacing(24)
        layout.addLayout(grid, 1)

    def title(self) -> str:
        return self.tr("Self-service")

    def prompt(self) -> str:
        return self.tr("Welcome. Touch a button to begin.")

    def set_station_name(self, name: str) -> None:
        self.welcome.setText(self.tr("Welcome to %1").replace("%1", name))

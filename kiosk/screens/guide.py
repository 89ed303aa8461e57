"""办事指南: browse the catalog by life event or department; read and print an item's guide.
No identification needed, so nothing here is personal."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from intake.catalog import LIFE_EVENTS, ServiceItem
from kiosk.context import KioskContext, Screen
from kiosk.drag_scroll import drag_to_scroll
from kiosk.widgets import BigButton, Text
from station.print_allowance import GUIDE, PRINTS_PER_WINDOW
from ui_shared.messages import user_message

BY_EVENT, BY_DEPARTMENT = "event", "department"
#: guides one visit prints at the most (a receipt roll is shared by everyone); nobody is
#: identified here, so the kiosk's own ceiling over a time window bounds a visitor who
#: goes home and back again and again (station.print_allowance)
GUIDE_PRINTS_PER_VISIT = PRINTS_PER_WINDOW


class GuideScreen(Screen):

    def __init__(self, ctx: KioskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._mode = BY_EVENT
        self._printed_this_visit = 0
        self._item: ServiceItem | None = None
        self.pages = QStackedWidget(self)
        # page 0: groups
        groups_page = QWidget()
        self.by_event = BigButton(self.tr("By life event"), groups_page, role="main")
        self.by_department = BigButton(self.tr("By department"), groups_page, role="main")
        for b, mode in ((self.by_event, BY_EVENT), (self.by_department, BY_DEPARTMENT)):
            b.setCheckable(True)
            b.clicked.connect(lambda _c=False, m=mode: self.set_mode(m))
        self.groups = QListWidget(groups_page)
        self.groups.itemClicked.connect(self._group_chosen)
        modes = QHBoxLayout()
        modes.addWidget(self.by_event)
        modes.addWidget(self.by_department)
        g = QVBoxLayout(groups_page)
        g.addLayout(modes)
        g.addWidget(self.groups, 1)
        # page 1: items of a group
        items_page = QWidget()
        self.group_title = Text("", items_page, role="heading")
        self.items = QListWidget(items_page)
        self.items.setWordWrap(True)
        self.items.itemClicked.connect(self._item_chosen)
        self.back_to_groups = BigButton(self.tr("Back"), items_page, role="secondary")
        self.back_to_groups.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        i = QVBoxLayout(items_page)
        i.addWidget(self.group_title)
        i.addWidget(self.items, 1)
        i.addWidget(self.back_to_groups)
        # page 2: one item's guide
        detail_page = QWidget()
        self.detail_title = Text("", detail_page, role="heading")
        self.detail = Text("", None, role="card")
        # read from the top, as a page is: a short guide centred in the card left an
        # empty band over it
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea(detail_page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.detail)
        # a finger drags the guide's text and its lists, not only their scroll bars
        for area in (scroll, self.groups, self.items):
            drag_to_scroll(area)
        self.print_button = BigButton(self.tr("Print this guide"), detail_page, role="main")
        self.print_button.clicked.connect(self._print)
        self.back_to_items = BigButton(self.tr("Back"), detail_page, role="secondary")
        self.back_to_items.clicked.connect(lambda: self.pages.setCurrentIndex(1))
        self.status = Text("", detail_page, role="warn")
        self.status.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_to_items)
        buttons.addWidget(self.print_button)
        d = QVBoxLayout(detail_page)
        d.addWidget(self.detail_title)
        d.addWidget(scroll, 1)
        d.addWidget(self.status)
        d.addLayout(buttons)
        for page in (groups_page, items_page, detail_page):
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.set_mode(BY_EVENT)

    def title(self) -> str:
        return self.tr("Service guide")

    def care_title(self) -> str:
        return self.tr("Guide", "care-mode title: fewer words, larger")

    def prompt(self) -> str:
        return self.tr("Choose a topic, then a service, to see what to bring.")

    def enter(self) -> None:
        self.set_mode(self._mode)

    def wipe(self) -> None:
        self._printed_this_visit = 0
        self.print_button.setEnabled(True)  # a print still running belongs to the last visit
        self.status.hide()
        self.pages.setCurrentIndex(0)

    def set_mode(self, mode: str) -> None:
        self._mode = mode
        self.by_event.setChecked(mode == BY_EVENT)
        self.by_department.setChecked(mode == BY_DEPARTMENT)
        self.groups.clear()
        en = self.ctx.english
        catalog = self.ctx.services.catalog
        if mode == BY_EVENT:
            for code, (zh, english) in LIFE_EVENTS.items():
                if any(code in it.life_events for it in catalog.items):
                    self._add(self.groups, english if en else zh, code)
        else:
            seen: dict[str, str] = {}
            for it in catalog.items:
                seen.setdefault(it.department_zh, it.department_en if en else it.department_zh)
            for key, label in seen.items():
                self._add(self.groups, label, key)
        self.pages.setCurrentIndex(0)

    @staticmethod
    def _add(widget: QListWidget, label: str, key: str) -> None:
        row = QListWidgetItem(label)
        row.setData(Qt.ItemDataRole.UserRole, key)
        widget.addItem(row)

    def _group_chosen(self, row: QListWidgetItem) -> None:
        key = str(row.data(Qt.ItemDataRole.UserRole))
        catalog = self.ctx.services.catalog
        if self._mode == BY_EVENT:
            chosen = [it for it in catalog.items if key in it.life_events]
        else:
            chosen = [it for it in catalog.items if it.department_zh == key]
        self.group_title.setText(row.text())
        self.items.clear()
        for it in chosen:
            self._add(self.items, it.name_en if self.ctx.english else it.name_zh, it.code)
        self.pages.setCurrentIndex(1)

    def _item_chosen(self, row: QListWidgetItem) -> None:
        self.show_item(self.ctx.services.catalog.item(str(row.data(Qt.ItemDataRole.UserRole))))

    def show_item(self, item: ServiceItem) -> None:
        self._item = item
        en = self.ctx.english
        self.detail_title.setText(item.name_en if en else item.name_zh)
        ask = self.tr("Ask at the window")
        department = item.department_en if en else item.department_zh
        fees = (item.fees_en if en else item.fees_zh) or ask
        basis = (item.legal_basis_en if en else item.legal_basis_zh) or ask
        lines = [
            self.tr("Department: %1").replace("%1", department),
            self.tr("Promised time: %n working day(s)", "", item.time_limit_days),
            self.tr("Fees: %1").replace("%1", fees),
            "",
            self.tr("Materials to bring:"),
        ]
        for n, m in enumerate(item.materials, start=1):
            name = m.name_en if en else m.name_zh
            need = self.tr("required") if m.required else self.tr("if it applies")
            lines.append(f"{n}. {name} ({need})")
        lines += ["", self.tr("Legal basis: %1").replace("%1", basis)]
        if item.kiosk_enabled:
            lines += ["", self.tr("You can apply for this at this kiosk.")]
        self.detail.setText("\n".join(lines))
        self.status.hide()
        self.pages.setCurrentIndex(2)

    def _print(self) -> None:
        item = self._item
        if item is None:
            return
        if self._printed_this_visit >= GUIDE_PRINTS_PER_VISIT:
            self._say(self.tr("That is as many guides as one visit can print; for more, "
                              "please ask at the window."))
            return
        if self.ctx.services.prints_left(GUIDE) <= 0:
            # nobody is asked who they are here: without a cap one visitor empties the
            # paper roll the next citizen's receipt needs (review7)
            self._say(self._limit_words())
            return
        services = self.ctx.services
        self.print_button.setEnabled(False)
        # its own paper (devices.printer.guide), not a receipt
        # its answer only to this visit: a print that ends after 回首页 neither counts
        # against nor speaks to the next citizen
        self.visit_task(lambda: services.print_guide(item), self._printed, self._failed)

    def _limit_words(self) -> str:
        # the kiosk's share, not this citizen's: the next citizen may have printed
        # nothing ("as many as can be printed" read as their own doing); when it frees
        minutes = max(1, math.ceil(self.ctx.services.print_wait_s(GUIDE) / 60))
        return (self.tr("This kiosk has printed many guides just now. You can print "
                        "again in about %1 min, or ask at the window for one.")
                .replace("%1", str(minutes)))

    def _printed(self, _data: bytes) -> None:
        self._printed_this_visit += 1
        self.print_button.setEnabled(True)
        self._say(self.tr("Printed. Please take the guide."))

    def _failed(self, error: BaseException) -> None:
        self.print_button.setEnabled(True)
        if getattr(error, "code", "") == "kiosk.print_limit":  # spent meanwhile
            self._say(self._limit_words())
            return
        self._say(
            self.tr("The printer cannot print right now (%1). Please ask at the window.")
            .replace("%1", user_message(error))
        )

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()
        self.ctx.voice.prompt(text)

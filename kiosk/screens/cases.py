"""A citizen's cases shown as plain-language cards (progress, reprint, evaluation)."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from intake.catalog import ServiceItem
from kiosk.drag_scroll import drag_to_scroll
from kiosk.widgets import BigButton, Text
from station.cases import NoticeRef
from station.progress import CaseStage, CaseView, station_time
from ui_shared.plain_text import shown

_NOTE_GAPS = re.compile(r"\n(?:[ \t]*\n)+")


#: materials a notice's card names before "and N more" (the paper names them all)
NOTICE_CARD_MATERIALS = 2

class CaseList(QScrollArea):
    """Cards of cases, each with an optional action button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._body = QWidget()
        self._layout = QVBoxLayout(self._body)
        self._layout.setSpacing(20)
        self._layout.addStretch(1)
        self.setWidget(self._body)
        drag_to_scroll(self)  # a finger drags the cases, not only the scroll bar
        self.cards: list[Text] = []
        self.buttons: list[BigButton] = []

    def stage_words(self, stage: CaseStage) -> str:
        return {
            CaseStage.WAITING_UPLOAD: self.tr(
                "Accepted here; waiting to be sent to the department"
            ),
            CaseStage.NEEDS_STAFF: self.tr("Needs a member of staff: please ask at the window"),
            CaseStage.RECEIVED: self.tr("Received by the department"),
            CaseStage.REVIEWING: self.tr("Being reviewed by the department"),
            CaseStage.SUPPLEMENT: self.tr("More materials needed: please bring them"),
            CaseStage.DONE: self.tr("Finished: you can collect the result"),
            CaseStage.REFUSED: self.tr("Not approved: please ask at the window"),
        }[stage]

    def case_text(self, case: CaseView, english: bool) -> str:
        # the note, the names and the receipt number come from the platform or the
        # catalog: outside text, shown cleaned (bidi marks and controls cannot reorder
        # or hide the words around them) and capped
        name = shown(case.item_name_en if english else case.item_name_zh, limit=120)
        # what the citizen came for first: the status, then what to do, then the numbers
        lines = [
            name,
            self.tr("Status: %1").replace("%1", self.stage_words(case.stage)),
        ]
        if case.note:
            # a department writes its note as a list: its line breaks are lines here
            # (other controls still named, invisible ones still removed), and a run of
            # empty lines is one gap, not a card pushed off the screen
            note = _NOTE_GAPS.sub("\n\n", shown(case.note, multiline=True).replace("\t", " "))
            lines.append(self.tr("Department's note: %1").replace("%1", note))
        bring = [shown(b, limit=80) for b in (case.bring_en if english else case.bring_zh)]
        # a code the catalog does not know (the platform's newer list): said in words,
        # with the code for the window staff
        bring += [self.tr("Other material (%1)").replace("%1", shown(code, limit=64))
                  for code in case.bring_unknown]
        if bring:
            lines.append(self.tr("Please bring: %1").replace(
                "%1", (", " if english else "、").join(bring)))
        lines.append(
            self.tr("Receipt number: %1").replace("%1", shown(case.receipt_no, limit=40)))
        lines.append(self.tr("As of %1").replace("%1", station_time(case.known_at)))
        return "\n".join(lines)

    def show_cases(
        self,
        cases: list[CaseView],
        english: bool,
        action: tuple[str, Callable[[CaseView], None]] | None = None,
    ) -> None:
        self.clear()
        for case in cases:
            card = Text(self.case_text(case, english), self._body, role="result")
            self._layout.insertWidget(self._layout.count() - 1, card)
            self.cards.append(card)
            if action is not None:
                label, callback = action
                button = BigButton(label, self._body, role="main")
                button.clicked.connect(lambda _c=False, c=case, f=callback: f(c))
                self._layout.insertWidget(self._layout.count() - 1, button)
                self.buttons.append(button)

    def notice_text(self, notice: NoticeRef, item: ServiceItem | None, english: bool) -> str:
        """A 一次性告知书 issued to the citizen: what it is, for which service, and what
        it asks them to bring (the catalog's names; a code it no longer knows as is)."""
        if item is None:
            name, bring = notice.item_code, list(notice.materials)
        else:
            name = item.name_en if english else item.name_zh
            known = {m.code: (m.name_en if english else m.name_zh) for m in item.materials}
            bring = [known.get(code, code) for code in notice.materials]
        # the first few only: the paper lists them all, and a long list pushed the
        # card's 打印 below the fold at 1024x768 in 关怀模式 (review s12)
        listed = (", " if english else "、").join(
            shown(b, limit=80) for b in bring[:NOTICE_CARD_MATERIALS])
        if len(bring) > NOTICE_CARD_MATERIALS:
            more = len(bring) - NOTICE_CARD_MATERIALS
            listed += self.tr(" and %1 more (all on the paper)").replace("%1", str(more))
        lines = [
            self.tr("One-time notice of missing materials"),
            shown(name, limit=120),
            self.tr("Please bring: %1").replace("%1", listed),
            self.tr("Notice number: %1").replace("%1", shown(notice.notice_no, limit=40)),
        ]
        return "\n".join(lines)

    def add_notices(
        self,
        notices: list[tuple[NoticeRef, str]],
        label: str,
        action: Callable[[NoticeRef], None],
    ) -> None:
        """After the cases: each notice's card (its text given) and its button."""
        for notice, text in notices:
            card = Text(text, self._body, role="result")
            self._layout.insertWidget(self._layout.count() - 1, card)
            self.cards.append(card)
            button = BigButton(label, self._body, role="main")
            button.clicked.connect(lambda _c=False, n=notice, f=action: f(n))
            self._layout.insertWidget(self._layout.count() - 1, button)
            self.buttons.append(button)

    def clear(self) -> None:
        widgets: list[Text | BigButton] = [*self.cards, *self.buttons]
        for w in widgets:
            w.setText("")
            self._layout.removeWidget(w)
            w.setParent(None)
            w.deleteLater()
        self.cards.clear()
        self.buttons.clear()

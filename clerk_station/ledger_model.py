"""The ledger's table model (办件台账): its columns over the shared paging model
(:mod:`clerk_station.case_pages_model`), which loads keyset pages on the disk lane as
the view scrolls, so 100 000 cases stay smooth and only the rows seen are loaded.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from clerk_station.case_pages_model import CasePagesModel, Search
from station.ledger import PAGE_SIZE
from ui_shared.plain_text import platform_status_text
from ui_shared.tasks import TaskRunner

_Index = QModelIndex | QPersistentModelIndex

class LedgerModel(CasePagesModel):
    COLUMNS = 9

    def __init__(
        self,
        search: Search,
        tasks: TaskRunner,
        *,
        item_names: Mapping[str, str] | None = None,
        english: bool = False,
    ) -> None:
        """``item_names``: item code -> name in the clerk's language (else the row's)."""
        super().__init__(search, tasks, page_size=PAGE_SIZE)
        self._item_names = dict(item_names or {})
        self._english = english
        self._headers = (
            self.tr("Receipt no."),
            self.tr("Accepted"),
            self.tr("Item"),
            self.tr("Applicant"),
            self.tr("ID number"),
            self.tr("Clerk"),
            self.tr("Queue no."),
            self.tr("Upload"),
            self.tr("Platform status"),
        )

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return self._headers[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if col == 0:
            return r.receipt_no
        if col == 1:
            return r.accepted_at.strftime("%Y-%m-%d %H:%M")
        if col == 2:
            name = self._item_names.get(r.item_code, r.item_name)
            return name if role == Qt.ItemDataRole.DisplayRole else f"{r.item_code} {name}"
        if col == 3:
            return r.applicant_name
        if col == 4:
            return r.applicant_id
        if col == 5:
            return r.clerk_name or r.clerk_id
        if col == 6:
            return r.queue_ticket
        if col == 7:
            return self.upload_text(r.sync_state)
        return platform_status_text(r.platform_status or None, where=r.receipt_no,
                                    english=self._english)

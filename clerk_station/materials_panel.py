"""The material checklist: what the item needs, what has been captured."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from intake.catalog import Material
from intake.submission import Draft
from ui_shared.plain_text import shown

_Index = QModelIndex | QPersistentModelIndex


class MaterialsModel(QAbstractTableModel):
    COLUMNS = 4

    def __init__(self, *, english: bool = False) -> None:
        super().__init__()
        self._english = english
        self._draft: Draft | None = None

    def set_draft(self, draft: Draft | None) -> None:
        self.beginResetModel()
        self._draft = draft
        self.endResetModel()

    def pages_changed(self) -> None:
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.COLUMNS - 1)
            )

    def material_at(self, row: int) -> Material:
        assert self._draft is not None
        return self._draft.item.materials[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._draft is None:
            return 0
        return len(self._draft.item.materials)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Material"), self.tr("Required"), self.tr("Pages"), self.tr("Status"))[
            section
        ]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if self._draft is None or not index.isValid():
            return None
        m = self._draft.item.materials[index.row()]
        pages = len(self._draft.pages.get(m.code, []))
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                name = m.name_en if self._english else m.name_zh
                suffix = self.tr(" (original to sight)") if m.original_to_sight else ""
                return shown(name, limit=200) + suffix
            if col == 1:
                return self.tr("Required") if m.required else self.tr("Optional")
            if col == 2:
                return str(pages)
            if pages:
                return self.tr("Captured")
            return self.tr("Missing") if m.required else "—"
        if role == Qt.ItemDataRole.ForegroundRole and col == 3:
            if pages:
                return QColor("#1b7f4f")
            if m.required:
                return QColor("#c0392b")
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (1, 2, 3):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class MaterialsPanel(QGroupBox):
    material_selected = Signal(object)  # Material

    def __init__(self, parent: QWidget | None = None, *, english: bool = False) -> None:
        super().__init__(self.tr("Materials"), parent)
        self.model = MaterialsModel(english=english)
        self.table = QTableView(self)
        self.table.setObjectName("materialsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)

    def set_draft(self, draft: Draft | None) -> None:
        self.model.set_draft(draft)
        if draft is not None and self.model.rowCount():
            self.select_row(0)

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)
        self.table.setCurrentIndex(self.model.index(row, 0))

    def current_material(self) -> Material | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.material_at(index.row())

    def select_next_missing(self, draft: Draft) -> None:
        """Move to the first required material that has no page yet."""
        missing = {m.code for m in draft.missing_materials()}
        for row in range(self.model.rowCount()):
            if self.model.material_at(row).code in missing:
                self.select_row(row)
                return

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.material_selected.emit(self.model.material_at(current.row()))

"""Search everything a kiosk could still hold about a citizen after the wipe."""

from __future__ import annotations

import gc
import types
from collections import deque
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QLabel, QListWidget, QWidget


def widget_texts(root: QWidget) -> list[str]:
    out: list[str] = [root.windowTitle()]
    for w in [root, *root.findChildren(QWidget)]:
        if isinstance(w, QLabel | QAbstractButton):
            out.append(w.text())
        if isinstance(w, QListWidget):
            out.extend(w.item(i).text() for i in range(w.count()))
        out.append(w.accessibleName())
        out.append(w.toolTip())
        payload = getattr(w, "payload", None)
        if isinstance(payload, str):
            out.append(payload)
    for model in root.findChildren(QAbstractItemModel):
        out.extend(_model_texts(model, QModelIndex()))
    return out


def _model_texts(model: QAbstractItemModel, parent: QModelIndex) -> Iterable[str]:
    try:
        columns = max(1, model.columnCount(parent))
    except TypeError:  # a list model's columnCount is not exposed to Python
        columns = 1
    for row in range(model.rowCount(parent)):
        for col in range(columns):
            index = model.index(row, col, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole,
                         Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if value is not None:
                    yield str(value)
            yield from _model_texts(model, index)


def clipboard_texts() -> list[str]:
    clipboard = QGuiApplication.clipboard()
    return [clipboard.text(mode) for mode in (QClipboard.Mode.Clipboard, QClipboard.Mode.Selection)]


def file_texts(folder: Path) -> list[str]:
    out = []
    for path in folder.rglob("*"):
        if path.is_file():
            out.append(path.read_bytes().decode("utf-8", "replace"))
    return out


_SKIP = (types.ModuleType, type, types.FunctionType, types.BuiltinFunctionType,
         types.MethodType, types.CodeType, types.FrameType)


def reachable_strings(roots: Iterable[Any], *, exclude: Iterable[Any] = (),
                      limit: int = 400_000) -> list[str]:
    """Every str reachable from `roots` through object references (not through modules,
    classes or functions: those lead to the whole interpreter), skipping `exclude`."""
    skip = {id(x) for x in exclude}
    seen: set[int] = set()
    queue = deque(roots)
    found: list[str] = []
    while queue and len(seen) < limit:
        obj = queue.popleft()
        if id(obj) in seen or id(obj) in skip or isinstance(obj, _SKIP):
            continue
        seen.add(id(obj))
        if isinstance(obj, str):
            found.append(obj)
            continue
        if isinstance(obj, bytes | bytearray):
            found.append(bytes(obj).decode("utf-8", "replace"))
            continue
        queue.extend(gc.get_referents(obj))
    return found


def leaks(texts: Iterable[str], secrets: Iterable[str]) -> list[str]:
    wanted = [s for s in secrets if s]
    return [t[:120] for t in texts if any(s in t for s in wanted)]

"""Outside text on screen: always plain text, controls visible, length capped.

Scanned codes, card fields, platform statuses and notes, catalog names and file names
are hostile input. Qt shows a QLabel's or QMessageBox's text as rich text when
`Qt.mightBeRichText` guesses so (a scanned `<img src=/dev/zero>` would be loaded), and
always treats a tooltip that looks like HTML as rich text. Every surface that shows
outside text goes through this module:

- `PlainLabel`: a QLabel fixed to Qt.PlainText whose `setText` applies `shown`;
- `plain_label(label)`: the same for a label made elsewhere;
- `shown(text)`: the text cleaned for display (intake.display_text) — what item
  models return for DisplayRole;
- `tooltip(text)`: escaped text wrapped so Qt renders it verbatim;
- `plain_message_box(...)`: a QMessageBox fixed to Qt.PlainText;
- `platform_status_text(status)`: a platform status as shown; one outside the
  documented set is shown as it came (neutrally: no colour, no meaning) and flagged
  in the log once;
- `PlainTextModel(source)`: a proxy that applies `shown` to every DisplayRole string
  and `tooltip` to every ToolTipRole string of any item model (one line where a view
  gets its model).

Item views (QTableView, QListView, QComboBox) paint DisplayRole as plain text with
the default delegate; models here return `shown(...)` strings and `tooltip(...)`.
"""

from __future__ import annotations

import html
import logging

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QIdentityProxyModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from intake.display_text import DEFAULT_LIMIT, display_text
from intake.platform_status import is_documented_status, undocumented_status_note

log = logging.getLogger(__name__)

__all__ = [
    "PlainLabel",
    "PlainTextModel",
    "plain_label",
    "plain_message_box",
    "platform_status_text",
    "shown",
    "tooltip",
]

#: Longest tooltip (tooltips are for a glance; the full text is elsewhere).
TOOLTIP_LIMIT = 1000


def shown(text: str | None, *, limit: int = DEFAULT_LIMIT, multiline: bool = False) -> str:
    """`text` cleaned for display: controls visible, bidi controls removed, capped."""
    return "" if text is None else display_text(text, limit=limit, multiline=multiline)


def tooltip(text: str | None, *, limit: int = TOOLTIP_LIMIT) -> str:
    """A tooltip that shows `text` verbatim: Qt renders tooltips that look like HTML as
    rich text, so the text is escaped and wrapped in a pre-wrapping paragraph."""
    if not text:
        return ""
    body = html.escape(display_text(text, limit=limit, multiline=True), quote=True)
    return f"<p style='white-space:pre-wrap'>{body}</p>"


_flagged_statuses: set[str] = set()
_FLAG_MEMORY = 256  # distinct undocumented statuses remembered (the log is not flooded)


# the documented statuses (wire.schemas.PLATFORM_STATUSES) as an English window names
# them; the Chinese window shows the platform's own word
_STATUS_EN: dict[str, str] = {
    "受理": str(QT_TRANSLATE_NOOP("PlatformStatus", "Accepted")),
    "审核中": str(QT_TRANSLATE_NOOP("PlatformStatus", "Under review")),
    "补正": str(QT_TRANSLATE_NOOP("PlatformStatus", "Supplement requested")),
    "办结": str(QT_TRANSLATE_NOOP("PlatformStatus", "Completed")),
    "不予许可": str(QT_TRANSLATE_NOOP("PlatformStatus", "Not approved")),
}


def platform_status_text(
    status: str | None, *, where: str = "the clerk station", english: bool = False
) -> str:
    """`status` as shown ("" for none). An undocumented status is kept and shown as text,
    and logged once (a warning) so the operator learns the platform says something new.
    `english`: a documented status is named in English."""
    if not status:
        return ""
    if english and status in _STATUS_EN:
        return _STATUS_EN[status]
    if not is_documented_status(status) and status not in _flagged_statuses:
        if len(_flagged_statuses) < _FLAG_MEMORY:
            _flagged_statuses.add(status)
        log.warning(undocumented_status_note(status, where))
    text = shown(status, limit=40)
    if not is_documented_status(status) and is_documented_status(text.strip()):
        # "办结\u200b" or " 办结" would show exactly as the documented 办结 while meaning
        # nothing to the station: the difference is made visible
        return f"{text.strip()} (?)"
    return text


def plain_label(label: QLabel) -> QLabel:
    """Fix `label` to plain text (its current text is shown literally from now on)."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class PlainLabel(QLabel):
    """A label that never interprets its text: Qt.PlainText, cleaned, capped."""

    def __init__(
        self,
        text: str = "",
        parent: QWidget | None = None,
        *,
        limit: int = DEFAULT_LIMIT,
        multiline: bool = False,
    ) -> None:
        super().__init__(parent)
        self._limit = limit
        self._multiline = multiline
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)

    def setText(self, text: str) -> None:
        super().setText(shown(text, limit=self._limit, multiline=self._multiline))


def plain_message_box(
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    parent: QWidget | None = None,
) -> QMessageBox:
    """A message box whose text is shown as plain text (no informative text: Qt would
    guess its format)."""
    box = QMessageBox(icon, shown(title, limit=120), "", parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(shown(text, multiline=True))
    return box


class PlainTextModel(QIdentityProxyModel):
    """Any item model's strings made safe: DisplayRole through `shown`, ToolTipRole
    through `tooltip`; rows and columns are the source's (row numbers stay valid)."""

    def __init__(self, source: object, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)  # type: ignore[arg-type]

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        value = super().data(index, role)
        if isinstance(value, str):
            if role == Qt.ItemDataRole.DisplayRole:
                return shown(value, multiline=True)
            if role == Qt.ItemDataRole.ToolTipRole:
                return tooltip(value)
        return value

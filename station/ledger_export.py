"""Export a ledger query (a day, a range, any filter) as XLSX and CSV, ID numbers masked.

Rows stream page by page from :class:`station.ledger.LedgerService`, so a
month of cases never sits in memory twice. Every cell is text or a date. Cells are
outside text (card names, catalog names, platform statuses): control and invisible
characters are removed (``safe_chars``; an XLSX cell cannot hold C0 controls at all,
and one NUL in a name made the whole export fail), then text that a spreadsheet would
run as a formula — starting, after any blanks, with ``= + - @`` or their full-width
forms — is prefixed with an apostrophe. Each export is an audited action.
"""

from __future__ import annotations

import csv
import errno
from collections.abc import Callable, Iterable, Iterator
from datetime import timezone
from pathlib import Path

from safe_chars import strip_unsafe
from station.ledger import LedgerQuery, LedgerRow, LedgerService
from sync.durable import replacing
from sync.private_files import make_private

__all__ = ["HEADERS", "export_csv", "export_xlsx"]

HEADERS = (
    "回执编号",
    "受理时间",
    "事项编码",
    "事项名称",
    "申请人",
    "证件号码",
    "受理人",
    "排队号",
    "上报状态",
    "平台状态",
    "平台办件号",
)
_SYNC_LABELS = {
    "queued": "待上报",
    "sending": "上报中",
    "retry": "等待重试",
    "delivered": "已上报",
    "quarantined": "需处理",
}
_FORMULA_START = ("=", "+", "-", "@", "＝", "＋", "－", "＠")


def _safe(text: str) -> str:
    text = strip_unsafe(text, keep_not_text=True)
    return "'" + text if text.lstrip().startswith(_FORMULA_START) else text


def _cells(row: LedgerRow, tz: timezone) -> list[str]:
    return [
        _safe(v)
        for v in (
            row.receipt_no,
            row.accepted_at.astimezone(tz).strftime("%Y-%m-%d %H:%M:%S"),
            row.item_code,
            row.item_name,
            row.applicant_name,
            row.applicant_id,
            row.clerk_id,
            row.queue_ticket,
            _SYNC_LABELS.get(row.sync_state, row.sync_state),
            row.platform_status,
            row.case_no,
        )
    ]


def _counted(rows: Iterable[LedgerRow], counter: list[int]) -> Iterator[LedgerRow]:
    for r in rows:
        counter[0] += 1
        yield r


def _publish(path: Path, write: Callable[[Path], None]) -> None:
    """Write to a temporary name beside ``path`` and rename: no half-written export."""
    with replacing(path) as tmp:
        write(tmp)
        make_private(tmp)  # names and ID numbers: the service user's only


def export_csv(service: LedgerService, query: LedgerQuery, path: Path, *, clerk_id: str) -> int:
    """UTF-8 with a BOM (Excel opens it as Chinese text). Returns the number of rows."""
    _refuse_unwritable(path)
    counter = [0]

    def write(tmp: Path) -> None:
        with tmp.open("w", encoding="utf-8-sig", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(HEADERS)
            for row in _counted(service.iter_rows(query), counter):
                writer.writerow(_cells(row, service.tz))

    _publish(path, write)
    _audit(service, query, "csv", counter[0], clerk_id)
    return counter[0]


def export_xlsx(
    service: LedgerService,
    query: LedgerQuery,
    path: Path,
    *,
    clerk_id: str,
    title: str = "办件台账",
) -> int:
    """A real .xlsx (openpyxl, write-only mode). Returns the number of rows."""
    # openpyxl takes most of a second to import: only when someone exports
    _refuse_unwritable(path)
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

    wb = Workbook(write_only=True)
    ws: WriteOnlyWorksheet = wb.create_sheet(title[:31])
    bold = Font(bold=True)
    header = []
    for h in HEADERS:
        cell = WriteOnlyCell(ws, value=h)
        cell.font = bold
        header.append(cell)
    ws.append(header)
    widths = (22, 20, 12, 28, 10, 22, 10, 8, 10, 10, 20)
    # write-only sheets have column dimensions at run time; the stubs lack them
    dimensions = ws.column_dimensions  # type: ignore[attr-defined]
    for i, w in enumerate(widths):
        dimensions[chr(ord("A") + i)].width = w
    ws.freeze_panes = "A2"
    counter = [0]
    for row in _counted(service.iter_rows(query), counter):
        ws.append(_cells(row, service.tz))
    _publish(path, lambda tmp: wb.save(tmp))
    _audit(service, query, "xlsx", counter[0], clerk_id)
    return counter[0]


def _refuse_unwritable(path: Path) -> None:
    """Fail before anything is built when `path` cannot be a file: a half-built
    write-only workbook left behind by a failed save complains on stderr when it is
    collected (and the clerk waited for nothing)."""
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, "Is a directory", str(path))
    if not path.parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, "No such folder", str(path.parent))


def _audit(service: LedgerService, q: LedgerQuery, fmt: str, rows: int, clerk_id: str) -> None:
    # what was exported, never who it was about: no names or ID numbers in the audit log
    service.store.audit(
        clerk_id,
        "export",
        None,
        {
            "format": fmt,
            "rows": rows,
            "from": q.date_from.isoformat() if q.date_from else None,
            "to": q.date_to.isoformat() if q.date_to else None,
            "filtered_by_person": bool(q.name.strip() or q.id_number.strip()),
        },
    )

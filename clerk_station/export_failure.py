"""What the clerk is told when a ledger export cannot be written: the cause in words
and the way forward, never Python's own error text (review wt5: "[Errno 21] Is a
directory: '/tmp/.review.08e8deffa97a.tmp' -> '/tmp/review'")."""

from __future__ import annotations

import errno
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication

log = logging.getLogger(__name__)


def export_failure_text(error: BaseException, path: Path) -> str:
    """The sentence for a failed export of `path`; the details go to the log."""
    log.warning("ledger export to %s failed: %r", path, error)
    number = getattr(error, "errno", None)
    if number == errno.ENOENT:
        text = QCoreApplication.translate(
            "ExportFailure", "Export failed: the folder %1 does not exist "
                  "(was the USB stick removed?). Choose another place.")
        return text.replace("%1", str(path.parent))
    if number == errno.EISDIR:
        text = QCoreApplication.translate(
            "ExportFailure", "Export failed: %1 is a folder. Choose a file name.")
        return text.replace("%1", str(path))
    if number in (errno.EACCES, errno.EPERM, errno.EROFS):
        text = QCoreApplication.translate(
            "ExportFailure",
                  "Export failed: no permission to write in %1. Choose another place.")
        return text.replace("%1", str(path.parent))
    if number in (errno.ENOSPC, errno.EDQUOT):
        return QCoreApplication.translate(
            "ExportFailure", "Export failed: the disk is full. Choose another place.")
    text = QCoreApplication.translate(
            "ExportFailure",
              "Export failed: the ledger could not be written to %1. Choose another place.")
    return text.replace("%1", str(path))

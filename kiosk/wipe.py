"""Traces a citizen could leave outside our widgets: the clipboard and temporary files.

The kiosk runs with its own private temporary directory (made at start-up and
set as the process's `tempfile.tempdir`, so every library that asks Python for
a temp file writes there); the wipe empties it.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import logging
import shutil
import tempfile
from pathlib import Path

from PySide6.QtGui import QClipboard, QGuiApplication

log = logging.getLogger(__name__)
_temp_dir: Path | None = None


def use_private_temp_dir(base: Path) -> Path:
    global _temp_dir
    base.mkdir(parents=True, exist_ok=True, mode=0o700)
    _temp_dir = Path(tempfile.mkdtemp(prefix="kiosk-", dir=base))
    tempfile.tempdir = str(_temp_dir)
    return _temp_dir


def private_temp_dir() -> Path | None:
    return _temp_dir


def _release_freed_memory() -> None:
    """Collect the citizen's objects now and hand freed heap pages back to the system
    (glibc keeps them per thread otherwise: image work runs on worker threads)."""
    gc.collect()
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to trim
        pass


def wipe_traces() -> None:
    clipboard = QGuiApplication.clipboard()
    if clipboard is not None:
        for mode in (QClipboard.Mode.Clipboard, QClipboard.Mode.Selection):
            clipboard.clear(mode)
    if _temp_dir is not None and _temp_dir.is_dir():
        for entry in _temp_dir.iterdir():
            try:
                if entry.is_dir() and not entry.is_symlink():
                    shutil.rmtree(entry)
                else:
                    entry.unlink()
            except OSError as e:
                log.warning("could not remove a temporary file: %s", e.strerror)
    _release_freed_memory()

"""Traces a citizen could leave outside our widgets: the clipboard and temporary files.

The kiosk runs with its own private temporary directory (made at start-up and
set as the process's `tempfile.tempdir`, so every library that asks Python for
a temp file writes there); the wipe empties it, the kiosk's close removes it, and
a start removes those of earlier kiosks that ended without closing (a crash or a
power cut mid-visit left a citizen's temporary files there for good).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import logging
import os
import shutil
import tempfile
from pathlib import Path

from PySide6.QtGui import QClipboard, QGuiApplication

log = logging.getLogger(__name__)
_temp_dir: Path | None = None


def use_private_temp_dir(base: Path) -> Path:
    global _temp_dir
    base.mkdir(parents=True, exist_ok=True, mode=0o700)
    _remove_stale_dirs(base)
    _temp_dir = Path(tempfile.mkdtemp(prefix=f"kiosk-{os.getpid()}-", dir=base))
    tempfile.tempdir = str(_temp_dir)
    return _temp_dir


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: alive
        return True
    return True


def _remove_stale_dirs(base: Path) -> None:
    """The temporary folders of kiosks that are no longer running (``kiosk-<pid>-*``
    whose process is gone, and the older ``kiosk-*`` without a pid)."""
    removed = 0
    for entry in base.glob("kiosk-*"):
        pid = entry.name.split("-")[1]
        if pid.isdigit() and int(pid) != os.getpid() and _alive(int(pid)):
            continue  # a kiosk running now (one data dir, one kiosk: not expected)
        if entry.is_symlink() or not entry.is_dir():
            continue  # never followed; not ours
        shutil.rmtree(entry, ignore_errors=True)
        removed += 1
    if removed:
        log.info("removed %d temporary folder(s) left by earlier kiosk runs", removed)


def remove_private_temp_dir() -> None:
    """At the kiosk's close: its temporary folder goes with it."""
    global _temp_dir
    if _temp_dir is not None:
        shutil.rmtree(_temp_dir, ignore_errors=True)
        if tempfile.tempdir == str(_temp_dir):
            tempfile.tempdir = None
        _temp_dir = None


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

"""The simulated camera's rendered stills kept in files, for the next process.

A still costs most of a CPU-second to render (a textured desk, a projected page) and is a
pure function of what is presented, the seed, the size and the rendering code; every
`yiwang demo`, doctor run or test process renders the same few again. With
``YIWANG_CAMERA_STILL_DIR`` set, each still rendered is also written there and read back
by later processes (off when unset: a station keeps nothing it does not need).

A file is named by its presentation and by a fingerprint of everything that draws it:
the source of the rendering modules, the versions of the libraries they call and the
font file. Change any of them and the old files are no longer found (and a folder of
an old fingerprint is removed after a day). A file that cannot be read is rendered
again; files are written whole (temporary file, then rename), so parallel processes
never read half of one.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Hashable
from pathlib import Path

import numpy as np
import numpy.typing as npt

log = logging.getLogger(__name__)

STILL_DIR_ENV = "YIWANG_CAMERA_STILL_DIR"
#: modules whose code decides a still's pixels (besides the libraries below)
_DRAWING_MODULES = ("synthetic.py", "rectification.py", "simulated.py", "../fonts.py")
_LIBRARIES = ("numpy", "opencv-python-headless", "pillow", "qrcode")
_STALE_AFTER_S = 24 * 3600

Still = tuple[npt.NDArray[np.uint8], npt.NDArray[np.float32] | None]


def fingerprint(sources: tuple[Path, ...], font: str | None) -> str:
    """What draws a still: the given source files, the library versions and the font."""
    import importlib.metadata  # here: start-up paths leave it out (tests/yiwang/test_cold_start.py)

    digest = hashlib.sha256()
    for path in sources:
        digest.update(path.read_bytes())
    for name in _LIBRARIES:
        try:
            digest.update(f"{name}={importlib.metadata.version(name)};".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{name}=?;".encode())
    if font is not None:
        st = os.stat(font)
        digest.update(f"{font}:{st.st_size}:{st.st_mtime_ns}".encode())
    return digest.hexdigest()[:20]


@functools.cache
def _this_code() -> str:
    from devices.fonts import cjk_font_path

    here = Path(__file__).resolve().parent
    sources = tuple((here / name).resolve() for name in _DRAWING_MODULES)
    return fingerprint(sources, cjk_font_path())


def _folder() -> Path | None:
    root = os.environ.get(STILL_DIR_ENV)
    if not root:
        return None
    folder = Path(root) / _this_code()
    if not folder.is_dir():
        folder.mkdir(parents=True, exist_ok=True)
        _remove_stale(folder)
    return folder


def _remove_stale(current: Path) -> None:
    """Folders of other fingerprints untouched for a day: code that has changed."""
    cutoff = time.time() - _STALE_AFTER_S
    for other in current.parent.iterdir():
        with contextlib.suppress(OSError):
            if other != current and other.is_dir() and other.stat().st_mtime < cutoff:
                shutil.rmtree(other, ignore_errors=True)


def _file_for(folder: Path, key: Hashable) -> Path:
    return folder / (hashlib.sha256(repr(key).encode()).hexdigest()[:32] + ".npz")


def load(key: Hashable) -> Still | None:
    """The still filed under ``key`` by an earlier process, or None."""
    try:
        folder = _folder()
    except OSError as e:  # the folder cannot be made: render, as without one
        log.warning("simulated camera: no still folder in %s: %s",
                    os.environ.get(STILL_DIR_ENV), e)
        return None
    if folder is None:
        return None
    path = _file_for(folder, key)
    try:
        with np.load(path, allow_pickle=False) as data:
            still = np.asarray(data["still"], dtype=np.uint8)
            corners = np.asarray(data["corners"], dtype=np.float32)
            if still.ndim != 3 or corners.shape not in ((4, 2), (0,)):
                raise ValueError(f"unexpected shapes {still.shape} {corners.shape}")
    except FileNotFoundError:
        return None
    except Exception as e:  # damaged in any way (cut short, not a zip, wrong arrays): render
        log.warning("simulated camera: still file %s unreadable (%s); rendering", path, e)
        return None
    still.setflags(write=False)  # as a still in memory: a grab copies before it changes one
    corners.setflags(write=False)
    return still, (corners if corners.size else None)


def save(key: Hashable, still: npt.NDArray[np.uint8],
         corners: npt.NDArray[np.float32] | None) -> None:
    """File a rendered still for later processes (never fails the caller)."""
    try:
        folder = _folder()
        if folder is None:
            return
        path = _file_for(folder, key)
        empty = np.zeros((0,), np.float32)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".still-", suffix=".npz")
        try:
            with os.fdopen(fd, "wb") as f:
                np.savez(f, still=still, corners=empty if corners is None else corners)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError as e:
        log.warning("simulated camera: could not keep a still in %s: %s",
                    os.environ.get(STILL_DIR_ENV), e)

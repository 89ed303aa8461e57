"""Pages that do not come from the document camera: a scanned file, a phone photo,
or whatever a flatbed scanner drops into a watched folder.

Every file is hostile until decoded: its size and pixel count are capped before
and after decoding, and it goes through the camera's own pipeline — page
detection, rectification, blur and glare checks — so an imported page obeys
the same rules as a captured one (``station.session_rules.judge_page``). A scan
that fills the whole image (no desk around the page) is taken as it is.

Image work: call off the GUI thread.
"""

from __future__ import annotations

import io
import logging
import os
import time
from pathlib import Path
from stat import S_ISDIR, S_ISREG
from typing import TYPE_CHECKING

from intake.errors import IntakeError
from sync.private_files import private_dir

if TYPE_CHECKING:  # cv2, numpy and PIL load with the first import, not the window
    from devices.camera.pipeline import CapturedPage

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 25 * 1024 * 1024
MAX_PIXELS = 50_000_000  # a 600 dpi A4 scan is 35 Mpx
MIN_SIDE = 300
IMPORTABLE = (".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".webp")


def _error(code: str, en: str) -> IntakeError:
    return IntakeError(f"import.{code}", en)


def import_page(path: Path) -> CapturedPage:
    """The page in an image file, rectified and checked; raises ``IntakeError``."""
    if path.suffix.lower() not in IMPORTABLE:
        raise _error(
            "type",
            f"not an importable image: {path.suffix!r}",
        )
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as e:
        raise _error("unreadable", f"cannot read {path.name}: {e}") from e
    if len(data) > MAX_FILE_BYTES:
        raise _error("too_large", f"{path.name} is larger than 25 MB")
    return page_from_bytes(data, name=path.name)


def page_from_bytes(data: bytes, *, name: str = "image") -> CapturedPage:
    import cv2
    import numpy as np
    from PIL import Image

    from devices.camera.pipeline import capture_page, find_page

    # the header says how big the decoded image would be: refuse bombs before decoding
    try:
        with Image.open(io.BytesIO(data)) as header:
            w, h = header.size
    except (OSError, ValueError, Image.DecompressionBombError) as e:
        raise _error("not_image", f"{name}: {e}") from e
    if w * h > MAX_PIXELS:
        raise _error("too_many_pixels", f"{name} has {w}x{h} pixels")
    frame = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    if frame is None:
        raise _error("not_image", f"{name} is not a decodable image")
    h, w = frame.shape[:2]
    if min(h, w) < MIN_SIDE:
        raise _error("too_small", f"{name} is only {w}x{h} pixels")
    image = frame.astype(np.uint8, copy=False)
    corners = find_page(image)
    if corners is None:  # a flatbed scan: the image is the page
        corners = np.array([[0, 0], [w - 1, 0], [w - 1, h - 1], [0, h - 1]], np.float32)
    return capture_page(image, corners=corners)


def _plain_file(path: Path) -> bool:
    try:
        return S_ISREG(path.lstat().st_mode)
    except OSError:
        return False


class FolderInbox:
    """A folder a scanner or a phone share writes into; each finished file is taken once.

    A file counts as finished when its size has not changed between two calls of
    ``take_ready`` (scanners write in pieces). Taken files move to ``taken/`` so
    they are neither imported twice nor lost; once the page is stored (sealed in the
    blob store) the caller :meth:`discard` s the plaintext copy there. A page whose
    import failed stays in ``taken/``, where a clerk can import it again.
    """

    def __init__(self, folder: Path, *, min_age_s: float = 1.0) -> None:
        self.folder = folder
        self.taken = folder / "taken"
        self._min_age_s = min_age_s
        self._sizes: dict[str, int] = {}

    def take_ready(self) -> list[Path]:
        if not self._taken_is_ours():
            return []
        ready: list[Path] = []
        seen: dict[str, int] = {}
        now = time.time()
        for entry in sorted(os.scandir(self.folder), key=lambda e: e.name):
            # a link is never followed: whoever may drop files here (a scanner's share)
            # could point one at any image the station may read (a page left in taken/)
            if not entry.is_file(follow_symlinks=False) or entry.name.startswith("."):
                continue
            if not entry.name.lower().endswith(IMPORTABLE):
                continue
            stat = entry.stat(follow_symlinks=False)
            seen[entry.name] = stat.st_size
            stable = self._sizes.get(entry.name) == stat.st_size
            if stable and now - stat.st_mtime >= self._min_age_s:
                target = self.taken / f"{time.strftime('%Y%m%d-%H%M%S')}-{entry.name}"
                os.replace(entry.path, target)
                seen.pop(entry.name)
                if not _plain_file(target):  # made a link after it was looked at
                    log.warning("scan inbox: %s was not a plain file; not imported",
                                entry.name)
                    target.unlink(missing_ok=True)
                    continue
                ready.append(target)
        self._sizes = seen
        return ready

    def _taken_is_ours(self) -> bool:
        """taken/ (plaintext pages until stored) is a folder of the station's own, not a
        link or a folder someone else made in the inbox to receive them."""
        try:
            if not self.taken.is_symlink():
                private_dir(self.taken)
            st = self.taken.lstat()
        except OSError as e:
            log.warning("scan inbox: cannot use %s: %s", self.taken, e.strerror or e)
            return False
        if S_ISDIR(st.st_mode) and st.st_uid == os.geteuid():
            return True
        log.warning("scan inbox: %s is not a folder of the station's own (a link, or made "
                    "by another user); no scan is taken until it is removed", self.taken)
        return False

    def discard(self, taken: Path) -> bool:
        """Delete a file :meth:`take_ready` moved to ``taken/`` (its page is stored
        encrypted now); a path anywhere else is left alone. True when it was deleted."""
        if taken.parent.resolve() != self.taken.resolve():
            log.warning("not discarding %s: not a file of the scan inbox", taken.name)
            return False
        try:
            taken.unlink()
        except FileNotFoundError:
            return False
        return True

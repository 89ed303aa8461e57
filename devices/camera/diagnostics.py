"""JSON contracts behind `yiwang devices capture IMAGE --out PAGE.jpg --json`,
`yiwang devices scan IMAGE... --json` and `yiwang devices decode FILE... --json`."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

from devices.camera.capture import capture_page
from devices.camera.errors import CameraError
from devices.codes import decode_codes

log = logging.getLogger(__name__)


#: Largest image file read (a 50 MP JPEG is well under this) ...
MAX_IMAGE_BYTES = 64 * 1024 * 1024
#: ... and largest decoded image: a small PNG can claim gigapixels (decompression bomb).
MAX_IMAGE_PIXELS = 60_000_000


def _claimed_pixels(data: npt.NDArray[np.uint8]) -> int | None:
    """Width x height from the image header without decoding it (None: header unknown)."""
    import io

    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data.tobytes())) as im:
            return int(im.size[0]) * int(im.size[1])
    except Image.DecompressionBombError:
        return MAX_IMAGE_PIXELS + 1  # Pillow refused it as a bomb: so do we
    except (UnidentifiedImageError, OSError, ValueError):
        return None


def read_image(path: str | os.PathLike[str]) -> npt.NDArray[np.uint8]:
    """Load an image file as BGR uint8 (works with non-ASCII paths); raises CameraError.

    Files over MAX_IMAGE_BYTES and images over MAX_IMAGE_PIXELS are refused unread.
    """
    try:
        size = os.stat(path).st_size
        if size > MAX_IMAGE_BYTES:
            raise CameraError(f"image file too large: {path} ({size} bytes)",
                              code="image_too_large", params={"what": "file"})
        data = np.fromfile(os.fspath(path), dtype=np.uint8)
    except OSError as exc:
        raise CameraError(f"cannot read image {path}: {exc.strerror or exc}",
                          code="image_unreadable", params={"variant": "io"}) from exc
    pixels = _claimed_pixels(data) if data.size else None
    if pixels is not None and pixels > MAX_IMAGE_PIXELS:
        raise CameraError(f"image too large: {path} ({pixels} pixels)",
                          code="image_too_large", params={"what": "pixels"})
    image = cv2.imdecode(data, cv2.IMREAD_COLOR) if data.size else None
    if image is None:
        raise CameraError(f"not an image: {path}", code="image_unreadable",
                          params={"variant": "format"})
    return np.asarray(image, dtype=np.uint8)


def capture_json(image_path: str | os.PathLike[str], out_path: str | os.PathLike[str],
                 **options: Any) -> dict[str, Any]:
    """Capture the page in a photo, write the JPEG to `out_path`, describe it.

    Returns {"corners": [[x, y] * 4] (TL, TR, BR, BL, input pixels), "findings":
    [{"code", "detail_en"}] (codes of the "quality" family, worded by the front end:
    ``yiwang devices capture --json`` adds "message_zh"/"message_en"), "width", "height",
    "bytes"}.
    Raises `PageNotFound` (code "page_not_found") or `CameraError`.
    """
    image = read_image(image_path)
    page = capture_page(image, **options)
    out = Path(out_path)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_bytes(page.jpeg)
    tmp.replace(out)
    return {
        "corners": [[round(float(x), 2), round(float(y), 2)] for x, y in page.corners],
        "findings": [
            {"code": f.code, "detail_en": f.detail_en} for f in page.findings
        ],
        "width": page.width,
        "height": page.height,
        "bytes": len(page.jpeg),
    }


def scan_json(paths: Iterable[str | os.PathLike[str]]) -> list[dict[str, Any]]:
    """Decode the codes in each image: [{"file", "codes": [{"symbology", "text"}]}]."""
    results: list[dict[str, Any]] = []
    for p in paths:
        codes = decode_codes(read_image(p))
        results.append({
            "file": os.fspath(p),
            "codes": [{"symbology": c.symbology, "text": c.text} for c in codes],
        })
    return results


def decode_file_json(path: str | os.PathLike[str]) -> dict[str, Any]:
    """Every code in one image file, exactly (the `yiwang devices decode --json` record).

    {"file", "ok": true, "codes": [{"format", "text", "bytes_hex", "charset", "gs1"}]}
    or, when the file cannot be read as an image,
    {"file", "ok": false, "codes": [], "error": CameraError} (the command line words it).
    """
    name = os.fspath(path)
    try:
        codes = decode_codes(read_image(path))
    except CameraError as exc:
        return {"file": name, "ok": False, "codes": [], "error": exc}
    return {
        "file": name,
        "ok": True,
        "codes": [
            {"format": c.symbology, "text": c.text, "bytes_hex": c.raw.hex(),
             "charset": c.charset, "gs1": c.gs1}
            for c in codes
        ],
    }

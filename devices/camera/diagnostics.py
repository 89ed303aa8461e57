"""JSON contracts behind `yiwang devices capture IMAGE --out PAGE.jpg --json` and
`yiwang devices scan IMAGE... --json`."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

from devices.camera.errors import CameraError
from devices.camera.pipeline import capture_page
from devices.codes import decode_codes

log = logging.getLogger(__name__)


def read_image(path: str | os.PathLike[str]) -> npt.NDArray[np.uint8]:
    """Load an image file as BGR uint8 (works with non-ASCII paths); raises CameraError."""
    try:
        data = np.fromfile(os.fspath(path), dtype=np.uint8)
    except OSError as exc:
        raise CameraError(f"cannot read image {path}: {exc}", "无法读取图片文件",
                          code="image_unreadable") from exc
    image = cv2.imdecode(data, cv2.IMREAD_COLOR) if data.size else None
    if image is None:
        raise CameraError(f"not an image: {path}", "无法识别的图片格式", code="image_unreadable")
    return np.asarray(image, dtype=np.uint8)


def capture_json(image_path: str | os.PathLike[str], out_path: str | os.PathLike[str],
                 **options: Any) -> dict[str, Any]:
    """Capture the page in a photo, write the JPEG to `out_path`, describe it.

    Returns {"corners": [[x, y] * 4] (TL, TR, BR, BL, input pixels), "findings":
    [{"code", "message_zh", "message_en"}], "width", "height", "bytes"}.
    Raises `PageNotFound` (message_zh 未检测到完整页面) or `CameraError`.
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
            {"code": f.code, "message_zh": f.message_zh, "message_en": f.message_en}
            for f in page.findings
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

"""Decode QR codes and barcodes in camera frames.

Engines: zxing-cpp (primary: best decode rate on warped, blurred document photos, and
it gives the raw payload bytes), pyzbar/zbar (last fallback; also selectable on its
own), OpenCV's QRCodeDetector (selectable only: weakest in measurements, see
docs/devices/camera.md). Payload bytes are decoded as UTF-8, then GB18030 (common in
older Chinese systems); control characters are stripped and duplicates dropped.

zbar guesses Shift-JIS for byte-mode QR codes and converts, mangling UTF-8 Chinese; we
ask it for binary data (ZBAR_CFG_BINARY, zbar >= 0.23) and, on an older zbar, undo the
Shift-JIS conversion. OpenCV hands byte-mode data back as Latin-1 transcoded to UTF-8;
we undo that too.
"""

from __future__ import annotations

import ctypes
import logging
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import cv2
import numpy as np
import numpy.typing as npt

from devices.camera.pipeline import find_page, rectify, to_gray

log = logging.getLogger(__name__)

Engine = Literal["auto", "zxing", "pyzbar", "opencv"]
ENGINES: tuple[str, ...] = ("zxing", "pyzbar", "opencv")
_KEEP_CONTROLS = {"\n", "\t"}
# Adaptive threshold of the rectified page for the "zxing+page" stage (chosen by
# measurement on a 200 dpi page, where a QR module is 5-10 px; docs/devices/camera.md).
PAGE_THRESHOLD_BLOCK = 31
PAGE_THRESHOLD_OFFSET = 3
_ZBAR_CFG_BINARY = 4  # zbar.h (0.23+): ZBAR_CFG_BINARY follows ZBAR_CFG_ASCII

_PYZBAR_NAMES = {
    "QRCODE": "QRCode",
    "SQCODE": "SQCode",
    "CODE128": "Code128",
    "CODE93": "Code93",
    "CODE39": "Code39",
    "CODABAR": "Codabar",
    "EAN13": "EAN13",
    "EAN8": "EAN8",
    "EAN5": "EAN5",
    "EAN2": "EAN2",
    "UPCA": "UPCA",
    "UPCE": "UPCE",
    "I25": "ITF",
    "ISBN10": "ISBN10",
    "ISBN13": "ISBN13",
    "PDF417": "PDF417",
    "DATABAR": "DataBar",
    "DATABAR_EXP": "DataBarExpanded",
}


@dataclass(frozen=True)
class DecodedCode:
    """One decoded symbol: `symbology` like "QRCode"/"Code128", clean `text`, payload `raw`."""

    symbology: str
    text: str
    raw: bytes


class CodesUnavailable(RuntimeError):
    """The requested decoding engine cannot be loaded (e.g. libzbar0 missing)."""

    def __init__(self, message_en: str) -> None:
        super().__init__(message_en)
        self.message_en = message_en
        self.message_zh = "条码识别组件不可用"


def clean_text(text: str) -> str:
    """Drop control characters (keeping newline and tab) and surrounding whitespace."""
    return "".join(
        ch for ch in text if ch in _KEEP_CONTROLS or unicodedata.category(ch) != "Cc"
    ).strip()


def decode_payload(raw: bytes, fallback: str | None = None) -> str:
    """Payload bytes as text: UTF-8 (BOM allowed), then GB18030, then `fallback`/replacement."""
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return clean_text(raw.decode(enc))
        except UnicodeDecodeError:
            continue
    if fallback is not None:
        return clean_text(fallback)
    return clean_text(raw.decode("utf-8", errors="replace"))


def _gray(image: npt.NDArray[np.uint8]) -> npt.NDArray[np.uint8]:
    return np.ascontiguousarray(to_gray(image))


# --------------------------------------------------------------------------- zxing-cpp


def _decode_zxing(gray: npt.NDArray[np.uint8], *, binary: bool = False) -> list[DecodedCode]:
    import zxingcpp

    out: list[DecodedCode] = []
    # binary: the image is already black and white (0/255); zxing must not re-binarise it.
    binarizer = zxingcpp.Binarizer.BoolCast if binary else zxingcpp.Binarizer.LocalAverage
    # Raw `.bytes`, not `.text`: zxing's charset guess can be wrong for GB18030 payloads.
    for r in zxingcpp.read_barcodes(gray, binarizer=binarizer):
        raw = bytes(r.bytes)
        name = r.format.name if hasattr(r.format, "name") else str(r.format)
        out.append(DecodedCode(name, decode_payload(raw, fallback=r.text), raw))
    return out


# --------------------------------------------------------------------------- pyzbar


_zbar_binary_ok: bool | None = None


def _sjis_undo(data: bytes) -> bytes:
    """zbar without binary mode converted the payload from a guessed Shift-JIS; undo it."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return data
    if text.isascii():
        return data
    for enc in ("shift_jis", "cp932"):
        try:
            return text.encode(enc)
        except UnicodeEncodeError:
            continue
    return data


def _decode_pyzbar(gray: npt.NDArray[np.uint8]) -> list[DecodedCode]:
    global _zbar_binary_ok
    try:
        from pyzbar import pyzbar
        from pyzbar.wrapper import (
            ZBarSymbol,
            zbar_image_scanner_set_config,
            zbar_image_set_data,
            zbar_image_set_format,
            zbar_image_set_size,
            zbar_scan_image,
        )
    except ImportError as exc:  # no libzbar0: 'Unable to find zbar shared library'
        raise CodesUnavailable(f"pyzbar unavailable: {exc}") from exc

    h, w = gray.shape
    pixels = ctypes.c_char_p(np.ascontiguousarray(gray).tobytes())
    n_pixels = h * w
    symbols: list[Any] = []
    # pyzbar.decode() offers no way to set ZBAR_CFG_BINARY, so drive the scanner ourselves
    # with pyzbar's own helpers (the same steps as pyzbar.decode).
    with pyzbar._image_scanner() as scanner:
        binary = zbar_image_scanner_set_config(scanner, ZBarSymbol.QRCODE, _ZBAR_CFG_BINARY, 1) == 0
        # zbar's DataBar decoder prints assertion warnings on document photos; not needed here.
        for sym in (ZBarSymbol.DATABAR, ZBarSymbol.DATABAR_EXP):
            zbar_image_scanner_set_config(scanner, sym, 0, 0)  # ZBAR_CFG_ENABLE = 0
        if _zbar_binary_ok is None:
            _zbar_binary_ok = binary
            if not binary:
                log.info("zbar has no binary mode; undoing its Shift-JIS guess instead")
        with pyzbar._image() as img:
            zbar_image_set_format(img, pyzbar._FOURCC["L800"])
            zbar_image_set_size(img, w, h)
            zbar_image_set_data(img, ctypes.cast(pixels, ctypes.c_void_p), n_pixels, None)
            if zbar_scan_image(scanner, img) < 0:
                raise RuntimeError("zbar: unsupported image format")
            symbols.extend(pyzbar._decode_symbols(pyzbar._symbols_for_image(img)))
    out: list[DecodedCode] = []
    for s in symbols:
        raw = bytes(s.data)
        if s.type == "QRCODE" and not binary:
            raw = _sjis_undo(raw)
        name = _PYZBAR_NAMES.get(s.type, s.type)
        out.append(DecodedCode(name, decode_payload(raw), raw))
    return out


# --------------------------------------------------------------------------- OpenCV


def _latin1_undo(data: bytes) -> bytes:
    """OpenCV returns byte-mode payloads as Latin-1 transcoded to UTF-8; undo it."""
    try:
        return data.decode("utf-8").encode("latin-1")
    except (UnicodeDecodeError, UnicodeEncodeError):
        return data


def _decode_opencv(gray: npt.NDArray[np.uint8]) -> list[DecodedCode]:
    det = cv2.QRCodeDetector()
    try:
        ok, payloads, _points, _ = det.detectAndDecodeBytesMulti(gray)
    except cv2.error:
        ok, payloads = False, ()
    out: list[DecodedCode] = []
    if ok:
        for p in payloads:
            data = bytes(p)
            if data:
                raw = _latin1_undo(data)
                out.append(DecodedCode("QRCode", decode_payload(raw), raw))
    return out


_DECODERS = {"zxing": _decode_zxing, "pyzbar": _decode_pyzbar, "opencv": _decode_opencv}


def _dedupe(codes: Sequence[DecodedCode]) -> list[DecodedCode]:
    seen: set[tuple[str, bytes]] = set()
    out: list[DecodedCode] = []
    for c in codes:
        key = (c.symbology, c.raw)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def unsharp(
    gray: npt.NDArray[np.uint8], *, sigma: float = 2.0, amount: float = 1.0
) -> npt.NDArray[np.uint8]:
    """Unsharp mask: restores module edges that camera blur has softened."""
    soft = cv2.GaussianBlur(gray, (0, 0), sigma)
    return np.asarray(cv2.addWeighted(gray, 1.0 + amount, soft, -amount, 0), dtype=np.uint8)


def binarise_page(page: npt.NDArray[np.uint8]) -> npt.NDArray[np.uint8]:
    """Local-mean threshold (31 px window, 3 levels below the mean) of a 200 dpi page.

    A small offset keeps modules that glare has washed out to a few grey levels
    darker than their surroundings, and blurred modules whose contrast is low.
    """
    return np.asarray(
        cv2.adaptiveThreshold(page, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY,
                              PAGE_THRESHOLD_BLOCK, PAGE_THRESHOLD_OFFSET),
        dtype=np.uint8,
    )


def _page_binarised(gray: npt.NDArray[np.uint8]) -> npt.NDArray[np.uint8] | None:
    """The page found in the frame, perspective-rectified to A4 at 200 dpi and binarised;
    None when no whole page is in view."""
    corners = find_page(gray)
    if corners is None:
        return None
    return binarise_page(rectify(gray, corners, dpi=200))


def _upscaled_sharp(gray: npt.NDArray[np.uint8]) -> npt.NDArray[np.uint8]:
    h, w = gray.shape
    if max(h, w) > 2600:  # already plenty of pixels per module; do not blow up 8 MP frames
        return unsharp(gray)
    big = np.asarray(cv2.resize(gray, (w * 2, h * 2), interpolation=cv2.INTER_CUBIC),
                     dtype=np.uint8)
    return unsharp(big, sigma=3.0)


# (stage name, engine, preprocessing) in the order `engine="auto"` tries them, stopping at
# the first stage that decodes anything. Chosen by measurement (bench/document_pipeline.py,
# docs/devices/camera.md): zxing-cpp on the plain frame decodes most; an unsharp-masked
# copy recovers most of the rest; the page found, rectified and binarised recovers what
# blur and glare leave (and is cheaper than the 2x upscale, which still serves when no
# whole page is in view); pyzbar is a last resort (and covers zxing-cpp being unavailable).
AUTO_STAGES: tuple[tuple[str, str, str], ...] = (
    ("zxing", "zxing", "plain"),
    ("zxing+sharpen", "zxing", "sharpen"),
    ("zxing+page", "zxing-binary", "page"),
    ("zxing+upscale", "zxing", "upscale"),
    ("pyzbar", "pyzbar", "plain"),
)
_STAGE_DECODERS: dict[str, Callable[[npt.NDArray[np.uint8]], list[DecodedCode]]] = {
    **_DECODERS,
    "zxing-binary": lambda g: _decode_zxing(g, binary=True),
}
_PREPROCESS: dict[str, Callable[[npt.NDArray[np.uint8]], npt.NDArray[np.uint8] | None]] = {
    "plain": lambda g: g,
    "sharpen": unsharp,
    "page": _page_binarised,
    "upscale": _upscaled_sharp,
}


def decode_codes_staged(image: npt.NDArray[np.uint8]) -> tuple[list[DecodedCode], str | None]:
    """`decode_codes(engine="auto")` plus the name of the stage that found the codes."""
    gray = _gray(image)
    for name, engine, prep in AUTO_STAGES:
        try:
            prepared = _PREPROCESS[prep](gray)
            if prepared is None:  # e.g. "page" with no whole page in view
                continue
            codes = _STAGE_DECODERS[engine](prepared)
        except (CodesUnavailable, ImportError) as exc:
            log.debug("decode stage %s skipped: %s", name, exc)
            continue
        if codes:
            return _dedupe(codes), name
    return [], None


def decode_codes(image: npt.NDArray[np.uint8], *, engine: Engine = "auto") -> list[DecodedCode]:
    """All codes found in `image` (BGR, BGRA or grayscale uint8).

    engine="auto": zxing-cpp, then zxing-cpp on a sharpened copy, on the page found in
    the frame (rectified and binarised) and on an upscaled copy, then pyzbar, stopping
    at the first that decodes anything (`AUTO_STAGES`).
    "zxing", "pyzbar" or "opencv" runs that engine alone on the image as given.
    """
    if engine == "auto":
        return decode_codes_staged(image)[0]
    if engine not in _DECODERS:
        raise ValueError(f"unknown engine {engine!r}; use one of {ENGINES}")
    return _dedupe(_DECODERS[engine](_gray(image)))

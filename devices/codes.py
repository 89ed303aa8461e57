"""Decode QR codes and barcodes in camera frames, exactly.

Engines: zxing-cpp (primary: best decode rate on warped, blurred document photos, and
it gives the raw payload bytes and the code's ECI designators), pyzbar/zbar (last
fallback; also selectable on its own), OpenCV's QRCodeDetector (selectable only:
weakest in measurements, see docs/devices/camera.md).

Exactness: `DecodedCode.text` is exactly what the code carries — carriage returns,
line feeds, leading and trailing spaces and GS1 group separators (0x1D) are kept;
nothing is stripped here. Cleaning for people happens only when text is shown
(`intake.display_text`). `DecodedCode.raw` keeps the payload bytes for whatever
re-parses them. Character set (`payload_text`): a code's ECI designators decide each
segment's charset; without ECI, UTF-8 when the bytes are valid UTF-8, else GB18030
or Shift_JIS, whichever decodes cleanly into the more plausible text (see
`guess_charset`), else ISO-8859-1 (the QR standard's default for byte mode).

zbar guesses Shift-JIS for byte-mode QR codes and converts, mangling UTF-8 Chinese; we
ask it for binary data (ZBAR_CFG_BINARY, zbar >= 0.23) and, on an older zbar, undo the
Shift-JIS conversion. OpenCV hands byte-mode data back as Latin-1 transcoded to UTF-8;
we undo that too.
"""

from __future__ import annotations

import ctypes
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import cv2
import numpy as np
import numpy.typing as npt

from coded_errors import CodedError
from devices.camera.images import to_gray
from devices.camera.page_detection import find_page
from devices.camera.rectification import rectify
from devices.charsets import decode_payload as decode_payload  # re-exported: the no-ECI rule
from devices.charsets import eci_codec, guess_charset, split_eci

log = logging.getLogger(__name__)

Engine = Literal["auto", "zxing", "pyzbar", "opencv"]
ENGINES: tuple[str, ...] = ("zxing", "pyzbar", "opencv")
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
    """One decoded symbol.

    `symbology` like "QRCode"/"Code128"; `text` exactly as the code carries it (control
    characters included); `raw` the payload bytes (without ECI designators); `charset`
    how `text` was made from `raw` ("ECI 26", "utf-8", "gb18030", "shift_jis",
    "iso-8859-1"); `gs1` true for a GS1 symbol (FNC1 in first position), whose text keeps
    the group separators (0x1D) between element strings.
    """

    symbology: str
    text: str
    raw: bytes
    charset: str = field(default="", compare=False)
    gs1: bool = field(default=False, compare=False)


class CodesUnavailable(CodedError, RuntimeError):
    """The requested decoding engine cannot be loaded (e.g. libzbar0 missing): code
    "codes.unavailable"; ``str(error)`` says which engine and why, for logs."""

    family = "codes"

    def __init__(self, detail_en: str) -> None:
        super().__init__("unavailable", detail_en)


def payload_text(raw: bytes, eci_bytes: bytes | None = None) -> tuple[str, str]:
    """(text, charset) of a payload.

    `eci_bytes`: zxing-cpp's "bytes with ECI" form of the same payload (without the
    symbology identifier): backslashes doubled and each ECI designator as a backslash
    plus six digits. When it carries ECI designators, each segment is decoded with its
    ECI's charset (bytes before the first designator by the no-ECI rule); otherwise the
    no-ECI rule applies to `raw` (`guess_charset`).
    """
    if eci_bytes is not None and eci_bytes != raw:
        segments = split_eci(eci_bytes)
        if any(eci is not None for eci, _ in segments):
            parts: list[str] = []
            names: list[str] = []
            for eci, chunk in segments:
                if eci is None:
                    text, name = guess_charset(chunk)
                else:
                    codec = eci_codec(eci)
                    name = f"ECI {eci}"
                    text = chunk.decode(codec, errors="replace")
                parts.append(text)
                if chunk and name not in names:
                    names.append(name)
            return "".join(parts), "+".join(names) or "ECI"
    return guess_charset(raw)


def _gray(image: npt.NDArray[np.uint8]) -> npt.NDArray[np.uint8]:
    return np.ascontiguousarray(to_gray(image))


# --------------------------------------------------------------------------- zxing-cpp


def _decode_zxing(gray: npt.NDArray[np.uint8], *, binary: bool = False) -> list[DecodedCode]:
    import zxingcpp

    out: list[DecodedCode] = []
    # binary: the image is already black and white (0/255); zxing must not re-binarise it.
    binarizer = zxingcpp.Binarizer.BoolCast if binary else zxingcpp.Binarizer.LocalAverage
    # HexECI: `.text` is the hex of the payload with its symbology identifier and ECI
    # designators, so the charset comes from the code itself, not zxing's guess (which
    # reads GB18030 as Latin-1) and not its HRI form (which rewrites GS1 as "(01)...").
    for r in zxingcpp.read_barcodes(gray, binarizer=binarizer,
                                    text_mode=zxingcpp.TextMode.HexECI):
        raw = bytes(r.bytes)
        name = r.format.name if hasattr(r.format, "name") else str(r.format)
        text, charset = payload_text(raw, _eci_payload(r.text))
        gs1 = r.content_type == zxingcpp.ContentType.GS1
        out.append(DecodedCode(name, text, raw, charset, gs1))
    return out


def _eci_payload(hex_eci: str) -> bytes | None:
    """zxing-cpp's HexECI text as bytes, without the leading "]xy" symbology identifier."""
    try:
        data = bytes.fromhex(hex_eci)
    except ValueError:
        return None
    return data[3:] if data[:1] == b"]" else data


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
        text, charset = guess_charset(raw)
        out.append(DecodedCode(name, text, raw, charset))
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
                text, charset = guess_charset(raw)
                out.append(DecodedCode("QRCode", text, raw, charset))
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

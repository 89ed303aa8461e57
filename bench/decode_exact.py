"""Decode exactness benchmark (not a test): our pipeline vs raw zxing-cpp vs raw pyzbar.

    .venv/bin/python bench/decode_exact.py [--photos 3] [--public DIR]

Codes are made by encoders other than the one the tests use (qrcode): segno for QR
codes (ECI UTF-8 and GB18030, Shift_JIS in Kanji and byte mode, GB18030 bytes without
ECI, GS1-style element strings with 0x1D, CRLF, leading and trailing spaces, ASCII,
URLs, Latin-1) and python-barcode for GS1-128 (FNC1) and Code 128. Each is decoded
clean (the encoder's own PNG) and "printed and photographed": laid on a synthetic A4
page by the camera simulator (devices.camera.synthetic.render_document) with rotation,
tilt, blur, noise and uneven light.

A decode is an exact match when one of the texts an engine returns equals the payload
character for character. Engines on the same image:
- pipeline: devices.codes.decode_codes(image) (engine "auto"), `.text`;
- zxing-cpp: zxingcpp.read_barcodes(gray) with its defaults, `.text`;
- pyzbar: pyzbar.decode(gray), `.data` decoded as UTF-8 (zbar converts to UTF-8).

--public DIR: also every image in DIR that has a sidecar DIR/<name>.txt holding the
expected text (the layout of zxing's blackbox test sets), when such a set is at hand.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt

from devices.camera.synthetic import render_document
from devices.codes import decode_codes

Gray = npt.NDArray[np.uint8]


@dataclass(frozen=True)
class Case:
    """One code: its name, the exact text it carries and a maker of its clean image."""

    name: str
    text: str
    make: Callable[[], Gray]


def _png_to_gray(png: bytes) -> Gray:
    image = cv2.imdecode(np.frombuffer(png, np.uint8), cv2.IMREAD_GRAYSCALE)
    if image is None:
        raise ValueError("encoder produced no image")
    return np.asarray(image, dtype=np.uint8)


def _segno(content: str | bytes, **options: object) -> Callable[[], Gray]:
    def make() -> Gray:
        import segno

        qr = segno.make(content, micro=False, **options)  # type: ignore[arg-type]
        buf = io.BytesIO()
        qr.save(buf, kind="png", scale=6, border=4)
        return _png_to_gray(buf.getvalue())

    return make


def _barcode(kind: str, content: str) -> Callable[[], Gray]:
    def make() -> Gray:
        import barcode
        from barcode.writer import ImageWriter

        code = barcode.get(kind, content, writer=ImageWriter())
        buf = io.BytesIO()
        code.write(buf, options={"module_width": 0.4, "module_height": 12, "write_text": False,
                                 "quiet_zone": 6.5})
        return _png_to_gray(buf.getvalue())

    return make


GS1_ELEMENTS = "0109521234543213\x1d3103000123\x1d10AB-123"


def segno_cases() -> list[Case]:
    """The QR cases made by segno (also what the exactness test decodes)."""
    return [
        Case("ascii", "S001-20261125-0007", _segno("S001-20261125-0007")),
        Case("url", "https://zwfw.example.gov.cn/r?n=S001-20261125-0007&s=9f2c",
             _segno("https://zwfw.example.gov.cn/r?n=S001-20261125-0007&s=9f2c")),
        Case("crlf utf-8", "第一行\r\n第二行\r\n",
             _segno("第一行\r\n第二行\r\n", encoding="utf-8")),
        Case("spaces", "  receipt S001-0007  ", _segno("  receipt S001-0007  ")),
        Case("eci utf-8", "受理回执 café ✓", _segno("受理回执 café ✓", encoding="utf-8", eci=True)),
        Case("eci gb18030", "受理回执 张三", _segno("受理回执 张三", encoding="gb18030", eci=True)),
        Case("gb18030 no eci", "乡镇便民服务中心 受理回执",
             _segno("乡镇便民服务中心 受理回执".encode("gb18030"), mode="byte")),
        Case("shift_jis kanji", "漢字テスト", _segno("漢字テスト")),
        Case("shift_jis bytes", "東京都千代田区 受付",
             _segno("東京都千代田区 受付".encode("shift_jis"), mode="byte")),
        Case("gs1 elements 0x1d", GS1_ELEMENTS, _segno(GS1_ELEMENTS)),
        Case("latin-1 no eci", "Ærø café", _segno("Ærø café".encode("latin-1"), mode="byte")),
    ]


def barcode_cases() -> list[Case]:
    """Linear codes made by python-barcode: GS1-128 (FNC1) keeps 0x1D between elements."""
    gs1 = "0109521234543213\x1d3103000123"
    return [
        Case("gs1-128 fnc1", gs1, _barcode("gs1_128", gs1)),
        Case("code128", "S001-20261125-0007", _barcode("code128", "S001-20261125-0007")),
    ]


def photographed(case: Case, seed: int, *, size: tuple[int, int] = (1920, 1080)) -> Gray:
    """The case's code printed on a synthetic page and photographed by the simulator."""
    rng = np.random.default_rng(seed)
    photo = render_document(
        "受理材料", case.text, seed=seed, size=size,
        rotation_deg=float(rng.uniform(-12, 12)), tilt_deg=float(rng.uniform(0, 12)),
        blur=float(rng.uniform(0.6, 1.4)), noise=float(rng.uniform(1.5, 3.5)), glare=False,
        code_image=case.make(),
    )
    return np.asarray(cv2.cvtColor(photo.image, cv2.COLOR_BGR2GRAY), dtype=np.uint8)


# --------------------------------------------------------------------------- engines


def texts_pipeline(gray: Gray) -> list[str]:
    return [c.text for c in decode_codes(gray)]


def texts_zxing(gray: Gray) -> list[str]:
    import zxingcpp

    return [r.text for r in zxingcpp.read_barcodes(gray)]


def texts_pyzbar(gray: Gray) -> list[str]:
    from pyzbar import pyzbar

    return [s.data.decode("utf-8", errors="replace") for s in pyzbar.decode(gray)]


ENGINES: dict[str, Callable[[Gray], list[str]]] = {
    "pipeline": texts_pipeline,
    "zxing-cpp": texts_zxing,
    "pyzbar": texts_pyzbar,
}


def exact(engine: Callable[[Gray], list[str]], gray: Gray, text: str) -> bool:
    try:
        return text in engine(gray)
    except Exception:  # an engine that crashes on an image has not matched it
        return False


def public_images(folder: Path) -> list[tuple[str, str, Gray]]:
    found: list[tuple[str, str, Gray]] = []
    for path in sorted(folder.iterdir()):
        sidecar = path.with_suffix(".txt")
        if path.suffix.lower() not in {".png", ".jpg", ".jpeg", ".bmp", ".pbm", ".pgm"}:
            continue
        if not sidecar.is_file():
            continue
        image = cv2.imread(str(path), cv2.IMREAD_GRAYSCALE)
        if image is not None:
            text = sidecar.read_bytes().decode("utf-8", errors="replace")
            found.append((path.name, text, np.asarray(image, dtype=np.uint8)))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--photos", type=int, default=3, help="photographs per case")
    parser.add_argument("--public", type=Path, help="folder of public test images + .txt")
    args = parser.parse_args(argv)

    rows: list[tuple[str, str, dict[str, bool]]] = []
    for case in segno_cases() + barcode_cases():
        rows.append((case.name, "clean", {n: exact(e, case.make(), case.text)
                                          for n, e in ENGINES.items()}))
        big = (3264, 2448) if case in barcode_cases() else (1920, 1080)
        for k in range(args.photos):
            gray = photographed(case, 1000 + 17 * k + len(case.name), size=big)
            rows.append((case.name, f"photo {k + 1}", {n: exact(e, gray, case.text)
                                                       for n, e in ENGINES.items()}))
    if args.public is not None:
        for name, text, gray in public_images(args.public):
            rows.append((name, "public", {n: exact(e, gray, text) for n, e in ENGINES.items()}))

    names = list(ENGINES)
    print(f"{'case':<20} {'image':<8} " + " ".join(f"{n:>10}" for n in names))
    for case_name, image, result in rows:
        marks = " ".join(f"{'yes' if result[n] else '-':>10}" for n in names)
        print(f"{case_name:<20} {image:<8} {marks}")
    print()
    groups = {"clean": [r for r in rows if r[1] == "clean"],
              "photo": [r for r in rows if r[1].startswith("photo")],
              "public": [r for r in rows if r[1] == "public"]}
    print(f"{'exact matches':<29} " + " ".join(f"{n:>10}" for n in names))
    for group, members in groups.items():
        if not members:
            continue
        counts = " ".join(f"{sum(r[2][n] for r in members):>7}/{len(members):<2}" for n in names)
        print(f"{group:<29} {counts}")
    total = " ".join(f"{sum(r[2][n] for r in rows):>7}/{len(rows):<2}" for n in names)
    print(f"{'all':<29} {total}")
    worse = sum(r[2]["zxing-cpp"] and not r[2]["pipeline"] for r in rows)
    print(f"\nimages raw zxing-cpp matched exactly and the pipeline did not: {worse}")
    return 0 if worse == 0 else 1


if __name__ == "__main__":
    sys.exit(main())

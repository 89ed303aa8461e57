from __future__ import annotations

import numpy as np
import pytest
import qrcode

from devices.camera.synthetic import render_document
from devices.codes import (
    AUTO_STAGES,
    DecodedCode,
    decode_codes,
    decode_codes_staged,
    decode_payload,
)


def qr_image(payload: bytes) -> np.ndarray:
    return np.array(qrcode.make(payload).convert("L"), dtype=np.uint8)


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
@pytest.mark.parametrize("seed", [21, 22])
def test_qr_decoded_from_synthetic_photos(seed: int, encoding: str) -> None:
    payload = "受理回执 S001-20261125-0007 张三"
    p = render_document("最低生活保障申请表", payload, seed=seed, rotation_deg=15 - seed % 2 * 30,
                        tilt_deg=12, blur=1.2, noise=3.0, qr_encoding=encoding)
    codes = decode_codes(p.image)
    assert [(c.symbology, c.text) for c in codes] == [("QRCode", payload)]
    assert codes[0].raw == payload.encode(encoding)


@pytest.mark.parametrize("engine", ["auto", "zxing", "pyzbar", "opencv"])
@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_every_engine_gets_chinese_right(engine: str, encoding: str) -> None:
    # zbar alone would guess Shift-JIS here ("蜿礼炊..."); OpenCV would give Latin-1.
    payload = "受理回执 乡镇便民服务中心"
    codes = decode_codes(qr_image(payload.encode(encoding)), engine=engine)  # type: ignore[arg-type]
    assert codes == [DecodedCode("QRCode", payload, payload.encode(encoding))]


def test_pyzbar_on_a_photo() -> None:
    p = render_document("申请表", "S001-20261125-0001", seed=5, rotation_deg=0, tilt_deg=0,
                        blur=0.5, noise=1.0, fill=0.95)
    codes = decode_codes(p.image, engine="pyzbar")
    assert [c.text for c in codes] == ["S001-20261125-0001"]


def test_control_characters_are_kept_and_duplicates_dropped() -> None:
    # Exact: the text is what the code carries; cleaning is for display only.
    img = qr_image("回执\x07号\x00 123\r\n".encode())
    twice = np.hstack([img, img])
    codes = decode_codes(twice)
    assert [c.text for c in codes] == ["回执\x07号\x00 123\r\n"]


def test_decode_payload_order_keeps_every_character() -> None:
    assert decode_payload("张三".encode()) == "张三"
    assert decode_payload("张三".encode("gb18030")) == "张三"
    assert decode_payload(b"\xef\xbb\xbfabc\r\n") == "\ufeffabc\r\n"
    assert decode_payload(b" a\tb\nc\x1b ") == " a\tb\nc\x1b "


def test_nothing_found_and_bad_engine() -> None:
    blank = np.full((200, 200, 3), 255, np.uint8)
    assert decode_codes(blank) == []
    with pytest.raises(ValueError):
        decode_codes(blank, engine="nope")  # type: ignore[arg-type]


def bench_photo(i: int) -> tuple[np.ndarray, str]:
    """Photo i of bench/document_pipeline.py's decode benchmark (same seed and draws)."""
    seed = 10_000 + i
    rng = np.random.default_rng(seed)
    payload = f"受理回执 S{i % 900 + 100:03d}-20261125-{i:04d} 张三"
    p = render_document("城乡居民最低生活保障申请表", payload, seed=seed,
                        rotation_deg=rng.uniform(-20, 20), tilt_deg=rng.uniform(0, 20),
                        blur=rng.uniform(0.8, 2.0), noise=rng.uniform(1.5, 5.0),
                        qr_encoding="gb18030" if i % 4 == 0 else "utf-8")
    return p.image, payload


@pytest.mark.parametrize("i", [317, 305])  # 317: blur sigma 1.97; 305: glare over the code
def test_page_stage_decodes_what_plain_and_sharpened_zxing_miss(i: int) -> None:
    image, payload = bench_photo(i)
    for engine in ("zxing", "pyzbar"):
        assert payload not in [c.text for c in decode_codes(image, engine=engine)]  # type: ignore[arg-type]
    found, stage = decode_codes_staged(image)
    assert stage == "zxing+page"  # so plain and sharpened zxing found nothing either
    assert [c.text for c in found] == [payload]


def test_page_stage_runs_after_sharpen_and_is_skipped_without_a_page() -> None:
    names = [name for name, _, _ in AUTO_STAGES]
    assert names.index("zxing+sharpen") < names.index("zxing+page") < names.index("pyzbar")
    # A bare QR code (no page around it) still decodes: the page stage steps aside.
    codes, stage = decode_codes_staged(qr_image("回执 123".encode()))
    assert [c.text for c in codes] == ["回执 123"] and stage == "zxing"

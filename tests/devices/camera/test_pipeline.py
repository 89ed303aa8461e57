from __future__ import annotations

import cv2
import numpy as np
import pytest

from devices.camera.capture import capture_page
from devices.camera.errors import PageNotFound
from devices.camera.page_detection import find_page, order_corners
from devices.camera.quality import BLURRY, GLARE, assess_quality
from devices.camera.rectification import estimate_skew, page_size_px, rectify
from devices.camera.stability import StabilityDetector
from devices.camera.synthetic import render_desk, render_document
from ui_shared.error_text import code_text, error_text

from .conftest import TITLE, photo


def corner_error(found: np.ndarray, truth: np.ndarray) -> float:
    return float(np.linalg.norm(found - truth, axis=1).max())


@pytest.mark.parametrize(
    ("seed", "rotation", "tilt"),
    [(1, 0.0, 0.0), (2, 7.0, 4.0), (3, -12.0, 10.0), (4, 19.0, 16.0), (5, -20.0, 20.0)],
)
def test_corners_found_within_a_few_pixels(seed: int, rotation: float, tilt: float) -> None:
    p = photo(seed, rotation_deg=rotation, tilt_deg=tilt, blur=1.0, noise=3.0)
    corners = find_page(p.image)
    assert corners is not None
    assert corners.shape == (4, 2) and corners.dtype == np.float32
    assert corner_error(corners, p.corners) < 3.0


def test_corners_on_a_large_frame() -> None:
    """A full-resolution frame (3264x2448, 8 MP): detected on a downscaled copy, the
    corners refined at full resolution. The photo is rendered at half size and enlarged
    twice (rendering 8 MP takes seconds); find_page gets the full-size frame either way,
    and the true corners are scaled with it (pixel-centre coordinates)."""
    p = render_document(TITLE, "x", seed=9, size=(1632, 1224), rotation_deg=-9, tilt_deg=8)
    frame = cv2.resize(p.image, (3264, 2448), interpolation=cv2.INTER_LINEAR)
    truth = (p.corners + 0.5) * 2 - 0.5
    corners = find_page(frame)
    assert corners is not None
    assert corner_error(corners, truth) < 4.0


def test_synthetic_photos_are_deterministic() -> None:
    a = render_document(TITLE, "x", seed=42, size=(640, 360))
    b = render_document(TITLE, "x", seed=42, size=(640, 360))
    assert np.array_equal(a.image, b.image) and np.array_equal(a.corners, b.corners)
    assert a.image.shape == (360, 640, 3) and a.image.dtype == np.uint8


def test_order_corners_is_tl_tr_br_bl() -> None:
    quad = np.array([[10, 200], [300, 210], [20, 5], [290, 15]], np.float32)  # shuffled
    assert order_corners(quad).tolist() == [[20, 5], [290, 15], [300, 210], [10, 200]]


def test_empty_desk_is_page_not_found() -> None:
    desk = render_desk(seed=3)
    assert find_page(desk) is None
    with pytest.raises(PageNotFound) as info:
        capture_page(desk)
    assert error_text(info.value) == "未检测到完整页面"


def test_page_cut_off_by_the_frame_is_not_a_full_page() -> None:
    p = photo(2, rotation_deg=7.0, tilt_deg=4.0, blur=1.0, noise=3.0)
    cut = np.ascontiguousarray(p.image[:, : int(p.corners[:, 0].max()) - 150])
    assert find_page(cut) is None


def test_rectified_output_is_a4_at_200_dpi() -> None:
    p = photo(3, rotation_deg=-12.0, tilt_deg=10.0, blur=1.0, noise=3.0, glare=False)
    page = capture_page(p.image)
    assert (page.width, page.height) == (1654, 2339) == page_size_px(200)
    img = cv2.imdecode(np.frombuffer(page.jpeg, np.uint8), cv2.IMREAD_COLOR)
    assert img.shape == (2339, 1654, 3)
    assert corner_error(page.corners, p.corners) < 3.0
    assert page.findings == []


def test_landscape_page_is_rectified_landscape() -> None:
    p = render_document(TITLE, "x", seed=11, landscape=True, rotation_deg=5, tilt_deg=3,
                        fill=0.7)
    page = capture_page(p.image)
    assert (page.width, page.height) == (2339, 1654)


def test_blurry_photo_is_flagged_and_sharp_one_is_not() -> None:
    sharp = photo(6, blur=0.6, noise=2.0, glare=False)
    blurry = photo(6, blur=3.5, noise=2.0, glare=False)
    c = find_page(sharp.image)
    assert c is not None
    assert assess_quality(sharp.image, c).findings == []
    cb = find_page(blurry.image)
    assert cb is not None
    report = assess_quality(blurry.image, cb)
    assert BLURRY in report.findings
    assert code_text(BLURRY.qualified_code) == "画面模糊"
    assert code_text(BLURRY.qualified_code, english=True) == "The image is blurry"


def test_glare_is_flagged() -> None:
    p = photo(7, glare=True, blur=0.8)
    page = capture_page(p.image)
    assert GLARE in page.findings
    assert code_text(GLARE.qualified_code) == "有反光"


def test_jpeg_stays_within_budget() -> None:
    p = photo(3, rotation_deg=-12.0, tilt_deg=10.0, blur=1.0, noise=3.0, glare=False)
    page = capture_page(p.image, max_bytes=120_000, enhance_page=False)
    assert len(page.jpeg) <= 120_000
    assert page.jpeg_quality < 85
    default = capture_page(p.image)
    assert len(default.jpeg) <= 600_000


def test_deskew_estimates_small_rotation() -> None:
    p = photo(2, rotation_deg=7.0, tilt_deg=4.0, blur=1.0, noise=3.0)
    c = find_page(p.image)
    assert c is not None
    flat = rectify(p.image, c)
    assert abs(estimate_skew(flat)) < 0.3
    rot = cv2.getRotationMatrix2D((827, 1170), 1.5, 1.0)
    turned = cv2.warpAffine(flat, rot, (1654, 2339), borderMode=cv2.BORDER_REPLICATE)
    assert estimate_skew(turned) == pytest.approx(1.5, abs=0.25)


def test_stability_detector_fires_once_after_n_still_frames() -> None:
    det = StabilityDetector(n_frames=5, tolerance_px=4.0)
    base = np.array([[100, 100], [500, 100], [500, 700], [100, 700]], np.float32)
    rng = np.random.default_rng(0)
    fired = [det.update(base + rng.normal(0, 0.5, (4, 2))) for _ in range(8)]
    assert fired == [False, False, False, False, True, False, False, False]
    assert det.stable
    # The page moves: no longer stable; holding still again fires again after 5 frames.
    assert det.update(base + 30) is False
    assert not det.stable
    fired = [det.update(base + 30) for _ in range(5)]  # 2nd..6th frame at the new place
    assert fired == [False, False, False, True, False]
    # Page removed resets.
    assert det.update(None) is False
    assert not det.stable


def test_stability_detector_ignores_slow_drift_beyond_tolerance() -> None:
    det = StabilityDetector(n_frames=5, tolerance_px=2.0)
    base = np.array([[100, 100], [500, 100], [500, 700], [100, 700]], np.float32)
    assert not any(det.update(base + i * 1.5) for i in range(10))


@pytest.mark.parametrize(
    ("size", "landscape", "rotation"),
    [((1920, 1080), True, 0.0), ((1920, 1080), False, 0.0), ((1920, 1080), True, 0.3),
     ((1080, 1440), False, 0.0)],
)
def test_page_filling_the_whole_frame_is_still_a_page(
    size: tuple[int, int], landscape: bool, rotation: float
) -> None:
    # Corners 2-7 px from the frame border: the old "touches the border" rule said no page.
    p = render_document(TITLE, "x", seed=3, size=size, rotation_deg=rotation, tilt_deg=0,
                        fill=0.995, landscape=landscape, glare=False)
    gap = min(p.corners.min(), (np.array(size) - 1 - p.corners.max(0)).min())
    assert 0 < gap < 8
    corners = find_page(p.image)
    assert corners is not None
    assert corner_error(corners, p.corners) < 1.5


def test_full_frame_page_cut_at_one_side_or_corner_is_not_a_page() -> None:
    p = render_document(TITLE, "x", seed=3, size=(1920, 1080), rotation_deg=0.0, tilt_deg=0,
                        fill=0.995, landscape=True, glare=False)
    top = int(p.corners[:, 1].min())
    assert find_page(np.ascontiguousarray(p.image[top + 30:])) is None  # top edge cut
    tilted = render_document(TITLE, "x", seed=3, size=(1920, 1080), rotation_deg=2.0,
                             tilt_deg=0, fill=0.95, landscape=True, glare=False)
    # Crop so only the leftmost corner lies 12 px outside the frame.
    xs = np.sort(tilted.corners[:, 0])
    x0 = int(xs[0]) + 12
    cut = np.ascontiguousarray(tilted.image[:, x0:])
    assert xs[1] - x0 > 10
    assert find_page(cut) is None

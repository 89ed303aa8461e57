from __future__ import annotations

import json
from pathlib import Path

import cv2
import numpy as np
import pytest

from devices.camera.diagnostics import capture_json, scan_json
from devices.camera.errors import CameraError, PageNotFound
from devices.camera.opencv_camera import OpenCvCamera
from devices.camera.page_detection import find_page
from devices.camera.simulated import Camera, SimulatedCamera
from devices.camera.stability import StabilityDetector
from devices.camera.synthetic import render_desk
from ui_shared.error_text import error_text

from .conftest import photo


def test_simulated_camera_shows_empty_desk_then_a_page() -> None:
    cam = SimulatedCamera(size=(1280, 720), seed=1)
    assert isinstance(cam, Camera)
    frame = cam.grab()
    assert frame.shape == (720, 1280, 3) and frame.dtype == np.uint8
    assert find_page(frame) is None
    cam.present("营业执照申请表", "受理回执 S001")
    f1, f2 = cam.grab(), cam.grab()
    assert not np.array_equal(f1, f2)  # live: jitter and noise
    truth = cam.corners
    assert truth is not None
    det = StabilityDetector(n_frames=3, tolerance_px=5.0)
    fired = False
    for _ in range(3):
        c = find_page(cam.grab())
        assert c is not None
        assert np.linalg.norm(c - truth, axis=1).max() < 4.0
        fired = det.update(c) or fired
    assert fired
    cam.present(None)
    assert find_page(cam.grab()) is None
    cam.close()
    with pytest.raises(CameraError):
        cam.grab()


def test_opencv_camera_missing_source_raises_with_chinese_message(tmp_path: Path) -> None:
    # a missing file beside this one: tmp_path may lie below /dev (/dev/shm), which the
    # camera takes for a device node (a device path that fails to open says so instead)
    missing = Path(__file__).with_name("no-such-video.avi")
    assert not missing.exists()
    with pytest.raises(CameraError) as info:
        OpenCvCamera(str(missing))
    assert error_text(info.value) == "未找到高拍仪或视频文件"
    not_video = tmp_path / "junk.avi"
    not_video.write_bytes(b"not a video")
    with pytest.raises(CameraError):
        cam = OpenCvCamera(str(not_video))
        cam.grab()


def test_opencv_camera_reads_a_video_file(tmp_path: Path) -> None:
    path = tmp_path / "desk.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 5, (320, 240))
    if not writer.isOpened():
        pytest.skip("no MJPG writer in this OpenCV build")
    for i in range(3):
        writer.write(np.full((240, 320, 3), 40 * i, np.uint8))
    writer.release()
    with OpenCvCamera(str(path), 320, 240) as cam:
        frames = [cam.grab() for _ in range(3)]
        assert frames[0].shape == (240, 320, 3)
        with pytest.raises(CameraError) as info:
            cam.grab()  # end of file
        assert error_text(info.value) == "高拍仪没有画面，请检查连接"


def test_capture_json_contract(tmp_path: Path) -> None:
    p = photo(4, rotation_deg=19.0, tilt_deg=16.0, blur=1.0, noise=3.0)
    src = tmp_path / "照片.png"
    cv2.imwrite(str(tmp_path / "tmp.png"), p.image)
    (tmp_path / "tmp.png").rename(src)
    out = tmp_path / "page.jpg"
    result = capture_json(src, out)
    json.dumps(result, ensure_ascii=False)
    assert set(result) == {"corners", "findings", "width", "height", "bytes"}
    assert result["bytes"] == out.stat().st_size
    assert (result["width"], result["height"]) == (1654, 2339)
    assert np.abs(np.array(result["corners"]) - p.corners).max() < 3.0
    for f in result["findings"]:
        assert set(f) == {"code", "detail_en"}  # the command line words it (test_devices_cli)
    desk = tmp_path / "desk.png"
    cv2.imwrite(str(desk), render_desk(seed=1, size=(640, 360)))
    with pytest.raises(PageNotFound):
        capture_json(desk, tmp_path / "none.jpg")


def test_scan_json_contract(tmp_path: Path) -> None:
    p = photo(5, rotation_deg=-20.0, tilt_deg=20.0, blur=1.0, noise=3.0)
    a = tmp_path / "a.png"
    cv2.imwrite(str(a), p.image)
    b = tmp_path / "b.png"
    cv2.imwrite(str(b), render_desk(seed=2, size=(640, 360)))
    result = scan_json([a, b])
    assert result == [
        {"file": str(a), "codes": [{"symbology": "QRCode", "text": p.qr_payload}]},
        {"file": str(b), "codes": []},
    ]

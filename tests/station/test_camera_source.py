"""A missing camera does not stop the station; it is picked up once plugged in."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.typing import NDArray

from devices.camera.errors import CameraError
from station.camera_source import ReopeningCamera
from ui_shared.error_text import error_text


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Plug:
    """A camera that can be unplugged: opening and grabbing fail while it is out."""

    def __init__(self) -> None:
        self.present = False
        self.opened = 0
        self.closed = 0

    def open(self) -> Plug:
        if not self.present:
            raise CameraError("no camera", code="camera_not_found")
        self.opened += 1
        return self

    def grab(self) -> NDArray[np.uint8]:
        if not self.present:
            raise CameraError("unplugged", code="camera_read_failed")
        return np.zeros((4, 4, 3), np.uint8)

    def close(self) -> None:
        self.closed += 1


def test_missing_then_plugged_in_then_lost() -> None:
    clock, plug = Clock(), Plug()
    camera = ReopeningCamera(plug.open, retry_s=5.0, clock=clock)
    with pytest.raises(CameraError) as e:
        camera.grab()
    assert error_text(e.value) == "未找到高拍仪或视频文件"
    plug.present = True
    with pytest.raises(CameraError):
        camera.grab()  # not retried before retry_s has passed
    assert plug.opened == 0
    clock.now += 5.0
    assert camera.grab().shape == (4, 4, 3)
    assert camera.grab().shape == (4, 4, 3) and plug.opened == 1
    plug.present = False
    with pytest.raises(CameraError) as lost:
        camera.grab()
    assert error_text(lost.value) == "高拍仪没有画面，请检查连接" and plug.closed == 1
    plug.present = True
    clock.now += 5.0
    assert camera.grab().shape == (4, 4, 3) and plug.opened == 2

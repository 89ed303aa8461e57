"""A document camera that may be missing when the station starts, or unplugged later.

The window must open without it (pages can be imported from files meanwhile),
and pick it up once it is plugged in: each ``grab`` tries to open the camera
again, at most every ``retry_s`` seconds, and otherwise raises the last error.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from devices.camera.errors import CameraError
from station.services import FrameSource

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

log = logging.getLogger(__name__)


class ReopeningCamera:
    def __init__(
        self,
        open_camera: Callable[[], FrameSource],
        *,
        retry_s: float = 5.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._open = open_camera
        self._retry_s = retry_s
        self._clock = clock
        self._camera: FrameSource | None = None
        self._last_try = -retry_s
        self._error: CameraError = CameraError("camera not opened yet")

    def grab(self) -> NDArray[np.uint8]:
        if self._camera is None:
            now = self._clock()
            if now - self._last_try < self._retry_s:
                raise self._error
            self._last_try = now
            try:
                self._camera = self._open()
            except CameraError as e:
                self._error = e
                raise
            log.info("document camera opened")
        try:
            return self._camera.grab()
        except CameraError as e:
            log.warning("document camera lost: %s", e)
            self._drop()
            self._error = e
            raise

    def _drop(self) -> None:
        camera, self._camera = self._camera, None
        if camera is not None:
            try:
                camera.close()
            except Exception:
                log.exception("closing the lost camera failed")

    def close(self) -> None:
        self._drop()

"""A simulated document camera: shows a synthetic page (or an empty desk) as live frames."""

from __future__ import annotations

import functools
import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Protocol, runtime_checkable

import cv2
import numpy as np
import numpy.typing as npt

from devices.camera import still_files
from devices.camera.errors import CameraError
from devices.camera.synthetic import render_desk, render_document

log = logging.getLogger(__name__)

Frame = npt.NDArray[np.uint8]
_PAD = 64  # noise field margin for per-frame offsets


class _StillCache:
    """The last few rendered stills of this process, shared by every simulated camera.

    A still is a pure function of what is presented and the seed, and rendering one
    costs a good part of a second (a textured desk, a projected page); a demo or a test
    run presents the same few pages again and again (each new camera counts its seeds
    from the same start). Stills are kept read-only: a grab copies before it changes a
    pixel. ``YIWANG_CAMERA_STILL_CACHE`` sets how many (0: none)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._lock = threading.Lock()
        self._stills: OrderedDict[Hashable, tuple[Frame, npt.NDArray[np.float32] | None]] = (
            OrderedDict()
        )
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable) -> tuple[Frame, npt.NDArray[np.float32] | None] | None:
        with self._lock:
            found = self._stills.get(key)
            if found is None:
                self.misses += 1
                return None
            self._stills.move_to_end(key)
            self.hits += 1
            return found

    def put(self, key: Hashable, still: Frame, corners: npt.NDArray[np.float32] | None) -> None:
        if self.size <= 0:
            return
        still.setflags(write=False)
        if corners is not None:
            corners.setflags(write=False)
        with self._lock:
            self._stills[key] = (still, corners)
            self._stills.move_to_end(key)
            while len(self._stills) > self.size:
                self._stills.popitem(last=False)


def _cache_size() -> int:
    value = os.environ.get("YIWANG_CAMERA_STILL_CACHE", "")
    return int(value) if value.isdigit() else 8


STILLS = _StillCache(_cache_size())


def _still_key(title: str | None, qr_payload: str, seed: int, size: tuple[int, int],
               options: dict[str, object]) -> Hashable | None:
    """The cache key of a still, or None when an option cannot be one (anything but a
    plain value, such as an image: its text would not name the same picture in the next
    process, where the key also names a file: devices.camera.still_files)."""
    if not all(isinstance(v, (str, int, float, bool, type(None))) for v in options.values()):
        return None
    return (title, qr_payload, seed, size, tuple(sorted(options.items())))


@runtime_checkable
class Camera(Protocol):
    """What the UI needs from a document camera."""

    def grab(self) -> Frame:
        """The latest frame, BGR uint8 (h, w, 3)."""
        ...

    def close(self) -> None: ...


class SimulatedCamera:
    """Renders one still per presented document, then adds per-frame jitter and noise.

    `present(title, qr_payload)` lays a page under the camera; `present(None)` or
    `clear()` takes it away (empty desk). Thread-safe: the UI may present from one
    thread while a preview loop grabs from another.
    """

    def __init__(self, size: tuple[int, int] = (1920, 1080), seed: int = 0, *,
                 jitter_px: float | None = None, noise: float = 2.0) -> None:
        """jitter_px: the arm's vibration in frame pixels (sigma); None: 0.6 px of a
        1920 px wide frame, scaled with the width (the arm shakes the scene by an angle,
        so a smaller frame sees the same shake in fewer pixels)."""
        self.size = size
        self.seed = seed
        self.jitter_px = 0.6 * size[0] / 1920 if jitter_px is None else jitter_px
        self.noise = noise
        self._lock = threading.Lock()
        self._rng = np.random.default_rng(seed)
        self._count = 0
        self._corners: npt.NDArray[np.float32] | None = None
        # the empty desk is rendered on the first grab, not here: a station that starts
        # with simulated devices (the kiosk demo) must not wait a second for a picture
        # nobody has asked for yet
        self._still: Frame | None = None
        self._closed = False
        self._noise: npt.NDArray[np.int16] | None = None

    @property
    def corners(self) -> npt.NDArray[np.float32] | None:
        """Ground-truth corners of the presented page in the still (None: empty desk)."""
        return None if self._corners is None else self._corners.copy()

    def present(self, title: str | None, qr_payload: str = "", **render_options: object) -> None:
        """Put a document under the camera; None or "" as title clears the desk."""
        with self._lock:
            self._count += 1
            seed = self.seed * 1000 + self._count
            key = _still_key(title or None, qr_payload if title else "", seed, self.size,
                             render_options)
            cached = None if key is None else STILLS.get(key) or still_files.load(key)
            if cached is not None:
                self._still, self._corners = cached
            elif not title:
                self._still = render_desk(seed=seed, size=self.size, noise=0.5)
                self._corners = None
            else:
                photo = render_document(title, qr_payload, seed=seed, size=self.size,
                                        noise=0.5, **render_options)  # type: ignore[arg-type]
                self._still, self._corners = photo.image, photo.corners
            if key is not None:
                if cached is None:
                    still_files.save(key, self._still, self._corners)
                STILLS.put(key, self._still, self._corners)
            if not title:
                return
        log.debug("simulated camera: presented %r", title)

    def clear(self) -> None:
        self.present(None)

    def grab(self) -> Frame:
        if self._closed:
            raise CameraError("simulated camera is closed", code="camera_closed")
        with self._lock:
            if self._still is None:
                key = ("empty desk", self.seed, self.size)
                cached = STILLS.get(key) or still_files.load(key)
                if cached is None:
                    self._still = render_desk(seed=self.seed, size=self.size, noise=0.5)
                    still_files.save(key, self._still, None)
                else:
                    self._still = cached[0]
                STILLS.put(key, self._still, None)
            still = self._still
            dx, dy = self._rng.normal(0.0, self.jitter_px, 2)
            gain = 1.0 + self._rng.normal(0.0, 0.01)
            ox, oy = (int(v) for v in self._rng.integers(0, _PAD, 2))
        h, w = still.shape[:2]
        m = np.array([[1, 0, dx], [0, 1, dy]], np.float32)
        # Jitter (camera arm vibration) and a tiny exposure flicker.
        frame = cv2.warpAffine(still, m, (w, h), flags=cv2.INTER_LINEAR,
                               borderMode=cv2.BORDER_REPLICATE)
        frame = cv2.convertScaleAbs(frame, alpha=gain)
        if self.noise > 0:
            # Sensor noise: a random window of a pre-computed noise field (cheap per frame).
            noise = self._noise_field(h, w)[oy:oy + h, ox:ox + w]
            frame = cv2.add(frame, noise, dtype=cv2.CV_8U)
        return np.asarray(frame, dtype=np.uint8)

    def _noise_field(self, h: int, w: int) -> npt.NDArray[np.int16]:
        field = self._noise
        if field is None or field.shape[:2] != (h + _PAD, w + _PAD):
            field = _shared_noise_field(self.seed + 99, self.noise, (h + _PAD, w + _PAD, 3))
            self._noise = field
        return field

    def close(self) -> None:
        self._closed = True


@functools.lru_cache(maxsize=2)
def _shared_noise_field(seed: int, sigma: float,
                        shape: tuple[int, int, int]) -> npt.NDArray[np.int16]:
    """One read-only field per seed, level and size for every camera of the process:
    each simulated camera (every clerk window, kiosk and doctor run) drew its own, a
    third of a CPU-second of random numbers, and the same numbers each time."""
    field = _rounded_normal(seed, sigma, shape)
    field.flags.writeable = False
    return field


def _rounded_normal(seed: int, sigma: float, shape: tuple[int, int, int],
                    rows: int = 64) -> npt.NDArray[np.int16]:
    """``round(normal(0, sigma, shape))`` as int16, drawn a band of ``rows`` at a time.

    The same numbers as one draw of the whole (the generator's stream is consumed in
    the same order), without the two full-size float64 temporaries: in a fresh process
    those cost most of a second of page faults at the first frame of every simulated
    camera (the doctor, the clerk's preview, the demo)."""
    rng = np.random.default_rng(seed)
    field = np.empty(shape, np.int16)
    for top in range(0, shape[0], rows):
        band = rng.normal(0.0, sigma, (min(rows, shape[0] - top), *shape[1:]))
        field[top:top + len(band)] = np.rint(band, out=band)
    return field


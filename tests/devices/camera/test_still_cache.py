"""The simulated camera's still cache: a page presented again with the same seed is the
same picture without a second rendering, and nobody can change a cached still."""

from __future__ import annotations

import numpy as np

from devices.camera.simulated import STILLS, SimulatedCamera


def test_same_presentation_same_still_rendered_once() -> None:
    size = (320, 240)  # small: this is about the cache, not the picture
    first, second = SimulatedCamera(size, seed=4242), SimulatedCamera(size, seed=4242)
    first.present("居民身份证", "payload-1")
    misses = STILLS.misses
    second.present("居民身份证", "payload-1")
    assert STILLS.misses == misses  # found, not rendered
    assert first._still is second._still
    corners, again = first.corners, second.corners
    assert corners is not None and again is not None and np.array_equal(corners, again)
    assert first._still is not None and not first._still.flags.writeable
    frame = second.grab()
    assert frame.flags.writeable and frame.shape == (240, 320, 3)
    frame[:] = 0  # a grab is the caller's own copy
    assert first._still.any()

    other = SimulatedCamera(size, seed=4242)
    other.present("居民身份证", "payload-2")  # another payload: another picture
    assert other._still is not first._still

"""The simulated camera's sensor-noise field, drawn a band at a time, is the very field
one draw of the whole gave (frames, and so every captured page, stay as they were)."""

from __future__ import annotations

import numpy as np
import pytest

from devices.camera.simulated import SimulatedCamera, _rounded_normal


@pytest.mark.parametrize(
    ("seed", "sigma", "shape", "rows"),
    [(106, 2.0, (300, 97, 3), 64), (7, 0.5, (64, 10, 3), 64), (1, 3.3, (65, 11, 3), 8)],
)
def test_banded_draw_is_the_whole_draw(
    seed: int, sigma: float, shape: tuple[int, int, int], rows: int
) -> None:
    whole = np.round(np.random.default_rng(seed).normal(0.0, sigma, shape)).astype(np.int16)
    banded = _rounded_normal(seed, sigma, shape, rows=rows)
    assert banded.dtype == np.int16
    assert np.array_equal(banded, whole)


def test_the_camera_uses_it() -> None:
    cam = SimulatedCamera(size=(120, 80), seed=3, noise=2.0)
    field = cam._noise_field(80, 120)
    expected = np.round(np.random.default_rng(3 + 99).normal(0.0, 2.0, (144, 184, 3)))
    assert np.array_equal(field, expected.astype(np.int16))

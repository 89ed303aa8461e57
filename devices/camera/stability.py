"""Auto-capture trigger: tells when the page has held still long enough to shoot."""

from __future__ import annotations

from collections import deque

import numpy as np
import numpy.typing as npt


class StabilityDetector:
    """Tells when the page has held still for `n_frames` frames (auto-capture trigger).

    `update(corners)` returns True once, on the frame where the last `n_frames`
    detections all lie within `tolerance_px` of their mean corner positions; it
    fires again only after the page moved or left. `stable` is the level state.
    """

    def __init__(self, n_frames: int = 5, tolerance_px: float = 6.0) -> None:
        if n_frames < 1:
            raise ValueError("n_frames must be >= 1")
        self.n_frames = n_frames
        self.tolerance_px = tolerance_px
        self._history: deque[npt.NDArray[np.float64]] = deque(maxlen=n_frames)
        self._stable = False

    @property
    def stable(self) -> bool:
        return self._stable

    def reset(self) -> None:
        self._history.clear()
        self._stable = False

    def update(self, corners: npt.ArrayLike | None) -> bool:
        if corners is None:
            self.reset()
            return False
        c = np.asarray(corners, dtype=np.float64).reshape(4, 2)
        if self._history and np.abs(c - self._history[-1]).max() > self.tolerance_px:
            self._history.clear()  # it moved: start over
        self._history.append(c)
        now = False
        if len(self._history) == self.n_frames:
            stack = np.stack(list(self._history))
            spread = np.linalg.norm(stack - stack.mean(axis=0), axis=2).max()
            now = bool(spread <= self.tolerance_px)
        fired = now and not self._stable
        self._stable = now
        return fired

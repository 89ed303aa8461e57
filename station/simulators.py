"""The simulated hardware a station runs with when it has none attached.

The ID card simulator speaks GA 467 frames on a real pty, read by the real
driver; the camera renders synthetic document photos; the printer writes real
ESC/POS bytes to a file.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from devices.idcard.card import IdCardData
from devices.idcard.simulator import IdCardSimulator, sample_cards

if TYPE_CHECKING:  # the simulated camera needs cv2 and numpy: loaded with its first use
    import numpy as np
    from numpy.typing import NDArray

    from devices.camera.simulated import SimulatedCamera

log = logging.getLogger(__name__)


def document_payload(item_code: str, material_code: str) -> str:
    """What the QR code on a simulated material's page says."""
    return f"YWDOC|{item_code}|{material_code}"


class DemoSimulators:
    """Owns the simulators; satisfies station.services.SimulatorControls."""

    def __init__(self, *, camera_size: tuple[int, int] = (1920, 1080), seed: int = 7) -> None:
        self._cards = sample_cards()
        self.idcard = IdCardSimulator(self._cards[:0])
        self._camera_args = (camera_size, seed)
        self._camera: SimulatedCamera | None = None
        self._camera_lock = threading.Lock()
        self.port: str | None = None

    @property
    def camera(self) -> SimulatedCamera:
        """Made on first use (a frame grabbed or a page presented), not at start-up."""
        with self._camera_lock:
            if self._camera is None:
                from devices.camera.simulated import SimulatedCamera

                size, seed = self._camera_args
                self._camera = SimulatedCamera(size=size, seed=seed)
            return self._camera

    def start(self) -> str:
        self.port = self.idcard.start()
        log.info("ID card simulator serving GA 467 on %s", self.port)
        return self.port

    def stop(self) -> None:
        self.idcard.stop()

    def sample_cards(self) -> list[IdCardData]:
        return list(self._cards)

    def place_card(self, card: IdCardData) -> None:
        self.idcard.place_card(card)

    def remove_card(self) -> None:
        self.idcard.remove_card()

    def present_document(self, title: str, qr_payload: str) -> None:
        self.camera.present(title, qr_payload)  # SimulatedCamera locks its own state

    def grab(self) -> NDArray[np.uint8]:
        return self.camera.grab()

    def close(self) -> None:
        pass

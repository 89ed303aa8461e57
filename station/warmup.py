"""Load, off the GUI thread and after the first window is up, what start-up left out.

The camera pipeline (cv2, numpy), the printer's python-escpos and PIL, the QR encoder
and requests are imported where they are used, so a station's window opens without
them (issues #12/#13). Run this on a worker once the window is shown, so the first
capture, print or sync does not pay for the imports either.
"""

from __future__ import annotations

import logging
import time

log = logging.getLogger(__name__)


def warm_up() -> float:
    """Import the deferred libraries; returns the seconds it took."""
    started = time.monotonic()
    import requests  # noqa: F401  the sync engine's first call
    from argon2 import PasswordHasher  # noqa: F401  the first PIN

    import devices.camera.pipeline  # noqa: F401  cv2 and numpy
    from devices.printer.escpos_output import load_escpos
    from devices.printer.receipt import qr_matrix
    from station.card_page import warm_up_pil

    load_escpos()
    qr_matrix("YW")  # qrcode builds its tables on first use
    warm_up_pil()
    took = time.monotonic() - started
    log.info("deferred libraries loaded in %.2f s", took)
    return took

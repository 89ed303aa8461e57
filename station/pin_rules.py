"""How long a PIN is: the figures a sign-in screen needs before the station opens
(station.pins, which checks and hashes PINs, brings far more with it)."""

from __future__ import annotations

MIN_PIN_LENGTH = 6
MAX_PIN_LENGTH = 12

"""What the client learns from the platform's answers, shared with its upload workers:
the platform's clock (``Date``) and the station's receipt high-water mark (P2).

Clock: every answer's ``Date`` is compared with the station clock. The offset signs
requests in the platform's time (a station whose clock is off is still accepted);
the skew is exposed for the UI and ``yiwang doctor``, and logged once each time it
crosses ``skew_limit``.

Receipt high-water (``X-Yiwang-Receipt-High``, P2): the highest receipt number the
platform holds for this station, on every answer to a signed request. The client
keeps the last one seen (``receipt_high``) and calls ``on_receipt_high(value)`` each
time it changes (one call at a time, from whichever thread saw it), so the store can
refuse to issue a number at or below it after a restore.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from sync.client.answers import check_receipt_high
from wire.headers import RECEIPT_HIGH_HEADER

__all__ = ["SKEW_LIMIT", "PlatformView"]

log = logging.getLogger(__name__)

#: a station clock further than this from the platform's is logged (once per crossing)
SKEW_LIMIT = 120.0


class PlatformView:
    """Shared by a client and its workers (thread-safe)."""

    def __init__(
        self,
        *,
        skew_limit: float = SKEW_LIMIT,
        on_receipt_high: Callable[[str], object] | None = None,
    ) -> None:
        self.skew_limit = skew_limit
        self.on_receipt_high = on_receipt_high
        #: seconds to add to the station clock to get the platform's (for signing)
        self.offset = 0.0
        #: the last measured platform time minus station time (None: never measured)
        self.skew: float | None = None
        self.receipt_high: str | None = None
        self._over_limit = False
        self._lock = threading.Lock()
        self._report_lock = threading.Lock()

    def observe(self, headers: Any, local_at: float, *, signed: bool) -> None:
        """Called with every genuine platform answer and the station time it came at."""
        self._observe_clock(headers, local_at)
        if signed:
            self._observe_receipt_high(headers)

    def _observe_clock(self, headers: Any, local_at: float) -> None:
        date = headers.get("Date")
        if not date:
            return
        from email.utils import parsedate_to_datetime  # here: email is ~13 modules

        try:
            server = parsedate_to_datetime(date).timestamp()
        except (TypeError, ValueError, IndexError, OverflowError):
            return
        skew = server - local_at
        with self._lock:
            self.skew = skew
            # Date has whole-second resolution: ignore jitter below two seconds.
            if abs(skew - self.offset) >= 2.0:
                log.info("platform clock differs from ours by %.0f s; compensating", skew)
                self.offset = skew
            over = abs(skew) > self.skew_limit
            crossed, self._over_limit = over != self._over_limit, over
        if crossed and over:
            log.warning("station clock is %.0f s off the platform's (limit %.0f s); "
                        "receipts are dated by the station clock", -skew, self.skew_limit)
        elif crossed:
            log.info("station clock is back within %.0f s of the platform's", self.skew_limit)

    def _observe_receipt_high(self, headers: Any) -> None:
        raw = headers.get(RECEIPT_HIGH_HEADER)
        if raw is None:
            return
        high = check_receipt_high(str(raw))
        if high is None:
            return
        with self._lock:
            changed, self.receipt_high = high != self.receipt_high, high
        if not changed or self.on_receipt_high is None:
            return
        with self._report_lock:  # upload workers answer at once: one report at a time
            try:
                self.on_receipt_high(high)
            except Exception:  # the store's bookkeeping must not fail a delivery
                log.exception("receipt high-water callback failed")

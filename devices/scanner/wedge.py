"""Keyboard-wedge scanners: tell a scanner's keystroke burst from a person typing.

A USB "keyboard" scanner types the code as key presses 1-10 ms apart (then,
usually, Enter); people type with 30-50 ms or more between keys. `WedgeDecoder`
is a pure classifier: feed it every key event `(char, timestamp)` and it returns
what those keys were, in order: `Scan` for a complete scanner burst, `Typed`
for keys a person typed (to be passed on to the focused widget unchanged).

It never looks at a clock itself. Keys are held back while a burst could still
be forming; call `flush(now)` when `deadline` has passed (e.g. from a timer)
to release a person's last key or complete a scan.

A scan is exactly the keys the scanner typed, its suffix removed: spaces, control
characters (GS typed as Ctrl+], CR typed as Enter) and all. The suffix ends a scan
only as the last keys of the burst (a pause follows), so an Enter inside a code
that carries a line break is kept.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from devices.scanner.base import DEFAULT_MAX_LENGTH, Scan

log = logging.getLogger(__name__)

__all__ = ["Typed", "WedgeDecoder", "WedgeOutput"]

TERMINATORS = ("\r", "\n", "\r\n", "\t")


@dataclass(frozen=True)
class Typed:
    """Keys judged to be a person's typing, unchanged (control keys included)."""

    text: str


WedgeOutput = Scan | Typed


class WedgeDecoder:
    """Classifies key events into scanner bursts and human typing.

    max_interkey_ms: the longest gap between two keys of one burst (scanners:
        ~1-10 ms; people rarely below 30 ms). Default 20 ms.
    min_length: a burst shorter than this is treated as typing (two keys
        rolled together by a fast typist are not a scan).
    terminator: "\\r", "\\n", "\\r\\n" or "\\t" -- the suffix the scanner sends; a
        burst counts as a scan only when its last keys are the suffix (removed
        from the scan; the same keys earlier in the burst are part of the code).
        None: a fast burst ending in a pause is a scan.
    max_length: a scan longer than this is discarded entirely (untrusted input).
    """

    def __init__(
        self,
        *,
        max_interkey_ms: float = 20.0,
        min_length: int = 4,
        terminator: str | None = "\r",
        max_length: int = DEFAULT_MAX_LENGTH,
        source: str = "wedge",
    ) -> None:
        if max_interkey_ms <= 0:
            raise ValueError("max_interkey_ms must be positive")
        if min_length < 1:
            raise ValueError("min_length must be >= 1")
        if terminator is not None and terminator not in TERMINATORS:
            raise ValueError(f"terminator must be one of {TERMINATORS!r} or None")
        self.max_gap = max_interkey_ms / 1000.0
        self.min_length = min_length
        self.terminator = terminator
        self.max_length = max_length
        self.source = source
        self._buf: list[str] = []
        self._first = 0.0
        self._last = 0.0
        self._overflow = False
        #: bursts dropped as over-long or empty after sanitising
        self.rejected = 0

    # --- state ------------------------------------------------------------------

    @property
    def pending(self) -> str:
        """Keys held back while a burst may still be forming."""
        return "".join(self._buf)

    @property
    def deadline(self) -> float | None:
        """When the held keys must be resolved with `flush(now)`; None: nothing held."""
        return self._last + self.max_gap if self._buf or self._overflow else None

    def reset(self) -> None:
        """Forget held keys (e.g. focus moved)."""
        self._buf.clear()
        self._overflow = False

    # --- input ------------------------------------------------------------------

    def feed(self, char: str, timestamp: float) -> list[WedgeOutput]:
        """One key press: `char` is the character it types ("\\r" for Enter,
        "\\x1d" for Ctrl+]), `timestamp` in seconds on any monotonic clock."""
        if len(char) != 1:
            raise ValueError("feed one character per key event")
        out: list[WedgeOutput] = []
        held = bool(self._buf) or self._overflow
        if held:
            gap = timestamp - self._last
            if gap < 0 or gap > self.max_gap:  # the burst ended with a pause
                out += self._end_burst()
                held = False
        if not held and self.terminator is not None and char == self.terminator[0]:
            out.append(Typed(char))  # a lone Enter/Tab: a person's
            return out
        if not held:
            self._first = timestamp
        self._last = timestamp
        limit = self.max_length + len(self.terminator or "")
        if self._overflow or len(self._buf) >= limit:
            if not self._overflow:
                log.warning("wedge burst longer than %d keys; discarding it", self.max_length)
            self._overflow = True
            self._buf.clear()
        else:
            self._buf.append(char)
        return out

    def flush(self, now: float | None = None) -> list[WedgeOutput]:
        """Resolve held keys. With `now`, only when the burst can no longer
        continue (`now > deadline`); without it, unconditionally."""
        deadline = self.deadline
        if deadline is None or (now is not None and now <= deadline):
            return []
        return self._end_burst()

    # --- internals --------------------------------------------------------------

    def _end_burst(self) -> list[WedgeOutput]:
        keys = "".join(self._buf)
        overflow, self._overflow = self._overflow, False
        self._buf.clear()
        if overflow:
            self.rejected += 1
            return []
        suffix = self.terminator or ""
        terminated = bool(suffix) and keys.endswith(suffix)
        code = keys[: len(keys) - len(suffix)] if terminated else keys
        if len(code) >= self.min_length and (terminated or self.terminator is None):
            return [Scan(code, self.source, self._first)]
        # Too short, or fast but never terminated: a person's keys after all.
        return [Typed(keys)] if keys else []

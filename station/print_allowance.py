"""How much paper an unattended kiosk hands out: at most a few prints per card holder
and per kiosk within a time window, not per visit.

Why not per visit: a visit ends at 回首页, and a citizen (or a child) who touched it and
came back had a fresh allowance: the cap cost nothing to get round (review s12 #2). A
window of time is what nobody at the kiosk can reset:

* prints a card holder asked for (receipts and notices reprinted after identifying by
  ID card) count against that holder, for HOLDER_WINDOW_S: another visit, another
  kiosk restart aside, changes nothing. The holder is kept only as the station's keyed
  hash of the ID number (sync.keyed_hash, as the ledger's look-ups are): it survives
  the idle wipe, and it names nobody without the station's lookup key;
* prints nobody identified for (the service guide, a notice by its code) count against
  the kiosk itself, for KIOSK_WINDOW_S: short, because the next citizen shares it, and
  long enough that going home and straight back does not refill it.

Kept in memory: a restart (maintenance PIN) empties it, which only staff can do. Any
thread (the disk lane prints, the GUI thread asks what is left): one lock.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

#: prints per key within its window (the old "per visit" number)
PRINTS_PER_WINDOW = 3
#: a card holder's allowance: a working morning or afternoon
HOLDER_WINDOW_S = 4 * 3600.0
#: the kiosk's allowance for prints nobody identified for: a few citizens' time
KIOSK_WINDOW_S = 10 * 60.0

GUIDE = "kiosk:guide"
NOTICE_BY_CODE = "kiosk:notice-code"


def holder_key(id_hash: str) -> str:
    """The allowance key of a card holder, from the station's keyed hash of the ID."""
    return f"holder:{id_hash}"


class PrintAllowance:
    def __init__(
        self,
        *,
        limit: int = PRINTS_PER_WINDOW,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.clock = clock
        self._lock = threading.Lock()
        self._spent: dict[str, deque[float]] = {}

    @staticmethod
    def window_of(key: str) -> float:
        return HOLDER_WINDOW_S if key.startswith("holder:") else KIOSK_WINDOW_S

    def _recent(self, key: str, now: float) -> deque[float]:
        spent = self._spent.setdefault(key, deque())
        horizon = now - self.window_of(key)
        while spent and spent[0] <= horizon:
            spent.popleft()
        return spent

    def left(self, key: str) -> int:
        with self._lock:
            spent = self._recent(key, self.clock())
            left = max(0, self.limit - len(spent))
            if not spent:
                del self._spent[key]  # nothing kept of a key whose window has passed
            return left

    def take(self, key: str) -> bool:
        """One print from `key`'s allowance; False (nothing taken) when it is spent."""
        with self._lock:
            now = self.clock()
            self._prune(now)
            spent = self._recent(key, now)
            if len(spent) >= self.limit:
                return False
            spent.append(now)
            return True

    def give_back(self, key: str) -> None:
        """The print taken last did not come out (the printer's trouble, not paper)."""
        with self._lock:
            spent = self._spent.get(key)
            if spent:
                spent.pop()
            if not spent:
                # nothing left to remember: an empty entry would never be pruned
                self._spent.pop(key, None)

    def _prune(self, now: float) -> None:
        # keys whose window has passed go: memory stays bounded by the recent visitors
        # (an empty one too: nothing of it is kept)
        for key in [
            k for k, d in self._spent.items() if not d or d[-1] <= now - self.window_of(k)
        ]:
            del self._spent[key]

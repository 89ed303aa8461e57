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
  the kiosk itself, KIOSK_PRINTS_PER_WINDOW for KIOSK_WINDOW_S: a ceiling shared by
  every citizen, so it is set for a busy hall (three citizens' worth was one visitor's
  three guides refusing everyone for ten minutes, review s12); the screens keep their
  per-visit three besides, so one visitor cannot spend the ceiling in one go, and going
  home and back again and again ends at the ceiling.

Kept in memory: a restart (maintenance PIN) empties it, which only staff can do. Any
thread (the disk lane prints, the GUI thread asks what is left): one lock.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

#: prints per card holder within its window (the old "per visit" number), and per visit
#: on the screens that print for nobody identified
PRINTS_PER_WINDOW = 3
#: prints for nobody identified (guides, notices by code), all citizens together
KIOSK_PRINTS_PER_WINDOW = 12
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
        kiosk_limit: int = KIOSK_PRINTS_PER_WINDOW,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.kiosk_limit = kiosk_limit
        self.clock = clock
        self._lock = threading.Lock()
        self._spent: dict[str, deque[float]] = {}

    @staticmethod
    def window_of(key: str) -> float:
        return HOLDER_WINDOW_S if key.startswith("holder:") else KIOSK_WINDOW_S

    def limit_of(self, key: str) -> int:
        return self.limit if key.startswith("holder:") else self.kiosk_limit

    def _recent(self, key: str, now: float) -> deque[float]:
        spent = self._spent.setdefault(key, deque())
        horizon = now - self.window_of(key)
        while spent and spent[0] <= horizon:
            spent.popleft()
        return spent

    def left(self, key: str) -> int:
        with self._lock:
            spent = self._recent(key, self.clock())
            left = max(0, self.limit_of(key) - len(spent))
            if not spent:
                del self._spent[key]  # nothing kept of a key whose window has passed
            return left

    def wait_s(self, key: str) -> float:
        """Seconds until `key` may print again (0 when it may now): what the citizen
        refused is told, not only "no"."""
        with self._lock:
            now = self.clock()
            spent = self._recent(key, now)
            limit = self.limit_of(key)
            if len(spent) < limit:
                return 0.0
            return max(0.0, spent[len(spent) - limit] + self.window_of(key) - now)

    def take(self, key: str) -> bool:
        """One print from `key`'s allowance; False (nothing taken) when it is spent."""
        with self._lock:
            now = self.clock()
            self._prune(now)
            spent = self._recent(key, now)
            if len(spent) >= self.limit_of(key):
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

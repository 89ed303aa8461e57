"""Finding a service item the way a clerk types: code, name, short names, pinyin initials.

* ``resources/catalog/synonyms.json`` maps the short names people say (低保,
  社保卡, 医保, 公积金 ...) to words of the catalog's item names, so one list
  serves every province's catalog;
* pinyin initials (``cxjm`` finds 城乡居民…, ``zfgjj`` 住房公积金…) come from
  pypinyin, whose dictionaries take most of a second to load:
  :meth:`ItemSearch.warm_up` builds them on a background thread, and until
  then initials simply do not match (everything else does).
"""

from __future__ import annotations

import functools
import json
import logging
import re
import threading
import time
import unicodedata
from collections.abc import Mapping

from intake.catalog import Catalog, ServiceItem
from resources import resource_path

log = logging.getLogger(__name__)

__all__ = ["ItemSearch", "load_synonyms"]

MAX_QUERY = 40


def load_synonyms() -> dict[str, tuple[str, ...]]:
    """The packaged synonym list; an unreadable file means no synonyms (logged)."""
    try:
        raw = json.loads(resource_path("catalog", "synonyms.json").read_text(encoding="utf-8"))
        table = raw["synonyms"]
        return {
            str(k): tuple(str(w) for w in v) for k, v in table.items() if isinstance(v, list) and v
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
        log.error("synonym list unreadable, searching without it: %s", e)
        return {}


def _fold(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


_WORD = re.compile(r"[A-Za-z0-9]+")


def english_initials(text: str) -> str:
    """The first letters of an English name's words, lower case: "Application for a
    social security card" → "afassc" (a kiosk in English finds it by "ssc")."""
    return "".join(word[0] for word in _WORD.findall(text)).casefold()


#: names and departments recur (every item of a department; every rebuild after a catalog
#: update, every window of the process): pypinyin's pure Python is paid once per text
@functools.lru_cache(maxsize=16384)
def _initials(text: str) -> str:
    from pypinyin import Style, lazy_pinyin

    return "".join(p[:1] for p in lazy_pinyin(text, style=Style.FIRST_LETTER, errors="ignore"))


class ItemSearch:
    def __init__(
        self, catalog: Catalog, synonyms: Mapping[str, tuple[str, ...]] | None = None
    ) -> None:
        self.catalog = catalog
        self._synonyms = {
            _fold(k): tuple(_fold(w) for w in v)
            for k, v in (synonyms if synonyms is not None else load_synonyms()).items()
        }
        # the folded names are made on first need (the warm-up thread makes them first):
        # 4 000 names of 200 characters cost the GUI thread 0.2 s opening 办事 (s12 #5)
        self._folds_lock = threading.Lock()
        self._folded: tuple[dict[str, str], dict[str, str], dict[str, str]] | None = None
        self._initials: dict[str, str] = {}
        #: the short names' pinyin initials ("sbk" → 社保卡), built with the rest
        self._synonym_initials: dict[str, str] = {}
        self._ready = threading.Event()
        self._builder: threading.Thread | None = None

    def warm_up(self) -> threading.Thread:
        """Build the pinyin initials off the caller's thread (once)."""
        if self._builder is None:
            self._builder = threading.Thread(
                target=self._build_initials, name="pinyin", daemon=True
            )
            self._builder.start()
        return self._builder

    def _folds(self) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
        """(code → folded code, names and department; code → folded Chinese name;
        code → English name's word initials)."""
        with self._folds_lock:
            if self._folded is None:
                items = self.catalog.items
                self._folded = (
                    {it.code: _fold(f"{it.code} {it.name_zh} {it.name_en} {it.department_zh}")
                     for it in items},
                    {it.code: _fold(it.name_zh) for it in items},
                    {it.code: english_initials(it.name_en) for it in items},
                )
            return self._folded

    def _build_initials(self) -> None:
        try:
            self._folds()
            initials: dict[str, str] = {}
            for item in self.catalog.items:
                initials[item.code] = (_initials(item.name_zh) + " "
                                       + _initials(item.department_zh))
                # pure Python for seconds on a large catalog: the GIL handed back after
                # each item, so the screen that asked for it is not slowed by half
                time.sleep(0)
            self._initials = initials
            self._synonym_initials = {
                short: _initials(short) for short in self._synonyms if not short.isascii()
            }
        except Exception:  # a missing or broken pypinyin only costs the initials search
            log.exception("pinyin initials unavailable")
        finally:
            self._ready.set()

    @property
    def initials_ready(self) -> bool:
        return self._ready.is_set()

    def _synonym_words(self, q: str) -> tuple[str, ...]:
        """Words meant by ``q``: the longest short name inside it (社保卡, not 社保),
        else every short name it begins (typing in progress: 社 → 社保, 社保卡)."""
        inside = [k for k in self._synonyms if k in q]
        if inside:
            return self._synonyms[max(inside, key=len)]
        return tuple(w for k, words in self._synonyms.items() if k.startswith(q) for w in words)

    def matches(self, item: ServiceItem, query: str, *, english: bool = False) -> bool:
        """`query` (code, words, short names, pinyin initials) fits `item`; with
        `english`, letters also match the first letters of its English name's words."""
        q = _fold(query[:MAX_QUERY])
        if not q:
            return True
        hay, names, english_words = self._folds()
        if q in hay.get(item.code, ""):
            return True
        if english and q.isascii() and q.isalpha() and q in english_words.get(item.code, ""):
            return True
        name = names.get(item.code, "")
        if any(w in name for w in self._synonym_words(q)):
            return True
        if not (q.isascii() and q.isalpha()):
            return False
        initials = self._initials.get(item.code, "")
        if q in initials:
            return True
        words, rest = self._initial_synonym_words(q)
        # the letters beyond the short name's narrow too ("dbsq": 低保 and 申请), and
        # letters that fit nothing find nothing ("sbkzzz" is not 社保卡: review7)
        return any(w in name for w in words) and rest in initials

    def _initial_synonym_words(self, q: str) -> tuple[tuple[str, ...], str]:
        """Words meant by initials ``q`` of a short name, as :meth:`_synonym_words` does
        for the characters: "sbk" (社保卡), "dbsq" (低保申请: 低保's "db" inside), "sb"
        while typing; and the letters of ``q`` besides the short name's. Two letters at
        least: one letter means too many things."""
        if len(q) < 2:
            return (), q
        inside = [k for k, ini in self._synonym_initials.items() if len(ini) >= 2 and ini in q]
        if inside:
            short = max(inside, key=len)
            return self._synonyms[short], q.replace(self._synonym_initials[short], "", 1)
        return tuple(w for k, ini in self._synonym_initials.items() if ini.startswith(q)
                     for w in self._synonyms[k]), ""

"""sqlite-utils without its optional numpy/pandas column types.

sqlite-utils imports numpy (and pandas when present) at import time only to map
their scalar types to column types when it infers a table from Python values. The
store never hands it numpy or pandas values (its tables come from migrations and
its values are plain Python), yet numpy alone is ~90 modules loaded before a
station's first window could be shown (issues #12/#13, cold start). So the first
import of sqlite-utils happens here with those two refused on the importing
thread (other threads import them as usual), and the numpy/pandas entries are
taken out of the mapping in every case, so the store behaves the same whether
numpy happened to be loaded first or not.

:mod:`sync.store` imports this module before any of its parts.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType

__all__ = ["OPTIONAL_TYPE_LIBRARIES", "load_sqlite_utils"]

#: what sqlite-utils imports only for its column-type table
OPTIONAL_TYPE_LIBRARIES = frozenset({"numpy", "pandas"})


class _RefuseOnThisThread:
    """A meta-path finder refusing the optional libraries to one thread only."""

    def __init__(self) -> None:
        self.thread = threading.get_ident()

    def find_spec(
        self,
        name: str,
        path: Sequence[str] | None = None,
        target: ModuleType | None = None,
    ) -> ModuleSpec | None:
        if name in OPTIONAL_TYPE_LIBRARIES and threading.get_ident() == self.thread:
            raise ModuleNotFoundError(f"{name} is not needed by the station store", name=name)
        return None


def load_sqlite_utils() -> ModuleType:
    """Import sqlite-utils (once per process) and strip its numpy/pandas column types."""
    if "sqlite_utils" not in sys.modules:
        refuse = _RefuseOnThisThread()
        sys.meta_path.insert(0, refuse)
        try:
            import sqlite_utils
        finally:
            sys.meta_path.remove(refuse)
    import sqlite_utils
    from sqlite_utils import db

    for kind in list(db.COLUMN_TYPE_MAPPING):
        if str(getattr(kind, "__module__", "")).split(".")[0] in OPTIONAL_TYPE_LIBRARIES:
            del db.COLUMN_TYPE_MAPPING[kind]
    return sqlite_utils


load_sqlite_utils()

"""One short reason for an operating-system failure: "No such file or directory
(ENOENT)" instead of pyserial's and python-escpos's nested "[Errno 2] could not open
port X: [Errno 2] No such file or directory: 'X'" (the path is in our own message)."""

from __future__ import annotations

import errno as errno_names
import os

__all__ = ["os_reason"]


def _wrapped(exc: BaseException) -> list[BaseException]:
    inner = [exc.__cause__, exc.__context__, *exc.args]
    return [e for e in inner if isinstance(e, BaseException)]


def os_reason(exc: BaseException) -> str:
    """The errno's own words and name from `exc` or what it wraps; else its text on
    one line."""
    seen: set[int] = set()
    todo = [exc]
    while todo:
        e = todo.pop(0)
        if id(e) in seen:
            continue
        seen.add(id(e))
        number = getattr(e, "errno", None)
        if isinstance(number, int) and number > 0:
            name = errno_names.errorcode.get(number)
            return f"{os.strerror(number)} ({name})" if name else os.strerror(number)
        todo += _wrapped(e)
    return " ".join(str(exc).split())[:200] or type(exc).__name__

"""Exit codes of every ``yiwang`` command: the one table (README "Exit codes").

Outside harnesses and the technicians' scripts rely on these numbers; append,
never renumber. :func:`exit_code_for` maps a failure to its code and
:func:`one_line` to the single line a command prints for it (no traceback).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum

__all__ = ["TABLE", "ExitCode", "Words", "exit_code_for", "one_line"]

#: the sentence for people about an error ("" when there is none)
Words = Callable[[BaseException], str]


class ExitCode(IntEnum):
    OK = 0
    #: ``yiwang sync --once``: submissions remain (offline, backing off, interrupted)
    PENDING = 1
    #: the command ran and its answer is no: a check or device test failed, the audit
    #: chain does not verify, a request was refused (the same number as PENDING)
    FAILED = 1
    #: configuration missing or invalid, or the data directory does not exist
    CONFIG = 2
    #: not enrolled, or the platform refused the station's credentials
    AUTH = 3
    #: local storage problem: data directory unreadable or read-only, disk full,
    #: database locked by another program, keys unreadable, software too old for the data
    STORAGE = 4
    #: the station database is damaged: moved aside, receipts stopped; run ``yiwang recover``
    DAMAGED = 5
    #: ``yiwang recover`` restored what it could, but something could not be restored
    #: (named in its report) or the platform could not be asked
    RECOVERY_INCOMPLETE = 6
    #: anything else: a bug or a failure nobody foresaw (the traceback is in logs/)
    UNEXPECTED = 7
    #: interrupted (Ctrl-C)
    INTERRUPTED = 130
    #: stopped by SIGTERM (``yiwang demo``: everything it started was stopped first)
    TERMINATED = 143


TABLE: tuple[tuple[ExitCode, str], ...] = (
    (ExitCode.OK, "done (sync --once: queue empty; clerk --exit-when-ready: window ready)"),
    (
        ExitCode.PENDING,
        "sync --once: submissions remain (offline, backing off, interrupted); "
        "doctor: at least one check failed; setup: enrollment refused or a value invalid; "
        "devices: the device or file failed; audit verify: the chain does not verify; "
        "clerks, kiosk set-pin: refused; demo: not everything was delivered",
    ),
    (ExitCode.CONFIG, "configuration missing or invalid, or the data directory does not exist"),
    (ExitCode.AUTH, "not enrolled, or the platform refused the station's credentials"),
    (
        ExitCode.STORAGE,
        "local storage problem: data directory unreadable or read-only, disk full, "
        "database locked, software too old for the data",
    ),
    (
        ExitCode.DAMAGED,
        "station database damaged: kept aside, receipts stopped; run `yiwang recover`",
    ),
    (
        ExitCode.RECOVERY_INCOMPLETE,
        "recover: something could not be restored or the platform was not reached",
    ),
    (ExitCode.UNEXPECTED, "unexpected failure; the details are in the log file under logs/"),
    (ExitCode.INTERRUPTED, "interrupted (Ctrl-C)"),
    (ExitCode.TERMINATED, "stopped by SIGTERM (demo: after stopping everything it started)"),
)


def exit_code_for(error: BaseException) -> ExitCode | None:
    """The code for a failure a command reports in one line; None: not one of ours."""
    # loaded here, not with the table: every command imports ExitCode at start-up, and
    # these bring the store and sync's config (the kiosk and clerk load them only after
    # their first screen is shown)
    from sync.config import ConfigError, NotEnrolled
    from sync.crypto import StorageError
    from sync.store import StoreDamaged

    if isinstance(error, NotEnrolled):
        return ExitCode.AUTH
    if isinstance(error, ConfigError):
        return ExitCode.CONFIG
    if isinstance(error, StoreDamaged):
        return ExitCode.DAMAGED
    if isinstance(error, StorageError):
        return ExitCode.STORAGE
    if isinstance(error, OSError):  # the file system said no: permissions, space, I/O
        return ExitCode.STORAGE
    return None


def one_line(command: str, error: BaseException, words: Words | None = None) -> str:
    """``"<command>: <sentence> (<English>)"`` on one line, for stderr. `words` is the
    front end's sentence for an error's code (the command line passes its Chinese one,
    ``yiwang.error_words.technician_text``); without it the line is English only."""
    zh = words(error) if words is not None else ""
    if isinstance(error, OSError):
        where = f" {error.filename}" if error.filename else ""
        en = f"cannot use{where}: {error.strerror or error}"
    else:
        en = str(error)
    text = f"{command}: {zh} ({en})" if zh else f"{command}: {en}"
    return " ".join(text.split())

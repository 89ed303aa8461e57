"""Logging: one line per event, readable by people and by ``grep``/``awk``.

Files: ``data_dir/logs/<command>.log`` (one file per kind of process, so the
clerk window and the sync service never rotate each other's file), rotated at
2 MB, five generations kept::

    2026-12-03T07:15:00.123Z INFO sync.engine delivered receipt=S001-20261203-0007 case=C-19

Under systemd (``JOURNAL_STREAM`` set) stderr carries the same line without
the timestamp, which the journal adds. On a terminal stderr shows a short
clock time. A traceback is folded into the same line (``exc="..."`` with
``\\n`` escapes) so one event stays one line.

Personal data never belongs in a log; :class:`PersonalDataFilter` is the
safety net that masks resident ID numbers and the values of known name and
address fields should one slip into a message anyway.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from yiwang.log_file import RotatingLogFile

__all__ = [
    "LOG_DIRNAME",
    "LineFormatter",
    "PersonalDataFilter",
    "configure",
    "log_files",
    "mask_personal_data",
]

LOG_DIRNAME = "logs"
MAX_BYTES = 2_000_000
BACKUPS = 5

# 17 digits and a check character, not inside a longer run of digits/letters
_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
# name=张三, "name": "张三", 姓名：张三 ... (the value up to a separator)
_NAME_FIELDS = (
    "name", "applicant", "applicant_name", "representative", "address", "holder",
    "id_number", "idno", "姓名", "住址", "身份证号",
)  # fmt: skip
_FIELD = re.compile(
    r"(?P<key>(?<![\w])(?:" + "|".join(map(re.escape, _NAME_FIELDS)) + r"))"
    r"(?P<sep>\s*[=:：]\s*|\"\s*:\s*)"
    r"(?P<value>\[masked\]|\"[^\"]*\"|'[^']*'|[^\s,;，；)}\]]+)",
    re.IGNORECASE,
)


def mask_personal_data(text: str) -> str:
    """``text`` with ID numbers and the values of name/address fields replaced."""
    text = _FIELD.sub(_mask_field, text)
    return _ID_NUMBER.sub("[ID]", text)


def _mask_field(m: re.Match[str]) -> str:
    value = m["value"]
    quote = value[0] if value[:1] in ("'", '"') else ""
    return f"{m['key']}{m['sep']}{quote}[masked]{quote}"


class PersonalDataFilter(logging.Filter):
    """Masks personal data in the message and the traceback of every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_personal_data(message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_personal_data(record.exc_text)
        return True


class LineFormatter(logging.Formatter):
    """``<UTC time> LEVEL logger message [exc="..."]`` on one line."""

    def __init__(self, *, timestamps: bool = True, tracebacks: bool = True) -> None:
        super().__init__()
        self.timestamps = timestamps
        self.tracebacks = tracebacks

    def format(self, record: logging.LogRecord) -> str:
        message = _one_line(record.getMessage())
        line = f"{record.levelname} {record.name} {message}"
        if self.tracebacks and record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if self.tracebacks and record.exc_text:
            line += f' exc="{_one_line(record.exc_text)}"'
        if not self.timestamps:
            return line
        at = datetime.fromtimestamp(record.created, UTC)
        return f"{at:%Y-%m-%dT%H:%M:%S}.{int(record.msecs):03d}Z {line}"


def _one_line(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n")


def _is_dir(path: Path) -> bool:
    """``path.is_dir()``, except that a directory whose parent we may not search is "not
    there" for logging (Path.is_dir raises PermissionError for it, before the command
    could say what is wrong in its own line)."""
    try:
        return path.is_dir()
    except OSError:
        return False


def under_systemd() -> bool:
    return bool(os.environ.get("JOURNAL_STREAM"))


class ConsoleFormatter(logging.Formatter):
    """stderr is read by people: one line per record, tracebacks only in the log file."""

    def format(self, record: logging.LogRecord) -> str:
        plain = logging.makeLogRecord(record.__dict__)
        plain.exc_info, plain.exc_text, plain.stack_info = None, None, None
        return " ".join(super().format(plain).split("\n"))


def configure(
    level: str = "INFO", data_dir: Path | None = None, name: str = "yiwang", *, create: bool = False
) -> None:
    """Log to stderr, and to ``data_dir/logs/<name>.log`` when the data dir exists
    (``create``: make it; otherwise a missing or read-only one is left alone and the
    command reports it)."""
    # a log file that cannot be written (full or read-only disk) must not print
    # logging's own traceback to the technician; the command says what is wrong
    logging.raiseExceptions = False
    root = logging.getLogger()
    root.setLevel(level)
    for h in list(root.handlers):
        root.removeHandler(h)
        h.close()
    privacy = PersonalDataFilter()
    stderr = logging.StreamHandler()
    if under_systemd():  # the journal adds the time
        stderr.setFormatter(LineFormatter(timestamps=False, tracebacks=False))
    else:
        stderr.setFormatter(
            ConsoleFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s", "%H:%M:%S")
        )
    stderr.addFilter(privacy)
    root.addHandler(stderr)
    if data_dir is not None and (create or _is_dir(Path(data_dir))):
        try:
            # personal data may reach a log line: the service user's only (as
            # sync.private_files.private_dir, not imported: the front ends' start-up
            # loads nothing of sync)
            log_dir = Path(data_dir) / LOG_DIRNAME
            log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
            _private_folder(log_dir)
            fh = RotatingLogFile(log_dir / f"{name}.log", max_bytes=MAX_BYTES, backups=BACKUPS)
        except OSError as e:
            # a read-only or full disk: the command reports it in its own line
            root.warning("no log file in %s: %s", data_dir, e.strerror or e)
        else:
            fh.setFormatter(LineFormatter())
            fh.addFilter(privacy)
            root.addHandler(fh)
    for noisy in ("urllib3", "PIL", "uvicorn.access"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def _private_folder(path: Path) -> None:
    """`path` made 0700 through a descriptor that did not follow a link: a link in its
    place (planted in the data dir) is refused (OSError), its target never chmod'ed."""
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
    try:
        if os.fstat(fd).st_mode & 0o077:
            os.fchmod(fd, 0o700)
    finally:
        os.close(fd)


def log_files(data_dir: Path) -> list[Path]:
    """Every log file of the station, rotated generations included."""
    log_dir = Path(data_dir) / LOG_DIRNAME
    if not log_dir.is_dir():
        return []
    files = [p for p in log_dir.iterdir() if p.is_file() and ".log" in p.name]
    return sorted(files, key=_oldest_first)


def _oldest_first(path: Path) -> tuple[str, int]:
    """sync.log.3, sync.log.2, sync.log.1, sync.log: rotated generations before the
    current file, so a stable sort by time keeps same-millisecond lines in order."""
    base, _, generation = path.name.partition(".log.")
    return (base, -int(generation) if generation.isdigit() else 0)


def read_lines(data_dir: Path) -> Iterator[str]:
    """All log lines of the station in time order (lines carry UTC ISO timestamps,
    so a stable sort merges the processes' files)."""
    lines: list[str] = []
    for path in log_files(data_dir):
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        lines.extend(line for line in text.splitlines() if line)
    lines.sort(key=lambda line: line[:24])
    yield from lines

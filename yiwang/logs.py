"""Logging: readable lines on stderr, JSON lines in the station's logs/ folder."""

from __future__ import annotations

import json
import logging
import logging.handlers
from pathlib import Path


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "ts": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
        }
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


class OneLineFormatter(logging.Formatter):
    """stderr is read by people: one line per record, tracebacks only in the log file."""

    def format(self, record: logging.LogRecord) -> str:
        plain = logging.makeLogRecord(record.__dict__)
        plain.exc_info, plain.exc_text, plain.stack_info = None, None, None
        return " ".join(super().format(plain).split("\n"))


def configure(level: str = "INFO", log_dir: Path | None = None) -> None:
    # a log file that cannot be written (full or read-only disk) must not print
    # logging's own traceback to the technician; the command says what is wrong
    logging.raiseExceptions = False
    root = logging.getLogger()
    root.setLevel(level)
    for h in list(root.handlers):
        root.removeHandler(h)
    stderr = logging.StreamHandler()
    stderr.setFormatter(
        OneLineFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s", "%H:%M:%S")
    )
    root.addHandler(stderr)
    if log_dir is not None:
        try:
            log_dir.mkdir(parents=True, exist_ok=True)
            fh = logging.handlers.RotatingFileHandler(
                log_dir / "yiwang.jsonl", maxBytes=5_000_000, backupCount=5, encoding="utf-8"
            )
        except OSError as e:
            # a read-only or full disk: the command reports it in its own line
            root.warning("no log file in %s: %s", log_dir, e.strerror or e)
        else:
            fh.setFormatter(JsonFormatter())
            root.addHandler(fh)
    for noisy in ("urllib3", "PIL", "uvicorn.access"):
        logging.getLogger(noisy).setLevel(logging.WARNING)

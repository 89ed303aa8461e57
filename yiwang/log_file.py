"""The station's log file, rotated by size like logging.handlers.RotatingFileHandler
(name.log, then name.log.1 ... name.log.N, oldest dropped), without importing
logging.handlers: that module brings socket, pickle and queue into every command's
start-up (several milliseconds of the kiosk's and the clerk's cold start) for
handlers the station never uses."""

from __future__ import annotations

import errno
import logging
import os
import stat
from io import TextIOWrapper
from pathlib import Path


class RotatingLogFile(logging.FileHandler):
    def __init__(self, path: Path, *, max_bytes: int, backups: int) -> None:
        super().__init__(path, mode="a", encoding="utf-8")
        self.max_bytes = max_bytes
        self.backups = backups

    def _open(self) -> TextIOWrapper:
        # private whatever the umask: a log line may carry personal data (every
        # generation: rotation opens a new file here); a link in the file's place is
        # not followed (ELOOP: no log file, said in one line by yiwang.logs): a command
        # a technician runs as root would append to, and chmod, whatever it points at
        # (O_NONBLOCK: a FIFO in its place is refused, not waited on for ever)
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK
        fd = os.open(self.baseFilename, flags | os.O_CLOEXEC, 0o600)
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise OSError(errno.EINVAL, "not a plain file", self.baseFilename)
            if st.st_nlink != 1:  # a hard link to another file (links not protected)
                raise OSError(errno.EMLINK, "a file with other names", self.baseFilename)
            os.fchmod(fd, 0o600)
            return open(fd, "a", encoding=self.encoding, errors=self.errors)
        except BaseException:
            os.close(fd)
            raise

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._full_after(record):
                self._rotate()
        except Exception:
            self.handleError(record)
            return
        super().emit(record)

    def _full_after(self, record: logging.LogRecord) -> bool:
        if self.max_bytes <= 0:
            return False
        if self.stream is None:
            self.stream = self._open()
        line = self.format(record) + self.terminator
        return bool(self.stream.tell() + len(line) >= self.max_bytes)

    def _rotate(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        if self.backups > 0:
            base = self.baseFilename
            for generation in range(self.backups - 1, 0, -1):
                older, newer = f"{base}.{generation}", f"{base}.{generation + 1}"
                if os.path.exists(older):
                    os.replace(older, newer)
            if os.path.exists(base):
                os.replace(base, f"{base}.1")
        self.stream = self._open()

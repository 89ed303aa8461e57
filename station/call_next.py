"""The "call next" hook: join the hall's queuing system (叫号) with one command.

``config.toml``::

    [clerks]
    call_next = ["/usr/local/bin/hall-queue", "next", "--window", "3"]

The clerk presses 叫号 (F2); the station runs that argument list (no shell)
with ``YIWANG_STATION`` and ``YIWANG_CLERK`` in its environment, stdin closed,
for at most ``timeout`` seconds. Whatever the queuing system needs to do (an
HTTP call, a serial display) is the command's business. If its first line of
output is a queue number (1-16 letters, digits or ``-``) it fills the queue
number field of the next case. Output is read in bounded chunks: the first
``MAX_OUTPUT`` bytes are kept, the rest is drained and dropped (a command that prints
without end costs no memory), stderr is discarded; it is never interpreted further.
"""

from __future__ import annotations

import logging
import os
import re
import selectors
import subprocess
import time
from collections.abc import Sequence
from typing import ClassVar

from coded_errors import CodedError, Severity

log = logging.getLogger(__name__)

__all__ = ["CallNext", "CallNextError"]

_TICKET = re.compile(r"[A-Za-z0-9-]{1,16}")
MAX_OUTPUT = 256


class CallNextError(CodedError):
    """The hook failed; "call_next.<code>" is worded for the clerk by the front end. A
    warning: the clerk calls the next applicant by voice and carries on."""

    family: ClassVar[str] = "call_next"
    default_severity: ClassVar[Severity] = Severity.WARNING


class CallNext:
    def __init__(self, argv: Sequence[str], *, timeout: float = 5.0) -> None:
        if not argv or not all(isinstance(a, str) and a for a in argv):
            raise ValueError("clerks.call_next must be a non-empty list of strings")
        self.argv = list(argv)
        self.timeout = timeout

    def __call__(self, *, station: str, clerk: str) -> str | None:
        """Run the hook; the queue number it printed, or None. Blocks: call off the GUI."""
        env = {**os.environ, "YIWANG_STATION": station, "YIWANG_CLERK": clerk}
        try:
            process = subprocess.Popen(
                self.argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL, env=env,
            )  # fmt: skip
        except FileNotFoundError as e:
            raise CallNextError("call_next_missing", f"call-next command not found: {e}") from e
        except OSError as e:
            raise CallNextError("call_next_failed", f"call-next command failed: {e}") from e
        try:
            head, returncode = self._collect(process)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
        if returncode is None:
            raise CallNextError("call_next_timeout", "call-next command timed out")
        if returncode != 0:
            log.warning("call-next exited %d", returncode)
            raise CallNextError(
                "call_next_failed",
                f"call-next exited {returncode}",
                params={"status": returncode},
            )
        first = head.decode("ascii", "replace").strip().splitlines()
        ticket = first[0].strip() if first else ""
        return ticket if _TICKET.fullmatch(ticket) else None

    def _collect(self, process: subprocess.Popen[bytes]) -> tuple[bytes, int | None]:
        """The first MAX_OUTPUT bytes of stdout and the exit status; None for the status
        when the command did not finish within the timeout."""
        assert process.stdout is not None
        deadline = time.monotonic() + self.timeout
        head = bytearray()
        with process.stdout, selectors.DefaultSelector() as selector:
            selector.register(process.stdout, selectors.EVENT_READ)
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    return bytes(head), None
                if not selector.select(left):
                    continue
                chunk = os.read(process.stdout.fileno(), 65536)
                if not chunk:
                    break
                head += chunk[: MAX_OUTPUT - len(head)]
        try:
            return bytes(head), process.wait(max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            return bytes(head), None

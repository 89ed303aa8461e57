"""``python -m sync.runner`` that reports each HTTP exchange on a pipe, for the kill -9 trials.

The parent passes the write end of a pipe in ``KILL9_EVENT_FD``. Before every request
leaves and after its answer (or failure) has come back, one line goes down the pipe::

    send PATCH /v1/blobs/<sha>
    done PATCH /v1/blobs/<sha>

The parent counts these lines and SIGKILLs the child at a chosen count, so a kill lands
at a point in the delivery (mid-upload, PUT in flight, answer just in) that does not
depend on how fast the machine happens to be. Lines are shorter than PIPE_BUF, so the
writes of the engine's threads never interleave.
"""

from __future__ import annotations

import os
import sys
from typing import Any
from urllib.parse import urlsplit

import requests.adapters

from sync import runner

EVENT_FD_ENV = "KILL9_EVENT_FD"


def _install(fd: int) -> None:
    original = requests.adapters.HTTPAdapter.send

    def traced_send(
        self: requests.adapters.HTTPAdapter, request: requests.PreparedRequest, *args: Any,
        **kwargs: Any,
    ) -> requests.Response:
        what = f"{request.method} {urlsplit(request.url or '').path}"[:200]
        os.write(fd, f"send {what}\n".encode())
        try:
            return original(self, request, *args, **kwargs)
        finally:
            os.write(fd, f"done {what}\n".encode())

    requests.adapters.HTTPAdapter.send = traced_send  # type: ignore[method-assign]


def main() -> int:
    fd = int(os.environ[EVENT_FD_ENV])
    os.write(fd, b"start\n")
    _install(fd)
    return runner.main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())

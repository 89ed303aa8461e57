"""A platform started as a child process (:class:`reference_platform.server.PlatformProcess`)
ends when the process that started it dies, however it dies (kill -9, an aborted test
run): otherwise it would serve on, holding its port and database, with nobody to stop it.

The parent keeps the write end of a pipe and passes the read end to the child (its
number in :data:`PARENT_PIPE_ENV`). Nothing is ever written: the child's read returns
end-of-file once every copy of the write end is closed, which the kernel does when the
parent exits. A pipe rather than ``prctl(PR_SET_PDEATHSIG)``: that signal follows the
*thread* that started the child, so a platform started from a worker thread would be
killed when that thread ends; and a pipe needs no ``preexec_fn``."""

from __future__ import annotations

import contextlib
import os
import signal
import threading

__all__ = ["PARENT_PIPE_ENV", "ParentPipe", "watch_parent"]

PARENT_PIPE_ENV = "YIWANG_PLATFORM_PARENT_FD"


class ParentPipe:
    """The parent's side: ``child_fd`` goes to the child (``pass_fds`` and the
    environment), :meth:`close_child_end` once it is started, :meth:`close` when the
    child is stopped."""

    def __init__(self) -> None:
        self.child_fd, self._parent_fd = os.pipe()  # both close-on-exec; pass_fds keeps one
        # each end is closed once only: its number may belong to another file afterwards
        self._open = {self.child_fd, self._parent_fd}

    def _close(self, fd: int) -> None:
        if fd in self._open:
            self._open.discard(fd)
            with contextlib.suppress(OSError):
                os.close(fd)

    def close_child_end(self) -> None:
        self._close(self.child_fd)

    def close(self) -> None:
        self._close(self.child_fd)
        self._close(self._parent_fd)


def watch_parent(environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """In the child: when :data:`PARENT_PIPE_ENV` names a pipe, stop this process
    (SIGTERM, the server's normal shutdown) when the parent is gone. True when watching."""
    value = environ.get(PARENT_PIPE_ENV, "")
    if not value.isdigit():
        return False
    fd = int(value)
    try:
        os.fstat(fd)
    except OSError:
        return False

    def wait_for_end_of_file() -> None:
        with contextlib.suppress(OSError):
            while os.read(fd, 1):
                pass
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=wait_for_end_of_file, name="parent-watch", daemon=True).start()
    return True

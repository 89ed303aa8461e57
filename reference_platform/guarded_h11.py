"""uvicorn's HTTP/1.1 protocol with a deadline for the request head, for
``reference_platform.server.serve`` (its own module: loading it loads uvicorn)."""

from __future__ import annotations

import asyncio
import logging

from uvicorn.protocols.http.h11_impl import H11Protocol

# the limits stay in server (HEADER_TIMEOUT read each time a deadline is armed)
from reference_platform import server as limits

log = logging.getLogger("reference_platform.server")


class GuardedH11Protocol(H11Protocol):
    """uvicorn's HTTP/1.1 protocol plus a deadline for the request head: a caller that
    connects and then sends its headers byte by byte (slowloris) is cut off.

    The deadline runs from connecting, or on a kept-alive connection from the first byte
    of the next head, never from the previous answer: a connection idle between requests
    is closed by uvicorn's keep-alive timeout (server.IDLE_TIMEOUT) alone, the normal way a
    client expects, whatever the two timeouts are set to."""

    _head_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm_head_deadline()

    def _waiting_for_head(self) -> bool:
        # none yet, or the previous one answered: a request being handled had its head
        return self.cycle is None or self.cycle.response_complete

    def _arm_head_deadline(self) -> None:
        self._cancel_head_deadline()
        self._head_timer = self.loop.call_later(limits.HEADER_TIMEOUT, self._head_too_slow)

    def _cancel_head_deadline(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_too_slow(self) -> None:
        self._head_timer = None
        if self._waiting_for_head() and not self.transport.is_closing():
            log.info("closing a connection whose request head took over %.0f s",
                     limits.HEADER_TIMEOUT)
            self.transport.close()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if not self._waiting_for_head():
            self._cancel_head_deadline()  # the whole head is in
        elif self._head_timer is None and not self.transport.is_closing():
            # bytes of a next head (or the tail of a body answered early) on a kept-alive
            # connection; uvicorn has stopped its keep-alive timer, this deadline takes over
            self._arm_head_deadline()

    def on_response_complete(self) -> None:
        # the idle time until the next request is the keep-alive timer's (armed by super)
        self._cancel_head_deadline()
        super().on_response_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_head_deadline()
        super().connection_lost(exc)

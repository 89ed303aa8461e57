"""The platform as the engine sees it: one required interface and optional abilities.

``sync.client.PlatformClient`` offers all of them; test fakes offer what they need.
The optional ones are found with ``isinstance`` against runtime-checkable protocols,
once, when the engine is built (:func:`abilities`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, BinaryIO, Protocol, runtime_checkable

from sync.client import BlobState, Delivery, StatusEvent, TransientError

__all__ = [
    "LINK_DOWN_CODES",
    "Abilities",
    "ClockAware",
    "HeartbeatAPI",
    "PlatformAPI",
    "WorkerFactory",
    "abilities",
    "cause_of",
]

#: TransientError codes meaning "no answer from the platform at all" (the link is down)
LINK_DOWN_CODES = frozenset({"network", "timeout", "not_platform", "tls"})


def cause_of(e: TransientError) -> str:
    """``"offline"`` when the platform did not answer at all, ``"server"`` when it did."""
    return "offline" if e.code in LINK_DOWN_CODES or e.status is None else "server"


class PlatformAPI(Protocol):
    """The part of ``sync.client.PlatformClient`` the engine needs (fakes implement it)."""

    def blob_state(self, sha: str) -> BlobState: ...

    def upload_blob(
        self,
        sha: str,
        size: int,
        open_fn: Callable[[], BinaryIO],
        *,
        chunk_size: int = ...,
        progress: Callable[[int, int], None] | None = None,
        offset: int | None = None,
    ) -> None: ...

    def put_submission(self, uuid: str, manifest: dict[str, Any]) -> Delivery: ...

    def status_updates(
        self, after: str | None, *, limit: int = ...
    ) -> tuple[list[StatusEvent], str | None]: ...


@runtime_checkable
class HeartbeatAPI(Protocol):
    """Clients with a heartbeat get heartbeats and a cheap reachability probe."""

    def heartbeat(self, info: dict[str, Any] | None = None) -> None: ...


@runtime_checkable
class WorkerFactory(Protocol):
    """Clients that can make a client per upload connection (own session)."""

    def worker(self) -> PlatformAPI: ...


@runtime_checkable
class ClockAware(Protocol):
    """Clients that compare the station's clock with the platform's ``Date``."""

    @property
    def clock_skew(self) -> float | None: ...


@runtime_checkable
class _ClosableWorker(Protocol):
    def close_worker(self) -> None: ...


@dataclass(frozen=True)
class Abilities:
    """What one client can do beyond :class:`PlatformAPI`."""

    heartbeat: HeartbeatAPI | None
    workers: WorkerFactory | None
    clock: ClockAware | None

    def make_worker(self) -> PlatformAPI | None:
        return self.workers.worker() if self.workers is not None else None

    @staticmethod
    def close(worker: PlatformAPI) -> None:
        if isinstance(worker, _ClosableWorker):
            worker.close_worker()


def abilities(client: PlatformAPI) -> Abilities:
    return Abilities(
        heartbeat=client if isinstance(client, HeartbeatAPI) else None,
        workers=client if isinstance(client, WorkerFactory) else None,
        clock=client if isinstance(client, ClockAware) else None,
    )

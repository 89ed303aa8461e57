"""The delivery engine (see :mod:`sync.engine.core`): ``SyncEngine`` and what it reports."""

from sync.engine.api import HeartbeatAPI, PlatformAPI
from sync.engine.core import AUTH_RETRY_INTERVAL, CLOCK_SKEW_LIMIT, SyncEngine, software_version
from sync.engine.events import EventKind, SyncEvent, SyncReport
from sync.engine.timing import BASE_DELAY, MAX_DELAY, MAX_RETRY_AFTER, backoff_delay
from sync.engine.upload import UPLOAD_CONCURRENCY

__all__ = [
    "AUTH_RETRY_INTERVAL",
    "BASE_DELAY",
    "CLOCK_SKEW_LIMIT",
    "MAX_DELAY",
    "MAX_RETRY_AFTER",
    "UPLOAD_CONCURRENCY",
    "EventKind",
    "HeartbeatAPI",
    "PlatformAPI",
    "SyncEngine",
    "SyncEvent",
    "SyncReport",
    "backoff_delay",
    "software_version",
]

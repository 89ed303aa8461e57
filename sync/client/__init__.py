"""The station's platform client (see :mod:`sync.client.platform_client`)."""

from sync.client.answers import BlobState, Delivery, StatusEvent
from sync.client.errors import (
    AuthError,
    BadAnswer,
    Conflict,
    InsecurePlatformURL,
    MissingBlobs,
    PermanentError,
    SyncError,
    TransientError,
)
from sync.client.observed import SKEW_LIMIT
from sync.client.platform_client import MAX_CATALOG_ANSWER, PlatformClient, StationCredentials
from sync.client.transport import (
    DEFAULT_TIMEOUT,
    MAX_JSON_ANSWER,
    TOTAL_TIMEOUT,
    check_platform_url,
    is_loopback_url,
)
from sync.client.uploads import DEFAULT_CHUNK, Progress

__all__ = [
    "DEFAULT_CHUNK",
    "DEFAULT_TIMEOUT",
    "MAX_CATALOG_ANSWER",
    "MAX_JSON_ANSWER",
    "SKEW_LIMIT",
    "TOTAL_TIMEOUT",
    "AuthError",
    "BadAnswer",
    "BlobState",
    "Conflict",
    "Delivery",
    "InsecurePlatformURL",
    "MissingBlobs",
    "PermanentError",
    "PlatformClient",
    "Progress",
    "StationCredentials",
    "StatusEvent",
    "SyncError",
    "TransientError",
    "check_platform_url",
    "is_loopback_url",
]

"""What every route needs: the store, the clock, the limits and the enrollment guard."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from fastapi import Request

from reference_platform.enrollment_guard import EnrollmentGuard
from reference_platform.storage import PlatformStore

Clock = Callable[[], float]

KIB = 1024
MIB = 1024 * KIB


@dataclass(frozen=True)
class Limits:
    """Body caps per route (bytes) and time limits (seconds)."""

    json_body: int = 1 * MIB
    small_body: int = 64 * KIB
    codes_body: int = 256 * KIB
    catalog_body: int = 8 * MIB
    chunk: int = 16 * MIB
    blob: int = 512 * MIB
    partial_upload_ttl: float = 24 * 3600
    code_ttl: float = 72 * 3600
    skew: int = 300
    max_events: int = 500
    default_events: int = 100


@dataclass
class PlatformContext:
    store: PlatformStore
    admin_token: str
    clock: Clock = time.time
    limits: Limits = field(default_factory=Limits)
    guard: EnrollmentGuard = field(default_factory=EnrollmentGuard)


def get_context(request: Request) -> PlatformContext:
    ctx = request.app.state.platform
    assert isinstance(ctx, PlatformContext)
    return ctx

"""The reference platform: a real HTTP API implementing docs/protocol.md.

It stands in for the provincial platform in tests and demos. Stations enroll with
one-time codes, then every request they make is signed (wire/signing.py). The admin
endpoints play the department's part (issue codes, advance a case's status).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator, Iterable
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from reference_platform.context import Clock, Limits, PlatformContext
from reference_platform.enrollment_guard import EnrollmentGuard
from reference_platform.errors import install_error_handlers
from reference_platform.middleware import PlatformHeaders
from reference_platform.openapi import install_openapi
from reference_platform.routes import (
    admin,
    blobs,
    case_outcomes,
    catalog,
    clerk_day,
    evaluations,
    heartbeat,
    licences,
    receipts,
    stations,
    status,
    submissions,
)
from reference_platform.storage import EMPTY_CATALOG, PlatformStore
from wire.canonical import StrictJsonError, loads_strict

log = logging.getLogger(__name__)

SEED_CATALOG = Path(__file__).resolve().parents[1] / "resources/catalog/seed_catalog.json"
COLLECT_EVERY = 3600.0  # seconds between sweeps of expired partial uploads


def _seed(store: PlatformStore, seed_catalog: Path | None, now: float) -> None:
    if store.catalog.current() is not None:
        return
    catalog: Any = EMPTY_CATALOG
    if seed_catalog is not None and seed_catalog.is_file():
        try:
            catalog = loads_strict(seed_catalog.read_bytes())
        except (OSError, StrictJsonError):
            log.exception("could not read the seed catalog %s", seed_catalog)
    store.catalog.put(catalog, now)


def collect_expired(ctx: PlatformContext) -> int:
    """Drop partial uploads older than the limit; returns how many."""
    return ctx.store.blobs.expire_partials(ctx.clock() - ctx.limits.partial_upload_ttl)


def create_app(
    db_path: Path | str,
    *,
    admin_token: str,
    enrollment_codes: Iterable[str] = (),
    skew_seconds: int = 300,
    clock: Clock = time.time,
    seed_catalog: Path | None = SEED_CATALOG,
    limits: Limits | None = None,
    guard: EnrollmentGuard | None = None,
    dev: bool = False,
) -> FastAPI:
    """Build the platform around its own SQLite database at ``db_path``.

    ``enrollment_codes`` are added as admin-chosen codes (expiring like issued ones);
    ``dev`` serves the interactive ``/docs`` and ``/redoc`` pages (``/openapi.json`` is
    always served: stations and tests use it to see the platform is up).
    """
    if not admin_token:
        raise ValueError("admin_token must not be empty")
    limits = limits or Limits(skew=skew_seconds)
    store = PlatformStore(db_path)
    store.blobs.clear_tmp()
    now = clock()
    store.stations.add_codes(list(enrollment_codes), now, limits.code_ttl)
    _seed(store, seed_catalog, now)
    ctx = PlatformContext(store=store, admin_token=admin_token, clock=clock, limits=limits,
                          guard=guard or EnrollmentGuard())

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async def sweep() -> None:
            while True:
                try:
                    collect_expired(ctx)
                except Exception:  # a sweep that fails must not stop the next one
                    log.exception("collecting expired uploads failed")
                await asyncio.sleep(COLLECT_EVERY)

        task = asyncio.create_task(sweep())
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    app = FastAPI(
        title="Yiwang reference platform",
        version="1",
        description="Reference implementation of the Yiwang Window sync protocol "
        "(docs/protocol.md).",
        docs_url="/docs" if dev else None,
        redoc_url="/redoc" if dev else None,
        lifespan=lifespan,
    )
    app.state.platform = ctx
    app.state.store = store
    app.add_middleware(PlatformHeaders, ctx=ctx)
    install_error_handlers(app)
    for module in (stations, heartbeat, blobs, submissions, status, receipts, catalog,
                   evaluations, admin, clerk_day):
        app.include_router(module.router)
    app.include_router(case_outcomes.router)  # P5, P6
    app.include_router(licences.router)  # P9 electronic licences
    install_openapi(app)
    return app

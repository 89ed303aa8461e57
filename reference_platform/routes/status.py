"""Status events for the calling station (P1: each carries the platform's event id)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response

from reference_platform.auth import Caller, Ctx, signed_body
from reference_platform.bodies import page_query
from reference_platform.openapi import SIGNED
from wire import schemas

router = APIRouter(tags=["submissions"])


@router.get(
    "/v1/status-updates",
    summary="Status events for the calling station after a cursor",
    responses={200: {"model": schemas.StatusUpdates}},
    openapi_extra=SIGNED,
)
async def status_updates(
    request: Request, ctx: Ctx, caller: Caller, after: str | None = None,
    limit: str | None = None,
) -> Response:
    await signed_body(request, ctx, caller, 0)
    limits = ctx.limits
    after_id, n = page_query(after, limit, default=limits.default_events, top=limits.max_events)
    events = ctx.store.submissions.events_for(caller.station_id, after_id, n)
    cursor = str(events[-1]["id"]) if events else (after or None)
    return JSONResponse({"events": events, "cursor": cursor})

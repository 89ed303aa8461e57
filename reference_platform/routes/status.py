"""Status events for the calling station (P1: each carries the platform's event id)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response

from reference_platform.auth import Caller, Ctx, signed_body
from reference_platform.bodies import DIGITS_RE
from reference_platform.errors import ApiError
from reference_platform.openapi import SIGNED
from wire import errors as codes
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
    after_id = 0
    if after:
        if not DIGITS_RE.fullmatch(after):
            raise ApiError(400, codes.BAD_CURSOR, "cursor is not one of ours")
        after_id = int(after)
    n = ctx.limits.default_events
    if limit is not None:
        top = ctx.limits.max_events
        if not DIGITS_RE.fullmatch(limit) or not 1 <= int(limit) <= top:
            raise ApiError(400, codes.BAD_LIMIT, f"limit must be 1..{top}")
        n = int(limit)
    events = ctx.store.submissions.events_for(caller.station_id, after_id, n)
    cursor = str(events[-1]["id"]) if events else (after or None)
    return JSONResponse({"events": events, "cursor": cursor})

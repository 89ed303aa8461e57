"""A station reports that it is alive."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response

from reference_platform.auth import Caller, Ctx, signed_body
from reference_platform.bodies import parse_json
from reference_platform.errors import ApiError
from reference_platform.openapi import SIGNED
from reference_platform.storage import iso_utc
from wire import errors as codes
from wire import schemas
from wire.canonical import canonical_json

router = APIRouter(tags=["stations"])


@router.post(
    "/v1/stations/{station_id}/heartbeat",
    summary="Report that a station is alive (free-form JSON object, optional)",
    responses={200: {"model": schemas.HeartbeatAnswer}},
    openapi_extra=SIGNED,
)
async def heartbeat(request: Request, station_id: str, ctx: Ctx, caller: Caller) -> Response:
    body = await signed_body(request, ctx, caller, ctx.limits.small_body)
    if station_id != caller.station_id:
        raise ApiError(403, codes.WRONG_STATION, "a station may only report for itself")
    info: Any = {}
    if body.strip():
        info, _ = parse_json(body)
        if not isinstance(info, dict):
            raise ApiError(422, codes.INVALID_BODY, "heartbeat body must be a JSON object")
    now = ctx.clock()
    ctx.store.stations.heartbeat(caller.station_id, canonical_json(info).decode("utf-8"), now)
    return JSONResponse({"ok": True, "server_time": iso_utc(now)})

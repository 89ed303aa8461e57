"""The clerk's day: audit entries from stations (P7) and each hall's clerks (P8)."""

from __future__ import annotations

import weakref

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response

from reference_platform.auth import Caller, Ctx, require_admin, signed_body
from reference_platform.bodies import page_query, parse_json, read_body, validate
from reference_platform.context import PlatformContext
from reference_platform.errors import ApiError
from reference_platform.openapi import ADMIN, SIGNED, body_doc
from reference_platform.storage import PlatformStore
from reference_platform.storage.clerk_day import AuditRefused, ClerkDayStore
from wire import clerk_day as wire
from wire import errors as codes
from wire import schemas

router = APIRouter(tags=["clerk day"])

_stores: weakref.WeakKeyDictionary[PlatformStore, ClerkDayStore] = (
    weakref.WeakKeyDictionary()
)


def _store(ctx: PlatformContext) -> ClerkDayStore:
    part = _stores.get(ctx.store)
    if part is None:
        part = _stores[ctx.store] = ClerkDayStore(ctx.store.db)
    return part


@router.post(
    "/v1/audit-entries",
    summary="P7: deliver audit entries that continue the station's hash chain",
    responses={200: {"model": wire.AuditAck}, 409: {"model": schemas.ErrorBody},
               422: {"model": schemas.ErrorBody}},
    openapi_extra={**SIGNED, **body_doc(wire.AuditBatch)},
)
async def post_audit_entries(request: Request, ctx: Ctx, caller: Caller) -> Response:
    body = await signed_body(request, ctx, caller, ctx.limits.json_body)
    value, _ = parse_json(body)
    batch = validate(wire.AuditBatch, value, wire.INVALID_AUDIT)
    try:
        high = _store(ctx).append(caller.station_id, batch.entries, ctx.clock())
    except AuditRefused as refused:
        status = 409 if refused.code == wire.AUDIT_CONFLICT else 422
        raise ApiError(status, refused.code, refused.detail) from None
    proof = wire.audit_ack_proof(caller.secret, caller.station_id, high.high, high.hash)
    return JSONResponse({"ok": True, "stored": high.stored, "high": high.high,
                         "hash": high.hash, "proof": proof})


@router.get(
    "/v1/stations/me/clerks",
    summary="P8: the clerks of the calling station (PINs as argon2id hashes only)",
    responses={200: {"model": wire.ClerkDirectory}},
    openapi_extra=SIGNED,
)
async def get_clerks(request: Request, ctx: Ctx, caller: Caller) -> Response:
    await signed_body(request, ctx, caller, 0)
    version, clerks = _store(ctx).clerks(caller.station.station_code)
    return JSONResponse({"version": version, "clerks": clerks})


@router.put(
    "/v1/admin/stations/{station_code}/clerks",
    summary="P8 (admin): set the clerks of a station code",
    dependencies=[Depends(require_admin)],
    responses={404: {"model": schemas.ErrorBody}, 422: {"model": schemas.ErrorBody}},
    openapi_extra={**ADMIN, **body_doc(wire.ClerkDirectory)},
)
async def put_clerks(request: Request, station_code: str, ctx: Ctx) -> Response:
    if not station_code.isascii() or not station_code.isalnum() or len(station_code) > 16:
        raise ApiError(400, codes.INVALID_REQUEST, "station code: 1-16 letters and digits")
    if not ctx.store.stations.ever_enrolled(station_code):
        # a typo would otherwise file a directory no station ever pulls
        raise ApiError(404, codes.UNKNOWN_STATION, "no station ever enrolled with this code")
    value, _ = parse_json(await read_body(request, ctx.limits.small_body * 4))
    directory = validate(wire.ClerkDirectory, value, wire.INVALID_CLERKS)
    ids = [c.clerk_id for c in directory.clerks]
    if len(set(ids)) != len(ids):
        raise ApiError(422, wire.INVALID_CLERKS, "each clerk id once")
    version = _store(ctx).set_clerks(station_code, directory.clerks, ctx.clock())
    return JSONResponse({"ok": True, "version": version})


@router.get(
    "/v1/admin/stations/{station_id}/audit-entries",
    summary="P7 (admin): the audit entries a station delivered, oldest first",
    dependencies=[Depends(require_admin)],
    openapi_extra=ADMIN,
)
async def get_audit_entries(
    station_id: str, ctx: Ctx, after: str | None = None, limit: str | None = None
) -> Response:
    after_id, count = page_query(after, limit, default=100, top=500)
    rows = _store(ctx).entries(station_id, after=after_id, limit=count)
    return JSONResponse({"entries": rows})

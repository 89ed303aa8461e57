"""Enrollment and what a station may read back about itself (P4)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response

from reference_platform.auth import Caller, Ctx, signed_body
from reference_platform.bodies import page_query, parse_json, read_body, validate
from reference_platform.errors import ApiError
from reference_platform.openapi import SIGNED, body_doc
from reference_platform.storage import EnrollmentRefused, SealError, StationCodeTaken
from wire import errors as codes
from wire import schemas

router = APIRouter(tags=["stations"])

MAX_PAGE = 100
DEFAULT_PAGE = 20


@router.post(
    "/v1/stations/enroll",
    summary="Exchange a one-time enrollment code for a station id and secret",
    responses={200: {"model": schemas.EnrollAnswer}, 403: {"model": schemas.ErrorBody},
               409: {"model": schemas.ErrorBody}, 429: {"model": schemas.ErrorBody}},
    openapi_extra=body_doc(schemas.EnrollRequest),
)
async def enroll(request: Request, ctx: Ctx) -> Response:
    client = request.client.host if request.client else "?"
    wait = ctx.guard.retry_after(client, ctx.clock())
    if wait is not None:
        raise ApiError(429, codes.TOO_MANY_ATTEMPTS, "too many failed enrollment attempts",
                       {"Retry-After": str(wait)})
    value, _ = parse_json(await read_body(request, ctx.limits.small_body))
    req = validate(schemas.EnrollRequest, value)
    try:
        station = ctx.store.stations.enroll(req.code, req.station_code, req.role, ctx.clock())
    except EnrollmentRefused:
        ctx.guard.failed(client, ctx.clock())
        # unknown, used and expired codes answer alike: nothing to learn by probing
        raise ApiError(403, codes.CODE_UNKNOWN, "unknown, used or expired enrollment code") \
            from None
    except StationCodeTaken:
        raise ApiError(409, codes.STATION_CODE_TAKEN,
                       "another station is enrolled with this station code; an admin must "
                       "issue a replacing code") from None
    return JSONResponse({
        "station_id": station.station_id,
        "secret": station.secret,
        "receipt_high": ctx.store.submissions.receipt_high(station.station_code),
    })


@router.get(
    "/v1/stations/me/submissions",
    summary="What the platform holds for the calling station's receipts (for recovery)",
    responses={200: {"model": schemas.StationSubmissions}},
    openapi_extra=SIGNED,
)
async def my_submissions(
    request: Request, ctx: Ctx, caller: Caller, after: str | None = None,
    limit: str | None = None,
) -> Response:
    await signed_body(request, ctx, caller, 0)
    after_id, n = page_query(after, limit, default=DEFAULT_PAGE, top=MAX_PAGE)
    store = ctx.store.submissions
    rows = store.for_station_code(caller.station.station_code, after_id, n)
    out = []
    for row in rows:
        try:
            manifest = store.manifest(row)
        except (SealError, ValueError):
            manifest = None  # logged by the admin view too; never a 500 here
        out.append({
            "uuid": row["uuid"], "receipt_no": row["receipt_no"], "case_no": row["case_no"],
            "status": row["status"], "received_at": row["created_at"], "manifest": manifest,
        })
    cursor = str(rows[-1]["id"]) if len(rows) == n else None
    return JSONResponse({"submissions": out, "cursor": cursor})


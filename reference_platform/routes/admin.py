"""The department's side (reference platform only): bearer token on every route."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response
from starlette.responses import StreamingResponse

from reference_platform.auth import Ctx, require_admin
from reference_platform.bodies import check_sha, parse_json, read_body, validate
from reference_platform.context import PlatformContext
from reference_platform.errors import ApiError
from reference_platform.openapi import ADMIN, body_doc
from reference_platform.storage import SealError, iso_utc
from wire import errors as codes
from wire import schemas
from wire.enrollment import new_code

log = logging.getLogger(__name__)

router = APIRouter(tags=["admin"], dependencies=[Depends(require_admin)])


def _blob_hashes(row: dict[str, Any]) -> list[str]:
    try:
        hashes = json.loads(str(row["blobs"]))
    except ValueError:
        return []
    return [h for h in hashes if isinstance(h, str)] if isinstance(hashes, list) else []


def admin_view(ctx: PlatformContext, row: dict[str, Any]) -> dict[str, Any]:
    """A listing row, from our own columns only: nothing a station sent is re-parsed, so no
    stored content can make a listing fail."""
    blobs = ctx.store.blobs
    return {
        "uuid": row["uuid"], "receipt_no": row["receipt_no"], "station_id": row["station_id"],
        "case_no": row["case_no"], "status": row["status"], "created_at": row["created_at"],
        "blobs": [
            {"sha256": s, "present": blobs.present(s), "verified": blobs.is_verified(s)}
            for s in _blob_hashes(row)
        ],
    }


@router.get(
    "/v1/admin/submissions",
    summary="All submissions with the state of their blobs",
    responses={200: {"model": list[schemas.AdminSubmission]}},
    openapi_extra=ADMIN,
)
async def admin_submissions(ctx: Ctx) -> Response:
    return JSONResponse([admin_view(ctx, r) for r in ctx.store.submissions.listing()])


@router.get(
    "/v1/admin/submissions/{uuid}",
    summary="One submission including its manifest",
    openapi_extra=ADMIN,
)
async def admin_submission(uuid: str, ctx: Ctx) -> Response:
    row = ctx.store.submissions.get(uuid)
    if row is None:
        raise ApiError(404, codes.UNKNOWN_SUBMISSION)
    try:
        manifest = ctx.store.submissions.manifest(row)
    except (SealError, ValueError) as exc:
        log.error("submission %s: stored manifest does not open: %s", uuid, exc)
        manifest = None
    return JSONResponse({**admin_view(ctx, row), "manifest": manifest})


@router.post(
    "/v1/admin/submissions/{uuid}/status",
    summary="Advance a case (审核中|补正|办结|不予许可); creates a status event",
    responses={200: {"model": schemas.StatusEventDoc}, 404: {"model": schemas.ErrorBody}},
    openapi_extra={**ADMIN, **body_doc(schemas.StatusChange)},
)
async def admin_status(request: Request, uuid: str, ctx: Ctx) -> Response:
    value, _ = parse_json(await read_body(request, ctx.limits.small_body))
    change = validate(schemas.StatusChange, value)
    event = ctx.store.submissions.add_event(
        uuid, change.status, change.note, list(change.missing_materials), ctx.clock()
    )
    if event is None:
        raise ApiError(404, codes.UNKNOWN_SUBMISSION)
    return JSONResponse(event)


@router.get("/v1/admin/blobs/{sha256}", summary="Download a verified blob", openapi_extra=ADMIN)
async def admin_blob(sha256: str, ctx: Ctx) -> Response:
    check_sha(sha256)
    if not ctx.store.blobs.is_verified(sha256):
        raise ApiError(404, codes.BLOB_ABSENT)
    f = ctx.store.blobs.open(sha256)

    def chunks() -> Iterable[bytes]:
        with f:
            while block := f.read(256 * 1024):
                yield block

    return StreamingResponse(chunks(), media_type="application/octet-stream")


@router.put(
    "/v1/admin/catalog",
    summary="Replace the service catalog",
    openapi_extra={**ADMIN, **body_doc(schemas.CatalogDoc)},
)
async def admin_catalog(request: Request, ctx: Ctx) -> Response:
    value, _ = parse_json(await read_body(request, ctx.limits.catalog_body))
    validate(schemas.CatalogDoc, value, codes.INVALID_CATALOG)
    etag = ctx.store.catalog.put(value, ctx.clock())
    return JSONResponse({"ok": True, "etag": etag})


def issue_codes(
    ctx: PlatformContext, request: schemas.EnrollmentCodes
) -> tuple[list[str], float]:
    """Store the admin's codes, or make ``count`` (default 1); returns (made codes, expiry)."""
    now = ctx.clock()
    ttl = request.ttl_hours * 3600
    made = [] if request.codes else [new_code() for _ in range(request.count or 1)]
    ctx.store.stations.add_codes(
        list(request.codes or made), now, ttl, request.replace_station_code
    )
    return made, now + ttl


@router.post(
    "/v1/admin/enrollment-codes",
    summary="Issue one-time enrollment codes (or add codes the admin chose)",
    responses={200: {"model": schemas.EnrollmentCodesAnswer}},
    openapi_extra={**ADMIN, **body_doc(schemas.EnrollmentCodes)},
)
async def admin_codes(request: Request, ctx: Ctx) -> Response:
    body = await read_body(request, ctx.limits.codes_body)
    value, _ = parse_json(body) if body.strip() else ({}, b"")
    req = validate(schemas.EnrollmentCodes, value)
    if req.codes and req.count:
        raise ApiError(422, codes.INVALID_BODY, "give either codes or count")
    made, expires = issue_codes(ctx, req)
    added = len(req.codes) if req.codes else len(made)
    return JSONResponse(
        {"ok": True, "added": added, "codes": made, "expires_at": iso_utc(expires)}
    )


@router.get("/v1/admin/stations", summary="Enrolled stations", openapi_extra=ADMIN)
async def admin_stations(ctx: Ctx) -> Response:
    return JSONResponse(ctx.store.stations.listing())

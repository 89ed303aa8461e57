"""Submission delivery: idempotent per uuid and body, answered with a delivery proof (P3)."""

from __future__ import annotations

import hashlib

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response

from reference_platform.auth import Caller, Ctx, signed_body
from reference_platform.bodies import check_uuid, parse_json, validate
from reference_platform.errors import ApiError
from reference_platform.openapi import SIGNED, body_doc
from reference_platform.storage import NewSubmission, ReceiptTaken
from wire import errors as codes
from wire import schemas
from wire.receipts import receipt_station_code
from wire.signing import delivery_proof

router = APIRouter(tags=["submissions"])


@router.put(
    "/v1/submissions/{uuid}",
    summary="Deliver a submission manifest (idempotent per uuid and body)",
    responses={
        200: {"model": schemas.Delivery},
        409: {"model": schemas.ErrorBody,
              "description": "conflict: same uuid, different body; receipt_taken: another "
              "submission holds the receipt number"},
        422: {"model": schemas.ErrorBody,
              "description": "invalid_manifest; missing_blobs with detail.missing; "
              "receipt_not_yours: the receipt number is not the caller's station code"},
    },
    openapi_extra={**SIGNED, **body_doc(schemas.Manifest)},
)
async def put_submission(request: Request, uuid: str, ctx: Ctx, caller: Caller) -> Response:
    check_uuid(uuid)
    body = await signed_body(request, ctx, caller, ctx.limits.json_body)
    value, canonical = parse_json(body)
    manifest = validate(schemas.Manifest, value, codes.INVALID_MANIFEST)
    if manifest.uuid != uuid:
        raise ApiError(422, codes.INVALID_MANIFEST, "manifest uuid differs from the URL")
    if receipt_station_code(manifest.receipt_no) != caller.station.station_code:
        raise ApiError(422, codes.RECEIPT_NOT_YOURS,
                       f"receipt numbers of this station start with "
                       f"{caller.station.station_code}-")
    body_sha = hashlib.sha256(canonical).hexdigest()
    store = ctx.store
    existing = store.submissions.get(uuid)
    if existing is None:
        missing = [s for s in manifest.blob_hashes()
                   if not store.blobs.owns(caller.station_id, s)]
        if missing:
            raise ApiError(422, codes.MISSING_BLOBS, {"missing": missing})
        new = NewSubmission(
            uuid=uuid, station_id=caller.station_id, receipt_no=manifest.receipt_no,
            body_sha256=body_sha, manifest_json=canonical.decode("utf-8"),
            blob_hashes=manifest.blob_hashes(),
        )
        try:
            existing = store.submissions.create(new, ctx.clock())
        except ReceiptTaken:
            raise ApiError(409, codes.RECEIPT_TAKEN,
                           "another submission already holds this receipt number") from None
    if existing["station_id"] != caller.station_id or existing["body_sha256"] != body_sha:
        raise ApiError(409, codes.CONFLICT, "a different submission already has this uuid")
    case_no = str(existing["case_no"])
    return JSONResponse({
        "case_no": case_no, "status": existing["status"], "receipt_no": existing["receipt_no"],
        "proof": delivery_proof(caller.secret, uuid, body_sha, case_no),
    })

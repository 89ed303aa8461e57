"""Service evaluations (好差评): only for the caller's own receipts, one per receipt."""

from __future__ import annotations

import hashlib

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response

from reference_platform.auth import Caller, Ctx, signed_body
from reference_platform.bodies import check_uuid, parse_json, validate
from reference_platform.errors import ApiError
from reference_platform.openapi import SIGNED, body_doc
from wire import errors as codes
from wire import schemas
from wire.receipts import receipt_station_code

router = APIRouter(tags=["evaluations"])


@router.put(
    "/v1/evaluations/{uuid}",
    summary="Record a service evaluation (好差评); one per receipt, replay-safe per uuid",
    responses={409: {"model": schemas.ErrorBody}, 422: {"model": schemas.ErrorBody}},
    openapi_extra={**SIGNED, **body_doc(schemas.Evaluation)},
)
async def put_evaluation(request: Request, uuid: str, ctx: Ctx, caller: Caller) -> Response:
    check_uuid(uuid)
    body = await signed_body(request, ctx, caller, ctx.limits.small_body)
    value, canonical = parse_json(body)
    evaluation = validate(schemas.Evaluation, value, codes.INVALID_EVALUATION)
    if receipt_station_code(evaluation.receipt_no) != caller.station.station_code:
        raise ApiError(422, codes.RECEIPT_NOT_YOURS, "evaluations only for your own receipts")
    body_sha = hashlib.sha256(canonical).hexdigest()
    row = ctx.store.evaluations.put(
        uuid, caller.station_id, evaluation.receipt_no, body_sha, canonical.decode("utf-8"),
        ctx.clock(),
    )
    if row["uuid"] != uuid:
        raise ApiError(409, codes.EVALUATION_EXISTS, "this receipt is already evaluated")
    if row["station_id"] != caller.station_id or row["body_sha256"] != body_sha:
        raise ApiError(409, codes.CONFLICT, "a different evaluation already has this uuid")
    return JSONResponse({"ok": True, "uuid": uuid})

"""P5 supplements (补正) and P6 case outcomes (不予受理, 办结领取), plus their admin views.

Each is idempotent per uuid and body like a submission, and answered with a delivery
proof made the same way (P3), so the station marks it delivered only on a genuine answer.
"""

from __future__ import annotations

import hashlib
import json
import logging
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response

from reference_platform.auth import Caller, Ctx, SignedCaller, require_admin, signed_body
from reference_platform.bodies import check_uuid, parse_json, validate
from reference_platform.context import PlatformContext
from reference_platform.errors import ApiError
from reference_platform.openapi import ADMIN, SIGNED, body_doc
from reference_platform.storage import SealError
from reference_platform.storage.outcomes import NewOutcome, OutcomeExists
from wire import errors as codes
from wire import outcomes as wire
from wire.signing import delivery_proof

log = logging.getLogger(__name__)

router = APIRouter(tags=["case outcomes"])
_ADMIN_ONLY = [Depends(require_admin)]

_DOC: dict[int | str, dict[str, Any]] = {
    409: {"description": "conflict: same uuid, different body; handover_exists: the case "
          "was already handed over under another uuid"},
    422: {"description": "invalid body; missing_blobs; unknown_submission (not this "
          "station's delivered case); notice_not_yours; not_ready (not 办结 yet)"},
}


def _own_case(ctx: PlatformContext, caller: SignedCaller, uuid: str, receipt_no: str
              ) -> dict[str, Any]:
    row = ctx.store.submissions.get(uuid)
    if row is None or row["station_id"] != caller.station_id or row["receipt_no"] != receipt_no:
        raise ApiError(422, codes.UNKNOWN_SUBMISSION,
                       "no delivered submission of this station has this uuid and receipt")
    return row


def _answer(caller: SignedCaller, uuid: str, body_sha: str, case_no: str, status: str,
            proof_ref: str) -> JSONResponse:
    return JSONResponse({
        "uuid": uuid, "case_no": case_no, "status": status,
        "proof": delivery_proof(caller.secret, uuid, body_sha, proof_ref),
    })


@router.put(
    "/v1/supplements/{uuid}",
    summary="P5: add pages to a delivered case (补正); idempotent per uuid and body",
    responses=_DOC,
    openapi_extra={**SIGNED, **body_doc(wire.Supplement)},
)
async def put_supplement(request: Request, uuid: str, ctx: Ctx, caller: Caller) -> Response:
    check_uuid(uuid)
    body = await signed_body(request, ctx, caller, ctx.limits.json_body)
    value, canonical = parse_json(body)
    sup = validate(wire.Supplement, value, wire.INVALID_SUPPLEMENT)
    if sup.uuid != uuid:
        raise ApiError(422, wire.INVALID_SUPPLEMENT, "supplement uuid differs from the URL")
    case = _own_case(ctx, caller, sup.submission_uuid, sup.receipt_no)
    body_sha = hashlib.sha256(canonical).hexdigest()
    store = ctx.store
    row = store.outcomes.supplement(uuid)
    if row is None:
        missing = [s for s in sup.blob_hashes() if not store.blobs.owns(caller.station_id, s)]
        if missing:
            raise ApiError(422, codes.MISSING_BLOBS, {"missing": missing})
        row = store.outcomes.add_supplement(
            uuid, caller.station_id, sup.submission_uuid, body_sha, canonical.decode("utf-8"),
            sup.blob_hashes(), ctx.clock(),
        )
    if row["station_id"] != caller.station_id or row["body_sha256"] != body_sha:
        raise ApiError(409, codes.CONFLICT, "a different supplement already has this uuid")
    case_no = str(case["case_no"])
    return _answer(caller, uuid, body_sha, case_no, str(case["status"]), case_no)


@router.put(
    "/v1/outcomes/{uuid}",
    summary="P6: a refusal (不予受理) or a handover (办结领取); idempotent per uuid and body",
    responses=_DOC,
    openapi_extra={**SIGNED, **body_doc(wire.Handover)},
)
async def put_outcome(request: Request, uuid: str, ctx: Ctx, caller: Caller) -> Response:
    check_uuid(uuid)
    body = await signed_body(request, ctx, caller, ctx.limits.small_body)
    value, canonical = parse_json(body)
    kind = value.get("kind") if isinstance(value, dict) else None
    body_sha = hashlib.sha256(canonical).hexdigest()
    code = caller.station.station_code
    if kind == "refusal":
        refusal = validate(wire.Refusal, value, wire.INVALID_OUTCOME)
        if refusal.notice_no.split("-", 1)[0] != code:
            raise ApiError(422, wire.NOTICE_NOT_YOURS,
                           f"notice numbers of this station start with {code}-")
        new = NewOutcome(uuid, kind, caller.station_id, None, refusal.notice_no, body_sha,
                         canonical.decode("utf-8"))
        case_no, status, proof_ref = "", "不予受理", refusal.notice_no
        check_body_uuid = refusal.uuid
    elif kind == "handover":
        handover = validate(wire.Handover, value, wire.INVALID_OUTCOME)
        case = _own_case(ctx, caller, handover.submission_uuid, handover.receipt_no)
        if ctx.store.outcomes.outcome(uuid) is None:
            if ctx.store.outcomes.handed_over(handover.receipt_no):
                raise ApiError(409, wire.HANDOVER_EXISTS, "the case was already handed over")
            if case["status"] != "办结":
                raise ApiError(422, wire.NOT_READY, "the case is not finished (办结) yet")
        new = NewOutcome(uuid, kind, caller.station_id, handover.submission_uuid,
                         handover.receipt_no, body_sha, canonical.decode("utf-8"))
        case_no = proof_ref = str(case["case_no"])
        status = "已领取"
        check_body_uuid = handover.uuid
    else:
        raise ApiError(422, wire.INVALID_OUTCOME, "kind must be refusal or handover")
    if check_body_uuid != uuid:
        raise ApiError(422, wire.INVALID_OUTCOME, "outcome uuid differs from the URL")
    try:
        row = ctx.store.outcomes.add_outcome(new, ctx.clock())
    except OutcomeExists:
        error = wire.HANDOVER_EXISTS if kind == "handover" else codes.CONFLICT
        raise ApiError(409, error, "this outcome is already recorded under another uuid"
                       ) from None
    if row["station_id"] != caller.station_id or row["body_sha256"] != body_sha:
        raise ApiError(409, codes.CONFLICT, "a different outcome already has this uuid")
    return _answer(caller, uuid, body_sha, case_no, status, proof_ref)


# -- the department's view (reference platform only) --------------------------------------


def _blob_list(raw: object) -> list[str]:
    try:
        value = json.loads(str(raw))
    except ValueError:
        return []
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


@router.get("/v1/admin/supplements", summary="Every supplement received (P5)",
            tags=["admin"], dependencies=_ADMIN_ONLY, openapi_extra=ADMIN)
async def admin_supplements(ctx: Ctx, submission: str | None = None) -> Response:
    rows = (ctx.store.outcomes.supplements_of(submission) if submission
            else ctx.store.outcomes.supplement_listing())
    blobs = ctx.store.blobs
    return JSONResponse([
        {**{k: r[k] for k in ("uuid", "station_id", "submission_uuid", "received_at")},
         "purpose": _supplement_purpose(ctx, str(r["uuid"])),
         "blobs": [{"sha256": s, "present": blobs.present(s), "verified": blobs.is_verified(s)}
                   for s in _blob_list(r["blobs"])]}
        for r in rows
    ])


def _supplement_purpose(ctx: Ctx, uuid: str) -> str | None:
    """P10: what the supplement carries ("supplement" or "commitment_form")."""
    full = ctx.store.outcomes.supplement(uuid)
    try:
        body = ctx.store.outcomes.opened(full) if full else None
    except (SealError, ValueError) as exc:
        log.error("supplement %s does not open: %s", uuid, exc)
        return None
    return str(body.get("purpose", "supplement")) if isinstance(body, dict) else None


@router.get("/v1/admin/outcomes", summary="Every refusal and handover received (P6)",
            tags=["admin"], dependencies=_ADMIN_ONLY, openapi_extra=ADMIN)
async def admin_outcomes(ctx: Ctx) -> Response:
    out = []
    for row in ctx.store.outcomes.outcome_listing():
        full = ctx.store.outcomes.outcome(str(row["uuid"]))
        try:
            body = ctx.store.outcomes.opened(full) if full else None
        except (SealError, ValueError) as exc:
            log.error("outcome %s does not open: %s", row["uuid"], exc)
            body = None
        out.append({**row, "body": body})
    return JSONResponse(out)

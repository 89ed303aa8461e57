"""The public receipt check a phone reaches from a receipt's QR code (no personal data)."""

from __future__ import annotations

import re

from fastapi import APIRouter
from fastapi.responses import JSONResponse, Response

from reference_platform.auth import Ctx
from reference_platform.errors import ApiError
from wire import errors as codes
from wire.receipts import RECEIPT_RE, receipt_station_code
from wire.signing import receipt_tag_ok

router = APIRouter(tags=["public"])

RECEIPT_TAG_RE = re.compile(r"^[A-Z2-7]{10}$")


@router.get(
    "/v1/receipts/{receipt_no}",
    summary="Check a receipt's QR code and show its progress (no personal data)",
)
async def receipt_check(receipt_no: str, ctx: Ctx, t: str = "") -> Response:
    code = receipt_station_code(receipt_no)
    if code is None or not RECEIPT_RE.fullmatch(receipt_no) or not RECEIPT_TAG_RE.fullmatch(t):
        raise ApiError(404, codes.UNKNOWN_RECEIPT)
    stations = ctx.store.stations
    row = ctx.store.submissions.by_receipt(receipt_no)
    if row is not None:
        # Only the owner's record, and only for the owner's tag.
        owner_secret = stations.secret_of(str(row["station_id"]))
        if owner_secret is not None and receipt_tag_ok(owner_secret, receipt_no, t):
            return JSONResponse({
                "receipt_no": receipt_no, "genuine": True, "case_no": row["case_no"],
                "status": row["status"], "updated_at": row["updated_at"],
            })
    if any(receipt_tag_ok(s, receipt_no, t) for s in stations.secrets_for_code(code)):
        # genuine, printed while the station was offline: not delivered (yet)
        return JSONResponse({
            "receipt_no": receipt_no, "genuine": True, "case_no": None,
            "status": "待上传", "updated_at": None,
        })
    # a forged and an unknown receipt look the same, so numbers cannot be probed
    raise ApiError(404, codes.UNKNOWN_RECEIPT)

"""P9 electronic licence library (电子证照): a station looks up an applicant's licences
by a keyed hash of the ID number (wire/licences.py) and fetches a chosen licence's page."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from reference_platform.auth import Caller, Ctx, signed_body
from reference_platform.errors import ApiError
from reference_platform.licence_library import licences_for, render_page
from reference_platform.openapi import SIGNED
from wire import errors as codes
from wire.licences import HOLDER_HASH_RE, LICENCE_ID_RE, UNKNOWN_LICENCE, LicenceList

router = APIRouter(tags=["licences"])


def _holder(holder_hash: str | None) -> str:
    if holder_hash is None or not HOLDER_HASH_RE.fullmatch(holder_hash):
        raise ApiError(400, codes.INVALID_REQUEST, "holder_hash must be 64 lower-case hex")
    return holder_hash


@router.get(
    "/v1/licences",
    summary="The electronic licences of one holder, named by the station's keyed hash",
    responses={200: {"model": LicenceList}},
    openapi_extra=SIGNED,
)
async def list_licences(
    request: Request, ctx: Ctx, caller: Caller, holder_hash: str | None = None
) -> Response:
    await signed_body(request, ctx, caller, 0)
    found = licences_for(caller.secret, _holder(holder_hash))
    # pages are rendered (once) to state their hash and size: off the event loop
    docs = await run_in_threadpool(lambda: [licence.doc() for licence in found])
    return JSONResponse({"licences": docs})


@router.get(
    "/v1/licences/{licence_id}/page",
    summary="A licence's rendered page (image/jpeg), for its holder only",
    responses={200: {"content": {"image/jpeg": {}}}},
    openapi_extra=SIGNED,
)
async def licence_page(
    request: Request, licence_id: str, ctx: Ctx, caller: Caller, holder_hash: str | None = None
) -> Response:
    await signed_body(request, ctx, caller, 0)
    hashed = _holder(holder_hash)
    if not LICENCE_ID_RE.fullmatch(licence_id):
        raise ApiError(404, UNKNOWN_LICENCE, "no such licence for this holder")
    for licence in licences_for(caller.secret, hashed):
        if licence.licence_id == licence_id:
            page = await run_in_threadpool(render_page, licence)
            return Response(page, media_type="image/jpeg")
    raise ApiError(404, UNKNOWN_LICENCE, "no such licence for this holder")

"""The service catalog, with ETag / If-None-Match."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from reference_platform.auth import Caller, Ctx, signed_body
from reference_platform.openapi import SIGNED

router = APIRouter(tags=["catalog"])


@router.get(
    "/v1/catalog",
    summary="The service catalog; ETag / If-None-Match (304)",
    responses={304: {"description": "not modified"}},
    openapi_extra=SIGNED,
)
async def get_catalog(request: Request, ctx: Ctx, caller: Caller) -> Response:
    await signed_body(request, ctx, caller, 0)
    current = ctx.store.catalog.current()
    assert current is not None  # seeded when the app is made
    body, etag = current
    inm = request.headers.get("if-none-match", "")
    tags = {t.strip().removeprefix("W/") for t in inm.split(",")}
    if etag in tags or "*" in tags:
        return Response(status_code=304, headers={"ETag": etag})
    return Response(body, media_type="application/json", headers={"ETag": etag})

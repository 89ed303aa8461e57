"""Resumable blob upload (tus-style), one namespace of uploads per station."""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from reference_platform.auth import Caller, Ctx, SignedCaller, signed_body, verify_body
from reference_platform.bodies import check_declared_length, check_sha, int_header, iter_body
from reference_platform.context import PlatformContext
from reference_platform.errors import ApiError
from reference_platform.openapi import SIGNED
from reference_platform.storage import BlobInfo
from wire import errors as codes
from wire.headers import UPLOAD_COMPLETE, UPLOAD_LENGTH, UPLOAD_OFFSET

router = APIRouter(tags=["blobs"])


def blob_headers(info: BlobInfo) -> dict[str, str]:
    headers = {
        UPLOAD_OFFSET: str(info.offset),
        UPLOAD_COMPLETE: "?1" if info.complete else "?0",
        "Cache-Control": "no-store",
    }
    if info.length is not None:
        headers[UPLOAD_LENGTH] = str(info.length)
    return headers


def _expire_stale(ctx: PlatformContext, station_id: str, sha: str) -> None:
    ctx.store.blobs.expire_one(station_id, sha, ctx.clock() - ctx.limits.partial_upload_ttl)


@router.head(
    "/v1/blobs/{sha256}",
    summary="Blob state: 404 absent; 200 with Upload-Offset and Upload-Complete ?1/?0",
    openapi_extra=SIGNED,
)
async def blob_state(request: Request, sha256: str, ctx: Ctx, caller: Caller) -> Response:
    check_sha(sha256)
    await signed_body(request, ctx, caller, 0)
    with ctx.store.blobs.lock(caller.station_id, sha256):
        _expire_stale(ctx, caller.station_id, sha256)
        info = ctx.store.blobs.info(caller.station_id, sha256)
    if info is None:
        raise ApiError(404, codes.BLOB_ABSENT, None, {UPLOAD_OFFSET: "0"})
    return Response(status_code=200, headers=blob_headers(info))


@router.patch(
    "/v1/blobs/{sha256}",
    summary="Append a chunk at Upload-Offset (tus-style); verify SHA-256 on completion",
    responses={
        204: {"description": "chunk stored; Upload-Offset is the new offset"},
        409: {"description": "offset mismatch; Upload-Offset is the current offset"},
        422: {"description": "complete but SHA-256 mismatch: upload discarded"},
    },
    status_code=204,
    openapi_extra={
        **SIGNED,
        "parameters": [
            {"name": UPLOAD_OFFSET, "in": "header", "required": True,
             "schema": {"type": "integer", "minimum": 0}},
            {"name": UPLOAD_LENGTH, "in": "header", "required": False,
             "schema": {"type": "integer", "minimum": 0},
             "description": "total blob size; required on the first chunk"},
        ],
        "requestBody": {"content": {"application/offset+octet-stream": {
            "schema": {"type": "string", "format": "binary"}}}},
    },
)
async def blob_patch(request: Request, sha256: str, ctx: Ctx, caller: Caller) -> Response:
    check_sha(sha256)
    offset = int_header(request, UPLOAD_OFFSET, required=True)
    length = int_header(request, UPLOAD_LENGTH, required=False)
    assert offset is not None
    limits = ctx.limits
    if length is not None and length > limits.blob:
        raise ApiError(413, codes.TOO_LARGE, f"blobs are limited to {limits.blob} bytes")
    check_declared_length(request, limits.chunk)

    tmp = ctx.store.blobs.new_tmp_path(sha256)
    digest = hashlib.sha256()
    received = 0
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out:
            async for part in iter_body(request):
                received += len(part)
                if received > limits.chunk:
                    raise ApiError(413, codes.TOO_LARGE,
                                   f"chunks are limited to {limits.chunk} bytes")
                digest.update(part)
                out.write(part)
        verify_body(request, ctx, caller, digest.hexdigest())
        return await run_in_threadpool(
            _store_chunk, ctx, caller, sha256, offset, length, tmp, received
        )
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _store_chunk(
    ctx: PlatformContext, caller: SignedCaller, sha: str, offset: int, length: int | None,
    tmp: Path, n: int,
) -> Response:
    blobs = ctx.store.blobs
    station_id = caller.station_id
    with blobs.lock(station_id, sha):
        _expire_stale(ctx, station_id, sha)
        info = blobs.info(station_id, sha)
        if info is not None and info.complete:
            raise ApiError(409, codes.ALREADY_COMPLETE, None, blob_headers(info))
        current = 0 if info is None else info.offset
        known_length = None if info is None else info.length
        if known_length is not None and length is not None and length != known_length:
            assert info is not None
            raise ApiError(409, codes.LENGTH_MISMATCH, {"upload_length": known_length},
                           blob_headers(info))
        total = length if known_length is None else known_length
        if total is None:
            raise ApiError(400, codes.LENGTH_REQUIRED, "Upload-Length is required at first")
        if offset != current:
            raise ApiError(409, codes.OFFSET_MISMATCH, {"offset": current},
                           {UPLOAD_OFFSET: str(current), UPLOAD_COMPLETE: "?0"})
        if offset + n > total:
            raise ApiError(400, codes.EXCEEDS_LENGTH, {"upload_length": total})
        if info is None:
            blobs.begin(station_id, sha, total, ctx.clock())
        new_offset = blobs.append(station_id, sha, tmp) if n else current
        headers = {UPLOAD_OFFSET: str(new_offset), UPLOAD_LENGTH: str(total),
                   UPLOAD_COMPLETE: "?0"}
        if new_offset == total:
            if not blobs.finish(station_id, sha):
                raise ApiError(
                    422, codes.HASH_MISMATCH, "content does not match its SHA-256; discarded",
                    {UPLOAD_OFFSET: "0", UPLOAD_COMPLETE: "?0"},
                )
            headers[UPLOAD_COMPLETE] = "?1"
        return Response(status_code=204, headers=headers)

"""Reading what a caller sends: bodies with a size cap, strict JSON, headers, ids."""

from __future__ import annotations

import asyncio
import json
import re
import uuid as uuidlib
from collections.abc import AsyncIterator
from typing import Any, TypeVar

from fastapi import Request
from pydantic import BaseModel, ValidationError
from starlette.requests import ClientDisconnect

from reference_platform.errors import ApiError
from wire import errors as codes
from wire.canonical import StrictJsonError, canonical_json, loads_strict

M = TypeVar("M", bound=BaseModel)

SHA_RE = re.compile(r"^[0-9a-f]{64}$")
UUID_RE = re.compile(r"^[0-9A-Fa-f-]{32,36}$")
DIGITS_RE = re.compile(r"^[0-9]{1,15}$")


def path_qs(request: Request) -> str:
    """The request target exactly as sent (what the signature covers)."""
    raw = request.scope.get("raw_path")
    path = raw.decode("latin-1") if isinstance(raw, bytes | bytearray) else request.url.path
    query = request.scope.get("query_string", b"")
    if isinstance(query, bytes | bytearray) and query:
        return path + "?" + query.decode("latin-1")
    return path


def check_sha(sha: str) -> str:
    if not SHA_RE.fullmatch(sha):
        raise ApiError(400, codes.BAD_SHA256, "blob id must be 64 lower-case hex digits")
    return sha


def check_uuid(value: str) -> str:
    if not UUID_RE.fullmatch(value):
        raise ApiError(400, codes.BAD_UUID, "not a UUID")
    try:
        uuidlib.UUID(value)
    except ValueError:
        raise ApiError(400, codes.BAD_UUID, "not a UUID") from None
    return value


def int_header(request: Request, name: str, *, required: bool) -> int | None:
    value = request.headers.get(name)
    if value is None:
        if required:
            raise ApiError(400, codes.MISSING_HEADER, f"{name} is required")
        return None
    value = value.strip()
    if not DIGITS_RE.fullmatch(value):
        raise ApiError(400, codes.BAD_HEADER, f"{name} must be a non-negative integer")
    return int(value)


def check_declared_length(request: Request, limit: int) -> None:
    """Refuse a body whose Content-Length is over ``limit`` before reading any of it."""
    declared = request.headers.get("content-length")
    if declared is None:
        return
    declared = declared.strip()
    if not DIGITS_RE.fullmatch(declared):
        raise ApiError(400, codes.BAD_HEADER, "Content-Length must be an integer")
    if int(declared) > limit:
        raise ApiError(413, codes.TOO_LARGE, f"body larger than {limit} bytes")


BODY_IDLE_TIMEOUT = 30.0  # seconds a caller may pause between two pieces of a body


async def iter_body(request: Request, idle_timeout: float | None = None
                    ) -> AsyncIterator[bytes]:
    """The body's pieces; 408 when the caller stalls longer than ``idle_timeout`` (default
    BODY_IDLE_TIMEOUT), 400 when it disconnects."""
    idle_timeout = BODY_IDLE_TIMEOUT if idle_timeout is None else idle_timeout
    stream = request.stream()
    while True:
        try:
            chunk = await asyncio.wait_for(anext(stream), idle_timeout)
        except StopAsyncIteration:
            return
        except TimeoutError:
            raise ApiError(408, codes.BODY_TIMEOUT, "request body stalled") from None
        except ClientDisconnect:
            raise ApiError(400, codes.CLIENT_DISCONNECTED) from None
        yield chunk


async def read_body(request: Request, limit: int) -> bytes:
    check_declared_length(request, limit)
    parts: list[bytes] = []
    size = 0
    async for chunk in iter_body(request):
        size += len(chunk)
        if size > limit:
            raise ApiError(413, codes.TOO_LARGE, f"body larger than {limit} bytes")
        parts.append(chunk)
    return b"".join(parts)


def parse_json(body: bytes) -> tuple[Any, bytes]:
    """Parse a body strictly (wire.canonical.loads_strict); returns (value, canonical bytes).

    Not JSON → 400 bad_json; JSON the protocol refuses (NaN, Infinity, 1e999, duplicate
    keys, nesting deeper than 32) → 422 invalid_json."""
    try:
        value = loads_strict(body)
    except StrictJsonError as exc:
        if exc.syntax:
            raise ApiError(400, codes.BAD_JSON, str(exc)[:200]) from None
        raise ApiError(422, codes.INVALID_JSON, str(exc)[:200]) from None
    return value, canonical_json(value)


def validate(model: type[M], value: Any, code: str = codes.INVALID_BODY) -> M:
    try:
        return model.model_validate(value)
    except ValidationError as exc:
        errors = exc.errors(include_url=False, include_context=False, include_input=False)
        raise ApiError(422, code, json.loads(json.dumps(errors, default=str))) from None


def page_query(after: str | None, limit: str | None, *, default: int, top: int) -> tuple[int, int]:
    """A listing's ``after`` cursor (one of our row ids) and ``limit`` (1..top), checked
    before they reach SQL; 400 with a stable code otherwise."""
    after_id = 0
    if after:
        if not DIGITS_RE.fullmatch(after):
            raise ApiError(400, codes.BAD_CURSOR, "cursor is not one of ours")
        after_id = int(after)
    n = default
    if limit is not None:
        if not DIGITS_RE.fullmatch(limit) or not 1 <= int(limit) <= top:
            raise ApiError(400, codes.BAD_LIMIT, f"limit must be 1..{top}")
        n = int(limit)
    return after_id, n

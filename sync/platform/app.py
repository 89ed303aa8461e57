"""The reference platform: a real HTTP API implementing docs/protocol.md.

It stands in for the provincial platform in tests and demos. Stations enroll
with one-time codes, then every request they make is signed (sync/signing.py).
The admin endpoints play the department's part (advance a case's status).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import logging
import re
import time
import uuid as uuidlib
from collections.abc import Callable, Iterable
from email.utils import formatdate
from pathlib import Path
from typing import Any, TypeVar

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect
from starlette.responses import StreamingResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync import signing
from sync.platform import models
from sync.platform.storage import (
    EMPTY_CATALOG,
    EnrollmentRefused,
    PlatformStore,
    canonical_json,
    iso_utc,
)

log = logging.getLogger(__name__)

Clock = Callable[[], float]
M = TypeVar("M", bound=BaseModel)

SEED_CATALOG = Path(__file__).resolve().parents[2] / "resources/catalog/seed_catalog.json"

PLATFORM_HEADER = "X-Yiwang-Platform"
ERROR_HEADER = "X-Yiwang-Error"
MAX_JSON_BODY = 1024 * 1024
MAX_CHUNK = 16 * 1024 * 1024
MAX_BLOB = 512 * 1024 * 1024
MAX_EVENTS = 500
DEFAULT_EVENTS = 100

SHA_RE = re.compile(r"^[0-9a-f]{64}$")
UUID_RE = re.compile(r"^[0-9A-Fa-f-]{32,36}$")
STATION_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
DIGITS_RE = re.compile(r"^[0-9]{1,15}$")
RECEIPT_RE = re.compile(r"^[A-Za-z0-9]{1,16}-[0-9]{8}-[0-9]{4,6}$")
RECEIPT_TAG_RE = re.compile(r"^[A-Z2-7]{10}$")

SIGNED: dict[str, Any] = {"security": [{"stationSignature": []}]}
ADMIN: dict[str, Any] = {"security": [{"adminToken": []}]}


class ApiError(Exception):
    """An error answer: ``{"error": code, "detail": ...}`` plus ``X-Yiwang-Error: code``."""

    def __init__(
        self, status: int, code: str, detail: Any = None, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(f"{status} {code}")
        self.status = status
        self.code = code
        self.detail = detail
        self.headers = headers or {}


def _error_response(
    status: int, code: str, detail: Any = None, headers: dict[str, str] | None = None
) -> JSONResponse:
    hdrs = {ERROR_HEADER: code, **(headers or {})}
    return JSONResponse({"error": code, "detail": detail}, status_code=status, headers=hdrs)


class PlatformHeaders:
    """ASGI middleware: every answer carries ``X-Yiwang-Platform: 1`` and the platform's Date."""

    def __init__(self, app: ASGIApp, clock: Clock) -> None:
        self.app = app
        self.clock = clock

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if k.lower() not in (b"date", b"x-yiwang-platform")
                ]
                headers.append((b"x-yiwang-platform", b"1"))
                headers.append((b"date", formatdate(self.clock(), usegmt=True).encode("ascii")))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _path_qs(request: Request) -> str:
    raw = request.scope.get("raw_path")
    path = raw.decode("latin-1") if isinstance(raw, bytes | bytearray) else request.url.path
    query = request.scope.get("query_string", b"")
    if isinstance(query, bytes | bytearray) and query:
        return path + "?" + query.decode("latin-1")
    return path


def _check_sha(sha: str) -> str:
    if not SHA_RE.fullmatch(sha):
        raise ApiError(400, "bad_sha256", "blob id must be 64 lower-case hex digits")
    return sha


def _check_uuid(value: str) -> str:
    if not UUID_RE.fullmatch(value):
        raise ApiError(400, "bad_uuid", "not a UUID")
    try:
        uuidlib.UUID(value)
    except ValueError:
        raise ApiError(400, "bad_uuid", "not a UUID") from None
    return value


def _int_header(request: Request, name: str, *, required: bool) -> int | None:
    value = request.headers.get(name)
    if value is None:
        if required:
            raise ApiError(400, "missing_header", f"{name} is required")
        return None
    value = value.strip()
    if not DIGITS_RE.fullmatch(value):
        raise ApiError(400, "bad_header", f"{name} must be a non-negative integer")
    return int(value)


async def _read_body(request: Request, limit: int = MAX_JSON_BODY) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None:
        declared = declared.strip()
        if not DIGITS_RE.fullmatch(declared):
            raise ApiError(400, "bad_header", "Content-Length must be an integer")
        if int(declared) > limit:
            raise ApiError(413, "too_large", f"body larger than {limit} bytes")
    parts: list[bytes] = []
    size = 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise ApiError(413, "too_large", f"body larger than {limit} bytes")
            parts.append(chunk)
    except ClientDisconnect:
        raise ApiError(400, "client_disconnected") from None
    return b"".join(parts)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def _parse_json(body: bytes) -> tuple[Any, bytes]:
    """Parse a JSON body; returns (value, canonical bytes)."""
    try:
        text = body.decode("utf-8")
        value = json.loads(text, parse_constant=_reject_constant)
        canonical = canonical_json(value)
    except (ValueError, RecursionError, UnicodeError) as exc:
        raise ApiError(400, "bad_json", str(exc)[:200]) from None
    return value, canonical


def _validate(model: type[M], value: Any, code: str = "invalid_body") -> M:
    try:
        return model.model_validate(value)
    except ValidationError as exc:
        errors = exc.errors(include_url=False, include_context=False, include_input=False)
        raise ApiError(422, code, json.loads(json.dumps(errors, default=str))) from None


class SignedCaller:
    """The authenticated station behind a signed request (checked in two steps)."""

    def __init__(self, station_id: str, secret: str, timestamp: str, nonce: str, sig: str):
        self.station_id = station_id
        self.secret = secret
        self.timestamp = timestamp
        self.nonce = nonce
        self.signature = sig


def create_app(
    db_path: Path | str,
    *,
    admin_token: str,
    enrollment_codes: Iterable[str] = (),
    skew_seconds: int = 300,
    clock: Clock = time.time,
    seed_catalog: Path | None = SEED_CATALOG,
) -> FastAPI:
    """Build the platform app around its own SQLite database at ``db_path``."""
    if not admin_token:
        raise ValueError("admin_token must not be empty")
    store = PlatformStore(db_path)
    store.add_enrollment_codes(enrollment_codes)
    if store.catalog() is None:
        catalog: Any = EMPTY_CATALOG
        if seed_catalog is not None and seed_catalog.is_file():
            try:
                catalog = json.loads(seed_catalog.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                log.exception("could not read the seed catalog %s", seed_catalog)
        store.put_catalog(catalog, clock())

    app = FastAPI(
        title="Yiwang reference platform",
        version="1",
        description="Reference implementation of the Yiwang Window sync protocol "
        "(docs/protocol.md).",
    )
    app.state.store = store
    app.state.clock = clock
    app.add_middleware(PlatformHeaders, clock=clock)

    # -- error handling: never a 5xx for anything a caller sends -------------------------

    async def on_api_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ApiError)
        return _error_response(exc.status, exc.code, exc.detail, exc.headers)

    async def on_http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return _error_response(exc.status_code, code, exc.detail, dict(exc.headers or {}))

    async def on_validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        errors = json.loads(json.dumps(list(exc.errors()), default=str))
        for e in errors:
            if isinstance(e, dict):
                e.pop("input", None)
                e.pop("ctx", None)
                e.pop("url", None)
        return _error_response(422, "invalid_request", errors)

    async def on_unexpected(request: Request, exc: Exception) -> Response:
        log.exception("internal error on %s %s", request.method, request.url.path)
        return _error_response(
            500,
            "internal_error",
            None,
            {PLATFORM_HEADER: "1", "Date": formatdate(clock(), usegmt=True)},
        )

    app.add_exception_handler(ApiError, on_api_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(Exception, on_unexpected)

    # -- authentication -----------------------------------------------------------------

    def caller_from_headers(request: Request) -> SignedCaller:
        h = request.headers
        station = h.get(signing.HEADER_STATION)
        ts = h.get(signing.HEADER_TIMESTAMP)
        nonce = h.get(signing.HEADER_NONCE)
        sig = h.get(signing.HEADER_SIGNATURE)
        if station is None or ts is None or nonce is None or sig is None:
            raise ApiError(401, "unsigned", "X-Station, X-Timestamp, X-Nonce, X-Signature required")
        if not (
            STATION_RE.fullmatch(station)
            and signing.TIMESTAMP_RE.fullmatch(ts)
            and signing.NONCE_RE.fullmatch(nonce)
            and signing.SIGNATURE_RE.fullmatch(sig)
        ):
            raise ApiError(401, "bad_signature_headers", "malformed signing headers")
        secret = store.station_secret(station)
        if secret is None:
            raise ApiError(401, "unknown_station", "station is not enrolled")
        now = clock()
        if abs(now - int(ts)) > skew_seconds:
            raise ApiError(
                401,
                "clock_skew",
                {"server_time": int(now), "your_time": int(ts), "window": skew_seconds},
            )
        if store.nonce_seen(station, nonce):
            raise ApiError(401, "nonce_reused", "nonce already used")
        return SignedCaller(station, secret, ts, nonce, sig)

    def finish_auth(request: Request, caller: SignedCaller, body_sha256: str) -> None:
        ok = signing.verify_digest(
            caller.secret,
            request.method,
            _path_qs(request),
            caller.timestamp,
            caller.nonce,
            body_sha256,
            caller.signature,
        )
        if not ok:
            raise ApiError(401, "bad_signature", "signature does not match")
        now = int(clock())
        if not store.record_nonce(
            caller.station_id, caller.nonce, int(caller.timestamp), now - 2 * skew_seconds - 60
        ):
            raise ApiError(401, "nonce_reused", "nonce already used")

    async def signed(request: Request, limit: int = MAX_JSON_BODY) -> tuple[SignedCaller, bytes]:
        caller = caller_from_headers(request)
        body = await _read_body(request, limit)
        finish_auth(request, caller, hashlib.sha256(body).hexdigest())
        return caller, body

    def require_admin(request: Request) -> None:
        value = request.headers.get("authorization", "")
        scheme, _, token = value.partition(" ")
        good = hmac.compare_digest(
            token.strip().encode("utf-8", "replace"), admin_token.encode("utf-8")
        )
        if scheme.lower() != "bearer" or not good:
            raise ApiError(
                401,
                "admin_auth",
                "admin bearer token required",
                {"WWW-Authenticate": 'Bearer realm="yiwang-admin"'},
            )

    # -- enrollment ---------------------------------------------------------------------

    @app.post(
        "/v1/stations/enroll",
        tags=["stations"],
        summary="Exchange a one-time enrollment code for a station id and secret",
        responses={
            200: {"model": models.EnrollAnswer},
            403: {"model": models.ErrorBody},
            409: {"model": models.ErrorBody},
        },
        openapi_extra=_body_doc(models.EnrollRequest),
    )
    async def enroll(request: Request) -> Response:
        value, _ = _parse_json(await _read_body(request, 64 * 1024))
        req = _validate(models.EnrollRequest, value)
        try:
            station_id, secret = store.enroll(req.code, req.station_code, req.role, clock())
        except EnrollmentRefused as exc:
            if exc.reason == "used":
                raise ApiError(409, "code_used", "enrollment code already used") from None
            raise ApiError(403, "code_unknown", "unknown enrollment code") from None
        return JSONResponse({"station_id": station_id, "secret": secret})

    @app.post(
        "/v1/stations/{station_id}/heartbeat",
        tags=["stations"],
        summary="Report that a station is alive (free-form JSON object, optional)",
        responses={200: {"model": models.HeartbeatAnswer}},
        openapi_extra=SIGNED,
    )
    async def heartbeat(request: Request, station_id: str) -> Response:
        caller, body = await signed(request, 64 * 1024)
        if station_id != caller.station_id:
            raise ApiError(403, "wrong_station", "a station may only report for itself")
        info: Any = {}
        if body.strip():
            info, _ = _parse_json(body)
            if not isinstance(info, dict):
                raise ApiError(422, "invalid_body", "heartbeat body must be a JSON object")
        now = clock()
        store.heartbeat(caller.station_id, info, now)
        return JSONResponse({"ok": True, "server_time": iso_utc(now)})

    # -- blobs --------------------------------------------------------------------------

    def blob_headers(info: Any) -> dict[str, str]:
        headers = {
            "Upload-Offset": str(info.offset),
            "Upload-Complete": "?1" if info.complete else "?0",
            "Cache-Control": "no-store",
        }
        if info.length is not None:
            headers["Upload-Length"] = str(info.length)
        return headers

    @app.head(
        "/v1/blobs/{sha256}",
        tags=["blobs"],
        summary="Blob state: 404 absent; 200 with Upload-Offset and Upload-Complete ?1/?0",
        openapi_extra=SIGNED,
    )
    async def blob_state(request: Request, sha256: str) -> Response:
        _check_sha(sha256)
        await signed(request, 0)
        info = store.blob_info(sha256)
        if info is None:
            raise ApiError(404, "blob_absent", None, {"Upload-Offset": "0"})
        return Response(status_code=200, headers=blob_headers(info))

    @app.patch(
        "/v1/blobs/{sha256}",
        tags=["blobs"],
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
                {
                    "name": "Upload-Offset",
                    "in": "header",
                    "required": True,
                    "schema": {"type": "integer", "minimum": 0},
                },
                {
                    "name": "Upload-Length",
                    "in": "header",
                    "required": False,
                    "schema": {"type": "integer", "minimum": 0},
                    "description": "total blob size; required on the first chunk",
                },
            ],
            "requestBody": {
                "content": {
                    "application/offset+octet-stream": {
                        "schema": {"type": "string", "format": "binary"}
                    }
                }
            },
        },
    )
    async def blob_patch(request: Request, sha256: str) -> Response:
        _check_sha(sha256)
        offset = _int_header(request, "Upload-Offset", required=True)
        length = _int_header(request, "Upload-Length", required=False)
        assert offset is not None
        if length is not None and length > MAX_BLOB:
            raise ApiError(413, "too_large", f"blobs are limited to {MAX_BLOB} bytes")
        caller = caller_from_headers(request)
        declared = request.headers.get("content-length", "").strip()
        if declared and (not DIGITS_RE.fullmatch(declared) or int(declared) > MAX_CHUNK):
            raise ApiError(413, "too_large", f"chunks are limited to {MAX_CHUNK} bytes")

        tmp = store.new_tmp_path(sha256)
        digest = hashlib.sha256()
        received = 0
        try:
            with open(tmp, "wb") as out:
                try:
                    async for part in request.stream():
                        received += len(part)
                        if received > MAX_CHUNK:
                            raise ApiError(413, "too_large", f"chunks are limited to {MAX_CHUNK}")
                        digest.update(part)
                        out.write(part)
                except ClientDisconnect:
                    raise ApiError(400, "client_disconnected") from None
            finish_auth(request, caller, digest.hexdigest())
            return await run_in_threadpool(_store_chunk, sha256, offset, length, tmp, received)
        finally:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()

    def _store_chunk(sha: str, offset: int, length: int | None, tmp: Path, n: int) -> Response:
        with store.blob_lock(sha):
            info = store.blob_info(sha)
            if info is not None and info.complete:
                raise ApiError(409, "already_complete", None, blob_headers(info))
            current = 0 if info is None else info.offset
            known_length = None if info is None else info.length
            if known_length is not None and length is not None and length != known_length:
                raise ApiError(
                    409,
                    "length_mismatch",
                    {"upload_length": known_length},
                    blob_headers(info),
                )
            total = length if known_length is None else known_length
            if total is None:
                raise ApiError(400, "length_required", "Upload-Length is required at first")
            if offset != current:
                headers = {"Upload-Offset": str(current), "Upload-Complete": "?0"}
                raise ApiError(409, "offset_mismatch", {"offset": current}, headers)
            if offset + n > total:
                raise ApiError(400, "exceeds_length", {"upload_length": total})
            if info is None:
                store.begin_blob(sha, total, clock())
            new_offset = store.append_chunk(sha, tmp) if n else current
            headers = {
                "Upload-Offset": str(new_offset),
                "Upload-Length": str(total),
                "Upload-Complete": "?0",
            }
            if new_offset == total:
                if not store.finish_blob(sha):
                    raise ApiError(
                        422,
                        "hash_mismatch",
                        "content does not match its SHA-256; discarded",
                        {"Upload-Offset": "0", "Upload-Complete": "?0"},
                    )
                headers["Upload-Complete"] = "?1"
            return Response(status_code=204, headers=headers)

    # -- submissions --------------------------------------------------------------------

    @app.put(
        "/v1/submissions/{uuid}",
        tags=["submissions"],
        summary="Deliver a submission manifest (idempotent per uuid and body)",
        responses={
            200: {"model": models.Delivery},
            409: {"model": models.ErrorBody, "description": "same uuid, different body"},
            422: {
                "model": models.ErrorBody,
                "description": "invalid_manifest, or missing_blobs with detail.missing",
            },
        },
        openapi_extra={**SIGNED, **_body_doc(models.Manifest)},
    )
    async def put_submission(request: Request, uuid: str) -> Response:
        _check_uuid(uuid)
        caller, body = await signed(request)
        value, canonical = _parse_json(body)
        manifest = _validate(models.Manifest, value, "invalid_manifest")
        if manifest.uuid != uuid:
            raise ApiError(422, "invalid_manifest", "manifest uuid differs from the URL")
        body_sha = hashlib.sha256(canonical).hexdigest()
        existing = store.submission(uuid)
        if existing is None:
            missing = [s for s in manifest.blob_hashes() if not store.blob_is_verified(s)]
            if missing:
                raise ApiError(422, "missing_blobs", {"missing": missing})
            existing = store.create_submission(
                uuid=uuid,
                station_id=caller.station_id,
                receipt_no=manifest.receipt_no,
                body_sha256=body_sha,
                manifest_json=canonical.decode("utf-8"),
                now=clock(),
            )
        if existing["station_id"] != caller.station_id or existing["body_sha256"] != body_sha:
            raise ApiError(409, "conflict", "a different submission already has this uuid")
        return JSONResponse(
            {
                "case_no": existing["case_no"],
                "status": existing["status"],
                "receipt_no": existing["receipt_no"],
            }
        )

    @app.get(
        "/v1/status-updates",
        tags=["submissions"],
        summary="Status events for the calling station after a cursor",
        responses={200: {"model": models.StatusUpdates}},
        openapi_extra=SIGNED,
    )
    async def status_updates(
        request: Request, after: str | None = None, limit: str | None = None
    ) -> Response:
        caller, _ = await signed(request, 0)
        after_id = 0
        if after:
            if not DIGITS_RE.fullmatch(after):
                raise ApiError(400, "bad_cursor", "cursor is not one of ours")
            after_id = int(after)
        n = DEFAULT_EVENTS
        if limit is not None:
            if not DIGITS_RE.fullmatch(limit) or not 1 <= int(limit) <= MAX_EVENTS:
                raise ApiError(400, "bad_limit", f"limit must be 1..{MAX_EVENTS}")
            n = int(limit)
        rows = store.events_for(caller.station_id, after_id, n)
        cursor = str(rows[-1]["id"]) if rows else (after or None)
        events = [{k: v for k, v in r.items() if k != "id"} for r in rows]
        return JSONResponse({"events": events, "cursor": cursor})

    # -- public receipt check -----------------------------------------------------------

    @app.get(
        "/v1/receipts/{receipt_no}",
        tags=["public"],
        summary="Check a receipt's QR code and show its progress (no personal data)",
    )
    async def receipt_check(request: Request, receipt_no: str, t: str = "") -> Response:
        if not RECEIPT_RE.fullmatch(receipt_no) or not RECEIPT_TAG_RE.fullmatch(t):
            raise ApiError(404, "unknown_receipt")
        row = store.receipt_lookup(receipt_no)
        secrets_ = [] if row is None else row.get("secrets") or [row["secret"]]
        if row is None or not any(signing.receipt_tag_ok(sec, receipt_no, t) for sec in secrets_):
            # a forged and an unknown receipt look the same, so numbers cannot be probed
            raise ApiError(404, "unknown_receipt")
        return JSONResponse(
            {
                "receipt_no": receipt_no,
                "genuine": True,
                "case_no": row["case_no"],
                "status": row["status"] or "待上传",
                "updated_at": row["updated_at"],
            }
        )

    # -- catalog ------------------------------------------------------------------------

    @app.get(
        "/v1/catalog",
        tags=["catalog"],
        summary="The service catalog; ETag / If-None-Match (304)",
        responses={304: {"description": "not modified"}},
        openapi_extra=SIGNED,
    )
    async def get_catalog(request: Request) -> Response:
        await signed(request, 0)
        current = store.catalog()
        assert current is not None
        body, etag = current
        inm = request.headers.get("if-none-match", "")
        tags = {t.strip().removeprefix("W/") for t in inm.split(",")}
        if etag in tags or "*" in tags:
            return Response(status_code=304, headers={"ETag": etag})
        return Response(body, media_type="application/json", headers={"ETag": etag})

    # -- evaluations --------------------------------------------------------------------

    @app.put(
        "/v1/evaluations/{uuid}",
        tags=["evaluations"],
        summary="Record a service evaluation (好差评); idempotent per uuid and body",
        responses={409: {"model": models.ErrorBody}},
        openapi_extra={**SIGNED, **_body_doc(models.Evaluation)},
    )
    async def put_evaluation(request: Request, uuid: str) -> Response:
        _check_uuid(uuid)
        caller, body = await signed(request, 64 * 1024)
        value, canonical = _parse_json(body)
        _validate(models.Evaluation, value, "invalid_evaluation")
        body_sha = hashlib.sha256(canonical).hexdigest()
        store.put_evaluation(uuid, caller.station_id, body_sha, canonical.decode(), clock())
        row = store.evaluation(uuid)
        assert row is not None
        if row["station_id"] != caller.station_id or row["body_sha256"] != body_sha:
            raise ApiError(409, "conflict", "a different evaluation already has this uuid")
        return JSONResponse({"ok": True, "uuid": uuid})

    # -- admin --------------------------------------------------------------------------

    def admin_view(row: dict[str, Any]) -> dict[str, Any]:
        manifest = models.Manifest.model_validate_json(row["manifest"])
        blobs = [
            {"sha256": s, "present": store.blob_present(s), "verified": store.blob_is_verified(s)}
            for s in manifest.blob_hashes()
        ]
        return {
            "uuid": row["uuid"],
            "receipt_no": row["receipt_no"],
            "station_id": row["station_id"],
            "case_no": row["case_no"],
            "status": row["status"],
            "created_at": row["created_at"],
            "blobs": blobs,
        }

    @app.get(
        "/v1/admin/submissions",
        tags=["admin"],
        summary="All submissions with the state of their blobs",
        responses={200: {"model": list[models.AdminSubmission]}},
        openapi_extra=ADMIN,
    )
    async def admin_submissions(request: Request) -> Response:
        require_admin(request)
        return JSONResponse([admin_view(r) for r in store.submissions()])

    @app.get(
        "/v1/admin/submissions/{uuid}",
        tags=["admin"],
        summary="One submission including its manifest",
        openapi_extra=ADMIN,
    )
    async def admin_submission(request: Request, uuid: str) -> Response:
        require_admin(request)
        row = store.submission(uuid)
        if row is None:
            raise ApiError(404, "unknown_submission")
        return JSONResponse({**admin_view(row), "manifest": json.loads(row["manifest"])})

    @app.post(
        "/v1/admin/submissions/{uuid}/status",
        tags=["admin"],
        summary="Advance a case (审核中|补正|办结|不予许可); creates a status event",
        responses={200: {"model": models.StatusEventDoc}, 404: {"model": models.ErrorBody}},
        openapi_extra={**ADMIN, **_body_doc(models.StatusChange)},
    )
    async def admin_status(request: Request, uuid: str) -> Response:
        require_admin(request)
        value, _ = _parse_json(await _read_body(request, 64 * 1024))
        change = _validate(models.StatusChange, value)
        event = store.add_status_event(
            uuid, change.status, change.note, list(change.missing_materials), clock()
        )
        if event is None:
            raise ApiError(404, "unknown_submission")
        event.pop("id", None)
        return JSONResponse(event)

    @app.get(
        "/v1/admin/blobs/{sha256}",
        tags=["admin"],
        summary="Download a verified blob",
        openapi_extra=ADMIN,
    )
    async def admin_blob(request: Request, sha256: str) -> Response:
        require_admin(request)
        _check_sha(sha256)
        if not store.blob_is_verified(sha256):
            raise ApiError(404, "blob_absent")
        f = store.open_blob(sha256)

        def chunks() -> Iterable[bytes]:
            with f:
                while block := f.read(256 * 1024):
                    yield block

        return StreamingResponse(chunks(), media_type="application/octet-stream")

    @app.put(
        "/v1/admin/catalog",
        tags=["admin"],
        summary="Replace the service catalog",
        openapi_extra={**ADMIN, **_body_doc(models.CatalogDoc)},
    )
    async def admin_catalog(request: Request) -> Response:
        require_admin(request)
        value, _ = _parse_json(await _read_body(request, 8 * MAX_JSON_BODY))
        _validate(models.CatalogDoc, value, "invalid_catalog")
        etag = store.put_catalog(value, clock())
        return JSONResponse({"ok": True, "etag": etag})

    @app.post(
        "/v1/admin/enrollment-codes",
        tags=["admin"],
        summary="Add one-time enrollment codes",
        openapi_extra={**ADMIN, **_body_doc(models.EnrollmentCodes)},
    )
    async def admin_codes(request: Request) -> Response:
        require_admin(request)
        value, _ = _parse_json(await _read_body(request, 256 * 1024))
        codes = _validate(models.EnrollmentCodes, value)
        store.add_enrollment_codes(codes.codes)
        return JSONResponse({"ok": True, "added": len(codes.codes)})

    @app.get("/v1/admin/stations", tags=["admin"], summary="Enrolled stations", openapi_extra=ADMIN)
    async def admin_stations(request: Request) -> Response:
        require_admin(request)
        return JSONResponse(store.stations())

    _install_openapi(app)
    return app


# -- OpenAPI document -----------------------------------------------------------------------

_DOC_MODELS: dict[str, type[BaseModel]] = {}


def _body_doc(model: type[BaseModel]) -> dict[str, Any]:
    _DOC_MODELS[model.__name__] = model
    return {
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": {"$ref": f"#/components/schemas/{model.__name__}"}}
            },
        }
    }


def _install_openapi(app: FastAPI) -> None:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(
            title=app.title, version=app.version, description=app.description, routes=app.routes
        )
        components = schema.setdefault("components", {})
        schemas = components.setdefault("schemas", {})
        for name, model in sorted(_DOC_MODELS.items()):
            js = model.model_json_schema(ref_template="#/components/schemas/{model}")
            for def_name, definition in js.pop("$defs", {}).items():
                schemas.setdefault(def_name, definition)
            schemas[name] = js
        components["securitySchemes"] = {
            "stationSignature": {
                "type": "apiKey",
                "in": "header",
                "name": "X-Signature",
                "description": "HMAC-SHA256 request signature with X-Station, X-Timestamp and "
                "X-Nonce; see docs/protocol.md",
            },
            "adminToken": {"type": "http", "scheme": "bearer"},
        }
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]

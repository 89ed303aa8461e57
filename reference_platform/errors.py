"""Error answers: ``{"error": code, "detail": ...}`` plus ``X-Yiwang-Error: code``; the
platform never answers 5xx to anything a caller sends."""

from __future__ import annotations

import json
import logging
from email.utils import formatdate
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from wire import errors as codes
from wire.headers import ERROR_HEADER, PLATFORM_HEADER, PLATFORM_HEADER_VALUE

log = logging.getLogger(__name__)


class ApiError(Exception):
    def __init__(
        self, status: int, code: str, detail: Any = None, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(f"{status} {code}")
        self.status = status
        self.code = code
        self.detail = detail
        self.headers = headers or {}


def error_response(
    status: int, code: str, detail: Any = None, headers: dict[str, str] | None = None
) -> JSONResponse:
    hdrs = {ERROR_HEADER: code, **(headers or {})}
    return JSONResponse({"error": code, "detail": detail}, status_code=status, headers=hdrs)


async def _on_api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.code, exc.detail, exc.headers)


async def _on_http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    code = {404: codes.NOT_FOUND, 405: codes.METHOD_NOT_ALLOWED}.get(
        exc.status_code, codes.HTTP_ERROR
    )
    return error_response(exc.status_code, code, exc.detail, dict(exc.headers or {}))


async def _on_validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = json.loads(json.dumps(list(exc.errors()), default=str))
    for e in errors:
        if isinstance(e, dict):
            for key in ("input", "ctx", "url"):
                e.pop(key, None)
    return error_response(422, codes.INVALID_REQUEST, errors)


async def _on_unexpected(request: Request, exc: Exception) -> Response:
    log.exception("internal error on %s %s", request.method, request.url.path)
    # This handler sits outside the middleware that marks answers: mark this one here.
    clock = request.app.state.platform.clock
    return error_response(
        500, codes.INTERNAL_ERROR, None,
        {PLATFORM_HEADER: PLATFORM_HEADER_VALUE, "Date": formatdate(clock(), usegmt=True)},
    )


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _on_api_error)
    app.add_exception_handler(StarletteHTTPException, _on_http_error)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(Exception, _on_unexpected)

"""Authentication as FastAPI dependencies, decided from the headers before any body byte
is read: a signed station request (wire/signing.py) or the admin bearer token.

A signed request is checked in two steps. ``station_caller`` (a dependency) checks the
headers, the station, the clock and the nonce, so an unknown or malformed caller is
answered 401 at once, however large the body it announces. The route then reads the body
under its cap and ``verify_body`` checks the signature over it and records the nonce.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from reference_platform.bodies import path_qs, read_body
from reference_platform.context import PlatformContext, get_context
from reference_platform.errors import ApiError
from reference_platform.storage import Station
from wire import errors as codes
from wire import signing

STATION_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
# The scope key the answer middleware reads to add X-Yiwang-Receipt-High.
SCOPE_STATION_CODE = "yiwang.station_code"

Ctx = Annotated[PlatformContext, Depends(get_context)]


@dataclass(frozen=True)
class SignedCaller:
    station: Station
    timestamp: str
    nonce: str
    signature: str

    @property
    def station_id(self) -> str:
        return self.station.station_id

    @property
    def secret(self) -> str:
        return self.station.secret


def station_caller(request: Request, ctx: Ctx) -> SignedCaller:
    h = request.headers
    station_id = h.get(signing.HEADER_STATION)
    ts = h.get(signing.HEADER_TIMESTAMP)
    nonce = h.get(signing.HEADER_NONCE)
    sig = h.get(signing.HEADER_SIGNATURE)
    if station_id is None or ts is None or nonce is None or sig is None:
        raise ApiError(401, codes.UNSIGNED, "X-Station, X-Timestamp, X-Nonce, X-Signature required")
    if not (
        STATION_RE.fullmatch(station_id)
        and signing.TIMESTAMP_RE.fullmatch(ts)
        and signing.NONCE_RE.fullmatch(nonce)
        and signing.SIGNATURE_RE.fullmatch(sig)
    ):
        raise ApiError(401, codes.BAD_SIGNATURE_HEADERS, "malformed signing headers")
    station = ctx.store.stations.active(station_id)
    if station is None:
        # unknown and revoked (replaced) stations look the same
        raise ApiError(401, codes.UNKNOWN_STATION, "station is not enrolled")
    now = ctx.clock()
    skew = ctx.limits.skew
    if abs(now - int(ts)) > skew:
        raise ApiError(
            401, codes.CLOCK_SKEW, {"server_time": int(now), "your_time": int(ts), "window": skew}
        )
    if ctx.store.stations.nonce_seen(station_id, nonce):
        raise ApiError(401, codes.NONCE_REUSED, "nonce already used")
    return SignedCaller(station, ts, nonce, sig)


Caller = Annotated[SignedCaller, Depends(station_caller)]


def verify_body(request: Request, ctx: PlatformContext, caller: SignedCaller,
                body_sha256: str) -> None:
    """Second step: the signature over the body; then the nonce is spent."""
    ok = signing.verify_digest(
        caller.secret, request.method, path_qs(request), caller.timestamp, caller.nonce,
        body_sha256, caller.signature,
    )
    if not ok:
        raise ApiError(401, codes.BAD_SIGNATURE, "signature does not match")
    prune_before = int(ctx.clock()) - 2 * ctx.limits.skew - 60
    if not ctx.store.stations.record_nonce(
        caller.station_id, caller.nonce, int(caller.timestamp), prune_before
    ):
        raise ApiError(401, codes.NONCE_REUSED, "nonce already used")
    request.scope[SCOPE_STATION_CODE] = caller.station.station_code


async def signed_body(
    request: Request, ctx: PlatformContext, caller: SignedCaller, limit: int
) -> bytes:
    """Read the body (at most ``limit`` bytes) and verify the signature over it."""
    body = await read_body(request, limit)
    verify_body(request, ctx, caller, hashlib.sha256(body).hexdigest())
    return body


def require_admin(request: Request, ctx: Ctx) -> None:
    value = request.headers.get("authorization", "")
    scheme, _, token = value.partition(" ")
    good = hmac.compare_digest(
        token.strip().encode("utf-8", "replace"), ctx.admin_token.encode("utf-8")
    )
    if scheme.lower() != "bearer" or not good:
        raise ApiError(
            401, codes.ADMIN_AUTH, "admin bearer token required",
            {"WWW-Authenticate": 'Bearer realm="yiwang-admin"'},
        )

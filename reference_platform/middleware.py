"""Marks on every answer: ``X-Yiwang-Platform: 1``, the platform's ``Date`` and, on answers
to an authenticated station, ``X-Yiwang-Receipt-High`` (P2)."""

from __future__ import annotations

from email.utils import formatdate

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from reference_platform.auth import SCOPE_STATION_CODE
from reference_platform.context import PlatformContext
from wire.headers import PLATFORM_HEADER, PLATFORM_HEADER_VALUE, RECEIPT_HIGH_HEADER

_OURS = {b"date", PLATFORM_HEADER.lower().encode(), RECEIPT_HIGH_HEADER.lower().encode()}


class PlatformHeaders:
    def __init__(self, app: ASGIApp, ctx: PlatformContext) -> None:
        self.app = app
        self.ctx = ctx

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (k, v) for k, v in message.get("headers", []) if k.lower() not in _OURS
                ]
                headers.append((PLATFORM_HEADER.lower().encode(), PLATFORM_HEADER_VALUE.encode()))
                date = formatdate(self.ctx.clock(), usegmt=True)
                headers.append((b"date", date.encode("ascii")))
                code = scope.get(SCOPE_STATION_CODE)
                if isinstance(code, str):
                    high = self.ctx.store.submissions.receipt_high(code) or ""
                    headers.append((RECEIPT_HIGH_HEADER.lower().encode(), high.encode("ascii")))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)

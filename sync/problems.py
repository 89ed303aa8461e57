"""Why delivery did not (yet) succeed, as a stable code plus parameters.

The engine stores a problem in ``submissions.last_error`` and puts one on every
:class:`sync.engine.SyncEvent`; sentences for people are made from the code at
display time, in the reader's language (``ui_shared.messages``), never stored.

Stored form: canonical JSON ``{"code": "...", "params": {...}}``. Parameters are
short scalars (str, int, None); ``detail`` is an English technical detail for a
technician (an exception's text, capped), never a sentence a clerk reads as is.
Rows written by older versions hold a plain sentence; :func:`decode_problem`
returns those as the code ``text`` with the sentence as ``params["text"]``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

__all__ = ["DETAIL_CHARS", "Code", "Param", "Problem", "decode_problem"]

Param = str | int | None
#: cap on a stored technical detail (an exception text can be long)
DETAIL_CHARS: Final = 300


class Code:
    """The codes the station's sync path stores or emits (the list the UI translates)."""

    # retries (the submission waits and is tried again)
    LINK_DOWN = "link_down"  # no answer at all (network, timeout, captive portal)
    TLS_UNTRUSTED = "tls_untrusted"  # the platform's certificate is not trusted
    SERVER_FAILING = "server_failing"  # the platform answered 5xx / 429 / 408
    BAD_ANSWER = "bad_answer"  # the answer broke the protocol (size, schema, proof)
    UPLOAD_CONFLICT = "upload_conflict"  # an upload offset moved under us
    UNEXPECTED = "unexpected"  # a local problem or a bug; retried
    INTERRUPTED = "interrupted"  # the engine process died mid-attempt
    # quarantine (a person must act)
    UUID_CONFLICT = "uuid_conflict"
    PLATFORM_REFUSED = "platform_refused"
    FOREIGN_BLOBS = "foreign_blobs"
    STILL_MISSING_BLOBS = "still_missing_blobs"
    LOCAL_BLOB_MISSING = "local_blob_missing"
    LOCAL_BLOB_CORRUPT = "local_blob_corrupt"
    #: the store found page files of an undelivered case gone from the disk
    PAGES_MISSING = "pages_missing"
    # station-wide
    AUTH_REFUSED = "auth_refused"
    # events without a failure
    SYNC_STARTED = "sync_started"
    ONLINE = "online"
    OFFLINE = "offline"
    UPLOADING = "uploading"
    DELIVERED = "delivered"
    RETRY_SCHEDULED = "retry_scheduled"
    ALL_DELIVERED = "all_delivered"
    STATUS_UPDATES = "status_updates"
    CATALOG_UPDATED = "catalog_updated"
    CLOCK_SKEW = "clock_skew"
    # a sentence stored by an older version
    TEXT = "text"


@dataclass(frozen=True)
class Problem:
    code: str
    params: Mapping[str, Param] = field(default_factory=dict)

    @staticmethod
    def of(code: str, **params: Param) -> Problem:
        clean: dict[str, Param] = {}
        for key, value in params.items():
            if isinstance(value, str) and len(value) > DETAIL_CHARS:
                value = value[:DETAIL_CHARS] + "…"
            clean[key] = value
        return Problem(code, clean)

    def encode(self) -> str:
        """The stored form (compact, key-sorted JSON)."""
        return json.dumps(
            {"code": self.code, "params": dict(self.params)},
            ensure_ascii=False, sort_keys=True, separators=(",", ":"),
        )


def decode_problem(stored: str | None) -> Problem | None:
    """The problem in a ``last_error`` column (None when there is none)."""
    if not stored:
        return None
    try:
        doc = json.loads(stored)
    except ValueError:
        return Problem(Code.TEXT, {"text": stored})
    if not (isinstance(doc, dict) and isinstance(doc.get("code"), str)):
        return Problem(Code.TEXT, {"text": stored})
    raw = doc.get("params")
    params: dict[str, Param] = {}
    if isinstance(raw, dict):
        for key, value in raw.items():
            if isinstance(value, str | int) or value is None:
                params[str(key)] = value
    return Problem(doc["code"], params)

"""Error codes the platform puts in ``{"error": code}`` and ``X-Yiwang-Error``.

The station maps them to its own exceptions (sync/client.py); a code is stable once
published, so clients may branch on it.
"""

from __future__ import annotations

# 401: signing
UNSIGNED = "unsigned"
BAD_SIGNATURE_HEADERS = "bad_signature_headers"
UNKNOWN_STATION = "unknown_station"
CLOCK_SKEW = "clock_skew"
NONCE_REUSED = "nonce_reused"
BAD_SIGNATURE = "bad_signature"
ADMIN_AUTH = "admin_auth"

# enrollment
CODE_UNKNOWN = "code_unknown"
CODE_USED = "code_used"  # no longer sent: used codes answer CODE_UNKNOWN
STATION_CODE_TAKEN = "station_code_taken"
TOO_MANY_ATTEMPTS = "too_many_attempts"

# request shape
BAD_JSON = "bad_json"
# well-formed JSON the protocol refuses: NaN, Infinity, 1e999, duplicate keys, too deep
INVALID_JSON = "invalid_json"
BAD_UUID = "bad_uuid"
BAD_SHA256 = "bad_sha256"
BAD_HEADER = "bad_header"
MISSING_HEADER = "missing_header"
BAD_CURSOR = "bad_cursor"
BAD_LIMIT = "bad_limit"
TOO_LARGE = "too_large"
CLIENT_DISCONNECTED = "client_disconnected"
BODY_TIMEOUT = "body_timeout"
INVALID_BODY = "invalid_body"
INVALID_REQUEST = "invalid_request"
INVALID_MANIFEST = "invalid_manifest"
INVALID_EVALUATION = "invalid_evaluation"
INVALID_CATALOG = "invalid_catalog"
NOT_FOUND = "not_found"
METHOD_NOT_ALLOWED = "method_not_allowed"
HTTP_ERROR = "http_error"
INTERNAL_ERROR = "internal_error"

# blobs
BLOB_ABSENT = "blob_absent"
ALREADY_COMPLETE = "already_complete"
OFFSET_MISMATCH = "offset_mismatch"
LENGTH_MISMATCH = "length_mismatch"
LENGTH_REQUIRED = "length_required"
EXCEEDS_LENGTH = "exceeds_length"
HASH_MISMATCH = "hash_mismatch"

# submissions, events, receipts
CONFLICT = "conflict"
MISSING_BLOBS = "missing_blobs"
UNKNOWN_SUBMISSION = "unknown_submission"
UNKNOWN_RECEIPT = "unknown_receipt"
WRONG_STATION = "wrong_station"
RECEIPT_NOT_YOURS = "receipt_not_yours"
RECEIPT_TAKEN = "receipt_taken"
EVALUATION_EXISTS = "evaluation_exists"
REVOKED = "revoked"

"""Header names of the sync protocol (docs/protocol.md)."""

from __future__ import annotations

# Request signing (wire.signing).
HEADER_STATION = "X-Station"
HEADER_TIMESTAMP = "X-Timestamp"
HEADER_NONCE = "X-Nonce"
HEADER_SIGNATURE = "X-Signature"

# Every platform answer carries PLATFORM_HEADER = PLATFORM_HEADER_VALUE; an answer
# without it (a captive portal, a proxy page) is never taken as the platform's.
PLATFORM_HEADER = "X-Yiwang-Platform"
PLATFORM_HEADER_VALUE = "1"
# Error answers repeat their code here (HEAD answers have no body).
ERROR_HEADER = "X-Yiwang-Error"
# P2: the highest receipt number the platform holds for the calling station, or empty.
RECEIPT_HIGH_HEADER = "X-Yiwang-Receipt-High"

# Resumable blob upload (tus-style).
UPLOAD_OFFSET = "Upload-Offset"
UPLOAD_LENGTH = "Upload-Length"
UPLOAD_COMPLETE = "Upload-Complete"

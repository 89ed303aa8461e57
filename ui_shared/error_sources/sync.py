"""Sync problems and events (``sync.problems``), worded by "sync.<code>".

English source sentences, marked for lupdate; the Chinese is in
resources/translations/yiwang_zh_CN.ts (context "ErrorText").
"""

from __future__ import annotations

from ui_shared.error_sources.marker import QT_TRANSLATE_NOOP

SYNC: dict[str, str] = {
    "sync.link_down": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The network is unavailable; accepted cases are kept here and retried automatically",
    ),
    "sync.tls_untrusted": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The platform's TLS certificate is not trusted; check platform.ca_bundle",
    ),
    "sync.server_failing": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The platform could not process the request (HTTP {status}); retrying later",
    ),
    "sync.bad_answer": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The platform's answer broke the protocol; retrying later",
    ),
    "sync.upload_conflict": QT_TRANSLATE_NOOP("ErrorText", "Upload conflict; retrying later"),
    "sync.unexpected": QT_TRANSLATE_NOOP("ErrorText", "Sending failed; retrying later"),
    "sync.interrupted": QT_TRANSLATE_NOOP("ErrorText", "Sending was interrupted; retrying"),
    "sync.uuid_conflict": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Refused: the platform holds a different case with the same id (conflict)",
    ),
    "sync.platform_refused": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Refused by the platform: {text} (HTTP {status}); check the case, then call support",
    ),
    "sync.foreign_blobs": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Refused: the platform asked for pages that are not part of this case",
    ),
    "sync.still_missing_blobs": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Refused: the platform still lacks {count} page(s) after uploading them again",
    ),
    "sync.local_blob_missing": QT_TRANSLATE_NOOP(
        "ErrorText",
        "A captured page is missing on this station ({sha}); capture again and re-accept",
    ),
    "sync.local_blob_corrupt": QT_TRANSLATE_NOOP(
        "ErrorText",
        "A captured page is damaged on this station; capture again and re-accept",
    ),
    "sync.pages_missing": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The page image files are lost; the case cannot be sent. Ask the applicant to bring the materials again and accept the case anew",  # noqa: E501
    ),
    "sync.auth_refused": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The platform refused this station's credentials; re-enroll the station",
    ),
    "sync.sync_started": QT_TRANSLATE_NOOP("ErrorText", "Sync started, {count} to send"),
    "sync.online": QT_TRANSLATE_NOOP("ErrorText", "Connected to the platform"),
    "sync.offline": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Offline; accepted cases are kept here and retried automatically",
    ),
    "sync.uploading": QT_TRANSLATE_NOOP("ErrorText", "Sending {n} of {of}: {receipt_no}"),
    "sync.delivered": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Delivered {n} of {of}: {receipt_no} (case {case_no})",
    ),
    "sync.retry_scheduled": QT_TRANSLATE_NOOP("ErrorText", "Not sent; retrying in {seconds} s"),
    "sync.all_delivered": QT_TRANSLATE_NOOP("ErrorText", "Every case has reached the platform"),
    "sync.status_updates": QT_TRANSLATE_NOOP("ErrorText", "{count} progress update(s) received"),
    "sync.catalog_updated": QT_TRANSLATE_NOOP("ErrorText", "Service catalog updated ({version})"),
    "sync.clock_skew[behind]": QT_TRANSLATE_NOOP(
        "ErrorText",
        "This station's clock is about {minutes} min behind the platform's; receipt dates may be wrong: ask the technician to correct the clock",  # noqa: E501
    ),
    "sync.clock_skew[ahead]": QT_TRANSLATE_NOOP(
        "ErrorText",
        "This station's clock is about {minutes} min ahead of the platform's; receipt dates may be wrong: ask the technician to correct the clock",  # noqa: E501
    ),
    # sync.client errors (``sync.client.errors``), by their class: the command line
    # (setup, doctor) words them; the engine stores its own problems (above) instead
    "platform_client.failed": QT_TRANSLATE_NOOP("ErrorText", "Talking to the platform failed"),
    "platform_client.transient": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The network is unavailable for now; retrying automatically later",
    ),
    "platform_client.bad_answer": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The platform's answer broke the protocol; retrying automatically later",
    ),
    "platform_client.refused": QT_TRANSLATE_NOOP(
        "ErrorText", "The platform refused the request"
    ),
    "platform_client.auth": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The platform does not accept this station; ask the technician to enroll it again",
    ),
    "platform_client.conflict": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The platform holds a different case with the same number",
    ),
    "platform_client.missing_blobs": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The platform lacks some page files; they are uploaded again",
    ),
    "platform_client.insecure_url": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The platform address must start with https:// (http:// only for a test platform on this machine)",  # noqa: E501
    ),
}

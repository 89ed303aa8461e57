"""Notes of the intake session, page quality findings, and station-level errors.

English source sentences, marked for lupdate; the Chinese is in
resources/translations/yiwang_zh_CN.ts (context "ErrorText").
"""

from __future__ import annotations

from ui_shared.error_sources.marker import QT_TRANSLATE_NOOP

SESSION: dict[str, str] = {
    "session.card.page_filed": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The ID card's data page was made from the card read; no photo of the card is needed",
    ),
    "session.page.stored": QT_TRANSLATE_NOOP("ErrorText", "Page saved"),
    "session.licence.filed": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Taken from the electronic licence library; no paper needed",
    ),
    "session.notice.printed": QT_TRANSLATE_NOOP("ErrorText", "One-time notice printed"),
    "session.failed": QT_TRANSLATE_NOOP("ErrorText", "The operation failed"),
    "session.capture_failed": QT_TRANSLATE_NOOP("ErrorText", "Capturing the page failed"),
    "session.licence_store_failed": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Saving the electronic licence failed",
    ),
    "session.accept_failed": QT_TRANSLATE_NOOP("ErrorText", "Accepting the case failed"),
    "session.refusal_print_failed": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Printing the refusal notice failed",
    ),
    "session.notice_print_failed": QT_TRANSLATE_NOOP("ErrorText", "Printing the notice failed"),
    "session.receipt_print_failed": QT_TRANSLATE_NOOP("ErrorText", "Printing the receipt failed"),
    "quality.blurry": QT_TRANSLATE_NOOP("ErrorText", "The image is blurry"),
    "quality.blurry[retake]": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The image is blurry; capture it again",
    ),
    "quality.glare": QT_TRANSLATE_NOOP("ErrorText", "There is glare on the page"),
    "quality.glare[retake]": QT_TRANSLATE_NOOP(
        "ErrorText",
        "There is glare on the page; capture it again",
    ),
    "codes.unavailable": QT_TRANSLATE_NOOP("ErrorText", "The barcode decoder is not available"),
    "licence.offline": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Electronic licences need the network: try again when online, or take paper",
    ),
    "licence.refused": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The platform refused the licence query; call the technician",
    ),
    "licence.bad_answer": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The platform's licence answer was invalid and was not used",
    ),
}

"""`yiwang doctor`'s human output (``yiwang.doctor.words``), worded by "doctor.*": the
verdict marks, each check's name, the fix label, the summary and the bundle lines.
The JSON output (``--json``) is a contract and is never worded.

English source sentences, marked for lupdate; the Chinese is in
resources/translations/yiwang_zh_CN.ts (context "ErrorText").
"""

from __future__ import annotations

from ui_shared.error_sources.marker import QT_TRANSLATE_NOOP

DOCTOR: dict[str, str] = {
    "doctor.mark.ok": QT_TRANSLATE_NOOP("ErrorText", "OK"),
    "doctor.mark.fail": QT_TRANSLATE_NOOP("ErrorText", "FAIL"),
    "doctor.mark.skip": QT_TRANSLATE_NOOP("ErrorText", "SKIP"),
    "doctor.fix": QT_TRANSLATE_NOOP("ErrorText", "-> fix:"),
    "doctor.skipped": QT_TRANSLATE_NOOP("ErrorText", "skipped:"),
    "doctor.all_passed": QT_TRANSLATE_NOOP("ErrorText", "all checks passed"),
    "doctor.failed": QT_TRANSLATE_NOOP("ErrorText", "{failed} check(s) failed"),
    "doctor.failed[skipped]": QT_TRANSLATE_NOOP(
        "ErrorText", "{failed} check(s) failed, {skipped} skipped"
    ),
    "doctor.bundle_written": QT_TRANSLATE_NOOP("ErrorText", "diagnostics bundle written to"),
    "doctor.bundle_failed": QT_TRANSLATE_NOOP("ErrorText", "cannot write the bundle"),
    "doctor.check.config": QT_TRANSLATE_NOOP("ErrorText", "configuration"),
    "doctor.check.credentials": QT_TRANSLATE_NOOP("ErrorText", "platform credentials"),
    "doctor.check.database": QT_TRANSLATE_NOOP("ErrorText", "database"),
    "doctor.check.backups": QT_TRANSLATE_NOOP("ErrorText", "database backups"),
    "doctor.check.disk": QT_TRANSLATE_NOOP("ErrorText", "disk space"),
    "doctor.check.queue": QT_TRANSLATE_NOOP("ErrorText", "delivery queue"),
    "doctor.check.platform": QT_TRANSLATE_NOOP("ErrorText", "platform reachable"),
    "doctor.check.tls": QT_TRANSLATE_NOOP("ErrorText", "TLS certificate"),
    "doctor.check.signature": QT_TRANSLATE_NOOP("ErrorText", "signed request"),
    "doctor.check.clock": QT_TRANSLATE_NOOP("ErrorText", "clock"),
    "doctor.check.heartbeat": QT_TRANSLATE_NOOP("ErrorText", "heartbeat"),
    "doctor.check.devices": QT_TRANSLATE_NOOP("ErrorText", "devices"),
    "doctor.check.device.idcard": QT_TRANSLATE_NOOP("ErrorText", "ID card reader"),
    "doctor.check.device.camera": QT_TRANSLATE_NOOP("ErrorText", "document camera"),
    "doctor.check.device.printer": QT_TRANSLATE_NOOP("ErrorText", "receipt printer"),
    "doctor.check.device.scanner": QT_TRANSLATE_NOOP("ErrorText", "barcode scanner"),
}

"""The maintenance screen's words for device verdicts, platform, voice and the queue:
Chinese first, the English source second (the technician may read either), each
through Qt translation (context "Diagnosis"; English only when the kiosk is English)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from station.kiosk_diagnostics import DeviceVerdict
from ui_shared.error_sources.marker import QT_TRANSLATE_NOOP
from ui_shared.error_text import code_text, error_text

_CONTEXT = "Diagnosis"

DEVICE_NAMES = {
    "reader": QT_TRANSLATE_NOOP("Diagnosis", "ID card reader"),
    "camera": QT_TRANSLATE_NOOP("Diagnosis", "Document camera"),
    "printer": QT_TRANSLATE_NOOP("Diagnosis", "Receipt printer"),
    "scanner": QT_TRANSLATE_NOOP("Diagnosis", "Code scanner"),
}

VERDICTS = {
    "reader_answers": QT_TRANSLATE_NOOP("Diagnosis", "answers (read several times a second)"),
    "reader_gone": QT_TRANSLATE_NOOP("Diagnosis", "does not answer: check its cable and power"),
    "reader_not_polling": QT_TRANSLATE_NOOP("Diagnosis",
                                            "is not being read: restart the kiosk"),
    "camera_frames": QT_TRANSLATE_NOOP("Diagnosis", "delivers pictures (%1 x %2)"),
    "printer_ready": QT_TRANSLATE_NOOP("Diagnosis", "ready"),
    "printer_near_end": QT_TRANSLATE_NOOP("Diagnosis", "ready, but the paper is running out"),
    "printer_silent": QT_TRANSLATE_NOOP("Diagnosis",
                                        "reachable, but it does not report its state"),
    "scanner_wedge": QT_TRANSLATE_NOOP("Diagnosis",
                                       "types like a keyboard: scan a receipt to try it"),
    "scanner_none": QT_TRANSLATE_NOOP("Diagnosis",
                                      "none configured (the ID card still finds the cases)"),
    "scanner_listening": QT_TRANSLATE_NOOP("Diagnosis", "listening"),
    "scanner_stopped": QT_TRANSLATE_NOOP("Diagnosis",
                                         "not listening: check its cable, then restart"),
    "unexpected": QT_TRANSLATE_NOOP("Diagnosis", "unexpected error while checking (%1)"),
}

OK_MARK = QT_TRANSLATE_NOOP("Diagnosis", "OK")
FAULT_MARK = QT_TRANSLATE_NOOP("Diagnosis", "FAULT")
NONE_MARK = QT_TRANSLATE_NOOP("Diagnosis", "NONE")

PLATFORM = {
    None: QT_TRANSLATE_NOOP("Diagnosis", "Platform: not checked yet"),
    True: QT_TRANSLATE_NOOP("Diagnosis", "Platform: online"),
    False: QT_TRANSLATE_NOOP("Diagnosis", "Platform: offline (applications are queued)"),
}
VOICE = {
    True: QT_TRANSLATE_NOOP("Diagnosis", "Voice: available"),
    False: QT_TRANSLATE_NOOP("Diagnosis", "Voice: silent (no speech engine)"),
}
QUEUE = {
    "queued": QT_TRANSLATE_NOOP("Diagnosis", "Queued, waiting to be sent: %1"),
    "delivered": QT_TRANSLATE_NOOP("Diagnosis", "Delivered: %1"),
    "needs_staff": QT_TRANSLATE_NOOP("Diagnosis", "Refused by the platform, staff must look: %1"),
    "evaluations_queued": QT_TRANSLATE_NOOP("Diagnosis", "Evaluations queued: %1"),
}
CHECKING = QT_TRANSLATE_NOOP("Diagnosis", "Checking the devices…")


def _tr(source: str) -> str:
    return QCoreApplication.translate(_CONTEXT, source)


def _both(source: str, fill: Mapping[str, object] | None = None) -> tuple[str, str]:
    """(translated, English) of `source` with %1, %2... filled in."""
    zh, en = _tr(source), source
    for key, value in (fill or {}).items():
        zh, en = zh.replace(key, str(value)), en.replace(key, str(value))
    return zh, en


def _paired(zh: str, en: str) -> str:
    # the English second, on its own line, when the kiosk shows another language
    return zh if zh == en else f"{zh}\n    {en}"


def verdict_line(verdict: DeviceVerdict) -> str:
    name_zh, name_en = _both(DEVICE_NAMES.get(verdict.device, verdict.device))
    mark = OK_MARK if verdict.ok else FAULT_MARK if verdict.configured else NONE_MARK
    mark_zh, mark_en = _both(mark)
    if verdict.error is not None:
        what_zh, what_en = error_text(verdict.error), error_text(verdict.error, english=True)
    elif verdict.qualified:
        what_zh = code_text(verdict.qualified, verdict.params) or verdict.qualified
        what_en = code_text(verdict.qualified, verdict.params, english=True) or verdict.qualified
    else:
        params = verdict.params
        fill: dict[str, object] = {}
        if verdict.code == "camera_frames":
            fill = {"%1": params.get("width", "?"), "%2": params.get("height", "?")}
        elif verdict.code == "unexpected":
            fill = {"%1": params.get("what", "?")}
        what_zh, what_en = _both(VERDICTS.get(verdict.code, verdict.code), fill)
    english = f"[{mark_en}] {name_en}: {what_en}"
    if mark_zh == mark_en:  # no translation: the kiosk speaks English
        return english
    return _paired(f"【{mark_zh}】{name_zh}：{what_zh}", english)


def platform_line(online: bool | None) -> str:
    return _paired(*_both(PLATFORM[online]))


def voice_line(available: bool) -> str:
    return _paired(*_both(VOICE[available]))


def queue_lines(counts: Mapping[str, int]) -> list[str]:
    return [_paired(*_both(QUEUE[key], {"%1": n})) for key, n in counts.items() if key in QUEUE]


def checking() -> str:
    return _tr(CHECKING)

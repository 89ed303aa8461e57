"""The lupdate marker for the error sentences, without Qt.

``QT_TRANSLATE_NOOP("ErrorText", "...")`` returns its text unchanged; pyside6-lupdate
finds the calls (scripts/update_translations.py scans ui_shared/) and files each text
under the context "ErrorText", where the UI looks it up at display time.
"""

from __future__ import annotations

from typing import Final

__all__ = ["CONTEXT", "QT_TRANSLATE_NOOP"]

#: the translation context of every error sentence
CONTEXT: Final = "ErrorText"


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    return source

"""Sentences for people, made from an error's code and parameters at display time.

Errors carry a stable code, its parameters and a severity, never a sentence
(``coded_errors.CodedError``, sync problems, intake session notes). The English
sentence for each qualified code is in ``ui_shared.error_sources`` (marked for
lupdate); the Chinese one is its Qt translation (context "ErrorText" in
resources/translations/yiwang_zh_CN.ts). The UI asks ``QCoreApplication.translate``,
so the installed translator decides; where no translator is installed (the command
line, a test without an application) the bundled zh_CN catalog is loaded on its own.
``english=True`` gives the source sentence and needs no Qt at all.

Parameters are outside data: each is made plain (``intake.display_text``: controls
named, bidi overrides removed, capped) and a missing one shows as "—"; formatting
never raises.
"""

from __future__ import annotations

import logging
import string
import sys
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Protocol

from coded_errors import PARAM_CHARS, CodedError, Param
from intake.display_text import display_text
from ui_shared.error_sources import CONTEXT, SOURCES

if TYPE_CHECKING:
    from ui_shared.qm_catalog import Catalog

__all__ = [
    "code_text",
    "error_text",
    "format_safely",
    "note_text",
    "source_key",
    "translated",
    "ui_speaks_english",
]

log = logging.getLogger(__name__)

#: the parameter that picks a variant sentence of one code ("code[variant]")
VARIANT = "variant"
_MISSING = "—"


def source_key(qualified_code: str, params: Mapping[str, object] | None = None) -> str | None:
    """The key in ``SOURCES`` for a code and its parameters, or None when unknown."""
    variant = (params or {}).get(VARIANT)
    if variant is not None:
        key = f"{qualified_code}[{variant}]"
        if key in SOURCES:
            return key
    return qualified_code if qualified_code in SOURCES else None


def code_text(
    qualified_code: str, params: Mapping[str, object] | None = None, *, english: bool = False
) -> str | None:
    """The sentence for "family.code" with its parameters, or None for an unknown code."""
    key = source_key(qualified_code, params)
    if key is None:
        return None
    family = qualified_code.partition(".")[0]
    values: dict[str, str] = {}
    for name, value in (params or {}).items():
        if value is None or name == VARIANT:
            continue
        # a parameter that names something ("field": "birth_date") is worded too
        word = SOURCES.get(f"{family}.{name}.{value}")
        if word is not None:
            values[name] = word if english else translated(word)
        else:
            values[name] = display_text(str(value), limit=PARAM_CHARS)
    source = SOURCES[key]
    return format_safely(source if english else translated(source), values)


def error_text(error: BaseException, *, english: bool = False, fallback: str = "") -> str:
    """What to tell a person about `error`: the worded code of a CodedError, else
    `fallback`, else (an error that is not ours) its English text, made plain."""
    if isinstance(error, CodedError):
        text = code_text(error.qualified_code, error.params, english=english)
        if text is not None:
            return text
    return fallback or display_text(str(error) or type(error).__name__)


class _Note(Protocol):
    @property
    def code(self) -> str: ...
    @property
    def family(self) -> str: ...
    @property
    def params(self) -> Mapping[str, Param]: ...


def note_text(note: _Note, *, english: bool = False) -> str:
    """The sentence for an intake session note (``station.session_state.Note``)."""
    qualified = f"{note.family}.{note.code}" if note.family else note.code
    text = code_text(qualified, note.params, english=english)
    if text is None:
        log.warning("no sentence for note code %s", qualified)
        return code_text("session.failed", english=english) or qualified
    return text


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return _MISSING


def format_safely(template: str, values: Mapping[str, str]) -> str:
    """`template` with its ``{name}`` fields filled from `values`; a missing name shows
    "—", and a template that is not a valid format string is shown as it is."""
    try:
        fields = [name for _, name, _, _ in string.Formatter().parse(template) if name]
        # only plain names: "{a.b}" or "{a[0]}" would reach into the value
        if any(not name.isidentifier() for name in fields):
            return template
        return template.format_map(_Blank(values))
    except (ValueError, IndexError, KeyError):
        return template


def ui_speaks_english() -> bool:
    """Whether the running UI is English: no installed translator words the error
    sentences (``ui_shared.app_setup.install_translator`` installs none for "en"). For
    widgets only: the command line has no translator and words in Chinese."""
    from PySide6.QtCore import QCoreApplication

    probe = SOURCES["session.failed"]
    return QCoreApplication.translate(CONTEXT, probe) == probe


def translated(source: str) -> str:
    """The Chinese of an error source sentence: the application's translator when it
    has one (the UI), else the bundled zh_CN catalog, else the source itself."""
    # a translator is installed on an application, which needs QtCore: a process that
    # has not loaded it (the command line) has none, and does not load it for this
    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QCoreApplication

        text = QCoreApplication.translate(CONTEXT, source)
        if text != source:
            return text
    return _bundled_catalog().get((CONTEXT, source)) or source


@cache
def _bundled_catalog() -> Catalog:
    """The bundled zh_CN catalog, read without Qt (ui_shared.qm_catalog)."""
    from resources import resource_path
    from ui_shared.qm_catalog import read_catalog

    qm = resource_path("translations", "yiwang_zh_CN.qm")
    catalog = read_catalog(qm)
    if not catalog:
        log.warning("translation catalog %s not found; errors are worded in English", qm)
    return catalog

"""Form rows built from the declared configuration schema: label, tooltip (the key's
meaning and allowed values) and validation all come from station.config_schema."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from station.config_schema import STATION_SCHEMA, ConfigError
from ui_shared.error_text import code_text, error_text, ui_speaks_english


def schema_label(dotted: str, parent: QWidget) -> QLabel:
    key = STATION_SCHEMA.key(dotted)
    # the Chinese wizard names each key in words (ui_shared/error_sources/config_words.py
    # through the catalog); the English one shows the key as it is written in
    # config.toml, its meaning is in the tooltip
    label = QLabel(dotted if ui_speaks_english() else config_label(dotted), parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setToolTip(f"{dotted}: {key.meaning} ({key.allowed()})")
    return label


def config_label(dotted: str) -> str:
    """The key's label in the catalog's language (Chinese), or its dotted name."""
    return code_text(f"config.label.{dotted}") or dotted


def schema_problem(dotted: str, value: Any) -> str | None:
    """The technician's message (in the wizard's language) when ``value`` is not
    allowed, else None."""
    try:
        STATION_SCHEMA.check_value(dotted, value)
    except ConfigError as e:
        return error_text(e, english=ui_speaks_english())
    return None


def plain_label(parent: QWidget, text: str = "") -> QLabel:
    """A label for text that may come from outside (device answers, errors): never rich."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label

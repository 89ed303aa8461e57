"""Enum-typed Qt properties set by their keys' names, for a first screen shown before
anything needs `PySide6.QtCore.Qt`.

The first use of the `Qt` namespace builds Python enums for all of it (93 enums, about
a fifth of the instructions an empty PySide6 window needs to start). The clerk's
sign-in screen needs four of its values, so it sets them through Qt's property system
by name (QObject::setProperty converts the key names of an enum property, as Qt
Designer's .ui files and style sheets do), and the namespace loads once the screen is
up. A name Qt does not know for that property raises: nothing is left unset quietly.
"""

from __future__ import annotations

from PySide6.QtCore import QObject


def set_by_name(obj: QObject, prop: str, keys: str) -> None:
    """`obj.prop = keys`, the keys of an enum or flags property ("AlignHCenter",
    "AlignLeft|AlignTop")."""
    if not obj.setProperty(prop, keys):
        raise ValueError(f"{type(obj).__name__}.{prop} cannot be set to {keys!r}")

"""The agent's relation to the applicant (代办人与申请人关系) in a combo box.

The relation is data (it is printed on the papers and sent in the manifest in Chinese,
``station.identification.RELATIONS``); the clerk reads it in the UI's language. Each
item's data is the Chinese value; its label is the translation.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox

from station.identification import RELATIONS

_LABELS: dict[str, str] = {
    "父母": str(QT_TRANSLATE_NOOP("Relation", "Parent")),
    "子女": str(QT_TRANSLATE_NOOP("Relation", "Child")),
    "配偶": str(QT_TRANSLATE_NOOP("Relation", "Spouse")),
    "其他亲属": str(QT_TRANSLATE_NOOP("Relation", "Other relative")),
    "受托人": str(QT_TRANSLATE_NOOP("Relation", "Authorised person")),
}


def fill_relations(combo: QComboBox) -> None:
    for value in RELATIONS:
        label = _LABELS.get(value)
        combo.addItem(QCoreApplication.translate("Relation", label) if label else value, value)


def chosen_relation(combo: QComboBox) -> str:
    """The Chinese value of the chosen relation (what the papers print)."""
    data = combo.currentData()
    return str(data) if data else combo.currentText()

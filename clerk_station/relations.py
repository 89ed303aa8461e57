"""The agent's relation to the applicant, chosen in a list: shown in the window's
language, kept (and printed) as the Chinese word the papers and the platform use
(``station.identification.RELATIONS``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from station.identification import RELATIONS

__all__ = ["chosen_relation", "fill_relations"]


def _label(relation: str) -> str:
    labels = {
        "父母": QCoreApplication.translate("Relations", "Parent"),
        "子女": QCoreApplication.translate("Relations", "Child"),
        "配偶": QCoreApplication.translate("Relations", "Spouse"),
        "其他亲属": QCoreApplication.translate("Relations", "Other relative"),
        "受托人": QCoreApplication.translate("Relations", "Authorised representative"),
    }
    return labels.get(relation, relation)


def fill_relations(combo: QComboBox) -> None:
    """One item a relation: its label in the window's language, the stored word as data."""
    for relation in RELATIONS:
        combo.addItem(_label(relation), relation)


def chosen_relation(combo: QComboBox) -> str:
    """The stored word of the chosen relation (typed text in an editable list)."""
    data = combo.currentData()
    return str(data) if isinstance(data, str) and data else combo.currentText().strip()

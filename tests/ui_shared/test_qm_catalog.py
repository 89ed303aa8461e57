"""The bundled translation read without Qt (ui_shared.qm_catalog) says what Qt's own
QTranslator says, for every message of the file, and a damaged file is no catalog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTranslator

from resources import resource_path
from ui_shared.error_sources import CONTEXT, SOURCES
from ui_shared.qm_catalog import MAGIC, read_catalog

QM = resource_path("translations", "yiwang_zh_CN.qm")


def _qt() -> QTranslator:
    translator = QTranslator()
    assert translator.load(str(QM))
    return translator


def test_every_message_as_qt_reads_it() -> None:
    catalog, qt = read_catalog(QM), _qt()
    assert len(catalog) > 500  # the whole file, every context
    for (context, source), text in catalog.items():
        assert qt.translate(context, source) == text, (context, source)


def test_every_error_sentence_as_qt_words_it() -> None:
    catalog, qt = read_catalog(QM), _qt()
    worded = 0
    for source in SOURCES.values():
        ours = catalog.get((CONTEXT, source)) or source
        assert ours == (qt.translate(CONTEXT, source) or source), source
        worded += (CONTEXT, source) in catalog
    assert worded > 100


def test_not_a_catalog_is_none(tmp_path: Path) -> None:
    whole = QM.read_bytes()
    for name, data in (("cut.qm", whole[: len(whole) // 3]), ("other.qm", b"PK\x03\x04" * 9),
                       ("magic_only.qm", MAGIC), ("empty.qm", b"")):
        (tmp_path / name).write_bytes(data)
        assert read_catalog(tmp_path / name) == {}, name  # never raises, never half
    assert read_catalog(tmp_path / "other.qm") == {}
    assert read_catalog(tmp_path / "magic_only.qm") == {}
    assert read_catalog(tmp_path / "absent.qm") == {}

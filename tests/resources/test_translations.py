"""Every user-visible string of the UIs has a Chinese translation, and the .qm is current."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parents[2]


def _load_script(name: str) -> ModuleType:
    """A module of scripts/ (not a package), loaded by path rather than via sys.path."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_update_translations = _load_script("update_translations")
tool = _update_translations.tool
ui_sources = _update_translations.ui_sources

TS = ROOT / "resources" / "translations" / "yiwang_zh_CN.ts"


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(path)
    out = {}
    for ctx in tree.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            out[(name, msg.findtext("source") or "")] = msg
    return out


def test_catalog_covers_every_source_string(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    subprocess.run(
        [tool("lupdate"), *ui_sources(), "-ts", str(fresh), "-no-obsolete"],
        check=True,
        capture_output=True,
    )
    committed, current = _messages(TS), _messages(fresh)
    assert set(current) == set(committed), (
        "UI strings changed: run scripts/update_translations.py and translate"
    )


def test_every_message_is_translated() -> None:
    for key, msg in _messages(TS).items():
        tr = msg.find("translation")
        assert tr is not None and tr.get("type") != "unfinished", key
        text = "".join(tr.itertext()).strip()
        assert text, key
        assert any("\u4e00" <= ch <= "\u9fff" for ch in text), f"not Chinese: {key} -> {text}"


def test_compiled_qm_is_current(tmp_path: Path, qapp: object) -> None:
    out = tmp_path / "check.qm"
    subprocess.run([tool("lrelease"), str(TS), "-qm", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == TS.with_suffix(".qm").read_bytes(), (
        "run scripts/update_translations.py"
    )
    translator = QTranslator()
    assert translator.load(str(TS.with_suffix(".qm")))
    assert translator.translate("IntakeActions", "Accept") == "受理"

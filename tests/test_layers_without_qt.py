"""Everything below the front ends imports with Qt made impossible.

The import-linter contracts see static imports only; this test also catches a
lazy or conditional import of PySide6 that runs at import time. Each module is
imported in a fresh interpreter whose meta path refuses PySide6 and shiboken6.
"""

from __future__ import annotations

import importlib.util
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: the layers that must run without Qt (wire and reference_platform once they exist)
PACKAGES = (
    "coded_errors", "gbcodes", "safe_chars", "intake", "devices", "sync", "station", "resources",
    "wire",
    "reference_platform",
)

_PROBE = r"""
import importlib, importlib.abc, json, sys

class NoQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6"):
            raise ImportError(f"Qt is blocked in this layer: {name}")
        return None

sys.meta_path.insert(0, NoQt())
failed = {}
for name in json.loads(sys.argv[1]):
    try:
        importlib.import_module(name)
    except BaseException as e:
        failed[name] = repr(e)
leaked = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
print(json.dumps({"failed": failed, "leaked": leaked}))
"""


def _modules() -> list[str]:
    names: list[str] = []
    for package in PACKAGES:
        if importlib.util.find_spec(package) is None:
            continue
        names.append(package)
        path = ROOT / package
        for info in pkgutil.walk_packages([str(path)], prefix=f"{package}."):
            if not info.name.rsplit(".", 1)[-1].startswith("__"):
                names.append(info.name)
    return names


def test_core_layers_import_with_qt_blocked() -> None:
    modules = _modules()
    assert "station.intake_session" in modules and "sync.store" in modules
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(modules)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["failed"] == {}, report["failed"]
    assert report["leaked"] == []


def test_the_blocker_blocks() -> None:
    """The probe would notice a module that needs Qt (so the test above can fail)."""
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(["ui_shared.tasks"])],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert "ui_shared.tasks" in report["failed"]
    assert "Qt is blocked" in report["failed"]["ui_shared.tasks"]

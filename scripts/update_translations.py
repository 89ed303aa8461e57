"""Refresh the .ts catalogs from the UI sources, then compile them to .qm.

Run after changing any user-visible string: `.venv/bin/python scripts/update_translations.py`.
Translators edit resources/translations/*.ts (Qt Linguist); the compiled .qm is committed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI_PACKAGES = ("clerk_station", "ui_shared", "kiosk")
LANGUAGES = ("zh_CN",)


def ui_sources() -> list[str]:
    return sorted(str(p) for pkg in UI_PACKAGES for p in (ROOT / pkg).glob("**/*.py"))


def tool(name: str) -> str:
    return str(Path(sys.executable).parent / f"pyside6-{name}")


def main() -> int:
    for lang in LANGUAGES:
        ts = ROOT / "resources" / "translations" / f"yiwang_{lang}.ts"
        subprocess.run([tool("lupdate"), *ui_sources(), "-ts", str(ts), "-no-obsolete"], check=True)
        subprocess.run([tool("lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

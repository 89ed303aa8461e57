"""Below the front ends no Python string holds Chinese text, except data that is Chinese
on purpose: errors and notes carry a code and parameters and are worded at display time
in the reader's language (ui_shared/error_sources + the Qt catalog; docs/interfaces.md
"Errors"). Each file that may hold Chinese is listed here with the reason.

Docstrings and comments are not looked at (they explain terms such as 容缺受理).
There is no allowance for debt any more: the configuration schema's Chinese labels and
allowed-value texts (sync/config.py, sync/config_schema.py, station/device_settings.py,
station/clerks_config.py) moved to the UI layer (ui_shared/error_sources/config_words.py
and the Qt catalog), so every file not listed in ALLOWED is held to the rule.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: the layers below the front ends (the CLI, yiwang/, prints Chinese for technicians on
#: purpose through yiwang/error_words.py; the platform, reference_platform/, is a test
#: double of the provincial platform and speaks its language)
CHECKED = ("coded_errors", "devices", "intake", "station", "sync", "wire")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

PAPER = "paper printed in Chinese for the citizen and the department, on purpose"
STATUS = "the platform's status values (docs/protocol.md: Chinese on the wire)"

#: data that is Chinese on purpose: file -> why
ALLOWED: dict[str, str] = {
    # paper and what is printed on it
    "station/paper.py": PAPER + " (receipt, notice, refusal layouts)",
    "station/handover_paper.py": PAPER + " (办结领取确认单)",
    "station/card_page.py": PAPER + ": the ID card page filed as a material",
    "station/audited_intake.py": PAPER + ": the notice's title in the audit record",
    "station/ledger.py": PAPER + ": the reprinted receipt's title (受理回执（补打）)",
    "station/intake_service.py": PAPER + ": 未提供 / （预览） on the notice",
    "station/intake_session.py": PAPER + ": the default defect reason on the notice",
    "station/ledger_export.py": "the ledger export (CSV/XLSX) the township files: "
    "its headers and states are the hall's own Chinese terms",
    "station/kiosk_services.py": "bilingual catalog: each 好差评 rating and reason "
    "(GB/T 39734) stands beside its English; reprint titles printed on paper",
    "devices/printer/receipt.py": PAPER + " (ESC/POS receipt text)",
    "devices/printer/a4.py": PAPER + " (A4 PDF layout)",
    "devices/printer/guide.py": PAPER + " (the printed 办事指南)",
    "devices/printer/diagnostics.py": PAPER + ": the printer test page",
    "station/device_probe.py": "the simulated document the wizard's camera test shows",
    "devices/camera/synthetic.py": "synthetic document images for the simulator",
    "devices/fonts.py": "a CJK glyph that proves a font can draw Chinese",
    # national standards and catalog data
    "devices/idcard/card.py": "GB/T 3304 nationality table and GB 2261 sex codes "
    "decoded from the ID card chip",
    "devices/idcard/samples.py": "sample resident ID cards for the simulator",
    "intake/catalog.py": "catalog data: service categories and entrances (个人/法人)",
    "intake/documents.py": "GA/T 2000 document type names, catalog data",
    "intake/identity.py": "GB/T 2261.1 sex names as the ID card chip states them",
    "intake/acceptance.py": PAPER + ": the acceptance mode's name on the receipt",
    "station/identification.py": "relations of an agent (代办人) as stored and printed",
    "station/clerk_day.py": "the demo clerk's display name (demo data)",
    # the platform's vocabulary
    "intake/platform_status.py": STATUS,
    "wire/schemas.py": STATUS,
    "wire/licences.py": "an example in a schema field's description (OpenAPI)",
    "station/progress.py": STATUS,
    "station/case_followup.py": STATUS + "; the note sent with the signed commitment form",
    "station/efficiency.py": STATUS + "; the total row of the exported report",
    "station/supplement_clock.py": STATUS,
    "sync/store/schema.py": "a migration's name that quotes the terms it stores",
}

def _docstrings(tree: ast.AST) -> set[int]:
    found: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            value = body[0].value
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                found.add(id(value))
        # attribute docstrings: a string statement right after an assignment
        if isinstance(body, list):
            for stmt in body:
                if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
                    found.add(id(stmt.value))
    return found


def chinese_literals(path: Path) -> list[tuple[int, str]]:
    """(line, text) of every string constant with Han characters, docstrings aside."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    skip = _docstrings(tree)
    return sorted(
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in skip
        and HAN.search(node.value)
    )


def _files() -> list[str]:
    return sorted(
        str(p.relative_to(ROOT)) for pkg in CHECKED for p in (ROOT / pkg).rglob("*.py")
    )


def test_no_chinese_sentences_below_the_front_ends() -> None:
    offenders = {
        name: chinese_literals(ROOT / name)
        for name in _files()
        if name not in ALLOWED
    }
    found = {
        name: [f"{line}: {text[:60]!r}" for line, text in lines]
        for name, lines in offenders.items()
        if lines
    }
    assert not found, (
        "Chinese text below the front ends: raise a CodedError (code + params) and word "
        "it in ui_shared/error_sources, or list the file in ALLOWED with the reason "
        f"it is data: {found}"
    )


@pytest.mark.parametrize("name", sorted(ALLOWED))
def test_every_listed_file_exists_and_still_needs_its_entry(name: str) -> None:
    path = ROOT / name
    assert path.is_file(), f"{name} is listed but gone: remove its entry"
    assert chinese_literals(path), f"{name} holds no Chinese any more: remove its entry"


def test_the_check_sees_a_sentence_and_not_a_docstring(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        '"""模块说明 (a docstring)."""\n'
        "def f() -> str:\n"
        '    """函数说明."""\n'
        '    return "打印机缺纸"\n'
        'X = "paper"  # 注释\n',
        encoding="utf-8",
    )
    assert chinese_literals(sample) == [(4, "打印机缺纸")]

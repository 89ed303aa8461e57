"""Every code our layers raise or note has an English source sentence and a zh_CN
translation in the compiled catalog; parameters are formatted safely.

The codes are collected statically from the source (an AST walk), so a new
``raise SomeError("new.code", ...)`` without wording fails here.
"""

from __future__ import annotations

import ast
import functools
import importlib
import inspect
import pkgutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from coded_errors import CodedError
from resources import resource_path
from sync.problems import Code
from ui_shared.error_sources import CONTEXT, SOURCES
from ui_shared.error_text import code_text, format_safely, source_key

ROOT = Path(__file__).resolve().parents[2]
#: parameters only the Chinese sentence names (the config schema's Chinese labels)
ZH_ONLY = frozenset({"label"})
PACKAGES = ("intake", "devices", "sync", "station", "ui_shared", "clerk_station", "kiosk", "yiwang")
#: helpers that prefix the code they are given (module -> (helper name, prefix))
PREFIXING_HELPERS = {
    "station/case_followup.py": ("_error", "followup."),
    "station/page_import.py": ("_error", "import."),
}


def _coded_classes() -> dict[str, tuple[str, int | None]]:
    """Class name -> (family, position of its ``code`` argument or None) for every
    CodedError subclass in our packages."""
    for package in ("intake", "devices", "station"):
        module = importlib.import_module(package)
        for info in pkgutil.walk_packages(module.__path__, f"{package}."):
            if "simulat" in info.name or info.name.endswith("__main__"):
                continue
            importlib.import_module(info.name)
    classes: dict[str, tuple[str, int | None]] = {}
    stack: list[type[CodedError]] = [CodedError]
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        # a class worded by its ``kind`` (sync.client errors) keeps the platform's own
        # code in ``code``: that code picks no sentence (fixed_codes checks the kind)
        if cls.family and not _by_kind(cls):
            names = list(inspect.signature(cls.__init__).parameters)[1:]
            classes[cls.__name__] = (cls.family, names.index("code") if "code" in names else None)
    return classes


def _by_kind(cls: type[CodedError]) -> bool:
    return isinstance(getattr(cls, "kind", None), str)


def fixed_codes() -> Iterator[str]:
    """The codes of the CodedErrors that take no code (each has one of its own), and
    of those worded by their class's ``kind``."""
    stack: list[type[CodedError]] = [CodedError]
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        kind = getattr(cls, "kind", None)
        if cls.family and isinstance(kind, str):
            yield f"{cls.family}.{kind}"
            continue
        names = list(inspect.signature(cls.__init__).parameters)[1:]
        if cls.family and "code" not in names and names and names[0].endswith("_en"):
            yield cls("detail").qualified_code


def _literal(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _variant(call: ast.Call) -> str | None:
    for kw in call.keywords:
        if kw.arg == "params" and isinstance(kw.value, ast.Dict):
            for key, value in zip(kw.value.keys, kw.value.values, strict=True):
                if _literal(key) == "variant":
                    return _literal(value)
    return None


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


@functools.cache
def collected_codes() -> tuple[tuple[str, str | None, str], ...]:
    """(qualified code, variant, where) for every literal code in our sources (walked
    once per run: the tests below read the same sources)."""
    return tuple(_walk_codes())


def _walk_codes() -> Iterator[tuple[str, str | None, str]]:
    classes = _coded_classes()
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            where = str(path.relative_to(ROOT))
            tree = ast.parse(path.read_text(encoding="utf-8"))
            helper = PREFIXING_HELPERS.get(where)
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call):
                    continue
                name, first = _name(node.func), _literal(node.args[0]) if node.args else None
                place = f"{where}:{node.lineno}"
                if helper is not None and name == helper[0] and first is not None:
                    yield f"intake.{helper[1]}{first}", _variant(node), place
                elif name in classes:
                    family, at = classes[name]
                    code = next((_literal(k.value) for k in node.keywords if k.arg == "code"), None)
                    if code is None and at is not None and len(node.args) > at:
                        code = _literal(node.args[at])
                    if code is not None:
                        yield f"{family}.{code}", _variant(node), place
                elif name == "Note" and first is not None:
                    family = next(
                        (_literal(k.value) for k in node.keywords if k.arg == "family"), "session"
                    )
                    yield f"{family}.{first}", _variant(node), place
                elif name == "from_error" and len(node.args) == 3:
                    fallback = _literal(node.args[2])
                    if fallback is not None:
                        yield f"session.{fallback}", None, place
                elif name == "QualityFinding" and first is not None:
                    yield f"quality.{first}", None, place


def _sync_codes() -> list[str]:
    return [
        f"sync.{value}"
        for name, value in vars(Code).items()
        if name.isupper() and isinstance(value, str) and value != Code.TEXT
    ]


@pytest.fixture(scope="module")
def catalog() -> QTranslator:
    translator = QTranslator()
    assert translator.load(str(resource_path("translations", "yiwang_zh_CN.qm")))
    return translator


def _chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_the_collection_finds_the_codes_of_every_layer() -> None:
    codes = {code for code, _variant, _where in collected_codes()}
    # one of each kind the walk must see, so that an empty walk cannot pass
    for expected in (
        "intake.id.check_digit",  # a domain error
        "intake.followup.not_requested",  # through a prefixing helper
        "intake.session.no_item",  # a station subclass of IntakeError
        "printer.paper_out",  # a device error
        "session.page.stored",  # a session note
        "session.receipt_print_failed",  # a note's fallback code
        "quality.blurry",  # a camera finding
    ):
        assert expected in codes, expected
    assert "codes.unavailable" in set(fixed_codes())
    assert len(codes) > 120


def test_every_raised_code_has_an_english_source() -> None:
    missing = [
        f"{code}[{variant}] at {where}" if variant else f"{code} at {where}"
        for code, variant, where in collected_codes()
        if source_key(code, {"variant": variant}) is None
        or (variant is not None and f"{code}[{variant}]" not in SOURCES)
    ]
    missing += [code for code in fixed_codes() if source_key(code) is None]
    missing += [c for c in _sync_codes() if c != "sync.clock_skew" and source_key(c) is None]
    skew = ("sync.clock_skew[ahead]", "sync.clock_skew[behind]")
    missing += [c for c in skew if c not in SOURCES]
    assert not missing, "codes without a sentence in ui_shared/error_sources: " + ", ".join(missing)


def test_every_source_has_a_chinese_translation_in_the_compiled_catalog(
    catalog: QTranslator,
) -> None:
    untranslated = []
    for key, source in SOURCES.items():
        assert source.isascii() or "“" in source, f"{key}: the source is English"
        if not any(ch.isalpha() for ch in format_safely(source, {})):
            continue  # "{why}": only a parameter, worded itself
        text = catalog.translate(CONTEXT, source)
        if not text or not _chinese(text):
            untranslated.append(key)
        # the translation keeps every parameter of the source
        translated_fields = _bare(text or source)
        assert _bare(source) <= translated_fields <= _bare(source) | ZH_ONLY, key
    assert not untranslated, "no zh_CN translation for: " + ", ".join(untranslated)


def _fields(template: str) -> list[str]:
    import string

    return [name for _, name, _, _ in string.Formatter().parse(template) if name]


def test_the_translation_file_has_no_unfinished_entry() -> None:
    ts = (ROOT / "resources" / "translations" / "yiwang_zh_CN.ts").read_text(encoding="utf-8")
    assert 'type="unfinished"' not in ts
    # the error sentences are found by lupdate in the Qt-free source modules
    assert "<name>ErrorText</name>" in ts and "ui_shared/error_sources/intake.py" in ts


def test_parameters_are_formatted_safely() -> None:
    # a missing parameter shows as a dash; the sentence is still worded
    assert code_text("intake.id.length", {}) == "身份证号码应为18位，当前为—位"
    # hostile text is made plain: controls named, bidi overrides dropped, braces kept
    text = code_text(
        "scanner.busy", {"device": "/dev/\u202eevil\x1b[2J{device}<b>x</b>"}, english=True
    )
    assert text == "Scanner /dev/evil[ESC][2J{device}<b>x</b> is in use by another program"
    # a long parameter is capped
    long = code_text("scanner.busy", {"device": "x" * 5000}, english=True) or ""
    assert len(long) < 400
    # a template that reaches into a value or is malformed is shown as it is, never raised
    assert format_safely("{a.__class__}", {"a": "x"}) == "{a.__class__}"
    assert format_safely("{a[0]}", {"a": "x"}) == "{a[0]}"
    assert format_safely("broken {", {}) == "broken {"
    assert format_safely("{n:d}", {"n": "x"}) == "{n:d}"


def test_a_variant_picks_its_own_sentence_and_falls_back_to_the_code() -> None:
    later = code_text("intake.id.birth_date", {"variant": "future"})
    assert later == "身份证号码中的出生日期晚于今天"
    unknown = code_text("intake.id.birth_date", {"variant": "nonsense"})
    assert unknown == "身份证号码中的出生日期无效"
    assert code_text("intake.no.such.code") is None


def _bare(template: str) -> set[str]:
    # "materials_en" in the English source is "materials" in the Chinese one
    return {name.removesuffix("_en") for name in _fields(template)}

"""`yiwang doctor`'s human output: Chinese by default, English with ``--lang en``, as
the other commands speak (the words come from the bundled zh_CN catalog, read without
Qt: ``ui_shared.error_text``). The marks, each check's name, the fix label, the
summary, and every detail and fix a check words (``Check.said``, ``Check.fix_said``;
a device's own Chinese diagnosis) are in Chinese; a detail that quotes an error the
station met is its English text (paths, commands and messages a technician quotes).
The JSON output (``--json``) is a contract and never worded."""

from __future__ import annotations

import unicodedata

from ui_shared.error_text import code_text
from yiwang.doctor import Check, Words

SKIPPED_PREFIX = "skipped: "


def word(code: str, *, english: bool, **params: object) -> str:
    return code_text(f"doctor.{code}", params, english=english) or code


def _said(words: Words | None, english_text: str, *, english: bool) -> str:
    if english or words is None:
        return english_text
    code, params = words
    return code_text(f"doctor.{code}", params) or english_text


def _joined(label: str, text: str) -> str:
    """"fix: text", "处理办法：text" (a full-width colon carries its own space)."""
    return f"{label}{text}" if label.endswith("：") else f"{label} {text}"


def _width(text: str) -> int:
    """Columns on a terminal: a CJK character takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, columns: int) -> str:
    return text + " " * max(columns - _width(text), 0)


def check_name(name: str, *, english: bool) -> str:
    """The check's name (its JSON name in English; the Chinese words it, the JSON name
    in brackets so the two outputs can be matched)."""
    if english:
        return name
    worded = code_text(f"doctor.check.{name}")
    return f"{worded}({name})" if worded else name


def human_lines(checks: list[Check], *, english: bool) -> list[str]:
    marks = {key: word(f"mark.{key}", english=english) for key in ("ok", "fail", "skip")}
    mark_width = max(_width(m) for m in marks.values())
    names = [check_name(c.name, english=english) for c in checks]
    width = max(_width(n) for n in names)
    lines = []
    for c, name in zip(checks, names, strict=True):
        mark = marks["skip" if c.skipped else "ok" if c.ok else "fail"]
        detail = _said(c.said, c.detail, english=english)
        if not english and c.detail_zh:
            detail = c.detail_zh
        if c.skipped and detail.startswith(SKIPPED_PREFIX):
            reason = detail[len(SKIPPED_PREFIX):]
            if not english:  # the reasons Check.skip is given (platform_checks)
                reason = code_text(f"doctor.skip.{reason}") or reason
            detail = _joined(word("skipped", english=english), reason)
        line = f"{_pad(mark, mark_width)} {_pad(name, width)}  {detail}"
        if not c.ok and c.fix:
            fix = _said(c.fix_said, c.fix, english=english)
            line += "  " + _joined(word("fix", english=english), fix)
        lines.append(line)
    failed = sum(not c.ok and not c.skipped for c in checks)
    skipped = sum(c.skipped for c in checks)
    if all(c.ok for c in checks):
        lines.append(word("all_passed", english=english))
    elif skipped:
        lines.append(word("failed", english=english, failed=failed, skipped=skipped,
                          variant="skipped"))
    else:
        lines.append(word("failed", english=english, failed=failed))
    return lines

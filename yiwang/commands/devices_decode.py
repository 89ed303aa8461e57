"""`yiwang devices decode FILE... [--json]`: every code in image files, exactly.

A contract outside harnesses drive. With --json, one JSON array on stdout, one record
per file in argument order (`devices.camera.diagnostics.decode_file_json`):

    [{"file": "a.jpg", "ok": true,
      "codes": [{"format": "QRCode", "text": "...", "bytes_hex": "e58f97...",
                 "charset": "utf-8", "gs1": false}]},
     {"file": "b.png", "ok": false, "codes": [],
      "error": {"code": "image_unreadable", "message_zh": "...", "message_en": "..."}}]

`text` is exactly what the code carries (control characters included, JSON-escaped);
`bytes_hex` the payload bytes. Exit status 0 when every file was read (finding no code
is not an error), 1 when any file could not be read as an image.
Without --json: one line per file and one indented line per code, the text with its
control characters made visible (intake.display_text).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from sync.exit_codes import ExitCode

#: Longest code text printed in the human form (the JSON form is never cut).
HUMAN_TEXT_LIMIT = 300


def register(dsub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    dc = dsub.add_parser(
        "decode", help="decode every QR code and barcode in image files, exactly (bytes in hex)"
    )
    dc.add_argument("files", nargs="+", type=Path, metavar="FILE")
    dc.add_argument("--json", action="store_true")
    dc.set_defaults(func=run)


def _shown_invisibles(text: str) -> str:
    """`text` with every invisible format character named ("[U+202E]"): display_text
    drops them, and a technician checking a suspicious code must see that a
    right-to-left override or a zero-width space is there (review wt5: "evil\u202eX"
    printed as "evilX"). Control characters stay display_text's ([ESC], [CR])."""
    from safe_chars import Kind, kind_of

    return "".join(f"[U+{ord(ch):04X}]" if kind_of(ch) is Kind.INVISIBLE else ch
                   for ch in text)


def _human(record: dict[str, Any]) -> str:
    from intake.display_text import display_text

    name = display_text(record["file"], limit=HUMAN_TEXT_LIMIT)
    if not record["ok"]:
        err = record["error"]
        return f"{name}: {err['message_zh']} ({err['message_en']})"
    codes = record["codes"]
    if not codes:
        return f"{name}: no code found"
    lines = [f"{name}: {len(codes)} code(s)"]
    for c in codes:
        size = len(c["bytes_hex"]) // 2
        gs1 = ", GS1" if c["gs1"] else ""
        lines.append(
            f"  [{c['format']}] "
            f"{display_text(_shown_invisibles(c['text']), limit=HUMAN_TEXT_LIMIT)}"
            f"  ({c['charset']}{gs1}, {size} bytes)"
        )
    return "\n".join(lines)


def _worded(record: dict[str, Any]) -> dict[str, Any]:
    from ui_shared.error_text import error_text

    error = record.get("error")
    if isinstance(error, BaseException):
        code = str(getattr(error, "code", type(error).__name__))
        record = {**record, "error": {"code": code, "message_zh": error_text(error),
                                      "message_en": str(error)}}
    return record


def run(args: argparse.Namespace) -> int:
    from devices.camera.diagnostics import decode_file_json

    records = [_worded(decode_file_json(path)) for path in args.files]
    if args.json:
        print(json.dumps(records, ensure_ascii=False))
    else:
        for record in records:
            out = sys.stdout if record["ok"] else sys.stderr
            print(_human(record), file=out)
    return int(ExitCode.OK if all(r["ok"] for r in records) else ExitCode.FAILED)

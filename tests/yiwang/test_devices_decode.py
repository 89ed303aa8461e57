"""`yiwang devices decode FILE... [--json]`: the exact-decode contract outside harnesses use."""

from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import segno

from yiwang.cli import main

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for h in list(root.handlers):
        if h not in handlers:
            root.removeHandler(h)
            h.close()
    root.setLevel(level)


def qr_file(path: Path, content: str | bytes, **options: Any) -> Path:
    buf = io.BytesIO()
    segno.make(content, micro=False, **options).save(buf, kind="png", scale=5, border=4)
    path.write_bytes(buf.getvalue())
    return path


def decode(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--log-level", "WARNING", "devices", "decode", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_gives_every_code_exactly_with_bytes_in_hex(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    crlf = qr_file(tmp_path / "crlf.png", " 第一行\r\n\x1d末尾 ", encoding="utf-8")
    gb = qr_file(tmp_path / "gb.png", "受理回执 张三".encode("gb18030"), mode="byte")
    code, out, _ = decode(capsys, str(crlf), str(gb), "--json")
    assert code == 0
    records = json.loads(out)
    assert [r["file"] for r in records] == [str(crlf), str(gb)]
    first, second = records
    assert first["ok"] is True and len(first["codes"]) == 1
    c = first["codes"][0]
    assert c["format"] == "QRCode"
    assert c["text"] == " 第一行\r\n\x1d末尾 "  # nothing stripped
    assert bytes.fromhex(c["bytes_hex"]) == " 第一行\r\n\x1d末尾 ".encode()
    assert c["charset"] == "utf-8" and c["gs1"] is False
    g = second["codes"][0]
    assert g["text"] == "受理回执 张三" and g["charset"] == "gb18030"
    assert g["bytes_hex"] == "受理回执 张三".encode("gb18030").hex()


def test_unreadable_and_missing_files_are_per_file_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    good = qr_file(tmp_path / "ok.png", "S001-20261125-0007")
    junk = tmp_path / "junk.png"
    junk.write_bytes(b"\x89PNG not really")
    blank = tmp_path / "blank.pgm"
    blank.write_bytes(b"P5\n8 8\n255\n" + b"\xff" * 64)
    missing = tmp_path / "missing.jpg"
    code, out, err = decode(capsys, str(good), str(junk), str(missing), str(blank), "--json")
    assert code == 1 and "Traceback" not in out + err
    ok, bad, gone, empty = json.loads(out)
    assert ok["ok"] and ok["codes"][0]["text"] == "S001-20261125-0007"
    assert bad["ok"] is False and bad["error"]["code"] == "image_unreadable"
    assert gone["ok"] is False and gone["error"]["message_zh"] == "无法读取图片文件"
    assert "No such file" in gone["error"]["message_en"]
    assert empty == {"file": str(blank), "ok": True, "codes": []}  # no code is no error


def test_human_output_makes_control_characters_visible(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    qr = qr_file(tmp_path / "c.png", "a\r\nb\x1dc", encoding="utf-8")
    code, out, err = decode(capsys, str(qr), str(tmp_path / "nope.png"))
    assert code == 1
    assert "[QRCode] a[CR][LF]b[GS]c" in out and "\r" not in out
    assert "nope.png: 无法读取图片文件" in err and "Traceback" not in err


def test_human_output_names_invisible_characters(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Review (wt5): a right-to-left override and a zero-width space vanished from the
    human output ("evilX"); the technician sees them named. --json stays exact."""
    qr = qr_file(tmp_path / "rtl.png", "evil\u202eX\u200b", encoding="utf-8")
    code, out, _err = decode(capsys, str(qr))
    assert code == 0
    assert "evil[U+202E]X[U+200B]" in out and "\u202e" not in out


def test_decode_as_a_subprocess(tmp_path: Path) -> None:
    qr = qr_file(tmp_path / "s.png", "漢字テスト")
    exe = Path(sys.executable).with_name("yiwang")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "yiwang"]
    proc = subprocess.run([*cmd, "devices", "decode", str(qr), "--json"], capture_output=True,
                          text=True, timeout=60, cwd=ROOT, env=dict(os.environ))
    assert proc.returncode == 0, proc.stderr
    (record,) = json.loads(proc.stdout)
    assert record["codes"][0]["text"] == "漢字テスト"
    assert record["codes"][0]["charset"] == "shift_jis"


def _png_claiming(width: int, height: int) -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(b"\x00" * 16)) + chunk(b"IEND", b""))


def test_decompression_bomb_is_refused_unread(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(_png_claiming(40_000, 40_000))  # 1.6 gigapixels in a few bytes
    code, out, _ = decode(capsys, str(bomb), "--json")
    (record,) = json.loads(out)
    assert code == 1 and record["error"]["code"] == "image_too_large"


def test_scan_human_output_cannot_drive_the_terminal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # A code carrying an ANSI escape must not reach the technician's terminal raw.
    qr = qr_file(tmp_path / "esc.png", "x\x1b[2Jy", encoding="utf-8")
    capsys.readouterr()
    assert main(["--log-level", "WARNING", "devices", "scan", str(qr)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "x[ESC][2Jy" in out

"""Sentences for people, made from an error's code and parameters at display time.

Errors of the lower layers (``coded_errors.CodedError``) carry a stable code, its
parameters and a severity, never a sentence; this table words them in the
reader's language, like ``ui_shared.messages`` does for sync problems. The
command line uses it too (``yiwang devices ... --json`` keeps its ``message_zh``
and ``message_en`` fields). Qt-free, so the command line may import it.

Families not moved to the model yet (intake, the ID card reader, the camera)
still carry ``message_zh``/``message_en``; :func:`error_text` falls back to them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from coded_errors import CodedError, Param

__all__ = ["code_text", "error_text", "note_text"]

#: "family.code" -> (Chinese, English); ``{name}`` takes a parameter
_TEXT: dict[str, tuple[str, str]] = {
    # printer (devices.printer): errors, then the states of a status query
    "printer.not_connected": ("打印机未连接", "The printer is not connected"),
    "printer.unsupported": (
        "打印机未连接（USB 驱动不可用）",
        "The printer is not connected (no USB driver)",
    ),
    "printer.io": ("打印机通信失败", "Could not talk to the printer"),
    "printer.bad_target": ("打印机地址配置错误", "The printer setting is wrong"),
    "printer.no_font": (
        "缺少中文字体（请安装 fonts-wqy-microhei）",
        "No Chinese font (install fonts-wqy-microhei)",
    ),
    "printer.paper_out": ("打印机缺纸", "The printer is out of paper"),
    "printer.cover_open": ("打印机盖未关好", "The printer cover is open"),
    "printer.hardware_error": ("打印机故障", "The printer reports a fault"),
    "printer.offline": ("打印机离线", "The printer is offline"),
    "printer.unknown": ("打印机状态未知", "Printer state unknown"),
    "printer.paper_near_end": ("打印纸即将用完", "Paper is running out"),
    "printer.ready": ("打印机就绪", "Printer ready"),
    # code scanner (devices.scanner)
    "scanner.not_found": (
        "未找到扫码枪设备 {device}，请检查连接",
        "Scanner {device} not found; check the cable",
    ),
    "scanner.permission_denied": (
        "没有权限读取扫码枪设备 {device}（需加入 input 用户组或配置 udev 规则）",
        "No permission to read scanner {device} (group 'input' or a udev rule is needed)",
    ),
    "scanner.open_failed": ("无法打开扫码枪 {device}", "Cannot open scanner {device}"),
    "scanner.busy": (
        "扫码枪设备 {device} 已被其他程序占用",
        "Scanner {device} is in use by another program",
    ),
    "scanner.grab_failed": (
        "无法独占扫码枪设备 {device}（不是输入设备？）",
        "Cannot take scanner {device} for this program (not an input device?)",
    ),
    "scanner.disconnected": ("扫码枪已断开，请检查连接", "The scanner was disconnected"),
    "scanner.bad_spec": ("扫码枪配置错误", "The scanner setting is wrong"),
}


class _Blank(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "—"


def code_text(
    qualified_code: str, params: Mapping[str, object] | None = None, *, english: bool = False
) -> str | None:
    """The sentence for "family.code" with its parameters, or None for an unknown code."""
    pair = _TEXT.get(qualified_code)
    if pair is None:
        return None
    values = _Blank({k: v for k, v in (params or {}).items() if v is not None})
    return pair[1 if english else 0].format_map(values)


def error_text(error: BaseException, *, english: bool = False, fallback: str = "") -> str:
    """What to tell a person about `error`: the worded code of a CodedError, else the
    sentence an older error still carries, else `fallback`, else its English text."""
    if isinstance(error, CodedError):
        text = code_text(error.qualified_code, error.params, english=english)
        if text is not None:
            return text
    carried = getattr(error, "message_en" if english else "message_zh", "")
    return str(carried or fallback or error)


class _Note(Protocol):
    @property
    def code(self) -> str: ...
    @property
    def family(self) -> str: ...
    @property
    def params(self) -> Mapping[str, Param]: ...

    def text(self, *, english: bool = False) -> str: ...


def note_text(note: _Note, *, english: bool = False) -> str:
    """The sentence for an intake session note (``station.session_state.Note``): its
    code worded here when the note came from a CodedError, else the note's own text."""
    if note.family:
        text = code_text(f"{note.family}.{note.code}", note.params, english=english)
        if text is not None:
            return text
    return note.text(english=english)

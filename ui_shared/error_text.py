"""Sentences for people, made from an error's code and parameters at display time.

Errors of the lower layers (``coded_errors.CodedError``) carry a stable code, its
parameters and a severity, never a sentence; this table words them in the
reader's language, like ``ui_shared.messages`` does for sync problems. The
command line uses it too (``yiwang devices ... --json`` keeps its ``message_zh``
and ``message_en`` fields). Qt-free, so the command line may import it.

Families not moved to the model yet (intake; the camera's quality findings)
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
    # ID card reader (devices.idcard): the GA/T 467 SW3 statuses, then the driver's own
    "idcard.ok": ("操作成功", "Done"),
    "idcard.no_content": ("证件中此项无内容", "The card holds nothing for this item"),
    "idcard.find_ok": ("找卡成功", "Card found"),
    "idcard.terminal_checksum": (
        "阅读器接收业务终端数据的校验和错",
        "The reader received a damaged frame (checksum)",
    ),
    "idcard.terminal_length": (
        "阅读器接收业务终端数据的长度错",
        "The reader received a damaged frame (length)",
    ),
    "idcard.command_error": (
        "阅读器接收业务终端的命令错误（命令或参数错误）",
        "The reader refused the command",
    ),
    "idcard.unauthorised": (
        "越权操作，阅读器拒绝执行",
        "The reader refused an unauthorised operation",
    ),
    "idcard.unrecognised": (
        "阅读器报告无法识别的错误",
        "The reader reported an unrecognised error",
    ),
    "idcard.card_auth_sam_failed": (
        "卡认证机具失败，请重新放置证件",
        "The card could not authenticate the reader; place the card again",
    ),
    "idcard.sam_auth_card_failed": (
        "机具认证卡失败，请重新放置证件",
        "The reader could not authenticate the card; place the card again",
    ),
    "idcard.info_verify_failed": (
        "信息验证错误，请重新放置证件",
        "Card information failed verification; place the card again",
    ),
    "idcard.card_not_found_yet": ("尚未找卡，不能进行对卡的操作", "No card found yet"),
    "idcard.fingerprint_verify_failed": (
        "指纹信息验证错误",
        "Fingerprint information failed verification",
    ),
    "idcard.info_length_error": (
        "信息长度错误，请重新放置证件",
        "Card information has a wrong length; place the card again",
    ),
    "idcard.card_type_unrecognised": (
        "无法识别的卡类型，请放置居民身份证",
        "Unrecognised card type; place a resident ID card",
    ),
    "idcard.read_failed": (
        "读卡操作失败，请重新放置证件",
        "Reading the card failed; place the card again",
    ),
    "idcard.random_failed": (
        "取随机数失败，请重新放置证件",
        "The card's challenge failed; place the card again",
    ),
    "idcard.sam_self_check": (
        "阅读器安全模块（SAM）自检失败，不能接收命令，请联系技术人员",
        "The reader's security module failed its self-check; call a technician",
    ),
    "idcard.sam_unauthorised": (
        "阅读器安全模块（SAM）未经授权，无法使用",
        "The reader's security module is not authorised",
    ),
    "idcard.no_card": (
        "找卡不成功，请将身份证或其他证件放在阅读器上",
        "No card on the reader; place the ID card on it",
    ),
    "idcard.select_failed": (
        "选卡不成功，请重新放置证件",
        "Selecting the card failed; place the card again",
    ),
    "idcard.unknown_status": (
        "阅读器返回未知状态码 {sw3}",
        "The reader returned unknown status {sw3}",
    ),
    "idcard.timeout": (
        "身份证阅读器无响应，请检查连接",
        "The ID card reader does not answer; check the cable",
    ),
    "idcard.disconnected": (
        "身份证阅读器已断开，请检查连接",
        "The ID card reader was disconnected; check the cable",
    ),
    "idcard.open_failed": (
        "无法打开身份证阅读器端口 {device}",
        "Cannot open the ID card reader port {device}",
    ),
    "idcard.no_reader": ("未找到身份证阅读器", "No ID card reader found"),
    "idcard.no_camera": ("未找到高拍仪", "No document camera found"),
    "idcard.sam_id_length": (
        "阅读器安全模块编号长度错误",
        "The reader's security module id has a wrong length",
    ),
    "idcard.frame_length": ("阅读器数据长度错误", "The reader sent a frame of impossible length"),
    "idcard.frame_checksum": ("阅读器数据校验错误", "The reader sent a damaged frame (checksum)"),
    # the card's text block: "证件信息异常：<what>，请重新放置证件"
    "idcard.card_data": ("证件信息异常，请重新放置证件", "Card data invalid; place the card again"),
    "idcard.card_data_header": (
        "证件信息异常：长度字段不完整，请重新放置证件",
        "Card data invalid (length fields); place the card again",
    ),
    "idcard.card_data_length": (
        "证件信息异常：数据长度与长度字段不符，请重新放置证件",
        "Card data invalid (length mismatch); place the card again",
    ),
    "idcard.card_date_format": (
        "证件信息异常：{field}格式错误，请重新放置证件",
        "Card data invalid: the {field} is malformed; place the card again",
    ),
    "idcard.card_date_invalid": (
        "证件信息异常：{field}无效，请重新放置证件",
        "Card data invalid: the {field} is not a date; place the card again",
    ),
    "idcard.field.birth_date": ("出生日期", "birth date"),
    "idcard.field.valid_from": ("有效期起始日期", "valid-from date"),
    "idcard.field.valid_until": ("有效期截止日期", "valid-until date"),
    "idcard.card_type_unsupported": (
        "证件信息异常：不支持的证件类型标识“{flag}”，请重新放置证件",
        "Card data invalid: unsupported card type {flag}; place the card again",
    ),
    "idcard.id_check_digit": (
        "证件信息异常：证件号码校验位错误，请重新放置证件",
        "Card data invalid: the ID number fails its check character",
    ),
    "idcard.id_birth_mismatch": (
        "证件信息异常：证件号码与出生日期不一致，请重新放置证件",
        "Card data invalid: the ID number does not match the birth date",
    ),
    "idcard.validity_period": (
        "证件信息异常：有效期限起止日期颠倒，请重新放置证件",
        "Card data invalid: the validity period ends before it starts",
    ),
    # document camera and image files (devices.camera)
    "camera.camera_error": ("高拍仪故障", "The document camera failed"),
    "camera.camera_not_found": (
        "未找到高拍仪或视频文件",
        "No document camera (or video file) found",
    ),
    "camera.camera_open_failed": (
        "无法打开高拍仪，请检查连接",
        "Cannot open the camera; check the cable",
    ),
    "camera.camera_closed": ("高拍仪已关闭", "The camera is closed"),
    "camera.camera_read_failed": (
        "高拍仪没有画面，请检查连接",
        "The camera gives no picture; check the cable",
    ),
    "camera.page_not_found": ("未检测到完整页面", "No complete page found"),
    "camera.image_too_large": ("图片{what}过大", "The image {what} is too large"),
    "camera.what.file": ("文件", "file"),
    "camera.what.pixels": ("尺寸", "size"),
    "camera.image_unreadable": ("{why}", "{why}"),
    "camera.why.io": ("无法读取图片文件", "Cannot read the image file"),
    "camera.why.format": ("无法识别的图片格式", "Not an image format we know"),
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
    family = qualified_code.partition(".")[0]
    values = _Blank()
    for key, value in (params or {}).items():
        if value is None:
            continue
        # a parameter that names something ("field": "birth_date") is worded too
        word = _TEXT.get(f"{family}.{key}.{value}")
        values[key] = value if word is None else word[1 if english else 0]
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

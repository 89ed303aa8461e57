"""Errors raised by the ID card reader stack.

Every error carries a stable ``code`` (for logs and tests), a Chinese
``message_zh`` the UI can show as-is, and an English ``message_en``;
``str(error) == message_en``.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "SW3_BAD_CHECKSUM",
    "SW3_BAD_LENGTH",
    "SW3_FIND_OK",
    "SW3_NO_CARD",
    "SW3_NO_CONTENT",
    "SW3_OK",
    "SW3_SELECT_FAILED",
    "CardDataError",
    "DeviceError",
    "ReaderStatusError",
    "StatusInfo",
    "describe_sw3",
    "known_status_codes",
]


class DeviceError(Exception):
    """Base class for every ID card reader failure.

    ``code`` is a short ASCII identifier, ``message_zh`` is user-facing
    Chinese text, ``message_en`` is the English equivalent (also ``str(e)``).
    """

    def __init__(self, code: str, message_zh: str, message_en: str) -> None:
        super().__init__(message_en)
        self.code = code
        self.message_zh = message_zh
        self.message_en = message_en

    def __str__(self) -> str:
        return self.message_en

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, message_en={self.message_en!r})"


class CardDataError(DeviceError):
    """The card answered, but its text block is malformed or inconsistent."""

    def __init__(self, detail_zh: str, detail_en: str, *, code: str = "card_data") -> None:
        super().__init__(
            code,
            f"证件信息异常：{detail_zh}，请重新放置证件",
            f"card data invalid: {detail_en}",
        )


# --- GA/T 467 SW3 status codes ------------------------------------------------

SW3_OK = 0x90
SW3_NO_CONTENT = 0x91
SW3_FIND_OK = 0x9F
SW3_BAD_CHECKSUM = 0x10
SW3_BAD_LENGTH = 0x11
SW3_NO_CARD = 0x80
SW3_SELECT_FAILED = 0x81


@dataclass(frozen=True)
class StatusInfo:
    """Meaning of one SW3 status byte."""

    sw3: int
    code: str
    message_zh: str
    message_en: str
    #: the command may simply be sent again (transmission problem)
    retry_transport: bool = False
    #: the citizen should lift the card and present it again
    represent_card: bool = False


_STATUS: dict[int, StatusInfo] = {
    s.sw3: s
    for s in (
        StatusInfo(0x90, "ok", "操作成功", "operation succeeded"),
        StatusInfo(
            0x91, "no_content", "证件中此项无内容", "the card holds no content for this item"
        ),
        StatusInfo(0x9F, "find_ok", "找到证件", "card found"),
        StatusInfo(
            0x10,
            "terminal_checksum",
            "阅读器收到的数据校验和错误",
            "the reader received a frame with a bad checksum",
            retry_transport=True,
        ),
        StatusInfo(
            0x11,
            "terminal_length",
            "阅读器收到的数据长度错误",
            "the reader received a frame with a bad length",
            retry_transport=True,
        ),
        StatusInfo(
            0x21,
            "command_error",
            "阅读器不接受该命令（命令或参数错误）",
            "the reader rejected the command (bad command or parameter)",
        ),
        StatusInfo(0x23, "unauthorised", "越权操作，阅读器拒绝执行", "unauthorised operation"),
        StatusInfo(
            0x24,
            "unrecognised",
            "阅读器报告无法识别的错误",
            "the reader reported an unrecognised error",
        ),
        StatusInfo(
            0x31,
            "card_auth_failed",
            "证件认证失败，请重新放置证件",
            "card authentication failed; present the card again",
            represent_card=True,
        ),
        StatusInfo(
            0x32,
            "info_auth_failed",
            "证件信息验证失败，请重新放置证件",
            "card information authentication failed; present the card again",
            represent_card=True,
        ),
        StatusInfo(
            0x33,
            "info_error",
            "证件信息错误，请重新放置证件",
            "card information error; present the card again",
            represent_card=True,
        ),
        StatusInfo(
            0x40,
            "card_op_failed",
            "证件操作失败（无法识别的卡），请重新放置证件",
            "card operation failed (unrecognised card); present the card again",
            represent_card=True,
        ),
        StatusInfo(
            0x41,
            "read_failed",
            "读卡失败或卡类型不符，请重新放置证件",
            "reading the card failed or wrong card type; present the card again",
            represent_card=True,
        ),
        StatusInfo(
            0x47,
            "sam_error",
            "阅读器安全模块（SAM）错误",
            "the reader's security module (SAM) failed",
        ),
        StatusInfo(
            0x60,
            "sam_self_check",
            "阅读器安全模块（SAM）自检失败，请联系技术人员",
            "the reader's security module (SAM) failed its self-check; call a technician",
        ),
        StatusInfo(
            0x66,
            "sam_unauthorised",
            "阅读器安全模块（SAM）未经授权，无法使用",
            "the reader's security module (SAM) is not authorised",
        ),
        StatusInfo(
            0x80, "no_card", "未找到证件，请将证件放在阅读器上", "no card found on the reader"
        ),
        StatusInfo(
            0x81,
            "select_failed",
            "选卡失败，请重新放置证件",
            "selecting the card failed; present the card again",
            represent_card=True,
        ),
    )
}


def describe_sw3(sw3: int) -> StatusInfo:
    """The meaning of an SW3 byte; unknown values get a generic description."""
    info = _STATUS.get(sw3)
    if info is not None:
        return info
    return StatusInfo(
        sw3,
        "unknown_status",
        f"阅读器返回未知状态码 0x{sw3:02X}",
        f"the reader returned unknown status 0x{sw3:02X}",
    )


def known_status_codes() -> list[int]:
    """Every SW3 value this module knows by name (sorted)."""
    return sorted(_STATUS)


class ReaderStatusError(DeviceError):
    """The reader answered with an error status byte (SW3)."""

    def __init__(self, sw3: int, *, command: str = "") -> None:
        info = describe_sw3(sw3)
        where = f" ({command})" if command else ""
        super().__init__(
            info.code,
            info.message_zh,
            f"{info.message_en}{where} [SW3=0x{sw3:02X}]",
        )
        self.sw3 = sw3
        self.info = info
        self.command = command

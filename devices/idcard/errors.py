"""Errors raised by the ID card reader stack.

Every error carries a stable ``code`` (for logs and tests), a Chinese
``message_zh`` the UI can show as-is, and an English ``message_en``;
``str(error) == message_en``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from coded_errors import CodedError, Param

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


class DeviceError(CodedError):
    """Base class for every ID card reader failure.

    A :class:`~coded_errors.CodedError`: ``code`` is a short ASCII identifier (the
    SW3 table's codes, "timeout", "disconnected", "open_failed", ...), ``params`` its
    details, ``str(e)`` the English text for logs. The front end words the code
    (``ui_shared.error_text``).
    """

    family = "idcard"


class CardDataError(DeviceError):
    """The card answered, but its text block is malformed or inconsistent."""

    def __init__(
        self, detail_en: str, *, code: str = "card_data", params: Mapping[str, Param] | None = None
    ) -> None:
        super().__init__(code, f"card data invalid: {detail_en}", params=params)


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
    #: English, for logs; the front end words ``code`` (ui_shared.error_text)
    message_en: str
    #: the command may simply be sent again (transmission problem)
    retry_transport: bool = False
    #: the citizen should lift the card and present it again
    represent_card: bool = False


# The GA/T 467 SW3 table as the reader vendors' SDK headers give it (卡认证机具失败 for
# 0x31 means the card could not authenticate the reader's SAM; 0x32 is the reverse).
_STATUS: dict[int, StatusInfo] = {
    s.sw3: s
    for s in (
        StatusInfo(0x90, "ok", "operation succeeded"),
        StatusInfo(
            0x91, "no_content", "the card holds no content for this item"
        ),
        StatusInfo(0x9F, "find_ok", "card found"),
        StatusInfo(
            0x10,
            "terminal_checksum",
            "the reader received a frame with a bad checksum",
            retry_transport=True,
        ),
        StatusInfo(
            0x11,
            "terminal_length",
            "the reader received a frame with a bad length",
            retry_transport=True,
        ),
        StatusInfo(
            0x21,
            "command_error",
            "the reader rejected the command (bad command or parameter)",
        ),
        StatusInfo(0x23, "unauthorised", "unauthorised operation"),
        StatusInfo(
            0x24,
            "unrecognised",
            "the reader reported an unrecognised error",
        ),
        StatusInfo(
            0x31,
            "card_auth_sam_failed",
            "the card failed to authenticate the reader's SAM; present the card again",
            represent_card=True,
        ),
        StatusInfo(
            0x32,
            "sam_auth_card_failed",
            "the reader's SAM failed to authenticate the card; present the card again",
            represent_card=True,
        ),
        StatusInfo(
            0x33,
            "info_verify_failed",
            "card information failed verification; present the card again",
            represent_card=True,
        ),
        StatusInfo(
            0x34,
            "card_not_found_yet",
            "no card has been found yet, so the card cannot be operated on",
            represent_card=True,
        ),
        StatusInfo(
            0x37,
            "fingerprint_verify_failed",
            "fingerprint information failed verification",
            represent_card=True,
        ),
        StatusInfo(
            0x3F,
            "info_length_error",
            "card information has a wrong length; present the card again",
            represent_card=True,
        ),
        StatusInfo(
            0x40,
            "card_type_unrecognised",
            "unrecognised card type; present a resident ID card",
            represent_card=True,
        ),
        StatusInfo(
            0x41,
            "read_failed",
            "reading the card failed; present the card again",
            represent_card=True,
        ),
        StatusInfo(
            0x47,
            "random_failed",
            "getting a random number (challenge) failed; present the card again",
            represent_card=True,
        ),
        StatusInfo(
            0x60,
            "sam_self_check",
            "the reader's security module (SAM) failed its self-check and accepts no command; "
            "call a technician",
        ),
        StatusInfo(
            0x66,
            "sam_unauthorised",
            "the reader's security module (SAM) is not authorised",
        ),
        StatusInfo(
            0x80, "no_card", "no card found on the reader"
        ),
        StatusInfo(
            0x81,
            "select_failed",
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
    return StatusInfo(sw3, "unknown_status", f"the reader returned unknown status 0x{sw3:02X}")


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
            f"{info.message_en}{where} [SW3=0x{sw3:02X}]",
            params={"sw3": f"0x{sw3:02X}"},
        )
        self.sw3 = sw3
        self.info = info
        self.command = command

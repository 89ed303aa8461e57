"""GA/T 467-2019 §7 command set: the (CMD, PARA) pairs, their names for logs, and the
formatting of the SAM id answer.
"""

from __future__ import annotations

from devices.idcard.errors import DeviceError

# (CMD, PARA) pairs, GA/T 467-2019 §7
CMD_RESET = (0x10, 0xFF)
CMD_SAM_STATUS = (0x11, 0xFF)
CMD_SAM_ID = (0x12, 0xFF)
CMD_FIND_CARD = (0x20, 0x01)
CMD_SELECT_CARD = (0x20, 0x02)
CMD_READ_BASIC = (0x30, 0x01)
CMD_READ_ADDITIONAL_ADDRESS = (0x30, 0x03)
CMD_READ_FINGERPRINT = (0x30, 0x10)

COMMAND_NAMES = {
    CMD_RESET: "reset",
    CMD_SAM_STATUS: "sam_status",
    CMD_SAM_ID: "sam_id",
    CMD_FIND_CARD: "find_card",
    CMD_SELECT_CARD: "select_card",
    CMD_READ_BASIC: "read_basic",
    CMD_READ_ADDITIONAL_ADDRESS: "read_additional_address",
    CMD_READ_FINGERPRINT: "read_with_fingerprint",
}


def format_sam_id(raw: bytes) -> str:
    """Format the 16-byte SAM id answer the way vendor tools print it.

    Layout (little-endian): u16, u16, u32, u32, u32 ->
    ``"05.01-20101111-0012345678-1234567890"``.
    """
    if len(raw) != 16:
        raise DeviceError(
            "sam_id_length",
            f"SAM id answer has {len(raw)} bytes, expected 16",
        )
    a = int.from_bytes(raw[0:2], "little")
    b = int.from_bytes(raw[2:4], "little")
    c = int.from_bytes(raw[4:8], "little")
    d = int.from_bytes(raw[8:12], "little")
    e = int.from_bytes(raw[12:16], "little")
    return f"{a:02d}.{b:02d}-{c:08d}-{d:010d}-{e:010d}"

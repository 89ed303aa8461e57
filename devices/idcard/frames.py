"""GA/T 467-2019 §7 serial frames.

Command frame::

    AA AA AA 96 69 | LEN (2, big-endian) | CMD PARA | data | CHK

Response frame::

    AA AA AA 96 69 | LEN (2, big-endian) | SW1 SW2 SW3 | data | CHK

``LEN`` counts every byte after itself, checksum included. ``CHK`` is the XOR
of every byte from the first ``LEN`` byte to the byte before ``CHK``.

:class:`FrameParser` turns an arbitrary byte stream (garbage, split reads,
several frames at once) into :class:`Frame` objects. Response frames have a
3-byte head (SW1 SW2 SW3); command frames have a 2-byte head (CMD PARA), so a
parser for the device side is built with ``FrameParser(head_len=COMMAND_HEAD)``.
"""

from __future__ import annotations

from dataclasses import dataclass

from devices.idcard.errors import DeviceError

__all__ = [
    "COMMAND_HEAD",
    "DEFAULT_MAX_LENGTH",
    "PREAMBLE",
    "RESPONSE_HEAD",
    "Frame",
    "FrameError",
    "FrameParser",
    "checksum",
    "encode_command",
    "encode_frame",
    "encode_response",
]

PREAMBLE = b"\xaa\xaa\xaa\x96\x69"
RESPONSE_HEAD = 3
COMMAND_HEAD = 2
#: Largest LEN accepted. The biggest standard answer (text + photo +
#: fingerprint, 256 + 1024 + 1024 bytes plus lengths) is about 2.3 KiB.
DEFAULT_MAX_LENGTH = 0x2000
_LEN_SIZE = 2


class FrameError(DeviceError):
    """A frame arrived but is broken (bad checksum or impossible length)."""

    def __init__(self, code: str, message_zh: str, message_en: str, raw: bytes = b"") -> None:
        super().__init__(code, message_zh, message_en)
        self.raw = raw


@dataclass(frozen=True)
class Frame:
    """One decoded frame: the fixed head (SW1..SW3 or CMD/PARA) and the data."""

    payload_head: bytes
    data: bytes = b""

    @property
    def sw1(self) -> int:
        return self.payload_head[0]

    @property
    def sw2(self) -> int:
        return self.payload_head[1]

    @property
    def sw3(self) -> int:
        return self.payload_head[2]

    @property
    def cmd(self) -> int:
        return self.payload_head[0]

    @property
    def para(self) -> int:
        return self.payload_head[1]

    def encode(self) -> bytes:
        """The frame's bytes on the wire."""
        return encode_frame(self.payload_head, self.data)


def checksum(data: bytes) -> int:
    """XOR of all bytes."""
    value = 0
    for byte in data:
        value ^= byte
    return value


def encode_frame(head: bytes, data: bytes = b"") -> bytes:
    """Encode ``head`` + ``data`` with preamble, length and checksum."""
    length = len(head) + len(data) + 1
    if length > 0xFFFF:
        raise ValueError(f"frame too long: {length} bytes")
    body = length.to_bytes(_LEN_SIZE, "big") + head + data
    return PREAMBLE + body + bytes([checksum(body)])


def _byte(name: str, value: int) -> int:
    if not 0 <= value <= 0xFF:
        raise ValueError(f"{name} must be a byte, got {value!r}")
    return value


def encode_command(cmd: int, para: int, data: bytes = b"") -> bytes:
    """A terminal-to-reader command frame."""
    return encode_frame(bytes([_byte("cmd", cmd), _byte("para", para)]), bytes(data))


def encode_response(sw1: int, sw2: int, sw3: int, data: bytes = b"") -> bytes:
    """A reader-to-terminal response frame."""
    head = bytes([_byte("sw1", sw1), _byte("sw2", sw2), _byte("sw3", sw3)])
    return encode_frame(head, bytes(data))


class FrameParser:
    """Incremental, resynchronising frame decoder.

    ``feed(data)`` appends bytes and returns every complete, valid frame.
    Bytes before a preamble are discarded. When a complete frame has a bad
    checksum (or its LEN is impossible) ``feed`` raises :class:`FrameError`;
    the parser has by then skipped only the first preamble byte of the broken
    frame, so a good frame hidden inside or after it is still found: call
    ``feed(b"")`` to collect what followed. Frames decoded before the broken
    one in the same call are returned first; the error is raised on the next
    call (after its bytes have been buffered).
    """

    def __init__(self, *, head_len: int = RESPONSE_HEAD, max_length: int = DEFAULT_MAX_LENGTH):
        if head_len < 0:
            raise ValueError("head_len must be >= 0")
        self.head_len = head_len
        self.max_length = max_length
        self._buf = bytearray()
        self._pending: FrameError | None = None
        #: count of bytes discarded while hunting for a preamble
        self.discarded = 0

    def reset(self) -> None:
        """Forget any buffered bytes and any error not yet reported."""
        self._buf.clear()
        self._pending = None

    @property
    def buffered(self) -> int:
        """Bytes held waiting for the rest of a frame."""
        return len(self._buf)

    def feed(self, data: bytes = b"") -> list[Frame]:
        if data:
            self._buf += data
        if self._pending is not None:
            error, self._pending = self._pending, None
            raise error
        frames: list[Frame] = []
        while True:
            try:
                frame = self._next()
            except FrameError as error:
                if frames:
                    # Report the broken frame on the next call so the good
                    # frames decoded so far are not lost.
                    self._pending = error
                    return frames
                raise
            if frame is None:
                return frames
            frames.append(frame)

    def _drop(self, count: int) -> None:
        del self._buf[:count]

    def _next(self) -> Frame | None:
        buf = self._buf
        start = buf.find(PREAMBLE)
        if start < 0:
            # Keep a possible partial preamble at the end.
            keep = 0
            for k in range(min(len(PREAMBLE) - 1, len(buf)), 0, -1):
                if buf.endswith(PREAMBLE[:k]):
                    keep = k
                    break
            self.discarded += len(buf) - keep
            self._drop(len(buf) - keep)
            return None
        if start:
            self.discarded += start
            self._drop(start)
        header = len(PREAMBLE) + _LEN_SIZE
        if len(buf) < header:
            return None
        length = int.from_bytes(buf[len(PREAMBLE) : header], "big")
        if length < self.head_len + 1 or length > self.max_length:
            raw = bytes(buf[:header])
            self._drop(1)
            self.discarded += 1
            raise FrameError(
                "frame_length",
                "阅读器数据长度错误",
                f"frame length field {length} is out of range",
                raw,
            )
        total = header + length
        if len(buf) < total:
            return None
        raw = bytes(buf[:total])
        body = raw[len(PREAMBLE) : -1]
        if checksum(body) != raw[-1]:
            self._drop(1)
            self.discarded += 1
            raise FrameError(
                "frame_checksum",
                "阅读器数据校验错误",
                f"frame checksum mismatch (got 0x{raw[-1]:02X}, expected 0x{checksum(body):02X})",
                raw,
            )
        self._drop(total)
        payload = body[_LEN_SIZE:]
        return Frame(payload_head=payload[: self.head_len], data=payload[self.head_len :])

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

    def __init__(self, code: str, message_en: str, raw: bytes = b"") -> None:
        super().__init__(code, message_en)
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


_WAIT, _BAD_LENGTH, _BAD_CHECKSUM, _GOOD = range(4)
_SKIP, _EMIT = range(2)
_HEADER = len(PREAMBLE) + _LEN_SIZE


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

    Resynchronisation guarantee. Let the stream be ``A + R + B`` where ``A``
    and ``B`` are runs of valid frames and ``R`` is a frame whose preamble and
    LEN are intact but whose checksum does not match (any byte after LEN
    corrupted). However the stream is split into ``feed`` calls, draining it
    raises exactly one :class:`FrameError` (``frame_checksum``, ``raw == R``)
    and returns the frames of ``A``, then any valid frames lying wholly inside
    ``R`` after its first byte (a frame embedded in ``R``'s data cannot be told
    from a real one), then every frame of ``B``, in stream order.

    Why this needs care: after ``R`` is rejected, a preamble inside ``R``'s
    data starts a "nested" candidate whose LEN is arbitrary. Such a candidate
    that reaches past ``R``'s claimed end would otherwise wait for bytes that
    never come or, passing its checksum by chance, swallow the frames of
    ``B``. So a nested candidate reaching past the claimed end yields to a
    valid frame starting exactly there. Without one (``R`` lost bytes, so its
    LEN points into the next frame), it is parsed normally, which recovers a
    frame hidden behind a truncated one. Nested candidates that fail are
    debris of ``R``, already reported: they are skipped without a new error.
    """

    def __init__(self, *, head_len: int = RESPONSE_HEAD, max_length: int = DEFAULT_MAX_LENGTH):
        if head_len < 0:
            raise ValueError("head_len must be >= 0")
        self.head_len = head_len
        self.max_length = max_length
        self._buf = bytearray()
        self._pending: FrameError | None = None
        #: Buffer offset where the last checksum-rejected frame claimed to end
        #: (0 when no rejected frame is being rescanned).
        self._broken_end = 0
        #: count of bytes discarded while hunting for a preamble
        self.discarded = 0

    def reset(self) -> None:
        """Forget any buffered bytes and any error not yet reported."""
        self._buf.clear()
        self._pending = None
        self._broken_end = 0

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
        self._broken_end = max(0, self._broken_end - count)

    def _skip_byte(self) -> None:
        self._drop(1)
        self.discarded += 1

    def _seek_preamble(self) -> bool:
        """Drop bytes before the first preamble; False if there is none yet."""
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
            return False
        if start:
            self.discarded += start
            self._drop(start)
        return True

    def _inspect(self, at: int) -> tuple[int, int]:
        """(state, end) of the candidate frame whose preamble starts at ``at``.

        ``end`` is the offset just past the frame (past LEN for a bad LEN).
        """
        buf = self._buf
        header = at + _HEADER
        if len(buf) < header:
            return _WAIT, header
        length = int.from_bytes(buf[header - _LEN_SIZE : header], "big")
        if length < self.head_len + 1 or length > self.max_length:
            return _BAD_LENGTH, header
        end = header + length
        if len(buf) < end:
            return _WAIT, end
        good = checksum(bytes(buf[at + len(PREAMBLE) : end - 1])) == buf[end - 1]
        return (_GOOD if good else _BAD_CHECKSUM), end

    def _good_frame_at(self, at: int) -> bool | None:
        """Whether a valid frame starts at ``at``; None until that is known."""
        seen = bytes(self._buf[at : at + len(PREAMBLE)])
        if not PREAMBLE.startswith(seen):
            return False
        state, _ = self._inspect(at)
        if state == _WAIT:
            return None
        return state == _GOOD

    def _nested_verdict(self) -> tuple[int, int] | None:
        """What to do with a candidate starting inside a rejected frame."""
        state, end = self._inspect(0)
        if state != _WAIT and end <= self._broken_end:
            # Wholly inside the rejected frame: possibly an embedded frame.
            return (_EMIT if state == _GOOD else _SKIP), end
        at_claimed_end = self._good_frame_at(self._broken_end)
        if at_claimed_end is None:
            return None
        if at_claimed_end:
            return _SKIP, end
        if state == _WAIT:
            return None
        return (_EMIT if state == _GOOD else _SKIP), end

    def _next(self) -> Frame | None:
        while self._seek_preamble():
            if self._broken_end:
                verdict = self._nested_verdict()
                if verdict is None:
                    return None
                action, end = verdict
                if action == _SKIP:
                    self._skip_byte()
                    continue
                return self._take(end)
            state, end = self._inspect(0)
            if state == _WAIT:
                return None
            if state == _GOOD:
                return self._take(end)
            raw = bytes(self._buf[:end])
            if state == _BAD_LENGTH:
                self._skip_byte()
                length = int.from_bytes(raw[len(PREAMBLE) :], "big")
                raise FrameError(
                    "frame_length",
                    f"frame length field {length} is out of range",
                    raw,
                )
            self._broken_end = end
            self._skip_byte()
            expected = checksum(raw[len(PREAMBLE) : -1])
            raise FrameError(
                "frame_checksum",
                f"frame checksum mismatch (got 0x{raw[-1]:02X}, expected 0x{expected:02X})",
                raw,
            )
        return None

    def _take(self, end: int) -> Frame:
        raw = bytes(self._buf[:end])
        self._drop(end)
        payload = raw[_HEADER:-1]
        return Frame(payload_head=payload[: self.head_len], data=payload[self.head_len :])

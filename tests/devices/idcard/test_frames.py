from __future__ import annotations

import pytest

from devices.idcard.errors import DeviceError
from devices.idcard.frames import (
    COMMAND_HEAD,
    PREAMBLE,
    Frame,
    FrameError,
    FrameParser,
    checksum,
    encode_command,
    encode_response,
)
from ui_shared.error_text import error_text

FIND_OK = bytes.fromhex("AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97")


def test_find_card_ok_frame_is_exact() -> None:
    assert encode_response(0x00, 0x00, 0x9F, b"\x00\x00\x00\x00") == FIND_OK


def test_command_frames_have_the_documented_shape() -> None:
    frame = encode_command(0x20, 0x01)
    assert frame == PREAMBLE + bytes([0x00, 0x03, 0x20, 0x01, 0x00 ^ 0x03 ^ 0x20 ^ 0x01])
    assert encode_command(0x12, 0xFF) == bytes.fromhex("AAAAAA9669 0003 12FF EE")


def test_basic_read_answer_is_1295_bytes() -> None:
    data = (256).to_bytes(2, "big") + (1024).to_bytes(2, "big") + bytes(256) + bytes(1024)
    frame = encode_response(0, 0, 0x90, data)
    assert len(frame) == 1295
    assert frame[5:7] == (1295 - 7).to_bytes(2, "big")
    assert frame[-1] == checksum(frame[5:-1])


@pytest.mark.parametrize("data", [b"", b"\x00", bytes(range(256)) * 5])
def test_response_round_trip(data: bytes) -> None:
    frames = FrameParser().feed(encode_response(0x00, 0x00, 0x90, data))
    assert frames == [Frame(b"\x00\x00\x90", data)]
    assert frames[0].sw3 == 0x90


def test_command_round_trip() -> None:
    parser = FrameParser(head_len=COMMAND_HEAD)
    (frame,) = parser.feed(encode_command(0x30, 0x10, b"\x01\x02"))
    assert (frame.cmd, frame.para, frame.data) == (0x30, 0x10, b"\x01\x02")
    assert frame.encode() == encode_command(0x30, 0x10, b"\x01\x02")


def test_split_byte_by_byte() -> None:
    parser = FrameParser()
    got: list[Frame] = []
    for byte in FIND_OK:
        got += parser.feed(bytes([byte]))
    assert got == [Frame(b"\x00\x00\x9f", b"\x00\x00\x00\x00")]
    assert parser.buffered == 0


def test_garbage_before_and_between_frames() -> None:
    parser = FrameParser()
    stream = b"\x00\xff\xaa\xaa" + FIND_OK + b"\x13\x37\xaa" + encode_response(0, 0, 0x80)
    frames = parser.feed(stream)
    assert [f.sw3 for f in frames] == [0x9F, 0x80]
    assert parser.discarded == 4 + 3


def test_partial_preamble_at_the_end_is_kept() -> None:
    parser = FrameParser()
    assert parser.feed(b"junk" + FIND_OK[:3]) == []
    assert parser.feed(FIND_OK[3:]) == [Frame(b"\x00\x00\x9f", bytes(4))]


def test_bad_checksum_raises_and_the_next_good_frame_survives() -> None:
    bad = FIND_OK[:-1] + b"\x00"
    parser = FrameParser()
    with pytest.raises(FrameError) as info:
        parser.feed(bad + encode_response(0, 0, 0x80))
    assert info.value.code == "frame_checksum"
    assert error_text(info.value) == "阅读器数据校验错误"
    assert isinstance(info.value, DeviceError)
    assert info.value.raw == bad
    assert [f.sw3 for f in parser.feed(b"")] == [0x80]


def test_good_frames_before_a_bad_one_are_returned_first() -> None:
    bad = FIND_OK[:-1] + b"\x01"
    parser = FrameParser()
    frames = parser.feed(FIND_OK + bad + FIND_OK)
    assert len(frames) == 1
    with pytest.raises(FrameError):
        parser.feed(b"")
    assert len(parser.feed(b"")) == 1


def test_good_frame_hidden_inside_a_truncated_one_is_found() -> None:
    # A frame cut short by a dropped byte: its LEN now swallows the start of
    # the next frame, which must still be recovered.
    truncated = FIND_OK[:10]
    parser = FrameParser()
    stream = truncated + FIND_OK + FIND_OK
    frames: list[Frame] = []
    errors = 0
    data = stream
    for _ in range(10):
        try:
            frames += parser.feed(data)
            break
        except FrameError:
            errors += 1
        data = b""
    assert errors == 1
    assert len(frames) >= 1
    assert all(f == Frame(b"\x00\x00\x9f", bytes(4)) for f in frames)


def drain_all(parser: FrameParser, chunks: list[bytes]) -> tuple[list[Frame], int]:
    frames: list[Frame] = []
    errors = 0
    for chunk in [*chunks, b""]:
        data = chunk
        for _ in range(100):
            try:
                frames += parser.feed(data)
                break
            except FrameError:
                errors += 1
            data = b""
    return frames, errors


def test_truncated_frame_then_both_good_frames_behind_it_are_found() -> None:
    # The broken frame's LEN points into the next frame, so no good frame starts
    # where it claims to end: the candidate crossing that point is parsed as usual.
    frames, errors = drain_all(FrameParser(), [FIND_OK[:10] + FIND_OK + FIND_OK])
    assert errors == 1
    assert frames == [Frame(b"\x00\x00\x9f", bytes(4))] * 2


def test_frame_embedded_in_a_broken_frame_is_reported_before_the_next_ones() -> None:
    answer = encode_response(0, 0, 0x90, b"\x01" + FIND_OK + b"\x02")
    broken = answer[:-1] + bytes([answer[-1] ^ 0xFF])
    after = encode_response(0, 0, 0x80)
    frames, errors = drain_all(FrameParser(), [broken + after])
    assert errors == 1
    assert frames == [Frame(b"\x00\x00\x9f", bytes(4)), Frame(b"\x00\x00\x80")]


@pytest.mark.parametrize("cut", [0, 12, 20, 30, 40])
def test_preamble_in_broken_data_cannot_swallow_the_next_frames(cut: int) -> None:
    # The broken frame's data holds a preamble + LEN 32, reaching 29 bytes past
    # the broken frame into the two good ones. Pick the corruption so that this
    # nested candidate even passes its checksum: it must still lose to the good
    # frame starting exactly where the broken frame claimed to end.
    answer = encode_response(0, 0, 0x90, PREAMBLE + b"\x00\x20\x00\x00")
    stream = b""
    for mask in range(1, 256):
        broken = answer[:-1] + bytes([answer[-1] ^ mask])
        stream = broken + FIND_OK + FIND_OK
        nested = stream[10 : 10 + 7 + 32]
        if checksum(nested[5:-1]) == nested[-1]:
            break
    else:
        pytest.fail("no corruption makes the nested candidate's checksum pass")
    chunks = [stream[:cut], stream[cut:]]
    frames, errors = drain_all(FrameParser(), chunks)
    assert errors == 1
    assert frames == [Frame(b"\x00\x00\x9f", bytes(4))] * 2


@pytest.mark.parametrize("length", [b"\x00\x00", b"\x00\x03", b"\xff\xff"])
def test_impossible_length_is_a_frame_error(length: bytes) -> None:
    parser = FrameParser()
    with pytest.raises(FrameError) as info:
        parser.feed(PREAMBLE + length + b"\x00" * 8)
    assert info.value.code == "frame_length"
    assert parser.feed(FIND_OK)[-1].sw3 == 0x9F


def test_encode_rejects_non_bytes() -> None:
    with pytest.raises(ValueError):
        encode_command(0x100, 0)
    with pytest.raises(ValueError):
        encode_response(0, 0, -1)

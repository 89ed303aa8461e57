"""Property tests: FrameParser never raises anything but FrameError and never hangs."""

from __future__ import annotations

import itertools
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from devices.idcard.frames import Frame, FrameError, FrameParser, encode_response

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def drain(parser: FrameParser, chunks: list[bytes]) -> tuple[list[Frame], int]:
    """Feed every chunk; after a FrameError keep draining with feed(b"").

    Bounded: every FrameError consumes at least one buffered byte, so the
    number of calls is limited by the input size.
    """
    frames: list[Frame] = []
    errors = 0
    budget = sum(len(c) for c in chunks) + 2 * len(chunks) + 2
    started = time.monotonic()
    for chunk in [*chunks, b""]:
        data = chunk
        while True:
            budget -= 1
            assert budget >= 0, "parser did not make progress"
            try:
                frames += parser.feed(data)
                break
            except FrameError:
                errors += 1
                data = b""
    assert time.monotonic() - started < 5
    return frames, errors


def chunked(data: bytes, cuts: list[int]) -> list[bytes]:
    points = sorted({c % (len(data) + 1) for c in cuts})
    edges = [0, *points, len(data)]
    return [data[a:b] for a, b in itertools.pairwise(edges) if b > a] or [b""]


heads = st.binary(min_size=3, max_size=3)
payloads = st.binary(max_size=300)
frames_st = st.tuples(heads, payloads)


@SETTINGS
@given(st.binary(max_size=2000), st.lists(st.integers(0, 4000), max_size=20))
def test_random_bytes_only_ever_raise_frame_error(data: bytes, cuts: list[int]) -> None:
    drain(FrameParser(), chunked(data, cuts))


@SETTINGS
@given(
    st.lists(frames_st, min_size=1, max_size=4),
    st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), min_size=1, max_size=8),
    st.lists(st.integers(0, 10_000), max_size=10),
    st.lists(st.integers(0, 10_000), max_size=3),
)
def test_mutated_valid_frames_only_ever_raise_frame_error(
    frames: list[tuple[bytes, bytes]],
    flips: list[tuple[int, int]],
    cuts: list[int],
    deletions: list[int],
) -> None:
    stream = bytearray(b"".join(encode_response(h[0], h[1], h[2], d) for h, d in frames))
    for pos, value in flips:
        stream[pos % len(stream)] = value
    for pos in deletions:
        if stream:
            del stream[pos % len(stream)]
    drain(FrameParser(), chunked(bytes(stream), cuts))


@SETTINGS
@given(
    st.binary(max_size=200).map(lambda b: b.replace(b"\xaa", b"")),
    st.lists(frames_st, min_size=1, max_size=4),
    st.lists(st.integers(0, 10_000), max_size=10),
)
def test_valid_frames_after_garbage_are_all_recovered(
    garbage: bytes, frames: list[tuple[bytes, bytes]], cuts: list[int]
) -> None:
    stream = garbage + b"".join(encode_response(h[0], h[1], h[2], d) for h, d in frames)
    got, errors = drain(FrameParser(), chunked(stream, cuts))
    assert errors == 0
    assert got == [Frame(h, d) for h, d in frames]


@SETTINGS
@given(st.lists(frames_st, min_size=2, max_size=4), st.data())
def test_one_corrupted_checksum_loses_only_that_frame(
    frames: list[tuple[bytes, bytes]], data: st.DataObject
) -> None:
    victim = data.draw(st.integers(0, len(frames) - 1))
    encoded = [encode_response(h[0], h[1], h[2], d) for h, d in frames]
    encoded[victim] = encoded[victim][:-1] + bytes([encoded[victim][-1] ^ 0x5A])
    got, errors = drain(FrameParser(), [b"".join(encoded)])
    expected = [Frame(h, d) for i, (h, d) in enumerate(frames) if i != victim]
    assert errors >= 1
    # Bytes inside the broken frame are rescanned; they only add frames if they
    # contain a complete valid frame themselves, so every good frame is there.
    it = iter(got)
    assert all(any(g == e for g in it) for e in expected)

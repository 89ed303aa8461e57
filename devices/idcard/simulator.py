"""A GA/T 467 ID card reader simulator on a real pseudo-terminal.

``IdCardSimulator.start()`` opens a pty pair and returns the slave path; the
production driver opens that path through pyserial exactly as it would open
``/dev/ttyUSB0``. The simulator answers the §7 command frames from the master
side on its own thread.

Card model (like real readers): a placed card answers find-card once; after
it has been read it stays on the reader but find-card fails until it is lifted
and presented again (``place_card``). While it lies on the reader, select-card
still succeeds, which is how :class:`~devices.idcard.reader.CardPoller` tells
"still there" from "lifted".

Faults (``sim.faults``, settable at any time): corrupted checksums, answers
split into small chunks with pauses, garbage before answers, slow answers,
failed reads, a failing SAM, and unplugging (silent, or the pty closed).

Run ``python -m devices.idcard.simulator`` to serve sample cards on a pty until
killed; it prints the pty path on its first line.
"""

from __future__ import annotations

import argparse
import errno
import logging
import os
import select
import signal
import struct
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from types import FrameType

from devices.idcard.card import (
    IdCardData,
    encode_basic_read,
    encode_fingerprint_read,
)
from devices.idcard.errors import (
    SW3_BAD_CHECKSUM,
    SW3_BAD_LENGTH,
    SW3_FIND_OK,
    SW3_NO_CARD,
    SW3_NO_CONTENT,
    SW3_OK,
    SW3_SELECT_FAILED,
)
from devices.idcard.frames import (
    COMMAND_HEAD,
    Frame,
    FrameError,
    FrameParser,
    encode_response,
)
from devices.idcard.samples import expired_sample_card as expired_sample_card
from devices.idcard.samples import foreign_sample_cards as foreign_sample_cards
from devices.idcard.samples import sample_cards as sample_cards
from devices.idcard.samples import sample_photo as sample_photo
from devices.raw_pty import close_quietly, open_raw_pty

__all__ = [
    "DEFAULT_SAM_ID",
    "IdCardSimulator",
    "SimulatorFaults",
    "expired_sample_card",
    "foreign_sample_cards",
    "main",
    "sample_cards",
    "sample_photo",
]

log = logging.getLogger(__name__)

SW3_COMMAND_ERROR = 0x21
SW3_READ_FAILED = 0x41
SW3_UNRECOGNISED = 0x24

#: 05.01-20240517-0000123456-2712345678
DEFAULT_SAM_ID = struct.pack("<HHIII", 5, 1, 20240517, 123456, 2712345678)

_WRITE_STALL = 1.0  # give up writing an answer nobody reads after this long


@dataclass
class SimulatorFaults:
    """Misbehaviour to inject; every field may be changed while serving."""

    #: corrupt the checksum of the next N answers
    bad_checksum: int = 0
    #: > 0: write each answer in chunks of this many bytes ...
    chunk_size: int = 0
    #: ... pausing this long between chunks
    chunk_delay: float = 0.0
    #: slow device: wait this long before answering each command
    delay: float = 0.0
    #: bytes written before every answer (line noise)
    garbage: bytes = b""
    #: the next N card reads answer 0x41 (read failed: card moved)
    read_failures: int = 0
    #: SW3 the SAM status command answers (0x60: self-check failed)
    sam_status: int = SW3_OK
    #: unplugged: commands are swallowed and never answered
    silent: bool = False


class IdCardSimulator:
    """Serves GA/T 467 answers on the master side of a pty.

    The first of ``cards`` (if any) is on the reader when it starts;
    ``place_card()`` with no argument presents the next card of the list.
    ``additional_addresses`` maps an ID number to its 追加住址 (30 03).
    """

    def __init__(
        self,
        cards: Sequence[IdCardData] = (),
        *,
        sam_id: bytes = DEFAULT_SAM_ID,
        faults: SimulatorFaults | None = None,
        additional_addresses: dict[str, str] | None = None,
    ) -> None:
        if len(sam_id) != 16:
            raise ValueError("sam_id must be 16 bytes")
        self.cards = list(cards)
        self.sam_id = sam_id
        self.faults = faults if faults is not None else SimulatorFaults()
        self.additional_addresses = dict(additional_addresses or {})
        #: (CMD, PARA) of every command received, in order
        self.received: list[tuple[int, int]] = []
        self.reads = 0
        self._lock = threading.RLock()
        self._card: IdCardData | None = self.cards[0] if self.cards else None
        self._next_index = 1 if self.cards else 0
        self._fresh = self._card is not None
        self._found = False
        self._selected = False
        self._master: int | None = None
        self._slave: int | None = None
        self._path: str | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # --- lifecycle --------------------------------------------------------------

    @property
    def path(self) -> str | None:
        """The pty slave path while serving."""
        return self._path

    def start(self) -> str:
        """Open a pty pair, start serving, return the slave path."""
        if self._thread is not None:
            raise RuntimeError("simulator already started")
        master, slave, self._path = open_raw_pty()
        os.set_blocking(master, False)
        self._master, self._slave = master, slave
        self._stop.clear()
        self._thread = threading.Thread(target=self._serve, name="idcard-sim", daemon=True)
        self._thread.start()
        log.info("ID card simulator serving on %s", self._path)
        return self._path

    def stop(self) -> None:
        """Stop serving and close the pty (the driver sees the device vanish)."""
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join(5)
        self._close_fds()

    def __enter__(self) -> IdCardSimulator:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _close_fds(self) -> None:
        with self._lock:
            close_quietly(self._master, self._slave)
            self._master = self._slave = None
            self._path = None

    def unplug(self, *, close: bool = False) -> None:
        """Simulate pulling the cable: stop answering, or (``close``) close the pty."""
        self.faults.silent = True
        if close:
            self.stop()

    def replug(self) -> None:
        """Answer again after ``unplug()`` (without ``close``)."""
        self.faults.silent = False

    # --- the card on the reader -------------------------------------------------

    @property
    def card(self) -> IdCardData | None:
        return self._card

    def place_card(self, card: IdCardData | None = None) -> IdCardData:
        """Present a card (lifted and presented again if one was there)."""
        with self._lock:
            if card is None:
                if not self.cards:
                    raise ValueError("no card given and no configured cards")
                card = self.cards[self._next_index % len(self.cards)]
                self._next_index += 1
            self._card = card
            self._fresh = True
            self._found = False
            self._selected = False
            return card

    def remove_card(self) -> None:
        with self._lock:
            self._card = None
            self._fresh = self._found = self._selected = False

    # --- serving ----------------------------------------------------------------

    def _serve(self) -> None:
        parser = FrameParser(head_len=COMMAND_HEAD)
        master = self._master
        assert master is not None
        while not self._stop.is_set():
            try:
                ready, _, _ = select.select([master], [], [], 0.05)
            except (OSError, ValueError):
                return
            if not ready:
                continue
            try:
                chunk = os.read(master, 4096)
            except BlockingIOError:
                continue
            except OSError as exc:
                if exc.errno == errno.EIO:  # no slave open right now
                    time.sleep(0.02)
                    continue
                return
            if self.faults.silent:
                parser.reset()
                continue
            while True:
                try:
                    frames = parser.feed(chunk)
                except FrameError as exc:
                    log.debug("simulator received a broken frame: %s", exc)
                    sw3 = SW3_BAD_LENGTH if exc.code == "frame_length" else SW3_BAD_CHECKSUM
                    self._answer(encode_response(0, 0, sw3))
                    chunk = b""
                    continue
                for frame in frames:
                    try:
                        answer = self.respond(frame)
                    except Exception:  # a bad configured card must not kill the device
                        log.exception("simulator failed to answer %s", frame)
                        answer = encode_response(0, 0, SW3_UNRECOGNISED)
                    self._answer(answer)
                break

    def respond(self, frame: Frame) -> bytes:
        """The answer frame to one command frame (also usable without a pty)."""
        with self._lock:
            return self._respond(frame)

    def _respond(self, frame: Frame) -> bytes:
        if len(frame.payload_head) < 2:
            return encode_response(0, 0, SW3_BAD_LENGTH)
        command = (frame.cmd, frame.para)
        self.received.append(command)
        card = self._card
        if command == (0x10, 0xFF):
            return encode_response(0, 0, SW3_OK)
        if command == (0x11, 0xFF):
            return encode_response(0, 0, self.faults.sam_status)
        if command == (0x12, 0xFF):
            return encode_response(0, 0, SW3_OK, self.sam_id)
        if command == (0x20, 0x01):
            if card is not None and self._fresh:
                self._found = True
                return encode_response(0, 0, SW3_FIND_OK, b"\x00\x00\x00\x00")
            return encode_response(0, 0, SW3_NO_CARD)
        if command == (0x20, 0x02):
            if card is not None and self._found:
                self._selected = True
                return encode_response(0, 0, SW3_OK, b"\x00" * 8)
            return encode_response(0, 0, SW3_SELECT_FAILED)
        if command in ((0x30, 0x01), (0x30, 0x10)):
            if card is None or not self._selected:
                return encode_response(0, 0, SW3_READ_FAILED)
            if self.faults.read_failures > 0:
                self.faults.read_failures -= 1
                return encode_response(0, 0, SW3_READ_FAILED)
            self._fresh = False  # stays on the reader; must be presented again
            self.reads += 1
            if command == (0x30, 0x01):
                return encode_response(0, 0, SW3_OK, encode_basic_read(card))
            return encode_response(0, 0, SW3_OK, encode_fingerprint_read(card))
        if command == (0x30, 0x03):
            if card is None or not self._selected:
                return encode_response(0, 0, SW3_READ_FAILED)
            extra = self.additional_addresses.get(card.id_number)
            if not extra:
                return encode_response(0, 0, SW3_NO_CONTENT)
            raw = extra.encode("utf-16-le")[:70]
            return encode_response(0, 0, SW3_OK, raw.ljust(70, b"\x00"))
        return encode_response(0, 0, SW3_COMMAND_ERROR)

    def _answer(self, frame: bytes) -> None:
        faults = self.faults
        if faults.delay > 0 and self._stop.wait(faults.delay):
            return
        if faults.silent:
            return
        if faults.bad_checksum > 0:
            faults.bad_checksum -= 1
            frame = frame[:-1] + bytes([frame[-1] ^ 0xFF])
        out = faults.garbage + frame
        size = faults.chunk_size if faults.chunk_size > 0 else len(out)
        for pos in range(0, len(out), size):
            if pos and faults.chunk_delay > 0 and self._stop.wait(faults.chunk_delay):
                return
            if not self._write_all(out[pos : pos + size]):
                return

    def _write_all(self, data: bytes) -> bool:
        master = self._master
        if master is None:
            return False
        view = memoryview(data)
        deadline = time.monotonic() + _WRITE_STALL
        while view:
            try:
                written = os.write(master, view)
            except BlockingIOError:
                written = 0
            except OSError:
                return False
            view = view[written:]
            if view:
                if time.monotonic() > deadline or self._stop.is_set():
                    log.warning("simulator dropped %d unread answer bytes", len(view))
                    return False
                select.select([], [master], [], 0.02)
        return True


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m devices.idcard.simulator``: serve sample cards on a pty until killed."""
    parser = argparse.ArgumentParser(
        prog="python -m devices.idcard.simulator",
        description="Serve a simulated GA/T 467 ID card reader on a pseudo-terminal.",
    )
    parser.add_argument("--empty", action="store_true", help="start with no card on the reader")
    parser.add_argument(
        "--cycle",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="present the next sample card every SECONDS (0: keep the first card)",
    )
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    done = threading.Event()

    def _quit(signum: int, frame: FrameType | None) -> None:
        done.set()

    # before the path is printed: whoever reads it may signal us at once
    signal.signal(signal.SIGTERM, _quit)
    signal.signal(signal.SIGINT, _quit)
    sim = IdCardSimulator(sample_cards())
    if args.empty:
        sim.remove_card()
    path = sim.start()
    print(path, flush=True)
    try:
        while not done.wait(args.cycle if args.cycle > 0 else 3600):
            if args.cycle > 0:
                card = sim.place_card()
                log.info("presented sample card (%s)", card.card_type)
    finally:
        sim.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""ESC/POS rendering of a receipt layout and the `ReceiptPrinter` front end.

Byte stream (see docs/devices/printer.md):

    ESC @                                  initialise
    per text line:  ESC a n, ESC E n, GS ! n,
                    [FS & <GB18030 two-byte text> FS .] (ASCII-only lines: plain), LF
    per raster line (a character outside two-byte GBK, e.g. 䶮 𠮷 ¥ U+00A5):
                    ESC a 0, GS v 0 <full-width bitmap drawn with a CJK font>
    QR:             GS v 0 image (default) or GS ( k model/size/ec/store/print (native)
    LF x4, GS V 0                          feed, full cut

Python-escpos's automatic encoding is not used for text (it sends GB18030 without
FS & and turns rare characters into '?'); the bytes are assembled on an
`escpos.printer.Dummy` and then written to the real transport in one go, so
`print_receipt` returns exactly what was sent.
"""

from __future__ import annotations

import contextlib
import copy
import logging
import os
import select
import socket
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from typing import Any, Literal

from devices.os_reason import os_reason
from devices.printer.errors import PrinterError
from devices.printer.receipt import (
    Feed,
    QrBlock,
    Receipt,
    ReceiptLayout,
    TextLine,
    layout_receipt,
    paper_columns,
)
from devices.printer.status import PrinterStatus as PrinterStatus  # re-exported: its old home
from devices.printer.status import parse_status as parse_status
from devices.printer.target import Target as Target
from devices.printer.target import parse_target as parse_target


def _ensure_escpos_cache_dir() -> None:
    # python-escpos writes a capabilities pickle on import; without this variable it
    # makes a fresh temp dir on every import. The directory must exist.
    default = os.path.join(os.path.expanduser("~"), ".cache", "yiwang-escpos")
    path = os.environ.setdefault("ESCPOS_CAPABILITIES_PICKLE_DIR", default)
    try:
        os.makedirs(path, exist_ok=True)
    except OSError:
        os.environ["ESCPOS_CAPABILITIES_PICKLE_DIR"] = default
        os.makedirs(default, exist_ok=True)


def _private_folder(folder: str) -> None:
    """The data directory's printer folder, 0700 whatever the umask (the papers name
    the applicant, masked; sync.private_files, not imported: devices know nothing of
    sync)."""
    os.makedirs(folder, mode=0o700, exist_ok=True)
    if stat.S_IMODE(os.stat(folder).st_mode) != 0o700:
        os.chmod(folder, 0o700)


def _private_file(path: str) -> None:
    """The printer's output file in the data directory 0600: made so when missing, a
    plain file made so when it is not (a link or a device is left as it is)."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        mode = os.lstat(path).st_mode
        if stat.S_ISREG(mode) and stat.S_IMODE(mode) != 0o600:
            os.chmod(path, 0o600)


@contextlib.contextmanager
def _no_stray_temp_dir() -> Iterator[None]:
    """escpos.capabilities evaluates ``environ.get(VAR, mkdtemp())``: the default is
    made even when VAR is set, leaving one empty temp folder per process. Point its
    ``mkdtemp`` at the cache folder while it is imported."""
    original = tempfile.mkdtemp
    tempfile.mkdtemp = lambda *a, **k: os.environ["ESCPOS_CAPABILITIES_PICKLE_DIR"]  # type: ignore[assignment]
    try:
        yield
    finally:
        tempfile.mkdtemp = original


def load_escpos() -> Any:
    """python-escpos's printer module, loaded on first use: it pulls PIL, yaml and
    python-barcode in (~100 ms), which a station does not need before its window is up."""
    _ensure_escpos_cache_dir()
    with _no_stray_temp_dir():
        from escpos import printer
    return printer

log = logging.getLogger(__name__)

ESC = b"\x1b"
GS = b"\x1d"
FS = b"\x1c"
DLE = b"\x10"
INIT = ESC + b"@"
CN_ON = FS + b"&"
CN_OFF = FS + b"."
FULL_CUT = GS + b"V\x00"
_ALIGN = {"left": 0, "center": 1, "right": 2}

Charset = Literal["gbk", "gb2312"]


def encode_chinese(text: str, charset: Charset = "gbk") -> bytes | None:
    """`text` as the printer's Chinese-mode bytes, or None if any character is not
    printable that way (it then has to go out as a raster image).

    Allowed: printable ASCII (1 byte) and characters that encode to exactly two
    bytes in GBK (or GB2312 for printers with a GB2312-only font) and identically
    in GB18030 (excludes e.g. 䶮, which Python's GB18030-2022 codec maps to the
    two-byte FE9F that older printer fonts do not have). Private-use characters
    are refused.
    """
    out = bytearray()
    for ch in text:
        o = ord(ch)
        if 0x20 <= o < 0x7F:
            out.append(o)
            continue
        if o < 0x80 or 0xE000 <= o <= 0xF8FF:
            return None
        try:
            narrow = ch.encode(charset)
            wide = ch.encode("gb18030")
        except UnicodeEncodeError:
            return None
        if len(narrow) != 2 or narrow != wide:
            return None
        out += wide
    return bytes(out)


def _escpos_profile_data(profile: Any, dots: int) -> dict[str, Any]:
    data: dict[str, Any] = copy.deepcopy(profile.profile_data)
    data.setdefault("media", {}).setdefault("width", {})["pixels"] = dots
    return data


def _dummy(profile: str | None, dots: int) -> Any:
    dummy = load_escpos().Dummy(profile=profile)
    # Per-instance copy: python-escpos shares profile_data between instances.
    dummy.profile.profile_data = _escpos_profile_data(dummy.profile, dots)
    return dummy


def render_escpos(
    layout: ReceiptLayout,
    *,
    native_qr: bool = False,
    charset: Charset = "gbk",
    profile: str | None = None,
) -> bytes:
    """The complete ESC/POS job for a layout (no I/O)."""
    from devices.printer.raster import render_qr, render_text_line  # PIL, on first print

    p = _dummy(profile, layout.dots)
    p._raw(INIT)
    for block in layout.blocks:
        if isinstance(block, TextLine):
            encoded = encode_chinese(block.text, charset)
            if encoded is None:
                log.debug("raster line: %r", block.text)
                p._raw(ESC + b"a\x00")
                p.image(render_text_line(block, layout.dots), impl="bitImageRaster")
                continue
            size = 0x11 if block.size == 2 else 0x00
            p._raw(ESC + b"a" + bytes([_ALIGN[block.align]]))
            if block.bold:
                p._raw(ESC + b"E\x01")
            if size:
                p._raw(GS + b"!" + bytes([size]))
            if encoded.isascii():
                p._raw(encoded + b"\n")
            else:
                p._raw(CN_ON + encoded + CN_OFF + b"\n")
            if size:
                p._raw(GS + b"!\x00")
            if block.bold:
                p._raw(ESC + b"E\x00")
        elif isinstance(block, QrBlock):
            if native_qr:
                from escpos.constants import QR_ECLEVEL_M

                p._raw(ESC + b"a\x01")
                p.qr(
                    block.payload,
                    native=True,
                    size=min(16, max(1, block.module_dots)),
                    ec=QR_ECLEVEL_M,
                )
                p._raw(b"\n" + ESC + b"a\x00")
            else:
                p._raw(ESC + b"a\x00")
                p.image(render_qr(block, layout.dots), impl="bitImageRaster")
        elif isinstance(block, Feed):
            p._raw(ESC + b"a\x00" + b"\n" * block.lines)
    # Feed past the cutter, then a full cut (not python-escpos's cut(): on profile
    # POS-5890 that sends only the feed).
    p._raw(b"\n" * 4 + FULL_CUT)
    out: bytes = p.output
    return out


class ReceiptPrinter:
    """Prints receipts to an ESC/POS printer.

    target: `file:PATH` (device node or plain file), `serial:/dev/ttyUSB0?baudrate=9600`,
    `tcp:HOST[:PORT]` (raw port 9100), `usb:VID:PID` (needs pyusb), `dummy:` (keeps
    the bytes in memory, for tests).

    Before printing over a target with a back channel (serial, tcp, usb) the
    printer is asked for its status; a printer that answers "paper out", "cover
    open", "offline" or "error" gets nothing and `PrinterError` is raised. A
    printer that does not answer is printed to anyway.
    """

    def __init__(
        self,
        target: str,
        *,
        paper_mm: int = 80,
        native_qr: bool = False,
        charset: Charset = "gbk",
        profile: str | None = None,
        check_status: bool = True,
        status_timeout: float = 0.5,
        io_timeout: float = 5.0,
        make_folder: str | None = None,
    ) -> None:
        self.target = parse_target(target)
        #: a folder a print creates before writing to a `file:` target (the data dir's
        #: printer folder); only printing creates it, never a status query
        self.make_folder = make_folder
        self.target_text = target
        paper_columns(paper_mm)  # ValueError for a width the layout does not know
        self.paper_mm = paper_mm
        self.native_qr = native_qr
        self.charset: Charset = charset
        self.profile = profile
        self.check_status = check_status
        self.status_timeout = status_timeout
        self.io_timeout = io_timeout
        self.last_output = b""  # dummy: target keeps the last job here

    # ---------------------------------------------------------------- rendering
    def render(self, receipt: Receipt) -> bytes:
        """The ESC/POS bytes for `receipt` (nothing is sent)."""
        return render_escpos(
            layout_receipt(receipt, self.paper_mm),
            native_qr=self.native_qr,
            charset=self.charset,
            profile=self.profile,
        )

    # ---------------------------------------------------------------- transport
    def _open(self) -> Any:
        t = self.target
        escpos_printer = load_escpos()
        from escpos.exceptions import DeviceNotFoundError

        try:
            if t.kind == "file":
                if self.make_folder is not None:
                    _private_folder(self.make_folder)
                refuse_fifo_without_reader(t.path)
                if holds_other_data(t.path):
                    raise PrinterError(
                        "bad_target",
                        f"{t.path} is a file holding other data, not printer output: "
                        "refusing to overwrite it",
                    )
                if self.make_folder is not None:
                    _private_file(t.path)
                dev = escpos_printer.File(devfile=t.path, profile=self.profile)
            elif t.kind == "serial":
                dev = escpos_printer.Serial(
                    devfile=t.path,
                    baudrate=t.baudrate,
                    timeout=self.io_timeout,
                    dsrdtr=t.dsrdtr,
                    profile=self.profile,
                )
            elif t.kind == "tcp":
                dev = escpos_printer.Network(
                    host=t.host, port=t.port, timeout=self.io_timeout, profile=self.profile
                )
            elif t.kind == "usb":
                if not escpos_printer.Usb.is_usable():
                    raise PrinterError(
                        "unsupported", "USB printing needs pyusb, which is not installed"
                    )
                dev = escpos_printer.Usb(
                    idVendor=t.vendor, idProduct=t.product, timeout=0, profile=self.profile
                )
            else:
                dev = escpos_printer.Dummy(profile=self.profile)
            if t.kind != "dummy":
                dev.open(raise_not_found=True)
        except PrinterError:
            raise
        except (DeviceNotFoundError, OSError) as exc:
            raise PrinterError(
                "not_connected", f"printer {self.target_text} not connected: {os_reason(exc)}"
            ) from exc
        except Exception as exc:  # pyusb / pyserial specific errors
            raise PrinterError(
                "not_connected", f"printer {self.target_text} could not be opened: {exc}"
            ) from exc
        if t.kind != "dummy" and dev.device is None:
            raise PrinterError("not_connected", f"printer {self.target_text} not connected")
        return dev

    @staticmethod
    def _close(dev: Any) -> None:
        try:
            dev.close()
        except Exception as exc:  # closing must not mask the real outcome
            log.debug("closing printer failed: %s", exc)

    def _reader(self, dev: Any) -> Callable[[float], bytes] | None:
        """A function reading one byte with a timeout, or None (no back channel)."""
        kind = self.target.kind
        if kind == "serial":
            ser = dev.device

            def read_serial(timeout: float) -> bytes:
                ser.timeout = timeout
                data: bytes = ser.read(1)
                return data

            return read_serial
        if kind == "tcp":
            sock: socket.socket = dev.device

            def read_tcp(timeout: float) -> bytes:
                ready, _, _ = select.select([sock], [], [], timeout)
                return sock.recv(1) if ready else b""

            return read_tcp
        if kind == "usb":

            def read_usb(timeout: float) -> bytes:
                deadline = time.monotonic() + timeout
                while time.monotonic() < deadline:
                    data = bytes(dev._read())
                    if data:
                        return data[-1:]
                    time.sleep(0.02)
                return b""

            return read_usb
        return None

    def _flush_input(self, dev: Any) -> None:
        if self.target.kind == "serial":
            dev.device.reset_input_buffer()
        elif self.target.kind == "tcp":
            sock: socket.socket = dev.device
            while select.select([sock], [], [], 0)[0]:
                if not sock.recv(256):
                    break

    def _query(self, dev: Any) -> PrinterStatus:
        read = self._reader(dev)
        if read is None:
            return PrinterStatus.unknown
        answers: dict[int, int] = {}
        try:
            self._flush_input(dev)
            for n in (1, 2, 3, 4):
                dev._raw(DLE + b"\x04" + bytes([n]))
                data = read(self.status_timeout)
                if not data:
                    break
                answers[n] = data[0]
        except Exception as exc:  # I/O on a flaky port: treat as "no answer"
            log.info("status query on %s failed: %s", self.target_text, exc)
            return PrinterStatus.unknown
        if 1 not in answers:
            return PrinterStatus.unknown
        return parse_status(answers)

    # ---------------------------------------------------------------- public API
    def status(self) -> PrinterStatus:
        """Ask the printer (DLE EOT 1..4). `PrinterStatus.unknown` when it does not
        answer or the target has no back channel; PrinterError when not connected."""
        if not self._has_back_channel():
            return PrinterStatus.unknown
        dev = self._open()
        try:
            return self._query(dev)
        finally:
            self._close(dev)

    def _has_back_channel(self) -> bool:
        return self.target.kind in ("serial", "tcp", "usb")

    def print_receipt(self, receipt: Receipt) -> bytes:
        """Print `receipt`; returns the exact bytes sent. Raises PrinterError."""
        return self.print_layout(lambda mm: layout_receipt(receipt, mm), receipt.receipt_no)

    def print_layout(self, lay_out: Callable[[int], ReceiptLayout], label: str) -> bytes:
        """Print any document (a receipt, a service guide) that `lay_out` lays out for this
        printer's paper width in mm; `label` names it in the log (never personal data).
        Returns the exact bytes sent. Raises PrinterError."""
        data = render_escpos(
            lay_out(self.paper_mm),
            native_qr=self.native_qr,
            charset=self.charset,
            profile=self.profile,
        )
        dev = self._open()
        try:
            if self.check_status and self._has_back_channel():
                st = self._query(dev)
                problem = st.problem
                if problem is not None:
                    raise problem
            try:
                dev._raw(data)
                flush = getattr(dev.device, "flush", None)
                if callable(flush):
                    flush()
            except PrinterError:
                raise
            except Exception as exc:
                raise PrinterError(
                    "io", f"writing to printer {self.target_text} failed: {exc}"
                ) from exc
            if self.target.kind == "dummy":
                self.last_output = bytes(dev.output)
        finally:
            self._close(dev)
        log.info("printed %s (%d bytes) on %s", label, len(data), self.target_text)
        return data


def holds_other_data(path: str) -> bool:
    """An existing regular file that is not empty and does not begin with ESC @ (what
    every output of ours begins with) is somebody's file, not a print file: printing
    to it would truncate it (a mistyped `file:/etc/passwd` run as root)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with open(path, "rb") as f:
            head = f.read(len(INIT))
    except OSError:
        return False  # the open itself reports what is wrong
    return head != b"" and head != INIT


def refuse_fifo_without_reader(path: str) -> None:
    """A FIFO that nobody reads blocks a writing open() for ever: probe it without
    blocking, which fails with ENXIO when no reader is there (the job then fails as
    "not connected" instead of hanging its worker)."""
    try:
        if not stat.S_ISFIFO(os.stat(path).st_mode):
            return
    except OSError:
        return  # the open itself reports a missing path
    os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))

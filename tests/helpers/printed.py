"""What a printer file holds once the printer has finished a job: the print runs on a
worker and its bytes arrive in several writes, so a file read mid-job ends inside a
command (a raster image cut short). Tests wait on this rather than on a file size."""

from __future__ import annotations

from pathlib import Path

from devices.printer.escpos_decode import Decoded, DecodeError, decode_escpos


def printed(path: Path, expected: str) -> Decoded | None:
    """The decoded file once a whole job holding `expected` is in it (every job ends
    with a paper cut), else None."""
    try:
        decoded = decode_escpos(path.read_bytes())
    except (FileNotFoundError, DecodeError):
        return None  # not written yet, or a command still half written
    done = bool(decoded.ops) and decoded.ops[-1].kind == "cut"
    return decoded if done and expected in decoded.text else None

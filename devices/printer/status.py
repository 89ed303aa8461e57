"""What a receipt printer says about itself: the DLE EOT real-time status answers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from devices.printer.errors import PrinterError

__all__ = ["PrinterStatus", "parse_status"]


@dataclass(frozen=True)
class PrinterStatus:
    """Result of the DLE EOT real-time status queries.

    `known` is False when the printer did not answer (file targets, printers
    without a back channel): then every other flag is False/None.
    """

    known: bool
    online: bool | None = None
    paper_out: bool = False
    paper_near_end: bool = False
    cover_open: bool = False
    error: bool = False
    raw: bytes = b""

    unknown: ClassVar[PrinterStatus]

    @property
    def ready(self) -> bool:
        """True only when the printer answered and nothing stops printing."""
        return (
            self.known
            and bool(self.online)
            and not (self.paper_out or self.cover_open or self.error)
        )

    @property
    def problem(self) -> PrinterError | None:
        """The condition that stops printing, as an error, or None."""
        if not self.known:
            return None
        if self.paper_out:
            return PrinterError("paper_out", "printer is out of paper")
        if self.cover_open:
            return PrinterError("cover_open", "printer cover is open")
        if self.error:
            return PrinterError("hardware_error", "printer reports an error")
        if self.online is False:
            return PrinterError("offline", "printer is offline")
        return None

    @property
    def code(self) -> str:
        """One word for the state ("unknown", "ready", "paper_near_end" or the code
        of `problem`); the front end words it (ui_shared.error_text)."""
        if not self.known:
            return "unknown"
        problem = self.problem
        if problem is not None:
            return problem.code
        return "paper_near_end" if self.paper_near_end else "ready"


PrinterStatus.unknown = PrinterStatus(known=False)


def _valid_status_byte(b: int) -> bool:
    # Every DLE EOT answer has bits 1 and 4 set and bits 0 and 7 clear.
    return (b & 0x93) == 0x12


def parse_status(answers: dict[int, int]) -> PrinterStatus:
    """Build a status from DLE EOT answers {n: byte} for n in 1..4."""
    if not answers or not all(_valid_status_byte(v) for v in answers.values()):
        return PrinterStatus.unknown
    printer = answers.get(1)
    offline_cause = answers.get(2, 0x12)
    errors = answers.get(3, 0x12)
    paper = answers.get(4, 0x12)
    return PrinterStatus(
        known=True,
        online=None if printer is None else not (printer & 0x08),
        paper_out=bool(paper & 0x60) or bool(offline_cause & 0x20),
        paper_near_end=bool(paper & 0x0C),
        cover_open=bool(offline_cause & 0x04),
        error=bool(offline_cause & 0x40) or bool(errors & 0x68),
        raw=bytes(answers[k] for k in sorted(answers)),
    )

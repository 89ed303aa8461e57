"""What a UI needs from the station, as plain Python objects."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from devices.idcard.card import IdCardData
from devices.printer.status import PrinterStatus
from devices.scanner.base import Scanner
from intake.catalog import Catalog
from intake.submission import Channel
from station.cases import CaseCommands, CaseQueries
from station.clerk_day import ClerkDay
from station.events import EventHub
from station.intake_service import IntakeService
from station.intake_session import IntakeSession, Runner
from station.licences import LicenceService
from station.printer_target_check import TargetVerdict
from sync.engine import SyncEngine, SyncEvent

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

log = logging.getLogger(__name__)


class FrameSource(Protocol):
    def grab(self) -> NDArray[np.uint8]: ...
    def close(self) -> None: ...


class Poller(Protocol):
    def start(self) -> None: ...
    def stop(self) -> None: ...
    #: read the card lying on the reader once more (a card is read once per presentation)
    def request_reread(self) -> None: ...


PollerFactory = Callable[
    [Callable[[IdCardData], None], Callable[[], None], Callable[[BaseException], None]], Poller
]


class SimulatorControls(Protocol):
    """What the demo's device panel can do to the simulated hardware."""

    def sample_cards(self) -> list[IdCardData]: ...
    def place_card(self, card: IdCardData) -> None: ...
    def remove_card(self) -> None: ...
    def present_document(self, title: str, qr_payload: str) -> None: ...


@dataclass
class StationServices:
    intake: IntakeService
    catalog: Catalog
    camera: FrameSource
    card_poller: PollerFactory
    cases: CaseQueries
    case_commands: CaseCommands
    #: reads the catalog sync last pulled (or the seed); disk work
    catalog_loader: Callable[[], Catalog]
    engine: SyncEngine | None = None
    sync_events: EventHub[SyncEvent] = field(default_factory=EventHub)
    clerk_id: str = "clerk"
    simulators: SimulatorControls | None = None
    scanner: Scanner | None = None
    #: a keyboard-wedge scanner types into the UI; the UI must tell its bursts apart
    wedge_scanner: bool = False
    #: the suffix the wedge scanner types after each code (None: a pause ends a code)
    wedge_terminator: str | None = "\r"
    closers: list[Callable[[], None]] = field(default_factory=list)
    #: sign-in, audit trail, ledger and efficiency (None for a bare test composition)
    clerk_day: ClerkDay | None = None
    #: a folder a flatbed scanner or a phone share writes pages into (`<data dir>/scans`)
    scan_inbox: Path | None = None
    #: the platform's electronic licence library (None: no platform, e.g. a bare test)
    licences: LicenceService | None = None
    #: the configured printer target is unusable (found at start): intake goes on, the
    #: window says so, receipts are reprinted from the case list once it is fixed
    printer_trouble: TargetVerdict | None = None
    #: asks the receipt printer for its state (device I/O: never on the GUI thread);
    #: None for a composition without a printer
    printer_status: Callable[[], PrinterStatus] | None = None

    def new_session(self, runner: Runner, *, channel: Channel = Channel.WINDOW) -> IntakeSession:
        """An intake session over this station's services and current catalog."""
        clerk = self.clerk_id if channel is Channel.WINDOW else None
        commands = self.clerk_day.intake if self.clerk_day is not None else self.intake
        return IntakeSession(commands, self.catalog, runner, channel=channel, clerk_id=clerk)

    def close(self) -> None:
        for close in reversed(self.closers):
            try:
                close()
            except Exception:
                log.exception("error while closing station services")
        self.closers.clear()

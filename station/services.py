"""What a UI needs from the station, as plain Python objects."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
from numpy.typing import NDArray

from devices.idcard.card import IdCardData
from devices.scanner.base import Scanner
from intake.catalog import Catalog
from station.events import EventHub
from station.intake_service import IntakeService
from sync.engine import SyncEngine, SyncEvent

log = logging.getLogger(__name__)


class FrameSource(Protocol):
    def grab(self) -> NDArray[np.uint8]: ...
    def close(self) -> None: ...


class Poller(Protocol):
    def start(self) -> None: ...
    def stop(self) -> None: ...


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

    def close(self) -> None:
        for close in reversed(self.closers):
            try:
                close()
            except Exception:
                log.exception("error while closing station services")
        self.closers.clear()

"""The kiosk maintenance screen's device diagnostics: each device checked for real, as
`yiwang devices diagnose` does, but through what the running kiosk already holds.

- printer: its target checked and asked for its status (DLE EOT), on a handle of its
  own (the kiosk opens the printer for each job only);
- camera: a frame grabbed from the kiosk's own camera;
- reader: the kiosk's card poller talks to it several times a second: whether it is
  polling and its last poll reached the reader (a second handle on the port would
  garble the poller's exchange);
- scanner: whether the kiosk's scanner started and still listens (its port is held by
  the scanner's own thread).

Every check blocks (serial ports, USB): run it off the GUI thread. A verdict is a code
and parameters, worded by the front end; nothing personal is in any of them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from coded_errors import CodedError
from station.device_health import Health
from station.kiosk_services import KioskServices

log = logging.getLogger(__name__)

DEVICES = ("reader", "camera", "printer", "scanner")


@dataclass(frozen=True)
class DeviceVerdict:
    device: str
    ok: bool
    #: "diagnosis.<code>" the front end words, with `params`
    code: str
    params: dict[str, object] = field(default_factory=dict)
    #: the device's own error when the check failed on one (worded by its code)
    error: CodedError | None = None
    #: a verdict worded elsewhere ("printer_target.<code>" with `params`), else ""
    qualified: str = ""
    #: False: this kiosk has none (a choice of its set-up, not a fault)
    configured: bool = True


@dataclass(frozen=True)
class ReaderState:
    """What the kiosk's card poller knows (None: there is no poller of that kind)."""

    polling: bool
    reachable: bool | None


def check_devices(
    services: KioskServices, reader: Callable[[], ReaderState]
) -> list[DeviceVerdict]:
    checks: dict[str, Callable[[], DeviceVerdict]] = {
        "reader": lambda: _reader(reader()),
        "camera": lambda: _camera(services),
        "printer": lambda: _printer(services),
        "scanner": lambda: _scanner(services),
    }
    verdicts = []
    for device, check in checks.items():
        try:
            verdict = check()
        except CodedError as e:
            verdict = DeviceVerdict(device, False, "failed", error=e)
        except Exception as e:  # a diagnostic never stops half-way
            log.warning("%s diagnostic failed: %r", device, e)
            verdict = DeviceVerdict(device, False, "unexpected", {"what": type(e).__name__})
        if not verdict.configured:
            services.health.report(device, Health.MISSING, "not_configured")
        else:
            services.health.report(device, Health.OK if verdict.ok else Health.FAULT,
                                   "" if verdict.ok else verdict.code)
        verdicts.append(verdict)
    return verdicts


def _reader(state: ReaderState) -> DeviceVerdict:
    if not state.polling:
        return DeviceVerdict("reader", False, "reader_not_polling")
    if state.reachable is False:
        return DeviceVerdict("reader", False, "reader_gone")
    return DeviceVerdict("reader", True, "reader_answers")


def _camera(services: KioskServices) -> DeviceVerdict:
    frame = services.station.camera.grab()
    height, width = int(frame.shape[0]), int(frame.shape[1])
    return DeviceVerdict("camera", True, "camera_frames", {"width": width, "height": height})


def _printer(services: KioskServices) -> DeviceVerdict:
    from station.device_factory import open_printer
    from station.device_settings import load_device_settings
    from station.printer_target_check import check_printer_target

    data_dir = services.station.intake.store.data_dir
    settings = load_device_settings(data_dir)
    verdict = check_printer_target(settings, data_dir)
    if not verdict.ok:
        return DeviceVerdict("printer", False, "printer_target", dict(verdict.params),
                             qualified=f"printer_target.{verdict.code}")
    status = open_printer(settings, data_dir).status()
    if not status.known:
        return DeviceVerdict("printer", True, "printer_silent")
    problem = status.problem
    if problem is not None:
        services.health.report_paper("out" if problem.code == "paper_out" else "unknown")
        return DeviceVerdict("printer", False, "failed", error=problem)
    services.health.report_paper("near_end" if status.paper_near_end else "ok")
    return DeviceVerdict("printer", True,
                         "printer_near_end" if status.paper_near_end else "printer_ready")


def _scanner(services: KioskServices) -> DeviceVerdict:
    station = services.station
    if station.wedge_scanner:
        return DeviceVerdict("scanner", True, "scanner_wedge")
    if station.scanner is None:
        return DeviceVerdict("scanner", False, "scanner_none", configured=False)
    state = services.health.state("scanner")
    if state.health is Health.OK:
        return DeviceVerdict("scanner", True, "scanner_listening")
    return DeviceVerdict("scanner", False, "scanner_stopped")

"""`yiwang doctor`: every check a technician would make on the phone, one verdict each.

A check says what it found (``detail``) and, when it fails, what to do
(``fix``). Checks never change the station: the database is opened read-only,
nothing is enrolled or re-queued, and the only platform calls are a signed
read and a heartbeat.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["Check", "DoctorOptions", "Words", "run_doctor"]

#: a sentence for the human output: its code under "doctor." (ui_shared.error_sources.
#: doctor, worded in Chinese by the catalog) and its words
Words = tuple[str, Mapping[str, object]]


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    fix: str = ""
    #: not run because a check it depends on failed (the platform is unreachable): not a
    #: failure of its own, and never counted as one
    skipped: bool = False
    #: the detail and the fix worded for the human output (``yiwang.doctor.words``);
    #: never in the JSON, whose detail and fix are the English above
    said: Words | None = field(default=None, compare=False)
    fix_said: Words | None = field(default=None, compare=False)
    #: a detail its source words in Chinese already (a device's diagnosis)
    detail_zh: str = field(default="", compare=False)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name, "ok": self.ok, "detail": self.detail,
                                "fix": self.fix}
        if self.skipped:  # the documented shape (name, ok, detail, fix) stays as it was
            data["skipped"] = True
        return data

    @classmethod
    def skip(cls, name: str, reason: str) -> Check:
        return cls(name, False, f"skipped: {reason}", "", skipped=True)


@dataclass(frozen=True)
class DoctorOptions:
    #: the local clock (injectable so a test can make it lie)
    clock: Callable[[], float] | None = None
    #: below this many free bytes on the data dir's file system the disk check fails
    min_free_bytes: int = 200 * 1024 * 1024
    #: a platform clock this far from ours fails the clock check (seconds)
    max_clock_skew: float = 60.0
    #: an undelivered submission older than this fails the queue check (seconds)
    max_queue_age: float = 24 * 3600.0
    #: skip the device checks (the bundle runs them itself)
    devices: bool = True


def run_doctor(data_dir: Path, options: DoctorOptions | None = None) -> list[Check]:
    """Every check, in the order a technician reads them."""
    from yiwang.doctor.local_checks import local_checks
    from yiwang.doctor.platform_checks import platform_checks

    opts = options or DoctorOptions()
    checks = local_checks(Path(data_dir), opts)
    checks += platform_checks(Path(data_dir), opts)
    if opts.devices:
        from yiwang.doctor.local_checks import device_checks

        checks += device_checks(Path(data_dir))
    return checks

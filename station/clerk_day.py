"""The clerk's day composed: accounts, audit trail, audited intake, ledger, efficiency.

Also the ``[clerks]`` table of ``config.toml`` (other tables are kept)::

    [clerks]
    auto_login = "demo"      # a test/demo station signs this clerk in without a PIN
    idle_lock_minutes = 5    # the screen locks after this long without input

``auto_login`` is for demo and test stations only; a real hall leaves it out
and every clerk signs in with a PIN.
"""

from __future__ import annotations

import secrets
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from intake.catalog import Catalog
from station.audit_trail import AuditTrail
from station.audited_intake import AuditedIntake
from station.call_next import CallNext
from station.case_followup import CaseFollowUp
from station.clerks import ClerkDirectory
from station.efficiency import EfficiencyService
from station.intake_service import IntakeService
from station.ledger import LedgerService
from station.pins import MAX_PIN_LENGTH, WeakPin, check_pin_strength
from sync.config import ConfigError
from sync.durable import write_private_file
from sync.store import STATION_TZ, Store

__all__ = [
    "DEMO_CLERK",
    "ClerkDay",
    "SignInSettings",
    "ensure_demo_clerk",
    "load_sign_in_settings",
]

DEMO_CLERK = "demo"
TABLE = "clerks"


@dataclass(frozen=True)
class SignInSettings:
    auto_login: str | None = None
    idle_lock_minutes: float = 5.0
    #: the hall queuing system's "call next" command (see station.call_next), if any
    call_next: tuple[str, ...] = ()


def _read_config(data_dir: Path) -> dict[str, Any]:
    path = data_dir / "config.toml"
    if not path.is_file():
        return {}
    return tomllib.loads(path.read_text(encoding="utf-8"))


def load_sign_in_settings(data_dir: Path) -> SignInSettings:
    table = _read_config(data_dir).get(TABLE, {})
    if not isinstance(table, dict):
        raise ConfigError("clerks_table", f"[{TABLE}] in config.toml must be a table")
    auto = table.get("auto_login")
    idle = table.get("idle_lock_minutes", 5.0)
    if auto is not None and not isinstance(auto, str):
        raise ConfigError("clerks_auto_login", "clerks.auto_login must be a clerk id (text)")
    if isinstance(idle, bool) or not isinstance(idle, int | float) or not 0.5 <= idle <= 240:
        raise ConfigError(
            "clerks_idle_lock", "clerks.idle_lock_minutes must be a number from 0.5 to 240"
        )
    call = table.get("call_next", [])
    if not isinstance(call, list) or not all(isinstance(a, str) and a for a in call):
        raise ConfigError(
            "clerks_call_next", "clerks.call_next must be a list of strings (program and arguments)"
        )
    return SignInSettings(auto or None, float(idle), tuple(call))


def _save_table(data_dir: Path, table: dict[str, Any]) -> None:
    import tomli_w

    doc = _read_config(data_dir)
    doc[TABLE] = table
    write_private_file(data_dir / "config.toml", tomli_w.dumps(doc).encode("utf-8"))


def _random_pin() -> str:
    while True:
        pin = "".join(secrets.choice("0123456789") for _ in range(MAX_PIN_LENGTH))
        try:
            check_pin_strength(pin)
        except WeakPin:
            continue
        return pin


def ensure_demo_clerk(data_dir: Path, store: Store | None = None) -> None:
    """Give a demo station its demo clerk (a random PIN nobody knows) and auto-login."""
    own = store is None
    st = store or Store(data_dir)
    try:
        directory = ClerkDirectory(st)
        if st.clerk_row(DEMO_CLERK) is None:
            directory.add(DEMO_CLERK, "演示窗口", _random_pin(), by="setup")
    finally:
        if own:
            st.close()
    table = dict(_read_config(data_dir).get(TABLE, {}))
    table["auto_login"] = DEMO_CLERK
    _save_table(data_dir, table)


@dataclass
class ClerkDay:
    directory: ClerkDirectory
    trail: AuditTrail
    intake: AuditedIntake
    ledger: LedgerService
    efficiency: EfficiencyService
    settings: SignInSettings
    call_next: CallNext | None = None
    #: 补正 and 办结领取 on an existing case (None for a bare test composition)
    followup: CaseFollowUp | None = None


def build_clerk_day(
    store: Store,
    intake: IntakeService,
    catalog: Catalog,
    settings: SignInSettings,
    clerk: Callable[[], str],
) -> ClerkDay:
    trail = AuditTrail(store)
    return ClerkDay(
        directory=ClerkDirectory(store),
        trail=trail,
        intake=AuditedIntake(intake, trail, clerk),
        ledger=LedgerService(store, catalog, store.lookup_hasher(), tz=STATION_TZ, intake=intake),
        efficiency=EfficiencyService(store, catalog, tz=STATION_TZ),
        settings=settings,
        call_next=CallNext(settings.call_next) if settings.call_next else None,
        followup=CaseFollowUp(store, catalog, intake),
    )

"""English source sentences for every code a person may be told about: one table.

Keyed by the qualified code ("printer.paper_out", "intake.id.check_digit",
"sync.link_down"); a variant of one code is keyed "code[variant]" (the error's
``variant`` parameter picks it), a parameter value that names something is worded
from "family.param.value" ("intake.kind.birth_certificate"). ``{name}`` takes a
parameter. The sentences are English; the Chinese comes from the Qt translation
catalog (context "ErrorText"), so this package imports no Qt and the command line
can word errors in English with it (``ui_shared.error_text``).
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

from ui_shared.error_sources.accounts import ACCOUNTS
from ui_shared.error_sources.config_words import CONFIG_WORDS
from ui_shared.error_sources.devices import DEVICES
from ui_shared.error_sources.doctor import DOCTOR
from ui_shared.error_sources.intake import INTAKE
from ui_shared.error_sources.marker import CONTEXT
from ui_shared.error_sources.session import SESSION
from ui_shared.error_sources.station import STATION
from ui_shared.error_sources.sync import SYNC

__all__ = ["CONTEXT", "SOURCES"]

SOURCES: Final = MappingProxyType(
    {**ACCOUNTS, **DEVICES, **INTAKE, **SYNC, **SESSION, **STATION, **CONFIG_WORDS, **DOCTOR}
)

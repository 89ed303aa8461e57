"""One-shot read for technicians: the contract behind
``yiwang devices read-id --port PATH --json``.
"""

from __future__ import annotations

import time
from typing import Any

from devices.idcard.card import LONG_TERM, IdCardData
from devices.idcard.errors import DeviceError
from devices.idcard.reader import IdCardReader

__all__ = ["JSON_KEYS", "card_to_json", "read_id_json"]

JSON_KEYS = (
    "name",
    "gender",
    "nation",
    "birth_date",
    "address",
    "id_number",
    "issuer",
    "valid_from",
    "valid_until",
    "card_type",
)

_POLL = 0.1


def card_to_json(card: IdCardData) -> dict[str, Any]:
    """Exactly the keys of :data:`JSON_KEYS`; dates as ISO strings, 长期 kept as "长期"."""
    return {
        "name": card.name,
        "gender": card.gender,
        "nation": card.nation,
        "birth_date": card.birth_date.isoformat(),
        "address": card.address,
        "id_number": card.id_number,
        "issuer": card.issuer,
        "valid_from": card.valid_from.isoformat(),
        "valid_until": LONG_TERM if card.valid_until is None else card.valid_until.isoformat(),
        "card_type": str(card.card_type),
    }


def read_id_json(port: str, timeout: float, *, deadline: float | None = None) -> dict[str, Any]:
    """Wait up to ``timeout`` seconds (or until ``deadline``, a ``time.monotonic()``
    instant, when given: the caller's timeout started earlier) for a card on the
    reader at ``port`` and read it; never longer, whatever the reader does.

    Raises :class:`DeviceError` when the port cannot be opened, the reader
    does not answer, the card cannot be read, or no card was presented in
    time (code ``no_card``).
    """
    if timeout <= 0:
        raise ValueError("timeout must be positive")
    if deadline is None:
        deadline = time.monotonic() + timeout
    with IdCardReader(port, timeout=max(min(deadline - time.monotonic(), 2.0), 0.01)) as reader:
        # the whole read, every command and retry of it, ends by the deadline
        reader.deadline = deadline
        answered = False
        no_card = DeviceError("no_card", f"no card was presented on {port} within {timeout:g} s")
        while True:
            try:
                card = reader.read_card()
            except DeviceError as e:
                if e.code != "timeout" or time.monotonic() < deadline:
                    raise
                if answered:  # the deadline cut a poll short: the reader is there
                    raise no_card from e
                raise DeviceError(
                    "timeout",
                    f"the ID card reader on {port} did not answer within {timeout:g} s",
                ) from e
            if card is not None:
                return card_to_json(card)
            answered = True
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise no_card
            time.sleep(min(_POLL, remaining))

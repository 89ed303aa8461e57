"""The wire format both sides of the sync protocol share (docs/protocol.md).

``wire.canonical`` (canonical and strict JSON), ``wire.signing`` (request signatures,
receipt tags, delivery proofs), ``wire.headers`` (header names), ``wire.errors`` (error
codes), ``wire.receipts`` (receipt numbers) and ``wire.schemas`` (request and answer
bodies). Nothing else is shared between the station (``sync``) and the reference
platform (``reference_platform``); this package imports nothing of ours.
"""

"""The messages of a compiled Qt translation (.qm), read without Qt.

The command line words its errors in Chinese from the bundled catalog
(``ui_shared.error_text``); loading QtCore for that (and shiboken's signature
support behind it) cost each `yiwang doctor`, `devices` or `sync` process about half
a CPU-second. The file is a header and tagged blocks; its messages block holds, per
message, the context, source text, comment and translation (UTF-16BE), as lrelease
writes them (scripts/update_translations.py). Anything else in the file is ignored;
a file that is not a .qm, or is cut short, gives an empty catalog (then English is
shown, as when no catalog is found). tests/ui_shared/test_qm_catalog.py proves it
agrees with QTranslator on every message of the bundled file.
"""

from __future__ import annotations

import struct
from pathlib import Path

MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
_MESSAGES = 0x69
# message record tags (qtranslator.cpp)
_END, _SOURCE16, _TRANSLATION, _CONTEXT16, _OBSOLETE1 = 1, 2, 3, 4, 5
_SOURCE, _CONTEXT, _COMMENT, _OBSOLETE2 = 6, 7, 8, 9
_NULL = 0xFFFFFFFF

Catalog = dict[tuple[str, str], str]


def read_catalog(path: Path) -> Catalog:
    """{(context, source text): translation} of the messages without a comment."""
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    if not data.startswith(MAGIC):
        return {}
    try:
        return _messages(_block(data, _MESSAGES))
    except (struct.error, IndexError, UnicodeDecodeError):
        return {}


def _block(data: bytes, wanted: int) -> bytes:
    pos = len(MAGIC)
    while pos + 5 <= len(data):
        tag = data[pos]
        (length,) = struct.unpack_from(">I", data, pos + 1)
        if pos + 5 + length > len(data):
            raise IndexError("cut short")
        if tag == wanted:
            return data[pos + 5:pos + 5 + length]
        pos += 5 + length
    return b""


def _messages(block: bytes) -> Catalog:
    catalog: Catalog = {}
    pos = 0
    fields: dict[int, bytes] = {}
    while pos < len(block):
        tag = block[pos]
        pos += 1
        if tag == _END:
            _add(catalog, fields)
            fields = {}
        elif tag in (_OBSOLETE1, _OBSOLETE2):
            continue
        elif tag in (_SOURCE16, _TRANSLATION, _CONTEXT16, _SOURCE, _CONTEXT, _COMMENT):
            (length,) = struct.unpack_from(">I", block, pos)
            pos += 4
            if length == _NULL:
                length = 0
            if pos + length > len(block):
                raise IndexError("cut short")
            value = block[pos:pos + length]
            pos += length
            fields.setdefault(tag, value)  # numerus forms: the first translation
        else:  # a tag this reader does not know: stop rather than misread the rest
            break
    return catalog


def _add(catalog: Catalog, fields: dict[int, bytes]) -> None:
    if fields.get(_COMMENT) or _TRANSLATION not in fields:
        return
    source, context = fields.get(_SOURCE), fields.get(_CONTEXT)
    if source is None or context is None:  # only hashes kept: not readable here
        return
    translation = fields[_TRANSLATION].decode("utf-16-be")
    if translation:
        catalog[(context.decode("utf-8"), source.decode("utf-8"))] = translation

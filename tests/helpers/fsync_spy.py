"""Record what is fsync'd (the real fsync still runs): durability is an order of calls."""

from __future__ import annotations

import os

import pytest


def spy_fsync(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The path of every fsync'd descriptor, in order, with "/" appended to directories."""
    synced: list[str] = []
    real_fsync = os.fsync

    def spy(fd: int) -> None:
        path = os.readlink(f"/proc/self/fd/{fd}")
        synced.append(path + "/" if os.path.isdir(path) else path)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", spy)
    return synced


def kinds(synced: list[str]) -> list[str]:
    """"file"/"dir" for each recorded fsync."""
    return ["dir" if p.endswith("/") else "file" for p in synced]

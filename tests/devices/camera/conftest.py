"""Shared synthetic photos (rendering costs ~0.3 s each; render once per session)."""

from __future__ import annotations

import functools

from devices.camera.synthetic import SyntheticPhoto, render_document

TITLE = "城乡居民养老保险参保登记表"


@functools.cache
def photo(seed: int, **kw: object) -> SyntheticPhoto:
    return render_document(TITLE, f"受理回执 S001-20261125-{seed:04d}", seed=seed, **kw)  # type: ignore[arg-type]

"""What `yiwang devices diagnose` and `test-print` say when the station's configuration
cannot be used: one wording for both, from the error codes' catalog (Chinese) with the
English detail beside it."""

from __future__ import annotations

from pathlib import Path

from ui_shared.error_text import code_text

#: (JSON error code, Chinese, English), as the commands' `fail` takes them
Refusal = tuple[str, str, str]


def no_config(data_dir: Path) -> Refusal:
    """The station has no config.toml (not set up)."""
    zh = code_text("config.missing_file") or "config.toml"
    return "no_config", zh, f"no config.toml in {data_dir}; set the station up first"


def config_invalid(error: BaseException) -> Refusal:
    """The [devices] settings cannot be read (malformed TOML, a refused value, I/O)."""
    zh = code_text("config.unreadable", {"file": "config.toml"}) or "config.toml"
    return "config_invalid", f"{zh}：{error}", f"cannot read the [devices] settings: {error}"

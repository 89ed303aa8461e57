"""What `yiwang devices diagnose` and `test-print` say when the station's configuration
cannot be used: one wording for both, from the error codes' catalog (Chinese) with the
English detail beside it."""

from __future__ import annotations

from pathlib import Path

from coded_errors import CodedError
from ui_shared.error_text import code_text, error_text

#: (JSON error code, Chinese, English), as the commands' `fail` takes them
Refusal = tuple[str, str, str]


def no_config(data_dir: Path) -> Refusal:
    """The station has no config.toml (not set up)."""
    zh = code_text("config.missing_file") or "config.toml"
    return "no_config", zh, f"no config.toml in {data_dir}; set the station up first"


#: the refusals that mean "configuration missing or invalid": exit 2, as the README's
#: exit-code table and `yiwang clerk`/`kiosk` say (they exited 1, a failed check)
CONFIG_REFUSALS = frozenset({"no_data_dir", "no_config", "config_invalid"})


def config_invalid(error: BaseException) -> Refusal:
    """The [devices] settings cannot be read (malformed TOML, a refused value, I/O).
    A refused value is worded as the clerk and kiosk word it (the key, what it must
    be, the file and line), not as a Chinese prefix before the English detail."""
    if isinstance(error, CodedError):
        worded = error_text(error)
    else:
        zh = code_text("config.unreadable", {"file": "config.toml"}) or "config.toml"
        worded = f"{zh}：{error}"
    return "config_invalid", worded, f"cannot read the [devices] settings: {error}"

"""The documentation table of a configuration schema (docs/configuration.md)."""

from __future__ import annotations

from sync.config_schema import VERSION_KEY, Schema, show_value, type_name

__all__ = ["markdown"]


def markdown(schema: Schema, *, title: str, intro: str) -> str:
    """The documentation table of every key, one section per table."""
    out = [f"# {title}", "", intro, "", f"Current format: `{VERSION_KEY} = {schema.version}`.", ""]
    for table in schema.tables:
        out += [f"## `[{table.name}]` — {table.meaning}", ""]
        out += ["| key | type | default | allowed | meaning | secret |", "|---" * 6 + "|"]
        for k in table.keys:
            default = "*(required)*" if k.required else f"`{show_value(k.default)}`"
            allowed, meaning = (_cell(k.allowed()), _cell(k.meaning))
            secret = "yes" if k.secret else "no"
            out.append(
                f"| `{k.name}` | {type_name(k.type)} | {default} | {allowed} | "
                f"{meaning} | {secret} |"
            )
        out.append("")
    return "\n".join(out)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")

"""What the UI says about an error: our errors carry Chinese text for people."""

from __future__ import annotations


def user_message(error: BaseException, fallback: str = "") -> str:
    """`message_zh` when the error has one, else the fallback, else the error's text."""
    return str(getattr(error, "message_zh", "") or fallback or error)

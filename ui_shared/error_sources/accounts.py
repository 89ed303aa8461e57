"""Clerk accounts, PINs and the call-next hook (``station.clerks``, ``station.pins``,
``station.kiosk_pin``, ``station.call_next``), worded by "clerk.*", "pin.*",
"call_next.*".

English source sentences, marked for lupdate; the Chinese is in
resources/translations/yiwang_zh_CN.ts (context "ErrorText").
"""

from __future__ import annotations

from ui_shared.error_sources.marker import QT_TRANSLATE_NOOP

ACCOUNTS: dict[str, str] = {
    "pin.pin_not_digits": QT_TRANSLATE_NOOP("ErrorText", "A PIN is digits only."),
    "pin.pin_length": QT_TRANSLATE_NOOP("ErrorText", "A PIN has {min} to {max} digits."),
    "pin.pin_trivial": QT_TRANSLATE_NOOP(
        "ErrorText",
        "This PIN is too weak: not one repeated digit or a run like 123456.",
    ),
    "pin.pin_not_set": QT_TRANSLATE_NOOP("ErrorText", "No maintenance PIN is set."),
    "clerk.bad_clerk_id": QT_TRANSLATE_NOOP(
        "ErrorText",
        "A clerk ID is 1-32 letters, digits, '_', '.' or '-'.",
    ),
    "clerk.bad_clerk_name": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Enter the clerk's name (at most {max} characters).",
    ),
    "clerk.unknown_clerk": QT_TRANSLATE_NOOP("ErrorText", "There is no clerk {clerk}."),
    "clerk.clerk_disabled": QT_TRANSLATE_NOOP("ErrorText", "The clerk {clerk} is disabled."),
    "clerk.pin_unchanged": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The new PIN must differ from the current one.",
    ),
    "clerk.admin_refused": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The administrator's ID or PIN is wrong.",
    ),
    "clerk.not_admin": QT_TRANSLATE_NOOP("ErrorText", "Only an administrator can manage clerks."),
    "clerk.clerk_exists": QT_TRANSLATE_NOOP("ErrorText", "A clerk with this ID exists already."),
    "clerk.last_admin": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The last administrator cannot be disabled.",
    ),
    "clerk.disable_self": QT_TRANSLATE_NOOP(
        "ErrorText",
        "You cannot disable the account you are signed in with.",
    ),
    "call_next.call_next_missing": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The queuing system's command is missing. Call the next applicant by voice.",
    ),
    "call_next.call_next_timeout": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The queuing system did not answer. Call the next applicant by voice.",
    ),
    "call_next.call_next_failed": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The queuing system failed. Call the next applicant by voice.",
    ),
}

"""Station-level errors: local storage (``sync.crypto``), configuration, start-up.

English source sentences, marked for lupdate; the Chinese is in
resources/translations/yiwang_zh_CN.ts (context "ErrorText").
"""

from __future__ import annotations

from ui_shared.error_sources.marker import QT_TRANSLATE_NOOP

STATION: dict[str, str] = {
    "storage.storage_error": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Local storage failed; call the technician",
    ),
    "storage.store_error": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Local storage failed; call the technician",
    ),
    "storage.key_error": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The station's key file is damaged; call the technician",
    ),
    "storage.decryption_failed": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Local data is damaged or was tampered with; call the technician",
    ),
    "storage.storage_full": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The storage is full; call the technician",
    ),
    "storage.blob_not_found": QT_TRANSLATE_NOOP(
        "ErrorText",
        "A captured page file is missing; capture it again",
    ),
    "storage.blob_corrupted": QT_TRANSLATE_NOOP(
        "ErrorText",
        "A captured page file is damaged; capture it again or call the technician",
    ),
    "storage.unknown_submission": QT_TRANSLATE_NOOP("ErrorText", "The case was not found"),
    "storage.duplicate_submission": QT_TRANSLATE_NOOP(
        "ErrorText",
        "A case with the same number but different content exists; accept it again",
    ),
    "storage.missing_blobs": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Some page images were not saved; capture them again before accepting",
    ),
    "storage.schema_too_new": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The station's data was written by a newer version of the software; upgrade the software",
    ),
    "storage.data_dir_unusable": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The station's data folder cannot be read or written; ask the technician to check the disk and the folder's permissions",  # noqa: E501
    ),
    "storage.database_locked": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The station's database is in use by another program; try again later or call the technician",  # noqa: E501
    ),
    "storage.highwater_unreadable": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The receipt number record is damaged; call the technician",
    ),
    "storage.store_damaged": QT_TRANSLATE_NOOP(
        "ErrorText",
        "{kind}; receipts are stopped. Ask the technician to run yiwang recover --data-dir {data_dir} to restore the data.",  # noqa: E501
    ),
    "storage.store_damaged[kept]": QT_TRANSLATE_NOOP(
        "ErrorText",
        "{kind}; receipts are stopped; the old files are kept as {kept}. Ask the technician to run yiwang recover --data-dir {data_dir} to restore the data.",  # noqa: E501
    ),
    "storage.kind.missing": QT_TRANSLATE_NOOP("ErrorText", "The station database file is missing"),
    "storage.kind.truncated": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The station database file was truncated to nothing",
    ),
    "storage.kind.corrupt": QT_TRANSLATE_NOOP("ErrorText", "The station database file is damaged"),
    "storage.kind.schema": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The station database has lost its structure",
    ),
    "storage.kind.behind": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The station database lacks receipts it once issued (lost log file or an old copy)",
    ),
    "storage.kind.record": QT_TRANSLATE_NOOP("ErrorText", "The receipt number record is damaged"),
    "config.not_enrolled": QT_TRANSLATE_NOOP(
        "ErrorText",
        "This station is not enrolled with the platform; the technician must enroll it with an enrollment code",  # noqa: E501
    ),
    "config.credentials_refused": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The platform refused this station's credentials; the technician must enroll it again",
    ),
    "config.data_dir_missing": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The data directory {data_dir} does not exist; ask the technician to check the station's setup",  # noqa: E501
    ),
    "config.credentials": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The platform credentials file is damaged; the technician must enroll this station again",
    ),
    "config.insecure_url": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The platform address must start with https:// (only a test platform on this machine may use http://): platform.url = {url}",  # noqa: E501
    ),
    "config.missing_file": QT_TRANSLATE_NOOP(
        "ErrorText",
        "No configuration file config.toml; finish the station setup first",
    ),
    "config.unreadable": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The configuration file {file} cannot be read",
    ),
    "config.unreadable[or_malformed]": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The configuration file {file} cannot be read or is malformed",
    ),
    "config.syntax": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The configuration file {file} is malformed: {error}",
    ),
    "config.version": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The configuration file's version ({key}) is not valid",
    ),
    "config.version[newer]": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The configuration file is newer than this software; upgrade the software",
    ),
    "config.not_table": QT_TRANSLATE_NOOP(
        "ErrorText",
        "[{key}] in the configuration file is malformed ({file}:{line})",
    ),
    "config.not_table[no_line]": QT_TRANSLATE_NOOP(
        "ErrorText",
        "[{key}] in the configuration file is malformed ({file})",
    ),
    "config.unknown_key": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The configuration file has an unknown entry {key} ({file}:{line})",
    ),
    "config.unknown_key[no_line]": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The configuration file has an unknown entry {key} ({file})",
    ),
    "config.required": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The configuration file lacks the required entry {key}",
    ),
    "config.invalid": QT_TRANSLATE_NOOP(
        "ErrorText",
        "{key} is not valid: {problem_en} ({file}:{line})",
    ),
    "config.invalid[no_line]": QT_TRANSLATE_NOOP(
        "ErrorText",
        "{key} is not valid: {problem_en} ({file})",
    ),
    "config.invalid[value]": QT_TRANSLATE_NOOP("ErrorText", "{key} is not valid: {problem_en}"),
    "config.enrollment_code": QT_TRANSLATE_NOOP(
        "ErrorText",
        "An enrollment code is needed: the station is not enrolled, or its code, platform or role changed",  # noqa: E501
    ),
    "config.clerks_table": QT_TRANSLATE_NOOP(
        "ErrorText",
        "[clerks] in the configuration file must be a table",
    ),
    "config.clerks_auto_login": QT_TRANSLATE_NOOP(
        "ErrorText",
        "clerks.auto_login must be a clerk id",
    ),
    "config.clerks_idle_lock": QT_TRANSLATE_NOOP(
        "ErrorText",
        "clerks.idle_lock_minutes must be a number from 0.5 to 240",
    ),
    "config.clerks_call_next": QT_TRANSLATE_NOOP(
        "ErrorText",
        "clerks.call_next must be a list of strings (the program and its arguments)",
    ),
    # 容缺受理 reminders on the case view (``station.deficiency_due.OwedWarning``)
    "deficiency.overdue": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Owed materials overdue: {materials} were due by {year}-{month}-{day}, {days} working day(s) ago; contact the applicant",  # noqa: E501
    ),
    "deficiency.near": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Owed materials due soon: {materials} by {year}-{month}-{day} ({days} working day(s) left)",
    ),
    "acceptance.deficiency": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Accepted with materials owed: {materials}, to bring by {year}-{month}-{day}",
    ),
    "acceptance.commitment": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Accepted on a signed commitment in place of {materials}",
    ),
    "acceptance.label.deficiency": QT_TRANSLATE_NOOP("ErrorText", "Accepted with materials owed"),
    "acceptance.label.commitment": QT_TRANSLATE_NOOP(
        "ErrorText", "Accepted on a signed commitment"
    ),
    "station.data_dir_missing": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The data directory {data_dir} does not exist; ask the technician to check the station's setup",  # noqa: E501
    ),
    "station.unavailable": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The station cannot start; the details are in the log file",
    ),
}

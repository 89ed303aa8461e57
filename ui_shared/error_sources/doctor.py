"""`yiwang doctor`'s human output (``yiwang.doctor.words``), worded by "doctor.*": the
verdict marks, each check's name, the fix label, the summary and the bundle lines.
The JSON output (``--json``) is a contract and is never worded.

English source sentences, marked for lupdate; the Chinese is in
resources/translations/yiwang_zh_CN.ts (context "ErrorText").
"""

from __future__ import annotations

from ui_shared.error_sources.marker import QT_TRANSLATE_NOOP

DOCTOR: dict[str, str] = {
    "doctor.mark.ok": QT_TRANSLATE_NOOP("ErrorText", "OK"),
    "doctor.mark.fail": QT_TRANSLATE_NOOP("ErrorText", "FAIL"),
    "doctor.mark.skip": QT_TRANSLATE_NOOP("ErrorText", "SKIP"),
    "doctor.fix": QT_TRANSLATE_NOOP("ErrorText", "-> fix:"),
    "doctor.skipped": QT_TRANSLATE_NOOP("ErrorText", "skipped:"),
    "doctor.all_passed": QT_TRANSLATE_NOOP("ErrorText", "all checks passed"),
    "doctor.failed": QT_TRANSLATE_NOOP("ErrorText", "{failed} check(s) failed"),
    "doctor.failed[skipped]": QT_TRANSLATE_NOOP(
        "ErrorText", "{failed} check(s) failed, {skipped} skipped"
    ),
    "doctor.bundle_written": QT_TRANSLATE_NOOP("ErrorText", "diagnostics bundle written to"),
    "doctor.bundle_failed": QT_TRANSLATE_NOOP("ErrorText", "cannot write the bundle"),
    "doctor.check.config": QT_TRANSLATE_NOOP("ErrorText", "configuration"),
    "doctor.check.credentials": QT_TRANSLATE_NOOP("ErrorText", "platform credentials"),
    "doctor.check.database": QT_TRANSLATE_NOOP("ErrorText", "database"),
    "doctor.check.backups": QT_TRANSLATE_NOOP("ErrorText", "database backups"),
    "doctor.check.disk": QT_TRANSLATE_NOOP("ErrorText", "disk space"),
    "doctor.check.queue": QT_TRANSLATE_NOOP("ErrorText", "delivery queue"),
    "doctor.check.platform": QT_TRANSLATE_NOOP("ErrorText", "platform reachable"),
    "doctor.check.tls": QT_TRANSLATE_NOOP("ErrorText", "TLS certificate"),
    "doctor.check.signature": QT_TRANSLATE_NOOP("ErrorText", "signed request"),
    "doctor.check.clock": QT_TRANSLATE_NOOP("ErrorText", "clock"),
    "doctor.check.heartbeat": QT_TRANSLATE_NOOP("ErrorText", "heartbeat"),
    "doctor.check.devices": QT_TRANSLATE_NOOP("ErrorText", "devices"),
    "doctor.check.device.idcard": QT_TRANSLATE_NOOP("ErrorText", "ID card reader"),
    "doctor.check.device.camera": QT_TRANSLATE_NOOP("ErrorText", "document camera"),
    "doctor.check.device.printer": QT_TRANSLATE_NOOP("ErrorText", "receipt printer"),
    "doctor.check.device.scanner": QT_TRANSLATE_NOOP("ErrorText", "barcode scanner"),
    "doctor.skip.no config": QT_TRANSLATE_NOOP("ErrorText", "no configuration"),
    "doctor.skip.TLS refused": QT_TRANSLATE_NOOP("ErrorText", "the TLS certificate was refused"),
    "doctor.skip.platform unreachable": QT_TRANSLATE_NOOP(
        "ErrorText",
        "the platform is unreachable",
    ),
    "doctor.skip.signature refused": QT_TRANSLATE_NOOP(
        "ErrorText",
        "the signed request was refused",
    ),
    "doctor.skip.wrong platform URL": QT_TRANSLATE_NOOP("ErrorText", "the platform URL is wrong"),
    "doctor.config.no_data_dir": QT_TRANSLATE_NOOP("ErrorText", "no data directory at {dir}"),
    "doctor.config.ok": QT_TRANSLATE_NOOP(
        "ErrorText",
        "config.toml valid: station {station} ({role}), platform {url}",
    ),
    "doctor.credentials.ok": QT_TRANSLATE_NOOP("ErrorText", "enrolled as station id {id}"),
    "doctor.database.none_yet": QT_TRANSLATE_NOOP(
        "ErrorText",
        "no database yet (created when the station first starts)",
    ),
    "doctor.database.newer": QT_TRANSLATE_NOOP(
        "ErrorText",
        "the database has schema v{version}, newer than this software (v{ours})",
    ),
    "doctor.database.ok": QT_TRANSLATE_NOOP(
        "ErrorText",
        "database intact (quick_check ok, schema v{version}, {rows} cases)",
    ),
    "doctor.backups.no_database": QT_TRANSLATE_NOOP(
        "ErrorText",
        "no database yet (backups start with the station)",
    ),
    "doctor.backups.first_soon": QT_TRANSLATE_NOOP(
        "ErrorText",
        "no backup yet (info): the station started {minutes} min ago with no case; the "
        "first backup goes to {folder} within {every} min or right after the first accept",
    ),
    "doctor.backups.none": QT_TRANSLATE_NOOP("ErrorText", "no database backup in {folder}"),
    "doctor.backups.damaged": QT_TRANSLATE_NOOP(
        "ErrorText",
        "the newest backup {name} is damaged: {verdict}",
    ),
    "doctor.backups.behind": QT_TRANSLATE_NOOP(
        "ErrorText",
        "{count} generation(s) in {folder}; newest {name} is {minutes} min older than the "
        "database",
    ),
    "doctor.backups.ok": QT_TRANSLATE_NOOP(
        "ErrorText",
        "{count} generation(s) in {folder}; newest {name}",
    ),
    "doctor.disk.low": QT_TRANSLATE_NOOP(
        "ErrorText",
        "only {free} MB free for {dir} (need {need} MB)",
    ),
    "doctor.disk.ok": QT_TRANSLATE_NOOP("ErrorText", "{free} MB free of {total} MB"),
    "doctor.queue.none": QT_TRANSLATE_NOOP("ErrorText", "no cases yet"),
    "doctor.queue.ok": QT_TRANSLATE_NOOP(
        "ErrorText",
        "{delivered} delivered, {undelivered} not yet delivered",
    ),
    "doctor.queue.ok[oldest]": QT_TRANSLATE_NOOP(
        "ErrorText",
        "{delivered} delivered, {undelivered} not yet delivered; oldest accepted {hours} h "
        "ago",
    ),
    "doctor.platform.ok": QT_TRANSLATE_NOOP("ErrorText", "{url} answers as the platform"),
    "doctor.platform.network": QT_TRANSLATE_NOOP("ErrorText", "{url} answers on the network"),
    # the platform unreachable: where, and one kind of outage (yiwang.doctor.outage);
    # the kind is worded through "doctor.kind.<kind>"
    "doctor.platform.unreachable": QT_TRANSLATE_NOOP(
        "ErrorText",
        "cannot reach the platform at {host}: {kind}",
    ),
    "doctor.kind.refused": QT_TRANSLATE_NOOP(
        "ErrorText",
        "connection refused (nothing listens on that port, or a firewall rejects it)",
    ),
    "doctor.kind.timeout": QT_TRANSLATE_NOOP(
        "ErrorText",
        "timed out (the host does not answer: network down, firewall dropping, or platform "
        "overloaded)",
    ),
    "doctor.kind.dns": QT_TRANSLATE_NOOP("ErrorText", "DNS: the host name cannot be resolved"),
    "doctor.kind.tls": QT_TRANSLATE_NOOP("ErrorText", "TLS handshake failed"),
    "doctor.kind.no_route": QT_TRANSLATE_NOOP(
        "ErrorText",
        "no route to the host (network or cable down)",
    ),
    "doctor.kind.reset": QT_TRANSLATE_NOOP("ErrorText", "the connection was reset"),
    "doctor.kind.network": QT_TRANSLATE_NOOP("ErrorText", "network error"),
    "doctor.tls.untrusted": QT_TRANSLATE_NOOP(
        "ErrorText",
        "the platform's certificate at {host} is not trusted ({reason})",
    ),
    "doctor.tls.ok": QT_TRANSLATE_NOOP(
        "ErrorText",
        "certificate verified against the system's CAs",
    ),
    "doctor.tls.ok[bundle]": QT_TRANSLATE_NOOP(
        "ErrorText",
        "certificate verified against the CA bundle {bundle}",
    ),
    "doctor.tls.loopback": QT_TRANSLATE_NOOP(
        "ErrorText",
        "plain HTTP to a platform on this machine (demo or test)",
    ),
    "doctor.tls.plain_http": QT_TRANSLATE_NOOP(
        "ErrorText",
        "{url} is plain HTTP across the network: submissions would travel unencrypted",
    ),
    "doctor.clock.ok": QT_TRANSLATE_NOOP("ErrorText", "within {seconds} s of the platform's clock"),
    "doctor.clock.off[behind]": QT_TRANSLATE_NOOP(
        "ErrorText", "this machine's clock is {seconds} s behind the platform's"
    ),
    "doctor.clock.off[ahead]": QT_TRANSLATE_NOOP(
        "ErrorText", "this machine's clock is {seconds} s ahead of the platform's"
    ),
    "doctor.fix.clock": QT_TRANSLATE_NOOP(
        "ErrorText",
        "set the time (`timedatectl set-ntp true`, or `timedatectl set-time` where no NTP "
        "server is reachable); receipts are dated by this clock",
    ),
    "doctor.signature.ok": QT_TRANSLATE_NOOP("ErrorText", "a signed request was accepted"),
    "doctor.heartbeat.ok": QT_TRANSLATE_NOOP("ErrorText", "heartbeat accepted"),
    "doctor.fix.setup": QT_TRANSLATE_NOOP(
        "ErrorText",
        "set the station up: `yiwang setup --data-dir {dir}` (the wizard, or with "
        "--platform, --enrollment-code, --station-code, --role and --devices)",
    ),
    "doctor.fix.edit_config": QT_TRANSLATE_NOOP(
        "ErrorText",
        "edit {path} (see docs/configuration.md), or set the station up again: `yiwang "
        "setup --data-dir {dir}`",
    ),
    "doctor.fix.enroll_again": QT_TRANSLATE_NOOP(
        "ErrorText",
        "enroll again with a new code from the platform: `yiwang setup --data-dir {dir}`",
    ),
    "doctor.fix.recover": QT_TRANSLATE_NOOP(
        "ErrorText",
        "stop the station's services, then run `yiwang recover --data-dir {dir}`",
    ),
    "doctor.fix.free_space": QT_TRANSLATE_NOOP(
        "ErrorText",
        "free space on the file system of {dir} (old logs, other files) or move the data "
        "directory to a larger disk; the station needs room for every page it captures",
    ),
    "doctor.fix.no_downgrade": QT_TRANSLATE_NOOP(
        "ErrorText",
        "install the software version that wrote it (do not downgrade a station)",
    ),
    "doctor.fix.config_first": QT_TRANSLATE_NOOP("ErrorText", "fix the configuration first"),
    "doctor.fix.backups": QT_TRANSLATE_NOOP(
        "ErrorText",
        "keep the clerk window or kiosk running (it makes the backups), and make sure "
        "{folder} exists, is writable by the station's user and has free space ([sync] "
        "backup_dir)",
    ),
    "doctor.fix.quarantined": QT_TRANSLATE_NOOP(
        "ErrorText",
        "open “办件查询” (case search) in the clerk window, correct each refused case and "
        "send it again",
    ),
    "doctor.fix.sync_service": QT_TRANSLATE_NOOP(
        "ErrorText",
        "make sure the sync service runs (`systemctl status yiwang-sync`) and the platform "
        "is reachable (see the platform checks)",
    ),
    "doctor.fix.device.idcard": QT_TRANSLATE_NOOP(
        "ErrorText",
        "check the reader's USB/serial cable and power, then `yiwang devices list`; set "
        "[devices] idcard to the port it shows (or \"auto\")",
    ),
    "doctor.fix.device.camera": QT_TRANSLATE_NOOP(
        "ErrorText",
        "check the document camera's USB cable; `yiwang devices list` shows /dev/video*; "
        "set [devices] camera to its index",
    ),
    "doctor.fix.device.printer": QT_TRANSLATE_NOOP(
        "ErrorText",
        "check power, cable and paper; set [devices] printer (serial:/dev/yiwang-printer, "
        "usb:VID:PID, tcp:HOST) and try `yiwang devices test-print --data-dir DIR`",
    ),
    "doctor.fix.device.scanner": QT_TRANSLATE_NOOP(
        "ErrorText",
        "check the scanner's cable; set [devices] scanner (none, wedge, serial:PORT, "
        "evdev:PATH)",
    ),
    "doctor.fix.config_and_enrollment": QT_TRANSLATE_NOOP(
        "ErrorText",
        "fix the configuration and enrollment first (see the config and credentials "
        "checks)",
    ),
    "doctor.fix.tls": QT_TRANSLATE_NOOP(
        "ErrorText",
        "set [platform] ca_bundle to the province's CA bundle (PEM) or fix the machine's "
        "trust store; check for a TLS-intercepting proxy",
    ),
    "doctor.fix.not_platform": QT_TRANSLATE_NOOP(
        "ErrorText",
        "something else answers at platform.url (a proxy or portal, or a wrong address): "
        "correct [platform] url with `yiwang setup`, or log in to the network portal",
    ),
    "doctor.fix.network": QT_TRANSLATE_NOOP(
        "ErrorText",
        "check the network and that the platform runs at {url} (e.g. `curl -I URL`); "
        "correct [platform] url if it is wrong",
    ),
    "doctor.fix.signature": QT_TRANSLATE_NOOP(
        "ErrorText",
        "the credentials are not (or no longer) valid there: enroll again with a new code "
        "(`yiwang setup`); if the platform URL changed, correct it first",
    ),
    "doctor.fix.api_path": QT_TRANSLATE_NOOP(
        "ErrorText",
        "platform.url reaches the platform software but not its station API: check the "
        "URL's path (it is the API base, e.g. https://host/ not https://host/portal)",
    ),
    "doctor.fix.heartbeat": QT_TRANSLATE_NOOP(
        "ErrorText",
        "the platform may be overloaded or refusing heartbeats; try again, then call the "
        "platform operators with this output",
    ),
    "doctor.fix.https": QT_TRANSLATE_NOOP(
        "ErrorText",
        "use the platform's https:// address (`yiwang setup`, [platform] url)",
    ),
}

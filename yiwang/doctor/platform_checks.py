"""Doctor's checks against the platform: reachable, TLS, a signed request accepted,
the clock, a heartbeat.

Two calls are made through the station's own PlatformClient (so the same TLS
settings, signing and clock handling as delivery): a signed one-event status
read, then a heartbeat. A failure of the first explains the checks after it
instead of repeating the same network error five times.
"""

from __future__ import annotations

import ipaddress
import time
from pathlib import Path
from urllib.parse import urlsplit

from sync.client import AuthError, PlatformClient, SyncError, TransientError
from sync.config import ConfigError, load_config, load_credentials
from yiwang.doctor import Check, DoctorOptions, Words
from yiwang.doctor.outage import host_port, outage_kind, outage_text, tls_reason

NAMES = ("platform", "tls", "signature", "clock", "heartbeat")


def _skipped(reason: str, names: tuple[str, ...] = NAMES[1:]) -> list[Check]:
    return [Check.skip(name, reason) for name in names]


def platform_checks(data_dir: Path, opts: DoctorOptions) -> list[Check]:
    try:
        config = load_config(data_dir)
        credentials = load_credentials(data_dir)
    except ConfigError as e:
        fix = "fix the configuration and enrollment first (see the config and credentials checks)"
        return [Check("platform", False, f"not checked: {e}", fix,
                      fix_said=("fix.config_and_enrollment", {})), *_skipped("no config")]
    url = config.platform_url
    client = PlatformClient(
        url,
        credentials,
        verify=config.ca_bundle or True,
        clock=opts.clock or time.time,
        timeout=(5.0, 15.0),
    )
    try:
        return _run(client, config.ca_bundle, opts)
    finally:
        client.session.close()


def _run(client: PlatformClient, ca_bundle: str | None, opts: DoctorOptions) -> list[Check]:
    url = client.base_url
    checks: list[Check] = []
    try:
        client.status_updates(None, limit=1)
    except TransientError as e:
        if e.code == "tls":
            checks.append(Check("platform", True, f"{url} answers on the network",
                                said=("platform.network", {"url": url})))
            checks.append(
                Check(
                    "tls",
                    False,
                    f"the platform's certificate at {host_port(url)} is not trusted"
                    f" ({tls_reason(e)})",
                    "set [platform] ca_bundle to the province's CA bundle (PEM) or fix the "
                    "machine's trust store; check for a TLS-intercepting proxy",
                    fix_said=("fix.tls", {}),
                    said=("tls.untrusted", {"host": host_port(url), "reason": tls_reason(e)}),
                )
            )
            return checks + _skipped("TLS refused", NAMES[2:])
        if e.code == "not_platform":
            detail = f"something else answers at {host_port(url)}: {e}"
            fix = (
                "something else answers at platform.url (a proxy or portal, or a wrong address): "
                "correct [platform] url with `yiwang setup`, or log in to the network portal"
            )
            fix_said: Words = ("fix.not_platform", {})
            said: Words | None = None  # it quotes what answered (a technician's evidence)
        else:
            detail = outage_text(url, e)
            # worded for the human output too: the outage a window meets most (the JSON
            # keeps the English detail)
            said = ("platform.unreachable", {"host": host_port(url), "kind": outage_kind(e)})
            fix = (
                f"check the network and that the platform runs at {url} "
                "(e.g. `curl -I URL`); correct [platform] url if it is wrong"
            )
            fix_said = ("fix.network", {"url": url})
        return [Check("platform", False, detail, fix, said=said, fix_said=fix_said),
                *_skipped("platform unreachable")]
    except AuthError as e:
        checks += _reached(url, ca_bundle)
        checks.append(
            Check(
                "signature",
                False,
                f"the platform refused this station's signed request: {e}",
                "the credentials are not (or no longer) valid there: enroll again with a new "
                "code (`yiwang setup`); if the platform URL changed, correct it first",
                fix_said=("fix.signature", {}),
            )
        )
        checks.append(_clock(client, opts))
        checks.append(Check.skip("heartbeat", "signature refused"))
        return checks
    except SyncError as e:
        return [
            Check(
                "platform",
                False,
                f"the platform at {url} answered {e.status} to the station API: {e}",
                "platform.url reaches the platform software but not its station API: check the "
                "URL's path (it is the API base, e.g. https://host/ not https://host/portal)",
                fix_said=("fix.api_path", {}),
            ),
            *_skipped("wrong platform URL"),
        ]
    checks += _reached(url, ca_bundle)
    checks.append(Check("signature", True, "a signed request was accepted",
                        said=("signature.ok", {})))
    checks.append(_clock(client, opts))
    try:
        client.heartbeat({"doctor": True})
    except SyncError as e:
        checks.append(
            Check(
                "heartbeat",
                False,
                f"heartbeat not accepted: {e}",
                "the platform may be overloaded or refusing heartbeats; try again, then call "
                "the platform operators with this output",
                fix_said=("fix.heartbeat", {}),
            )
        )
    else:
        checks.append(Check("heartbeat", True, "heartbeat accepted", said=("heartbeat.ok", {})))
    return checks


def _reached(url: str, ca_bundle: str | None) -> list[Check]:
    out = [Check("platform", True, f"{url} answers as the platform",
                 said=("platform.ok", {"url": url}))]
    parts = urlsplit(url)
    if parts.scheme == "https":
        trust = f"the CA bundle {ca_bundle}" if ca_bundle else "the system's CAs"
        said: Words = ("tls.ok", {"bundle": ca_bundle, "variant": "bundle" if ca_bundle else None})
        out.append(Check("tls", True, f"certificate verified against {trust}", said=said))
    elif _loopback(parts.hostname or ""):
        out.append(Check("tls", True, "plain HTTP to a platform on this machine (demo or test)",
                         said=("tls.loopback", {})))
    else:
        out.append(
            Check(
                "tls",
                False,
                f"{url} is plain HTTP across the network: submissions would travel unencrypted",
                "use the platform's https:// address (`yiwang setup`, [platform] url)",
                said=("tls.plain_http", {"url": url}), fix_said=("fix.https", {}),
            )
        )
    return out


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _clock(client: PlatformClient, opts: DoctorOptions) -> Check:
    offset = client.clock_offset
    if abs(offset) > opts.max_clock_skew:
        direction = "behind" if offset > 0 else "ahead of"
        return Check(
            "clock",
            False,
            f"this machine's clock is {abs(offset):.0f} s {direction} the platform's",
            "set the time (`timedatectl set-ntp true`, or `timedatectl set-time` where no NTP "
            "server is reachable); receipts are dated by this clock",
            said=("clock.off", {"seconds": f"{abs(offset):.0f}",
                                "variant": "behind" if offset > 0 else "ahead"}),
            fix_said=("fix.clock", {}),
        )
    return Check("clock", True, f"within {max(abs(offset), 1):.0f} s of the platform's clock",
                 said=("clock.ok", {"seconds": f"{max(abs(offset), 1):.0f}"}))

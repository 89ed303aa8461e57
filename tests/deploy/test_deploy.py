"""deploy/: systemd units (systemd-analyze verify, plus the keys we rely on), udev rules
syntax, the clerk autostart entry, and install.sh (syntax, OS detection, dry run)."""

from __future__ import annotations

import configparser
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
UNITS = sorted((DEPLOY / "systemd").glob("*.service"))


def parse_unit(path: Path) -> dict[str, dict[str, list[str]]]:
    """A unit file as {section: {key: [values...]}} (keys may repeat)."""
    sections: dict[str, dict[str, list[str]]] = {}
    current: dict[str, list[str]] | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            assert line.endswith("]"), f"{path.name}:{number}: bad section header"
            current = sections.setdefault(line[1:-1], {})
            continue
        assert current is not None, f"{path.name}:{number}: key outside a section"
        key, sep, value = line.partition("=")
        assert sep and re.fullmatch(r"[A-Za-z][A-Za-z0-9]*", key), f"{path.name}:{number}"
        current.setdefault(key, []).append(value)
    return sections


def test_units_pass_systemd_analyze_verify(tmp_path: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze not installed (the key checks below still run)")
    yiwang = Path(os.environ.get("VIRTUAL_ENV", ROOT / ".venv")) / "bin" / "yiwang"
    if not yiwang.exists():
        yiwang = ROOT / ".venv" / "bin" / "yiwang"
    copies = []
    for unit in UNITS:
        text = unit.read_text(encoding="utf-8")
        # verify checks that ExecStart's program exists: point it at this checkout
        text = text.replace("/opt/yiwang/venv/bin/yiwang", str(yiwang))
        if not Path("/usr/bin/cage").exists():
            text = text.replace("/usr/bin/cage", shutil.which("true") or "/bin/true")
        copy = tmp_path / unit.name
        copy.write_text(text, encoding="utf-8")
        copies.append(str(copy))
    proc = subprocess.run(
        [analyze, "verify", "--man=no", *copies], capture_output=True, text=True, timeout=60
    )
    ours = [
        line for line in (proc.stdout + proc.stderr).splitlines()
        if str(tmp_path) in line or "yiwang" in line
    ]  # fmt: skip
    assert proc.returncode == 0 and not ours, proc.stdout + proc.stderr


def test_sync_unit_restarts_and_has_a_watchdog() -> None:
    unit = parse_unit(DEPLOY / "systemd" / "yiwang-sync.service")
    service = unit["Service"]
    assert service["Type"] == ["notify"]
    assert service["Restart"] == ["on-failure"]
    assert int(service["WatchdogSec"][0]) >= 30
    assert service["ExecStart"][0].split()[1:3] == ["sync", "--data-dir"]
    assert service["User"] == ["yiwang"] and "root" not in service["Group"]
    # configuration (2) and enrollment (3) errors need a technician, not a restart loop
    assert service["RestartPreventExitStatus"] == ["2 3"]
    assert unit["Install"]["WantedBy"] == ["multi-user.target"]


def test_kiosk_unit_autologins_into_cage_and_restarts() -> None:
    unit = parse_unit(DEPLOY / "systemd" / "yiwang-kiosk.service")
    service = unit["Service"]
    assert service["ExecStart"][0].startswith("/usr/bin/cage ")
    # cage runs the session script, which runs `yiwang kiosk` (tests/deploy/test_kiosk_session)
    assert service["ExecStart"][0].endswith(" -- /opt/yiwang/app/deploy/kiosk-session.sh")
    # no VT switching (cage -s): Ctrl+Alt+F1..F12 must not take a citizen out of the kiosk
    cage_options = service["ExecStart"][0].split(" -- ")[0].split()[1:]
    assert cage_options == ["-d"], cage_options
    assert service["UMask"] == ["0077"]  # as yiwang-sync.service: personal data
    assert "YIWANG=/opt/yiwang/venv/bin/yiwang" in service["Environment"]
    assert os.access(DEPLOY / "kiosk-session.sh", os.X_OK)
    # restarted on failure and on 75 (restart asked for from maintenance); "exit to the
    # desktop" (0) and a stop by signal (130/143) are not failures and stay stopped
    assert service["Restart"] == ["on-failure"]
    assert service["RestartForceExitStatus"] == ["75"]
    assert service["SuccessExitStatus"] == ["130 143"]
    assert service["PAMName"] == ["login"] and service["TTYPath"] == ["/dev/tty1"]
    assert service["User"] == ["yiwang"]
    assert "getty@tty1.service" in unit["Unit"]["Conflicts"]


def test_clerk_autostart_entry() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(DEPLOY / "xdg" / "yiwang-clerk.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert "/opt/yiwang/venv/bin/yiwang clerk --data-dir" in desktop["Exec"]
    validate = shutil.which("desktop-file-validate")
    if validate:
        proc = subprocess.run([validate, str(DEPLOY / "xdg" / "yiwang-clerk.desktop")],
                              capture_output=True, text=True)
        assert proc.returncode == 0, proc.stdout


# --- udev ------------------------------------------------------------------------------

_MATCH_KEYS = {"ACTION", "DEVPATH", "KERNEL", "KERNELS", "NAME", "SYMLINK", "SUBSYSTEM",
               "SUBSYSTEMS", "DRIVER", "DRIVERS", "ATTR", "ATTRS", "ENV", "TAG", "TAGS",
               "TEST", "PROGRAM", "RESULT"}  # fmt: skip
_ASSIGN_KEYS = {"NAME", "SYMLINK", "OWNER", "GROUP", "MODE", "ENV", "TAG", "RUN", "LABEL",
                "GOTO", "IMPORT", "OPTIONS", "ATTR"}  # fmt: skip
_TOKEN = re.compile(
    r'(?P<key>[A-Z_]+)(?:\{(?P<attr>[^}]+)\})?\s*(?P<op>==|!=|\+=|-=|:=|=)\s*"(?P<value>[^"]*)"'
)


def udev_tokens(line: str) -> list[re.Match[str]]:
    tokens, rest = [], line
    while rest:
        m = _TOKEN.match(rest)
        assert m, f"cannot parse udev rule near: {rest!r}"
        tokens.append(m)
        rest = rest[m.end():].lstrip()
        if rest:
            assert rest.startswith(","), f"expected ',' near: {rest!r}"
            rest = rest[1:].lstrip()
    return tokens


def test_udev_rules_parse_and_grant_no_root() -> None:
    rules = (DEPLOY / "udev" / "70-yiwang.rules").read_text(encoding="utf-8")
    count = 0
    for number, line in enumerate(rules.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        tokens = udev_tokens(line.strip())
        matches = [t for t in tokens if t["op"] in ("==", "!=")]
        assigns = [t for t in tokens if t["op"] not in ("==", "!=")]
        assert matches and assigns, f"line {number}: a rule needs a match and an assignment"
        for t in matches:
            assert t["key"] in _MATCH_KEYS, f"line {number}: unknown match key {t['key']}"
        for t in assigns:
            assert t["key"] in _ASSIGN_KEYS, f"line {number}: unknown assignment {t['key']}"
            assert t["key"] not in ("RUN", "OWNER"), f"line {number}: no programs, no owners"
            if t["key"] == "GROUP":
                assert t["value"] == "yiwang", f"line {number}"
            if t["key"] == "MODE":
                assert int(t["value"], 8) & 0o007 == 0, f"line {number}: world access"
            if t["key"] == "SYMLINK":
                assert t["value"].startswith("yiwang/"), f"line {number}: names under yiwang/"
        count += 1
    assert count >= 10


def test_udev_parser_refuses_broken_rules() -> None:
    with pytest.raises(AssertionError):
        udev_tokens('SUBSYSTEM=="tty" GROUP="yiwang"')  # missing comma
    with pytest.raises(AssertionError):
        udev_tokens('SUBSYSTEM=="tty", GROUP=yiwang')  # unquoted


def test_udevadm_verify_when_available() -> None:
    udevadm = shutil.which("udevadm")
    if udevadm is None:
        pytest.skip("udevadm not installed (the parser test above checks the syntax)")
    help_text = subprocess.run([udevadm, "--help"], capture_output=True, text=True).stdout
    if " verify " not in help_text:
        pytest.skip("this udevadm has no `verify` (systemd < 254)")
    proc = subprocess.run([udevadm, "verify", str(DEPLOY / "udev" / "70-yiwang.rules")],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


# --- install.sh ------------------------------------------------------------------------

OS_RELEASES = {
    "uos": 'NAME="UOS"\nID=uos\nVERSION_ID="20"\nPRETTY_NAME="UnionTech OS Desktop 20"\n',
    "kylin": 'NAME="Kylin"\nID=kylin\nID_LIKE=debian\nPRETTY_NAME="Kylin V10 SP1"\n',
    "debian": 'ID=debian\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n',
}


def install(tmp_path: Path, os_text: str, *args: str) -> subprocess.CompletedProcess[str]:
    release = tmp_path / "os-release"
    release.write_text(os_text, encoding="utf-8")
    return subprocess.run(
        ["bash", str(DEPLOY / "install.sh"), *args],
        capture_output=True, text=True, timeout=60,
        env={**os.environ, "YIWANG_OS_RELEASE": str(release)},
    )  # fmt: skip


def test_install_script_syntax() -> None:
    assert subprocess.run(["bash", "-n", str(DEPLOY / "install.sh")]).returncode == 0


@pytest.mark.parametrize("system", sorted(OS_RELEASES))
def test_install_dry_run_on_debian_family(tmp_path: Path, system: str) -> None:
    data_dir = tmp_path / "data"
    proc = install(tmp_path, OS_RELEASES[system], "--role", "kiosk", "--dry-run",
                   "--data-dir", str(data_dir), "--prefix", str(tmp_path / "opt"))
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "UnionTech" in out if system == "uos" else True
    assert f"+ install -d -o yiwang -g yiwang -m 0700 {data_dir}" in out  # personal data
    assert f"+ python3 -m venv {tmp_path / 'opt'}/venv" in out
    assert "+ install -m 0644 " in out and "yiwang-kiosk.service /etc/systemd/system/" in out
    assert "+ systemctl enable yiwang-kiosk.service" in out
    assert "+ systemctl disable getty@tty1.service" in out
    assert f"ReadWritePaths={data_dir}" in out
    # the keys the kernel and systemd act on whatever the kiosk shows are switched off
    assert "+ write /etc/sysctl.d/70-yiwang-kiosk.conf:" in out and "kernel.sysrq = 0" in out
    assert "+ sysctl -q -p /etc/sysctl.d/70-yiwang-kiosk.conf" in out
    assert "+ systemctl mask ctrl-alt-del.target" in out
    assert "CtrlAltDelBurstAction=none" in out
    # a dry run changes nothing
    assert not data_dir.exists() and not (tmp_path / "opt").exists()


def test_install_dry_run_kiosk_ignores_a_keyboard_s_power_and_sleep_keys(
    tmp_path: Path,
) -> None:
    # a keyboard plugged into the kiosk: its Power / Sleep key made logind power the
    # kiosk off or suspend it (cage takes no inhibitor lock)
    proc = install(tmp_path, OS_RELEASES["debian"], "--role", "kiosk", "--dry-run",
                   "--prefix", str(tmp_path / "opt"))
    assert proc.returncode == 0, proc.stderr
    written = proc.stdout.split("+ write /etc/systemd/logind.conf.d/70-yiwang-kiosk.conf:\n")
    assert len(written) == 2, proc.stdout
    settings = written[1].split("\n+ ")[0].splitlines()
    assert settings[0] == "[Login]"
    for key in ("HandlePowerKey", "HandleSuspendKey", "HandleHibernateKey", "HandleRebootKey"):
        assert f"{key}=ignore" in settings
    window = install(tmp_path, OS_RELEASES["debian"], "--role", "window", "--dry-run",
                     "--prefix", str(tmp_path / "opt"))
    assert "logind" not in window.stdout  # a clerk's PC keeps its keys


def test_install_dry_run_window_station_uses_autostart(tmp_path: Path) -> None:
    proc = install(tmp_path, OS_RELEASES["debian"], "--role", "window", "--dry-run",
                   "--user", "clerk1", "--prefix", str(tmp_path / "opt"))
    assert proc.returncode == 0, proc.stderr
    assert "/etc/xdg/autostart/yiwang-clerk.desktop" in proc.stdout
    assert "yiwang-kiosk" not in proc.stdout
    assert "sysrq" not in proc.stdout and "ctrl-alt-del" not in proc.stdout  # a clerk's PC
    assert "User=clerk1" in proc.stdout


def test_install_refuses_other_systems_and_bad_arguments(tmp_path: Path) -> None:
    fedora = install(tmp_path, 'ID=fedora\nPRETTY_NAME="Fedora 40"\n', "--role", "kiosk",
                     "--dry-run")
    assert fedora.returncode == 1 and "Fedora 40 is not a Debian-family system" in fedora.stderr
    no_role = install(tmp_path, OS_RELEASES["debian"], "--dry-run")
    assert no_role.returncode == 2 and "--role" in no_role.stdout

#!/usr/bin/env bash
# Install Yiwang Window on a Debian-family station (Debian, Ubuntu, UOS 统信, Kylin 麒麟):
# a system user/group, the app in /opt/yiwang with its own venv, the systemd units,
# udev rules, and the clerk autostart entry or the kiosk session.
#
#   sudo deploy/install.sh --role window|kiosk [--data-dir /var/lib/yiwang] [--user yiwang]
#                          [--dry-run] [--no-enable]
#
# Idempotent: run it again after an update; it changes only what differs.
# --dry-run prints every command it would run and changes nothing.
set -euo pipefail

SRC="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PREFIX=/opt/yiwang
DATA_DIR=/var/lib/yiwang
STATION_USER=yiwang
ROLE=""
DRY_RUN=0
ENABLE=1
OS_RELEASE="${YIWANG_OS_RELEASE:-/etc/os-release}"  # overridable for tests

# What the app needs from the distribution (Qt's xcb/wayland libraries, zbar, fonts).
APT_PACKAGES=(python3 python3-venv libzbar0 libusb-1.0-0 fonts-wqy-microhei libgl1 libegl1
  libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3 libxkbcommon-x11-0 libxcb-cursor0
  libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0 libxcb-render-util0
  libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libx11-xcb1)
KIOSK_PACKAGES=(cage libwayland-client0 libwayland-cursor0 libwayland-egl1)

usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-2}"; }
say() { printf '[install] %s\n' "$*"; }
die() { printf '[install] error: %s\n' "$*" >&2; exit 1; }
run() {
  if [ "$DRY_RUN" = 1 ]; then printf '+ %s\n' "$*"; else "$@"; fi
}

while [ $# -gt 0 ]; do
  case "$1" in
    --role) ROLE="${2:-}"; shift 2 ;;
    --data-dir) DATA_DIR="${2:-}"; shift 2 ;;
    --user) STATION_USER="${2:-}"; shift 2 ;;
    --prefix) PREFIX="${2:-}"; shift 2 ;;
    --dry-run) DRY_RUN=1; shift ;;
    --no-enable) ENABLE=0; shift ;;
    -h|--help) usage 0 ;;
    *) say "unknown option: $1"; usage ;;
  esac
done
case "$ROLE" in window|kiosk) ;; *) say "--role window|kiosk is required"; usage ;; esac
case "$DATA_DIR" in /*) ;; *) die "--data-dir must be an absolute path" ;; esac

detect_os() {
  [ -r "$OS_RELEASE" ] || die "cannot read $OS_RELEASE: not a supported system"
  local id like name
  id="$(. "$OS_RELEASE"; echo "${ID:-}")"
  like="$(. "$OS_RELEASE"; echo "${ID_LIKE:-}")"
  name="$(. "$OS_RELEASE"; echo "${PRETTY_NAME:-${NAME:-$id}}")"
  case " $id $like " in
    *" debian "*|*" ubuntu "*|*" uos "*|*" deepin "*|*" kylin "*|*" neokylin "*) ;;
    *) die "$name is not a Debian-family system (Debian, Ubuntu, UOS, Kylin); install by hand" ;;
  esac
  say "system: $name"
}

need_root() {
  if [ "$DRY_RUN" = 0 ] && [ "$(id -u)" != 0 ]; then die "run as root (sudo $0 ...)"; fi
}

install_packages() {
  local wanted=("${APT_PACKAGES[@]}") missing=() p
  [ "$ROLE" = kiosk ] && wanted+=("${KIOSK_PACKAGES[@]}")
  for p in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then say "system packages present"; return; fi
  say "installing: ${missing[*]}"
  run apt-get update
  run env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
}

create_user() {
  getent group yiwang >/dev/null || run groupadd --system yiwang
  if ! getent passwd "$STATION_USER" >/dev/null; then
    run useradd --system --gid yiwang --home-dir "$DATA_DIR" --no-create-home \
      --shell /usr/sbin/nologin --comment "Yiwang Window station" "$STATION_USER"
  fi
  # serial ID readers and document cameras; `yiwang` gets scanners and printers by udev
  run usermod -a -G yiwang,dialout,video "$STATION_USER"
}

install_app() {
  run install -d -m 0755 "$PREFIX" "$PREFIX/app"
  # personal data: the station user's only (the station keeps it so: sync/private_files.py)
  run install -d -o "$STATION_USER" -g yiwang -m 0700 "$DATA_DIR"
  # the source tree without its venv and VCS data (cp -a keeps it simple: no rsync needed)
  local item
  for item in pyproject.toml constraints.txt README.md intake devices sync station ui_shared \
    clerk_station kiosk resources yiwang docs deploy; do
    [ -e "$SRC/$item" ] || continue
    run rm -rf "$PREFIX/app/$item"
    run cp -a "$SRC/$item" "$PREFIX/app/$item"
  done
  [ -x "$PREFIX/venv/bin/python" ] || run python3 -m venv "$PREFIX/venv"
  say "installing the Python packages into $PREFIX/venv (one line per package)"
  run "$PREFIX/venv/bin/python" -m pip install --disable-pip-version-check --progress-bar off \
    -c "$PREFIX/app/constraints.txt" "$PREFIX/app"
}

install_system_files() {
  run install -m 0644 "$SRC/deploy/systemd/yiwang-sync.service" /etc/systemd/system/
  run install -m 0644 "$SRC/deploy/udev/70-yiwang.rules" /etc/udev/rules.d/
  if [ ! -e /etc/default/yiwang ] || [ "$DRY_RUN" = 1 ]; then
    write_file /etc/default/yiwang "YIWANG_DATA_DIR=$DATA_DIR"
  fi
  # the user and data dir chosen here, without editing the shipped unit
  write_file /etc/systemd/system/yiwang-sync.service.d/10-install.conf "[Service]
User=$STATION_USER
ReadWritePaths=$DATA_DIR"
  if [ "$ROLE" = kiosk ]; then
    run install -m 0644 "$SRC/deploy/systemd/yiwang-kiosk.service" /etc/systemd/system/
    write_file /etc/systemd/system/yiwang-kiosk.service.d/10-install.conf "[Service]
User=$STATION_USER"
    lock_kiosk_keys
  else
    run install -D -m 0644 "$SRC/deploy/xdg/yiwang-clerk.desktop" \
      /etc/xdg/autostart/yiwang-clerk.desktop
  fi
  run systemctl daemon-reload
  command -v udevadm >/dev/null 2>&1 && run udevadm control --reload-rules
  command -v udevadm >/dev/null 2>&1 && run udevadm trigger --subsystem-match=tty \
    --subsystem-match=usb --subsystem-match=usbmisc --subsystem-match=input
  return 0
}

lock_kiosk_keys() {
  # Keys a citizen could press on the kiosk's keyboard that the kernel or systemd act on
  # whatever the kiosk shows (the kiosk unit's cage runs without -s: no VT switching).
  # Magic SysRq: Alt+SysRq+K (SAK) kills the session, +R takes the keyboard back from
  # the compositor, +B reboots, +E/+I kill every process.
  write_file /etc/sysctl.d/70-yiwang-kiosk.conf "# Yiwang kiosk (deploy/install.sh): no Magic SysRq keys on a public keyboard
kernel.sysrq = 0"
  run sysctl -q -p /etc/sysctl.d/70-yiwang-kiosk.conf
  # Ctrl+Alt+Del would reboot the kiosk (systemd's ctrl-alt-del.target), and seven
  # presses within 2 s force a reboot even with the target masked
  run systemctl mask ctrl-alt-del.target
  write_file /etc/systemd/system.conf.d/70-yiwang-kiosk.conf "[Manager]
CtrlAltDelBurstAction=none"
  run systemctl daemon-reexec
  # the Power, Sleep and Hibernate keys of a keyboard plugged into the kiosk: logind
  # powers off or suspends the machine for them (cage takes no inhibitor lock); read
  # by logind when it starts (the next boot: restarting it would end the sessions)
  write_file /etc/systemd/logind.conf.d/70-yiwang-kiosk.conf "[Login]
HandlePowerKey=ignore
HandleSuspendKey=ignore
HandleHibernateKey=ignore
HandleRebootKey=ignore"
}

write_file() {  # write_file PATH CONTENT (only when it differs)
  local path="$1" content="$2"
  if [ "$DRY_RUN" = 1 ]; then printf '+ write %s:\n%s\n' "$path" "$content"; return; fi
  if [ -f "$path" ] && [ "$(cat "$path")" = "$content" ]; then return; fi
  install -d "$(dirname "$path")"
  printf '%s\n' "$content" >"$path"
}

enable_units() {
  [ "$ENABLE" = 1 ] || { say "units installed, not enabled (--no-enable)"; return; }
  run systemctl enable yiwang-sync.service
  if [ "$ROLE" = kiosk ]; then
    run systemctl disable getty@tty1.service
    run systemctl enable yiwang-kiosk.service
    run systemctl set-default graphical.target
  fi
  if [ -f "$DATA_DIR/config.toml" ]; then
    run systemctl restart yiwang-sync.service
  else
    say "next: set the station up, then start the service:"
    say "  sudo -u $STATION_USER $PREFIX/venv/bin/yiwang setup --data-dir $DATA_DIR ..."
    say "  sudo systemctl start yiwang-sync.service"
  fi
}

detect_os
need_root
install_packages
create_user
install_app
install_system_files
enable_units
say "done: $ROLE station, data in $DATA_DIR; check it with: $PREFIX/venv/bin/yiwang doctor --data-dir $DATA_DIR"

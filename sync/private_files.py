"""The data directory holds personal data (the database, the encrypted blobs, the
configuration, the logs, backups and exports): it is private to the service user,
directories 0700 and files 0600, whatever the login's umask.

Every entry point sets the umask to 0077 first (`private_by_default`), so what SQLite,
logging and the file writers create is private without each of them knowing; the
places that create files or folders say the mode too (`private_dir`, `make_private`),
so a caller with another umask (a test, an embedding) gets the same. A data directory
made by an older version (0755 / 0644) is tightened once at start (`tighten_data_dir`)
with an English log line; the names in it never change.
"""

from __future__ import annotations

import errno
import logging
import os
import stat
from pathlib import Path

PRIVATE_UMASK = 0o077
DIR_MODE = 0o700
FILE_MODE = 0o600

log = logging.getLogger(__name__)


def private_by_default() -> int:
    """Files and folders this process creates are the service user's only; the umask
    it replaced."""
    return os.umask(PRIVATE_UMASK)


def private_dir(path: Path) -> Path:
    """`path` and any missing parents created; `path` itself 0700 (mkdir's mode is
    filtered by the umask, and an existing folder keeps its mode)."""
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    if stat.S_IMODE(path.stat().st_mode) != DIR_MODE:
        path.chmod(DIR_MODE)
    return path


def private_own_dir(path: Path) -> Path:
    """A folder the station makes inside its data directory (``logs``), private as
    `private_dir` makes it; a link planted in its place is refused (ELOOP), never
    followed: the chmod, and the files written into it, would go where it points. (The
    data directory itself may be a link a technician made: `private_dir` follows it.)"""
    if path.is_symlink():
        raise OSError(errno.ELOOP, "a link, not followed", str(path))
    return private_dir(path)


def make_private(path: Path) -> None:
    """An existing file made 0600 (for files a library created: SQLite, logging). A
    link in its place is left alone: chmod would follow it out of the data directory
    (a command run as root must not make /etc/passwd 0600 for a link planted there)."""
    mode = path.lstat().st_mode
    if stat.S_ISLNK(mode):
        log.warning("%s is a link: its target's permissions are left alone", path)
        return
    if stat.S_IMODE(mode) != FILE_MODE:
        path.chmod(FILE_MODE)


def open_private_log(path: str) -> int:
    """A log file opened to append, owner-only whatever the umask; a link in its place
    is refused (ELOOP), not followed, and so is anything but a plain file (a FIFO is
    not waited on) and a file with another name (a hard link). The descriptor.
    yiwang/log_file.py opens the front ends' logs the same way (it may not import
    sync: their windows come up before any of it loads)."""
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK
    fd = os.open(path, flags | os.O_CLOEXEC, FILE_MODE)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise OSError(errno.EINVAL, "not a plain file", path)
        if st.st_nlink != 1:  # a hard link to another file (where links are not protected)
            raise OSError(errno.EMLINK, "a file with other names, not written", path)
        os.fchmod(fd, FILE_MODE)
    except BaseException:
        os.close(fd)
        raise
    return fd


def _entries_private(data_dir: Path) -> bool:
    """What lies directly in `data_dir` is owner-only (links aside). An installer that
    made an older data directory 0700 again (deploy/install.sh run for an update) left
    the files in it as they were (config.toml, the database, logs 0644): a private top
    alone does not say the rest is."""
    try:
        with os.scandir(data_dir) as entries:
            return not any(
                not e.is_symlink() and stat.S_IMODE(e.stat(follow_symlinks=False).st_mode)
                & PRIVATE_UMASK
                for e in entries
            )
    except OSError:
        return True  # unreadable: the walk could do nothing either


def _tighten_file(name: str, dir_fd: int) -> int:
    """The plain file `name` in the folder `dir_fd` made owner-only; 1 when changed. A
    file keeps no execute bit (nothing in the data directory runs) and gains nothing:
    a read-only one stays read-only. Links and anything but a plain file: left alone."""
    mode = os.stat(name, dir_fd=dir_fd, follow_symlinks=False).st_mode
    wanted = stat.S_IMODE(mode) & FILE_MODE
    if not stat.S_ISREG(mode) or stat.S_IMODE(mode) == wanted:
        return 0
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC
    fd = os.open(name, flags, dir_fd=dir_fd)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return 0
        os.fchmod(fd, wanted)
    finally:
        os.close(fd)
    return 1


def tighten_data_dir(data_dir: Path) -> tuple[int, int]:
    """A data directory readable by others (made before files were private) and
    everything under it made owner-only: folders 0700, files 0600. Symbolic links are
    left alone (chmod would follow them out of the folder); nothing gains a
    permission. The numbers of folders and files changed; (0, 0) at once when the
    directory and what lies directly in it are already private, so a normal start
    costs one stat and one listing of a few names."""
    try:
        # the data directory itself may be a link the technician made (to another disk):
        # followed; links inside it never are
        data_dir = Path(os.path.realpath(data_dir))
        top = data_dir.stat()
    except OSError:
        return (0, 0)
    if not stat.S_ISDIR(top.st_mode):
        return (0, 0)
    if not stat.S_IMODE(top.st_mode) & PRIVATE_UMASK and _entries_private(data_dir):
        return (0, 0)
    dirs = files = 0
    # by descriptor, never by path: a link put in the place of a folder or a file while
    # the walk runs (by whoever may write there) is not followed, and a command run as
    # root never chmods a file or folder outside the data directory (fwalk does not
    # descend into links; O_NOFOLLOW refuses a link in a file's place)
    for root, _dir_names, file_names, root_fd in os.fwalk(data_dir, follow_symlinks=False):
        try:
            if stat.S_IMODE(os.fstat(root_fd).st_mode) != DIR_MODE:
                os.fchmod(root_fd, DIR_MODE)
                dirs += 1
        except OSError as e:
            log.warning("could not make %s private: %s", root, e.strerror or e)
        for name in file_names:
            try:
                files += _tighten_file(name, root_fd)
            except OSError as e:
                log.warning("could not make %s private: %s", Path(root) / name,
                            e.strerror or e)
    log.info("data dir %s was readable by other users: %d folder(s) and %d file(s) made "
             "private to the service user (folders 0700, files 0600)", data_dir, dirs, files)
    return (dirs, files)

"""Memory and bytes read when a platform answers a status pull with 400 MB.

    .venv/bin/python bench/hostile_answer.py [--mib 400]

Each case runs in a fresh child process (its peak resident memory is its own):
a raw socket server on 127.0.0.1 answers with an endless-looking body of ``--mib``
MiB, without and with ``Content-Length``; the station client pulls status updates
from it. Prints the child's peak RSS (ru_maxrss), the bytes the server got out and
the client's error.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import resource, sys, time
import requests
from tests.helpers.hostile_platform import RawServer
from sync.client import PlatformClient, StationCredentials, SyncError

mib, declared = int(sys.argv[1]), sys.argv[2] == "1"

def script(server, sock):
    length = f"Content-Length: {mib << 20}\r\n" if declared else "Connection: close\r\n"
    server.send(sock, ("HTTP/1.1 200 OK\r\nX-Yiwang-Platform: 1\r\n"
                       "Content-Type: application/json\r\n" + length + "\r\n").encode())
    chunk = b" " * (1 << 20)
    for _ in range(mib):
        server.send(sock, chunk)

with RawServer(script) as srv:
    session = requests.Session()
    session.trust_env = False
    client = PlatformClient(srv.url, StationCredentials("bench", "b" * 32), session=session)
    t0 = time.monotonic()
    try:
        client.status_updates(None)
        outcome = "accepted (!)"
    except SyncError as e:
        outcome = f"{type(e).__name__} {e.code}"
    took = time.monotonic() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'declared' if declared else 'undeclared':10} peak RSS {rss:6.0f} MiB  "
          f"server sent {srv.sent / 2**20:6.1f} MiB  {took:5.2f} s  {outcome}")
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mib", type=int, default=400)
    args = parser.parse_args()
    for declared in ("0", "1"):
        subprocess.run([sys.executable, "-c", CHILD, str(args.mib), declared], cwd=ROOT,
                       check=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


if __name__ == "__main__":
    main()

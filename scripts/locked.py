#!/usr/bin/env python3
"""Runs a command while holding an exclusive lock on a file: locked.py LOCKFILE COMMAND [ARG...].

Concurrent callers run their commands one after the other. The lock is the operating system's
(flock): a caller that dies releases it, so no stale lock is ever left behind. make/sam.mk uses
it so that parallel `sam build` targets bring the Maven reactor up to date one at a time.
"""
import fcntl
import os
import subprocess
import sys


def main(argv):
    if len(argv) < 3:
        print("usage: locked.py LOCKFILE COMMAND [ARG...]", file=sys.stderr)
        return 2
    lock_path, command = argv[1], argv[2:]
    os.makedirs(os.path.dirname(lock_path) or ".", exist_ok=True)
    with open(lock_path, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return subprocess.call(command)


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""One refresh at a time: an exclusive, non-blocking ``fcntl.flock`` on ``<warehouse>.lock``.

The kernel drops the lock when the holding process dies (even by SIGKILL), so a stale lock file
never blocks the next run; the file itself is left in place on purpose (deleting it would race).
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["LockHeldError", "refresh_lock"]


class LockHeldError(RuntimeError):
    """Another process holds the refresh lock of this warehouse."""


def _lock_path(warehouse: Path) -> Path:
    """The lock file guarding ``warehouse``."""
    return warehouse.with_name(warehouse.name + ".lock")


@contextmanager
def refresh_lock(warehouse: Path) -> Iterator[Path]:
    """Hold the warehouse's refresh lock for the ``with`` block; raise LockHeldError at once if taken."""
    path = _lock_path(warehouse)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip() or "unknown"
            raise LockHeldError(
                f"another refresh of {warehouse} is running (lock {path} held by pid {holder}); exiting"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        try:
            yield path
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)

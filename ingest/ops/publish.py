"""Atomic publish: build in ``<warehouse>.building``, then ``os.replace`` it onto the warehouse.

Readers (BI tools, read-only DuckDB connections) keep the file they opened; on Linux the old
inode lives until they close it, and new connections see the new file. Nothing writes the
published path in place, so a crash at any point leaves the last good warehouse intact; a stale
``.building`` file is removed by the next refresh.

Test hook: with ``GOVINFO_PAUSE_AT=<phase>`` a refresh touches ``GOVINFO_PAUSE_FILE`` (when set)
and sleeps when it reaches that phase, so a test can SIGKILL it exactly there.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import duckdb

__all__ = ["building_path", "phase", "prepare_building", "publish", "remove_stale"]

_PAUSE_ENV = "GOVINFO_PAUSE_AT"
_PAUSE_FILE_ENV = "GOVINFO_PAUSE_FILE"
_PHASES = ("locked", "copied", "ingested", "built", "validated", "replaced")


def building_path(warehouse: Path) -> Path:
    """Where the next version of ``warehouse`` is built."""
    return warehouse.with_name(warehouse.name + ".building")


def _wal_path(database: Path) -> Path:
    """DuckDB's write-ahead log beside a database file."""
    return database.with_name(database.name + ".wal")


def phase(name: str) -> None:
    """Test hook: pause here (for a SIGKILL) when ``GOVINFO_PAUSE_AT`` names this phase."""
    if name not in _PHASES:
        raise ValueError(f"unknown refresh phase {name!r}; one of {', '.join(_PHASES)}")
    if os.environ.get(_PAUSE_ENV) != name:
        return
    marker = os.environ.get(_PAUSE_FILE_ENV)
    if marker:
        Path(marker).write_text(f"{os.getpid()} {name}\n", encoding="utf-8")
    time.sleep(600)


def remove_stale(warehouse: Path) -> bool:
    """Delete a ``.building`` file (and its WAL) left by a crashed run; True if one was found."""
    found = False
    for stale in (building_path(warehouse), _wal_path(building_path(warehouse))):
        if stale.exists():
            stale.unlink()
            found = True
    return found


def prepare_building(warehouse: Path) -> Path:
    """Copy the published warehouse (if any) to a fresh ``.building`` file and return its path.

    A read-only connection is held during the copy: DuckDB refuses it while another process
    writes the file in place (``govinfo ingest``/``build``), so the copy is never torn.
    """
    building = building_path(warehouse)
    remove_stale(warehouse)
    if warehouse.exists():
        with duckdb.connect(str(warehouse), read_only=True):
            shutil.copyfile(warehouse, building)
            if _wal_path(warehouse).exists():
                shutil.copyfile(_wal_path(warehouse), _wal_path(building))
    return building


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def publish(building: Path, warehouse: Path) -> None:
    """Checkpoint ``building`` into one self-contained file and atomically replace ``warehouse``."""
    with duckdb.connect(str(building)) as con:
        con.execute("checkpoint")
    if _wal_path(building).exists():
        raise RuntimeError(f"{_wal_path(building)} still exists after checkpoint; not publishing")
    _fsync(building)
    if _wal_path(warehouse).exists():  # a WAL of the old file must not be replayed onto the new one
        _wal_path(warehouse).unlink()
    os.replace(building, warehouse)
    _fsync(warehouse.parent)

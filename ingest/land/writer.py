"""Landing: the only module that holds a DuckDB connection for writing raw tables.

A batch is written from polars frames in one transaction: re-landing a file replaces its rows, and
reports no longer referenced by any loaded file are removed with their children.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import duckdb
import polars as pl

from ingest.land.schema import ADDED_COLUMNS, RAW_TABLES

__all__ = ["connect", "ensure_raw_schema", "land", "retire_files"]

_CHILD_TABLES = (
    "report_sections",
    "report_metrics",
    "proactive_categories",
    "report_checks",
    "report_facts",
    "table_cells",
)


def connect(warehouse: Path, read_only: bool = False, threads: int | None = None) -> duckdb.DuckDBPyConnection:
    """Open the warehouse file (creating its folder); the caller closes it before dbt runs.

    ``threads`` caps DuckDB's own threads (default: one per core).
    """
    if not read_only:
        warehouse.parent.mkdir(parents=True, exist_ok=True)
    config: dict[str, str | bool | int | float | list[str]] = {"threads": threads} if threads else {}
    return duckdb.connect(str(warehouse), read_only=read_only, config=config)


def ensure_raw_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create schema ``raw`` and its tables if they do not exist."""
    con.execute("create schema if not exists raw")
    for ddl in RAW_TABLES.values():
        con.execute(ddl)
    for table, column, kind in ADDED_COLUMNS:
        con.execute(f"alter table raw.{table} add column if not exists {column} {kind}")


def land(con: duckdb.DuckDBPyConnection, files: pl.DataFrame, report_rows: dict[str, pl.DataFrame]) -> None:
    """Write one batch in a single transaction, replacing earlier rows of the same files/reports.

    ``files`` holds one ``raw.report_files`` row per file of the batch, ``report_rows`` the rows of
    the reports it loads, per raw table (see :mod:`ingest.land.rows`).
    """
    ensure_raw_schema(con)
    con.execute("begin transaction")
    try:
        reports = report_rows["reports"]
        con.register("batch_files", files.to_arrow())
        con.register("batch_reports", reports.select("report_id").to_arrow())
        # Only reports these paths held before can lose their last loaded file in this batch.
        previous_ids = [
            row[0]
            for row in con.execute(
                "select distinct report_id from raw.report_files "
                "where report_id is not null and source_path in (select source_path from batch_files)"
            ).fetchall()
        ]
        con.execute("delete from raw.report_files where source_path in (select source_path from batch_files)")
        con.execute("insert into raw.report_files by name select * from batch_files")
        # Deleting from the child tables scans them (millions of rows in a national year): only
        # when some report of the batch is already there (a re-parse), not on a first load.
        replaced = con.execute(
            "select count(*) from raw.reports where report_id in (select report_id from batch_reports)"
        ).fetchone()
        if replaced and replaced[0]:
            con.execute("delete from raw.reports where report_id in (select report_id from batch_reports)")
            for child in _CHILD_TABLES:
                con.execute(f"delete from raw.{child} where report_id in (select report_id from batch_reports)")
        for name, frame in report_rows.items():
            if frame.is_empty():
                continue
            con.register("batch_rows", frame.to_arrow())
            con.execute(f"insert into raw.{name} by name select * from batch_rows")
            con.unregister("batch_rows")
        # Reports whose files changed or vanished from the batch's paths are no longer backed by a file.
        # (Candidates are the paths' previous report_ids: scanning every report per batch is quadratic.)
        if previous_ids:
            con.register("previous_ids", pl.DataFrame({"report_id": previous_ids}).to_arrow())
            orphan = (
                "select report_id from previous_ids where report_id not in "
                "(select report_id from raw.report_files where status = 'loaded' and report_id is not null)"
            )
            for child in _CHILD_TABLES:
                con.execute(f"delete from raw.{child} where report_id in ({orphan})")
            con.execute(f"delete from raw.reports where report_id in ({orphan})")
            con.unregister("previous_ids")
        con.unregister("batch_files")
        con.unregister("batch_reports")
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise


def retire_files(con: duckdb.DuckDBPyConnection, source_paths: Sequence[str], retired_at: datetime) -> None:
    """Mark files gone from their folder as ``retired`` and drop reports no loaded file backs any more."""
    if not source_paths:
        return
    frame = pl.DataFrame({"source_path": list(source_paths)}, schema={"source_path": pl.String})
    con.execute("begin transaction")
    try:
        con.register("retired_files", frame.to_arrow())
        con.execute(
            "update raw.report_files set status = 'retired', ingested_at = ?, "
            "error = source_path || ': no longer in the folder; retired ' || strftime(?, '%Y-%m-%d %H:%M:%S') "
            "where source_path in (select source_path from retired_files)",
            [retired_at, retired_at],
        )
        con.unregister("retired_files")
        orphan = (
            "select report_id from raw.reports where report_id not in "
            "(select report_id from raw.report_files where status = 'loaded' and report_id is not null)"
        )
        for child in _CHILD_TABLES:
            con.execute(f"delete from raw.{child} where report_id in ({orphan})")
        con.execute(f"delete from raw.reports where report_id in ({orphan})")
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise

"""Landing: the only module that holds a DuckDB connection for writing raw tables.

A batch is written from polars frames in one transaction: re-landing a file replaces its rows, and
reports no longer referenced by any loaded file are removed with their children.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from ingest import PARSER_VERSION
from ingest.pipeline import report_id_for
from ingest.records import FileResult
from ingest.schema import ADDED_COLUMNS, RAW_TABLES

_CHILD_TABLES = (
    "report_sections",
    "report_metrics",
    "proactive_categories",
    "report_checks",
    "report_facts",
    "table_cells",
)

_SCHEMAS: dict[str, dict[str, Any]] = {
    "report_files": {
        "source_path": pl.String,
        "sha256": pl.String,
        "report_id": pl.String,
        "bytes": pl.Int64,
        "format": pl.String,
        "encoding": pl.String,
        "status": pl.String,
        "error": pl.String,
        "parser_version": pl.String,
        "ingested_at": pl.Datetime("us"),
    },
    "reports": {
        "report_id": pl.String,
        "sha256": pl.String,
        "source_path": pl.String,
        "report_year": pl.Int32,
        "agency_name": pl.String,
        "agency_type": pl.String,
        "admin_level": pl.String,
        "province": pl.String,
        "city": pl.String,
        "county": pl.String,
        "region_code": pl.String,
        "template": pl.String,
        "title": pl.String,
        "period_start": pl.String,
        "period_end": pl.String,
        "char_count": pl.Int32,
        "parser_version": pl.String,
        "ingested_at": pl.Datetime("us"),
        "agency_name_canonical": pl.String,
        "contact_address": pl.String,
        "contact_postcode": pl.String,
        "contact_phone": pl.String,
        "contact_email": pl.String,
        "contact_website": pl.String,
    },
    "report_sections": {
        "report_id": pl.String,
        "ordinal": pl.Int32,
        "heading": pl.String,
        "kind": pl.String,
        "kinds": pl.String,
        "start_offset": pl.Int32,
        "end_offset": pl.Int32,
    },
    "report_metrics": {
        "report_id": pl.String,
        "metric_key": pl.String,
        "value": pl.Float64,
        "qualifier": pl.String,
        "unit": pl.String,
        "evidence": pl.String,
        "start_offset": pl.Int32,
        "end_offset": pl.Int32,
        "section": pl.String,
        "rule": pl.String,
        "source": pl.String,
        "table_ref": pl.String,
        "page": pl.Int32,
    },
    "proactive_categories": {
        "report_id": pl.String,
        "ordinal": pl.Int32,
        "label": pl.String,
        "count": pl.Int64,
        "percent": pl.Float64,
        "evidence": pl.String,
        "start_offset": pl.Int32,
        "end_offset": pl.Int32,
    },
    "report_checks": {
        "report_id": pl.String,
        "rule": pl.String,
        "status": pl.String,
        "expected": pl.Float64,
        "actual": pl.Float64,
        "detail": pl.String,
    },
    "table_cells": {
        "report_id": pl.String,
        "table_no": pl.String,
        "row_key": pl.String,
        "column_key": pl.String,
        "metric_key": pl.String,
        "raw_text": pl.String,
        "value": pl.Float64,
        "note": pl.String,
        "unit": pl.String,
        "start_offset": pl.Int32,
        "end_offset": pl.Int32,
    },
    "report_facts": {
        "report_id": pl.String,
        "ordinal": pl.Int32,
        "label": pl.String,
        "channel": pl.String,
        "kind": pl.String,
        "value": pl.Float64,
        "qualifier": pl.String,
        "unit": pl.String,
        "evidence": pl.String,
        "start_offset": pl.Int32,
        "end_offset": pl.Int32,
        "section": pl.String,
        "rule": pl.String,
    },
}


def connect(warehouse: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the warehouse file (creating its folder); the caller closes it before dbt runs."""
    if not read_only:
        warehouse.parent.mkdir(parents=True, exist_ok=True)
    return duckdb.connect(str(warehouse), read_only=read_only)


def ensure_raw_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create schema ``raw`` and its tables if they do not exist."""
    con.execute("create schema if not exists raw")
    for ddl in RAW_TABLES.values():
        con.execute(ddl)
    for table, column, kind in ADDED_COLUMNS:
        con.execute(f"alter table raw.{table} add column if not exists {column} {kind}")


def _frames(results: Sequence[FileResult], ingested_at: datetime) -> dict[str, pl.DataFrame]:
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in _SCHEMAS}
    landed_reports: set[str] = set()
    for result in results:
        report_id = report_id_for(result.sha256) if result.status != "quarantined" else None
        rows["report_files"].append(
            {
                "source_path": result.source_path,
                "sha256": result.sha256,
                "report_id": report_id,
                "bytes": result.bytes,
                "format": result.format,
                "encoding": result.encoding,
                "status": result.status,
                "error": result.error,
                "parser_version": PARSER_VERSION,
                "ingested_at": ingested_at,
            }
        )
        report = result.report
        if result.status != "loaded" or report is None or report_id is None or report_id in landed_reports:
            continue
        landed_reports.add(report_id)
        rows["reports"].append(
            {
                "report_id": report_id,
                "sha256": result.sha256,
                "source_path": result.source_path,
                "report_year": report.report_year,
                "agency_name": report.agency_name,
                "agency_type": report.agency_type,
                "admin_level": report.admin_level,
                "province": report.province,
                "city": report.city,
                "county": report.county,
                "region_code": report.region_code,
                "template": report.template,
                "title": report.title,
                "period_start": report.period_start,
                "period_end": report.period_end,
                "char_count": result.char_count,
                "parser_version": PARSER_VERSION,
                "ingested_at": ingested_at,
                "agency_name_canonical": report.agency_name_canonical,
                "contact_address": report.contact_address,
                "contact_postcode": report.contact_postcode,
                "contact_phone": report.contact_phone,
                "contact_email": report.contact_email,
                "contact_website": report.contact_website,
            }
        )
        for section in report.sections:
            rows["report_sections"].append(
                {
                    "report_id": report_id,
                    "ordinal": section.ordinal,
                    "heading": section.heading,
                    "kind": section.kind.split(",")[0],
                    "kinds": section.kind,
                    "start_offset": section.start,
                    "end_offset": section.end,
                }
            )
        for metric in report.metrics.values():
            rows["report_metrics"].append(
                {
                    "report_id": report_id,
                    "metric_key": metric.key,
                    "value": metric.value,
                    "qualifier": metric.qualifier,
                    "unit": metric.unit,
                    "evidence": metric.evidence,
                    "start_offset": metric.start,
                    "end_offset": metric.end,
                    "section": metric.section,
                    "rule": metric.rule,
                    "source": metric.source,
                    "table_ref": metric.table_ref,
                    "page": metric.page,
                }
            )
        for ordinal, category in enumerate(report.categories, start=1):
            rows["proactive_categories"].append(
                {
                    "report_id": report_id,
                    "ordinal": ordinal,
                    "label": category.label,
                    "count": category.count,
                    "percent": category.percent,
                    "evidence": category.evidence,
                    "start_offset": category.start,
                    "end_offset": category.end,
                }
            )
        for check in report.checks:
            rows["report_checks"].append(
                {
                    "report_id": report_id,
                    "rule": check.rule,
                    "status": check.status,
                    "expected": check.expected,
                    "actual": check.actual,
                    "detail": check.detail,
                }
            )
        for cell in report.table_cells:
            rows["table_cells"].append(
                {
                    "report_id": report_id,
                    "table_no": cell.table,
                    "row_key": cell.row_key,
                    "column_key": cell.column_key,
                    "metric_key": cell.metric_key,
                    "raw_text": cell.raw_text,
                    "value": cell.value,
                    "note": cell.note,
                    "unit": cell.unit,
                    "start_offset": cell.start,
                    "end_offset": cell.end,
                }
            )
        for ordinal, fact in enumerate(report.facts, start=1):
            rows["report_facts"].append(
                {
                    "report_id": report_id,
                    "ordinal": ordinal,
                    "label": fact.label,
                    "channel": fact.channel,
                    "kind": fact.kind,
                    "value": fact.value,
                    "qualifier": fact.qualifier,
                    "unit": fact.unit,
                    "evidence": fact.evidence,
                    "start_offset": fact.start,
                    "end_offset": fact.end,
                    "section": fact.section,
                    "rule": fact.rule,
                }
            )
    return {name: pl.DataFrame(data, schema=_SCHEMAS[name], orient="row") for name, data in rows.items()}


def land(con: duckdb.DuckDBPyConnection, results: Sequence[FileResult], ingested_at: datetime) -> None:
    """Write one batch in a single transaction, replacing earlier rows of the same files/reports."""
    frames = _frames(results, ingested_at)
    ensure_raw_schema(con)
    con.execute("begin transaction")
    try:
        files = frames["report_files"]
        reports = frames["reports"]
        con.register("batch_files", files.to_arrow())
        con.register("batch_reports", reports.to_arrow())
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
        con.execute("delete from raw.reports where report_id in (select report_id from batch_reports)")
        for child in _CHILD_TABLES:
            con.execute(f"delete from raw.{child} where report_id in (select report_id from batch_reports)")
        for name, frame in frames.items():
            if name == "report_files" or frame.is_empty():
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

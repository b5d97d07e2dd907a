"""The main job behind ``govinfo run`` / ``make run``: the one orchestrator
(:func:`ingest.ops.refresh.refresh`: ingest, dbt build, validation on a copy, atomic publish) on a folder,
then what analysts open (the dashboard and Parquet exports of the published warehouse) and a summary
a person reads."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from ingest.ops.refresh import EXIT_OK, EXIT_USAGE, RefreshResult, refresh
from ingest.serve.dashboard_pages import build_dashboard
from ingest.serve.export import export_marts

__all__ = ["JobResult", "failed_report_checks", "run_job"]


@dataclass
class JobResult:
    """What ``govinfo run`` did: the refresh outcome, the input used, and timings (seconds)."""

    code: int
    reports: Path
    refresh: RefreshResult | None = None
    timings: list[tuple[str, float]] = field(default_factory=list)
    failed_checks: int | None = None
    outputs: list[tuple[str, Path]] = field(default_factory=list)  # what was built, where

    def summary(self, warehouse: Path) -> str:
        """The summary printed at the end of ``govinfo run``."""
        lines = ["", "== govinfo run summary ==", f"input: {self.reports}"]
        if self.refresh is None:
            return "\n".join([*lines, f"{self.reports} does not exist"])
        if self.refresh.summary is not None:
            lines.append(self.refresh.summary.format())
        lines.append(self.refresh.message)
        if self.failed_checks is not None:
            lines.append(f"report consistency findings (fct_report_checks status=fail): {self.failed_checks}")
            lines.append(f"warehouse: {warehouse.resolve()}  (BI: schema marts, e.g. marts.rpt_agency_years)")
        lines.extend(f"{name}: {path.resolve()}" for name, path in self.outputs)
        lines.append("timings: " + ", ".join(f"{name} {seconds:.1f}s" for name, seconds in self.timings))
        return "\n".join(lines)


def failed_report_checks(warehouse: Path) -> int:
    """Reports' own consistency findings in the published warehouse (fct_report_checks status fail)."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        row = con.execute("select count(*) from marts.fct_report_checks where status = 'fail'").fetchone()
    return int(row[0]) if row else 0


def run_job(
    reports: Path, warehouse: Path, context_dir: Path, dashboard: Path | None = None, exports: Path | None = None
) -> JobResult:
    """Build and publish ``warehouse`` from the report folder ``reports``; then, when the warehouse was
    published (or is up to date), the static dashboard into ``dashboard`` and Parquet exports into
    ``exports`` (None: skipped)."""
    timings: list[tuple[str, float]] = []
    if not reports.exists():
        return JobResult(EXIT_USAGE, reports, timings=timings)
    result = refresh(reports, warehouse, context_dir)
    timings.extend(result.timings.items())
    failed = failed_report_checks(warehouse) if warehouse.exists() else None
    job = JobResult(result.code, reports, result, timings, failed)
    if result.code != EXIT_OK:
        return job
    if dashboard is not None:
        started = time.perf_counter()
        build_dashboard(warehouse, dashboard)
        timings.append(("dashboard", time.perf_counter() - started))
        job.outputs.append(("dashboard", dashboard / "index.html"))
    if exports is not None:
        started = time.perf_counter()
        export_marts(warehouse, exports, "parquet")
        timings.append(("exports", time.perf_counter() - started))
        job.outputs.append(
            ("exports (Parquet + data dictionary; `govinfo export --format csv|xlsx` for more)", exports)
        )
    return job

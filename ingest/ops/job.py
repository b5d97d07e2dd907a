"""The main job behind ``govinfo run`` / ``make run``: the one orchestrator
(:func:`ingest.ops.refresh.refresh`: ingest, dbt build, validation on a copy, atomic publish) on a folder,
then a summary a person reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from ingest.ops.refresh import EXIT_USAGE, RefreshResult, refresh

__all__ = ["JobResult", "failed_report_checks", "run_job"]


@dataclass
class JobResult:
    """What ``govinfo run`` did: the refresh outcome, the input used, and timings (seconds)."""

    code: int
    reports: Path
    refresh: RefreshResult | None = None
    timings: list[tuple[str, float]] = field(default_factory=list)
    failed_checks: int | None = None

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
        lines.append("timings: " + ", ".join(f"{name} {seconds:.1f}s" for name, seconds in self.timings))
        return "\n".join(lines)


def failed_report_checks(warehouse: Path) -> int:
    """Reports' own consistency findings in the published warehouse (fct_report_checks status fail)."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        row = con.execute("select count(*) from marts.fct_report_checks where status = 'fail'").fetchone()
    return int(row[0]) if row else 0


def run_job(reports: Path, warehouse: Path, context_dir: Path) -> JobResult:
    """Build and publish ``warehouse`` from the report folder ``reports``."""
    timings: list[tuple[str, float]] = []
    if not reports.exists():
        return JobResult(EXIT_USAGE, reports, timings=timings)
    result = refresh(reports, warehouse, context_dir)
    timings.extend(result.timings.items())
    failed = failed_report_checks(warehouse) if warehouse.exists() else None
    return JobResult(result.code, reports, result, timings, failed)

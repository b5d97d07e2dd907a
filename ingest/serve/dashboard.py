"""The dashboard's data: what the static site shows, read from the marts over a read-only connection.

Every value is read by column name and turned into a JSON-safe Python value (``int`` when integral,
``float`` otherwise, ``None`` kept: a figure a report does not state stays null and is shown as
"not stated", never as 0), so column types (DOUBLE, BIGINT, DECIMAL) do not matter. Rows are
ordered, so the same warehouse always gives the same site.
"""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

__all__ = [
    "AGENCY_YEAR_MEASURES",
    "AgencyPage",
    "DashboardData",
    "ReportPage",
    "load_dashboard",
    "plain",
]

Row = dict[str, Any]

# rpt_agency_years columns the pages show, with the metric key whose evidence each one comes from.
AGENCY_YEAR_MEASURES: tuple[tuple[str, str, str], ...] = (
    ("applications_received", "applications.received", "applications received"),
    ("applications_carried_over", "applications.carried_over", "carried over"),
    ("applications_processed", "applications.processed", "applications processed"),
    ("fees_collected_yuan", "fees.collected_yuan", "fees collected (yuan)"),
    ("reconsideration_total", "reconsideration.total", "reconsiderations"),
    ("litigation_total", "litigation.total", "lawsuits"),
    ("complaints_total", "complaints.total", "complaints"),
    ("items_new", "proactive.items_new", "items disclosed (new)"),
    ("interpretations", "proactive.interpretations", "policy interpretations"),
)


def plain(value: Any) -> Any:
    """A database value as JSON-safe Python: integral numbers as int, other numbers as float."""
    if isinstance(value, bool) or value is None or isinstance(value, str | int):
        return value
    if isinstance(value, decimal.Decimal | float):
        number = float(value)
        return int(number) if number.is_integer() and abs(number) < 2**53 else number
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return str(value)


@dataclass(frozen=True)
class ReportPage:
    """One report: its row in dim_reports, every figure with provenance, its checks."""

    report: Row
    metrics: list[Row]
    checks: list[Row]
    cross_year: list[Row]
    outcomes: list[Row]


@dataclass(frozen=True)
class AgencyPage:
    """One agency: its dim_agencies row, its years side by side, its cross-year findings, its reports."""

    agency: Row
    years: list[Row]
    cross_year: list[Row]
    reports: list[Row]


@dataclass(frozen=True)
class DashboardData:
    """Everything the site shows. ``overview`` is the JSON the filterable pages aggregate in the browser."""

    overview: dict[str, list[Row]]
    agencies: list[AgencyPage] = field(default_factory=list)
    reports: list[ReportPage] = field(default_factory=list)


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = ()) -> list[Row]:
    cursor = con.execute(sql, list(params))
    names = [column[0] for column in cursor.description or ()]
    return [{name: plain(value) for name, value in zip(names, row, strict=True)} for row in cursor.fetchall()]


def _has_table(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    found = con.execute(
        "select count(*) from information_schema.tables where table_schema = ? and table_name = ?", [schema, table]
    ).fetchone()
    return bool(found and found[0])


_MEASURE_COLUMNS = ", ".join(f"y.{column}" for column, _, _ in AGENCY_YEAR_MEASURES)

_AGENCY_YEARS = f"""
    select y.agency_id, y.agency_name, y.agency_type, a.agency_type_label, y.admin_level, y.province,
           y.province_code, y.city, y.report_year, y.report_id, y.template, {_MEASURE_COLUMNS}, y.checks_failed
    from marts.rpt_agency_years y left join marts.dim_agencies a on a.agency_id = y.agency_id
    order by y.report_year, y.agency_name, y.agency_id
"""

# Current reports (the ones the marts use), with what the filters need.
_REPORTS = """
    select r.report_id, r.report_year, r.template, r.agency_id, r.agency_name, a.province, a.agency_type
    from marts.dim_reports r left join marts.dim_agencies a on a.agency_id = r.agency_id
    where r.is_current
    order by r.report_year nulls last, r.agency_name nulls last, r.report_id
"""

# Table 3's outcome groups per report (all applicants together); total_processed is their sum, left out.
_OUTCOMES = """
    select o.report_id, o.outcome_group, sum(o.value) as value
    from marts.fct_application_outcomes o join marts.dim_reports r on r.report_id = o.report_id
    where r.is_current and o.applicant_type = 'total' and o.outcome_group <> 'total_processed'
    group by all order by 1, 2
"""

_CHECK_COUNTS = """
    select c.report_id, c.rule, c.status, count(*) as n
    from marts.fct_report_checks c join marts.dim_reports r on r.report_id = c.report_id
    where r.is_current group by all order by 1, 2, 3
"""

_CROSS_YEAR_COUNTS = """
    select x.report_id, x.rule, x.status, count(*) as n
    from marts.fct_cross_year_checks x group by all order by 1, 2, 3
"""

_FINDINGS = """
    select c.report_id, c.rule, c.detail, c.expected, c.actual, r.agency_name, r.report_year
    from marts.fct_report_checks c join marts.dim_reports r on r.report_id = c.report_id
    where r.is_current and c.status = 'fail'
    union all
    select x.report_id, x.rule, x.item as detail, x.expected, x.actual, a.agency_name, x.report_year
    from marts.fct_cross_year_checks x left join marts.dim_agencies a on a.agency_id = x.agency_id
    where x.status = 'fail'
    order by report_year nulls last, agency_name nulls last, report_id, rule, detail
"""


def _overview(con: duckdb.DuckDBPyConnection) -> dict[str, list[Row]]:
    return {
        "agency_years": _rows(con, _AGENCY_YEARS),
        "reports": _rows(con, _REPORTS),
        "outcomes": _rows(con, _OUTCOMES),
        "checks": _rows(con, _CHECK_COUNTS),
        "cross_year": _rows(con, _CROSS_YEAR_COUNTS),
        "findings": _rows(con, _FINDINGS),
    }


def _metric_labels(con: duckdb.DuckDBPyConnection) -> tuple[str, str]:
    """A join to the metric key seed for Chinese labels, when the seed is in the warehouse."""
    if _has_table(con, "seeds", "metric_keys"):
        return "left join seeds.metric_keys k on k.key = m.metric_key", "k.label_zh"
    return "", "null"


def _group(rows: list[Row], key: str) -> dict[Any, list[Row]]:
    grouped: dict[Any, list[Row]] = {}
    for row in rows:
        grouped.setdefault(row[key], []).append(row)
    return grouped


def _report_pages(con: duckdb.DuckDBPyConnection) -> list[ReportPage]:
    join, label = _metric_labels(con)
    reports = _rows(
        con,
        "select r.report_id, r.report_year, r.template, r.title, r.agency_id, r.agency_name, r.source_path, "
        "r.period_start, r.period_end, r.char_count, r.is_current, r.superseded_by, a.province, a.city, "
        "a.agency_type, a.agency_type_label from marts.dim_reports r "
        "left join marts.dim_agencies a on a.agency_id = r.agency_id order by r.report_id",
    )
    metrics = _group(
        _rows(
            con,
            f"select m.report_id, m.metric_key, m.metric_family, {label} as label_zh, m.value, m.qualifier, m.unit, "
            "m.evidence, m.start_offset, m.end_offset, m.page, m.table_ref, m.section, m.rule, m.source "
            f"from marts.fct_report_metrics m {join} order by m.report_id, m.metric_key",
        ),
        "report_id",
    )
    checks = _group(
        _rows(
            con,
            "select report_id, rule, status, expected, actual, detail from marts.fct_report_checks "
            "order by report_id, rule, check_id",
        ),
        "report_id",
    )
    cross = _group(
        _rows(
            con,
            "select report_id, previous_report_id, report_year, rule, item, expected, actual, status "
            "from marts.fct_cross_year_checks order by report_id, rule, item",
        ),
        "report_id",
    )
    outcomes = _group(
        _rows(
            con,
            "select report_id, outcome_group, sum(value) as value from marts.fct_application_outcomes "
            "where applicant_type = 'total' and outcome_group <> 'total_processed' group by all order by 1, 2",
        ),
        "report_id",
    )
    return [
        ReportPage(
            report=report,
            metrics=metrics.get(report["report_id"], []),
            checks=checks.get(report["report_id"], []),
            cross_year=cross.get(report["report_id"], []),
            outcomes=outcomes.get(report["report_id"], []),
        )
        for report in reports
    ]


def _agency_pages(con: duckdb.DuckDBPyConnection, agency_years: list[Row]) -> list[AgencyPage]:
    agencies = _rows(con, "select * from marts.dim_agencies order by agency_id")
    years = _group(sorted(agency_years, key=lambda row: (row["report_year"], row["report_id"])), "agency_id")
    cross = _group(
        _rows(
            con,
            "select agency_id, report_id, previous_report_id, report_year, rule, item, expected, actual, status "
            "from marts.fct_cross_year_checks order by agency_id, report_year, rule, item",
        ),
        "agency_id",
    )
    reports = _group(
        _rows(
            con,
            "select agency_id, report_id, report_year, template, title, is_current from marts.dim_reports "
            "where agency_id is not null order by agency_id, report_year nulls last, report_id",
        ),
        "agency_id",
    )
    return [
        AgencyPage(
            agency=agency,
            years=years.get(agency["agency_id"], []),
            cross_year=cross.get(agency["agency_id"], []),
            reports=reports.get(agency["agency_id"], []),
        )
        for agency in agencies
    ]


def load_dashboard(warehouse: Path) -> DashboardData:
    """Read everything the dashboard shows from a built warehouse (read-only; never writes)."""
    if not warehouse.is_file():
        raise FileNotFoundError(f"no warehouse at {warehouse}; build one first (govinfo run)")
    with duckdb.connect(str(warehouse), read_only=True) as con:
        if not _has_table(con, "marts", "rpt_agency_years"):
            raise ValueError(f"{warehouse} has no marts; run `govinfo build` first")
        overview = _overview(con)
        return DashboardData(
            overview=overview,
            agencies=_agency_pages(con, overview["agency_years"]),
            reports=_report_pages(con),
        )

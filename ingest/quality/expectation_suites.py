"""Great Expectations suites for the ``marts`` schema, built in code (one suite per mart).

**Division of labour with dbt.** The dbt YAML under ``models/marts/`` owns what a schema test says
well: keys (``unique`` + ``not_null``, composite keys with ``unique_combination_of_columns``),
not-null columns, ``accepted_values`` (lists from :mod:`ingest.vocabulary`), ``relationships`` to
the dimensions and the report consistency rules as generic tests (category sums, printed
percents, R5 non-negative, metric keys in the vocabulary). dbt runs them at build time, so a
broken key fails ``dbt build`` before anything is published. Great Expectations owns what dbt
cannot say, or says poorly: ranges (report years between 2008 and ``$PARAMETER current_year``,
non-negative figures, percent 0-100, offset spans with end >= start, char_count >= 1), regular
expressions (sha256, metric_key, region_code), conditional presence (a qualifier present exactly
when its figure is; a named agency resolved), row counts (dim_reports has rows; every report has
its row in each one-row-per-report mart), cross-table pairs (a fact row's agency and year equal
its report's; ``report_id`` is the head of ``sha256``) and the 5 % category over-sum tolerance.
GX never repeats a key, not-null, accepted-values or relationship test (pinned by
``tests/ingest/test_validate.py``); R5 is the one deliberate overlap (dbt's ``non_negative``
at build time, GX's ranges in the published Data Docs).

Each :class:`MartSpec` pairs a mart with the DuckDB query behind its GX query asset and the
expectations run against that query (inside DuckDB, see :mod:`ingest.quality.validate`). Queries return every
mart column plus a few *derived check columns* for rules a single-column expectation cannot express
on the raw mart:

``agency_and_year_match_dim_reports`` (per-report marts)
    The row's report exists in dim_reports with the same agency_id and report_year (NULLs compare
    equal: a report whose agency is unknown has a NULL agency_id everywhere). NULL when report_id
    is NULL (dbt's not_null reports that). Expected to be in ``{True}``.
``has_row_in_<mart>`` (dim_reports)
    The report has its row in a one-row-per-report mart (fct_applications, ...). dbt's ``unique``
    and ``relationships`` bound those marts to at most one row per known report; this bounds them
    from below, so together: exactly one.
``report_id_matches_sha256`` (dim_reports)
    ``report_id`` is the first 16 hex characters of ``sha256``.
``value_if_count`` (fct_report_metrics)
    ``value`` for every metric that is a count or amount; NULL for the signed year-on-year deltas of
    table 2 (keys ending in ``.change``, 本年增/减), which may legitimately be negative.
``category_sum_minus_total_tolerance`` (fct_proactive_categories, fct_proactive_disclosures)
    ``sum(count) - items_new * 1.05`` per report, NULL when items_new is NULL (not stated).
    Expected ``<= 0``: a category breakdown may cover only part of the headline total (a report
    lists only some categories), so only an *over*-sum beyond 5 % is an error.

Conventions: NULL means "not stated" and is legitimate in every figure column, so figures are never
expected not-null; range and set expectations ignore NULLs. The wide marts' counts are BIGINT and
their fees DECIMAL(18, 2) (the ranges read them as they read DOUBLE); a count parsed as a number that
is not whole is NULL there together with its qualifier, so "a qualifier exactly when its figure"
still holds (dbt's assert_typed_counts_equal_their_source_values owns the casts). Report years lie
between 2008 and ``$PARAMETER current_year``, supplied at run time by :func:`expectation_parameters`
so the stored suites do not change every January.
"""

from __future__ import annotations

import os

os.environ["GX_ANALYTICS_ENABLED"] = "false"

import datetime as dt
from dataclasses import dataclass

import great_expectations.expectations as gxe
from great_expectations.expectations import Expectation
from great_expectations.expectations.row_conditions import Column

__all__ = ["SCOPED_MARTS", "SCOPE_VARIABLE", "SUITE_PREFIX", "MartSpec", "build_mart_specs", "expectation_parameters"]

# One row per loaded report each (dbt bounds them to at most one; GX checks that none is missing).
_ONE_ROW_PER_REPORT_MARTS = ("fct_proactive_disclosures", "fct_applications", "fct_fees", "fct_litigation")
_FIRST_REPORT_YEAR = 2008  # 政府信息公开条例 took effect on 2008-05-01
_CURRENT_YEAR_PARAM = "current_year"
_CATEGORY_TOLERANCE = 1.05  # categories may over-sum their headline total by at most 5 %
SUITE_PREFIX = "marts_"


def expectation_parameters(today: dt.date | None = None) -> dict[str, int]:
    """Run-time values for the ``$PARAMETER`` placeholders used in the suites."""
    return {_CURRENT_YEAR_PARAM: (today or dt.date.today()).year}


@dataclass(frozen=True)
class MartSpec:
    """One mart: the query of its GX query asset and the expectations run against it.

    ``index_columns`` identify a row in failure reports (GX ``unexpected_index_column_names``).
    Row conditions use :class:`~great_expectations.expectations.row_conditions.Column`, which GX
    translates to SQL (pandas-syntax ``condition_parser="pandas"`` strings would not run in DuckDB).
    """

    table: str
    query: str
    index_columns: tuple[str, ...]
    expectations: tuple[Expectation, ...]

    @property
    def suite_name(self) -> str:
        """GX suite name, e.g. ``marts_fct_applications``."""
        return f"{SUITE_PREFIX}{self.table}"


# ---------------------------------------------------------------------------------------------
# SQL fragments for derived check columns


@dataclass(frozen=True)
class _Derived:
    """A derived check column: its select expression and the ``left join`` it reads from."""

    column: str
    join: str = ""


def _has_row_in(mart: str) -> _Derived:
    """``true`` when ``t.report_id`` has a row in ``marts.<mart>`` (read from dim_reports).

    A left join against the *distinct* keys (so it never multiplies rows) rather than a correlated
    ``exists``: DuckDB drops a left join whose columns a query does not use, so only the queries
    that check this flag pay for it.
    """
    ref = f"{mart}_ref"
    return _Derived(
        f"{ref}.report_id is not null as has_row_in_{mart}",
        f"left join (select distinct report_id from marts.{mart}) {ref} on {ref}.report_id = t.report_id",
    )


# At most one distinct (report_id, agency_id, report_year) row matches all three (NULLs equal).
_MATCHES_REPORT = _Derived(
    "case when t.report_id is null then null else report_match.report_id is not null end "
    "as agency_and_year_match_dim_reports",
    "left join (select distinct report_id, agency_id, report_year from marts.dim_reports) report_match "
    "on report_match.report_id = t.report_id and report_match.agency_id is not distinct from t.agency_id "
    "and report_match.report_year is not distinct from t.report_year",
)


# The DuckDB session variable that narrows the large per-report marts to the reports (re)loaded
# since a point in time (``govinfo validate --changed-since``); unset (NULL) means every row.
SCOPE_VARIABLE = "govinfo_validate_since"
# Marts with many rows per report. Their rows are replaced report by report (delete + insert in
# the incremental dbt models) and every key includes report_id, so after an incremental refresh
# only the rows of the reports loaded by it can have changed: those are the rows validated.
SCOPED_MARTS = frozenset(
    {
        "fct_report_metrics",
        "fct_template_cells",
        "fct_application_outcomes",
        "fct_review_litigation",
        "fct_report_facts",
        "fct_report_checks",
    }
)


def _query(table: str, *derived: str | _Derived) -> str:
    """``select t.*, <derived columns> from marts.<table> t <left joins>`` (scoped if large)."""
    items = [d if isinstance(d, _Derived) else _Derived(d) for d in derived]
    cols = ",\n       ".join(("t.*", *(d.column for d in items)))
    joins = "".join(f"\n{d.join}" for d in items if d.join)
    scope = ""
    if table in SCOPED_MARTS:
        since = f"getvariable('{SCOPE_VARIABLE}')"
        scope = f"\nwhere {since} is null or t.ingested_at >= {since}"
    return f"select {cols}\nfrom marts.{table} t{joins}{scope}"


# ---------------------------------------------------------------------------------------------
# Expectation helpers (ranges, regexes, conditional presence, flags: the GX side of the division)


def _non_negative(*columns: str) -> list[Expectation]:
    return [gxe.ExpectColumnValuesToBeBetween(column=c, min_value=0) for c in columns]


def _year(*columns: str) -> list[Expectation]:
    return [
        gxe.ExpectColumnValuesToBeBetween(
            column=c,
            min_value=_FIRST_REPORT_YEAR,
            max_value={"$PARAMETER": _CURRENT_YEAR_PARAM},
        )
        for c in columns
    ]


def _true(*columns: str, notes: str | None = None) -> list[Expectation]:
    return [gxe.ExpectColumnValuesToBeInSet(column=c, value_set=[True], notes=notes) for c in columns]


def _matches_report() -> list[Expectation]:
    return _true(
        "agency_and_year_match_dim_reports",
        notes="the row's report is in dim_reports with the same agency_id and report_year",
    )


def _qualified(*figures: str) -> list[Expectation]:
    """Figure >= 0; ``<figure>_qualifier`` present exactly when the figure is (its values: dbt)."""
    out: list[Expectation] = []
    for fig in figures:
        q = f"{fig}_qualifier"
        out += [
            gxe.ExpectColumnValuesToBeBetween(column=fig, min_value=0),
            gxe.ExpectColumnValuesToNotBeNull(column=q, row_condition=Column(fig).is_not_null()),
            gxe.ExpectColumnValuesToBeNull(column=q, row_condition=Column(fig).is_null()),
        ]
    return out


def _span(start: str = "start_offset", end: str = "end_offset") -> list[Expectation]:
    """Offsets into the decoded text: start >= 0, end >= start (their presence: dbt not_null)."""
    return [
        gxe.ExpectColumnValuesToBeBetween(column=start, min_value=0),
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A=end,
            column_B=start,
            or_equal=True,
            ignore_row_if="either_value_is_missing",
        ),
    ]


def _report_fact_keys() -> list[Expectation]:
    """The one-row-per-report fact tables: year range and agreement with dim_reports."""
    return [*_year("report_year"), *_matches_report()]


_CATEGORY_NOTE = (
    "Per report whose items_new is stated: sum of category counts minus items_new * 1.05. "
    "Breakdowns may list only some categories, so only an over-sum beyond 5 % fails."
)
_CATEGORY_SUM_SQL = (
    "case when t.items_new is null then null "
    f"else sum(t.count) over (partition by t.report_id) - t.items_new * {_CATEGORY_TOLERANCE} "
    "end as category_sum_minus_total_tolerance"
)


def build_mart_specs() -> tuple[MartSpec, ...]:
    """All marts with their queries and (freshly built) expectations."""
    return (
        MartSpec(
            table="dim_reports",
            query=_query(
                "dim_reports",
                "case when t.report_id is null or t.sha256 is null then null "
                "else t.report_id = left(t.sha256, 16) end as report_id_matches_sha256",
                *(_has_row_in(mart) for mart in _ONE_ROW_PER_REPORT_MARTS),
            ),
            index_columns=("report_id", "source_path"),
            expectations=(
                gxe.ExpectTableRowCountToBeBetween(min_value=1),
                gxe.ExpectColumnValuesToMatchRegex(column="sha256", regex=r"^[0-9a-f]{64}$"),
                *_true("report_id_matches_sha256", notes="report_id = left(sha256, 16)"),
                *_true(
                    *(f"has_row_in_{mart}" for mart in _ONE_ROW_PER_REPORT_MARTS),
                    notes="every report has its row in each one-row-per-report mart",
                ),
                gxe.ExpectColumnValuesToNotBeNull(
                    column="agency_id",
                    row_condition=Column("agency_name").is_not_null(),
                    notes="a named agency must be resolved; unnamed (unknown) agencies stay NULL",
                ),
                *_year("report_year"),
                gxe.ExpectColumnValuesToBeBetween(column="char_count", min_value=1),
                gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                    column_A="period_end",
                    column_B="period_start",
                    or_equal=True,
                    ignore_row_if="either_value_is_missing",
                ),
            ),
        ),
        MartSpec(
            table="dim_agencies",
            query=_query("dim_agencies"),
            index_columns=("agency_id", "agency_name"),
            expectations=(
                *_year("first_report_year", "last_report_year"),
                gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                    column_A="last_report_year",
                    column_B="first_report_year",
                    or_equal=True,
                    ignore_row_if="either_value_is_missing",
                ),
                *_non_negative("report_count"),
                gxe.ExpectColumnValuesToMatchRegex(
                    column="region_code",
                    regex=r"^[0-9]{6}(?:[0-9]{6})?$",
                    notes="GB/T 2260 division code (6 digits; 12-digit statistical codes allowed)",
                ),
            ),
        ),
        MartSpec(
            table="fct_report_metrics",
            query=_query(
                "fct_report_metrics",
                "case when t.metric_key like '%.change' then null else t.value end as value_if_count",
                _MATCHES_REPORT,
            ),
            index_columns=("report_id", "metric_key"),
            expectations=(
                gxe.ExpectColumnValuesToMatchRegex(
                    column="metric_key",
                    regex=r"^[a-z0-9_]+(?:\.[a-z0-9_]+)+$",
                    notes="lowercase dot-separated keys of metric_keys.md",
                ),
                *_year("report_year"),
                *_matches_report(),
                gxe.ExpectColumnValuesToBeBetween(
                    column="value_if_count",
                    min_value=0,
                    notes="value of every metric except the signed deltas (*.change, 本年增/减)",
                ),
                *_span(),
            ),
        ),
        MartSpec(
            table="fct_proactive_disclosures",
            query=_query(
                "fct_proactive_disclosures",
                "case when t.items_new is null or t.category_count_sum is null then null "
                f"else t.category_count_sum - t.items_new * {_CATEGORY_TOLERANCE} "
                "end as category_sum_minus_total_tolerance",
                _MATCHES_REPORT,
            ),
            index_columns=("report_id", "agency_id"),
            expectations=(
                *_report_fact_keys(),
                *_qualified("items_new", "items_cumulative", "interpretations"),
                *_non_negative("category_count", "category_count_sum"),
                gxe.ExpectColumnValuesToBeBetween(
                    column="category_sum_minus_total_tolerance",
                    max_value=0,
                    notes=_CATEGORY_NOTE,
                ),
            ),
        ),
        MartSpec(
            table="fct_applications",
            query=_query("fct_applications", _MATCHES_REPORT),
            index_columns=("report_id", "agency_id"),
            expectations=(
                *_report_fact_keys(),
                *_qualified("received", "carried_over", "processed"),
            ),
        ),
        MartSpec(
            table="fct_fees",
            query=_query("fct_fees", _MATCHES_REPORT),
            index_columns=("report_id", "agency_id"),
            expectations=(*_report_fact_keys(), *_qualified("collected_yuan")),
        ),
        MartSpec(
            table="fct_litigation",
            query=_query("fct_litigation", _MATCHES_REPORT),
            index_columns=("report_id", "agency_id"),
            expectations=(
                *_report_fact_keys(),
                *_qualified("reconsideration_total", "litigation_total", "complaints_total"),
            ),
        ),
        MartSpec(
            table="fct_proactive_categories",
            query=_query("fct_proactive_categories", _CATEGORY_SUM_SQL, _MATCHES_REPORT),
            index_columns=("report_id", "ordinal"),
            expectations=(
                *_year("report_year"),
                *_matches_report(),
                *_non_negative("ordinal", "count", "items_new", "computed_percent"),
                gxe.ExpectColumnValuesToBeBetween(column="percent", min_value=0, max_value=100),
                gxe.ExpectColumnValuesToBeBetween(
                    column="category_sum_minus_total_tolerance",
                    max_value=0,
                    notes=_CATEGORY_NOTE,
                ),
                *_span(),
            ),
        ),
        MartSpec(
            table="fct_template_cells",
            query=_query("fct_template_cells", _MATCHES_REPORT),
            index_columns=("report_id", "metric_key"),
            expectations=(
                gxe.ExpectColumnValuesToBeBetween(
                    column="value",
                    min_value=0,
                    row_condition=(Column("column_key") != "change") | Column("column_key").is_null(),
                    notes="every cell except the signed year-on-year deltas (column 本年增/减)",
                ),
                *_span(),
                *_matches_report(),
            ),
        ),
        MartSpec(
            table="fct_application_outcomes",
            query=_query("fct_application_outcomes", _MATCHES_REPORT),
            index_columns=("report_id", "row_key", "applicant_type"),
            expectations=(*_non_negative("value"), *_span(), *_matches_report()),
        ),
        MartSpec(
            table="fct_review_litigation",
            query=_query("fct_review_litigation", _MATCHES_REPORT),
            index_columns=("report_id", "block", "result"),
            expectations=(*_non_negative("value"), *_span(), *_matches_report()),
        ),
        MartSpec(
            table="fct_cross_year_checks",
            query=_query("fct_cross_year_checks"),
            index_columns=("agency_id", "report_year", "rule", "item"),
            expectations=(*_year("report_year"),),
        ),
        MartSpec(
            table="fct_report_facts",
            query=_query("fct_report_facts", _MATCHES_REPORT),
            index_columns=("report_id", "ordinal"),
            expectations=(*_non_negative("value"), *_span(), *_matches_report()),
        ),
        MartSpec(
            table="fct_report_checks",
            query=_query("fct_report_checks", _MATCHES_REPORT),
            index_columns=("report_id", "rule"),
            expectations=(*_matches_report(),),
        ),
        MartSpec(
            table="rpt_agency_years",
            query=_query("rpt_agency_years"),
            index_columns=("agency_id", "report_year"),
            expectations=(
                *_year("report_year"),
                *_non_negative(
                    "report_count",
                    "items_new",
                    "items_cumulative",
                    "interpretations",
                    "applications_received",
                    "applications_carried_over",
                    "applications_processed",
                    "fees_collected_yuan",
                    "reconsideration_total",
                    "litigation_total",
                    "complaints_total",
                    "checks_failed",
                ),
            ),
        ),
    )

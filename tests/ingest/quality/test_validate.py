"""Great Expectations validation of the marts: real GX, real DuckDB files under tmp_path.

The expectations run inside DuckDB (GX SQL datasource over duckdb-engine), so these tests also pin
down the DuckDB shims of ingest.quality.gx_duckdb: regex, row conditions, read-only connections
that are closed again, and that GX never fetches a mart's rows.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import filecmp
import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from ingest.land.progress import parse_progress_line
from ingest.quality.expectation_suites import SCOPED_MARTS, build_mart_specs
from ingest.quality.gx_duckdb import SEARCH_AS_FULL_MATCH, close_engines, patch_gx_for_duckdb
from ingest.quality.validate import (
    DATASOURCE_KWARGS,
    PARTIAL_UNEXPECTED_COUNT,
    ValidationOutcome,
    ValidationSetupError,
    configure_context,
    format_outcome,
    validate,
    warehouse_url,
)
from tests.conftest import REPO
from tests.ingest.test_vocabulary import dbt_data_tests

SHA_A = "a1" * 32
SHA_B = "b2" * 32
RID_A = SHA_A[:16]
RID_B = SHA_B[:16]
SHA_C = "c3" * 32  # a report whose agency and year could not be determined (legitimate NULLs)
RID_C = SHA_C[:16]

MARTS_SQL = f"""
create schema marts;

create table marts.dim_agencies as select * from (values
    ('ag1', '孝感市教育局', 'education', 'city', '湖北省', '孝感市', null, '420900', 2018, 2018, 1),
    ('ag2', '张店区教育局', 'education', 'county', '山东省', '淄博市', '张店区', '370303', 2021, 2021, 1)
) t(agency_id, agency_name, agency_type, admin_level, province, city, county, region_code,
    first_report_year, last_report_year, report_count);

create table marts.dim_reports as select * from (values
    ('{RID_A}', '{SHA_A}', 'a.txt', 'ag1', '孝感市教育局', 2018, 'narrative', '2018年政府信息公开工作年度报告',
     date '2018-01-01', date '2018-12-31', 5000, '0.1.0', timestamp '2026-01-01 00:00:00'),
    ('{RID_B}', '{SHA_B}', 'b.txt', 'ag2', '张店区教育局', 2021, 'standard_2021', '2021年政府信息公开工作年度报告',
     null, null, 8000, '0.1.0', timestamp '2026-01-01 00:00:00'),
    ('{RID_C}', '{SHA_C}', 'c.txt', null, null, null, null, null,
     null, null, 300, '0.1.0', timestamp '2026-01-01 00:00:00')
) t(report_id, sha256, source_path, agency_id, agency_name, report_year, template, title,
    period_start, period_end, char_count, parser_version, ingested_at);

create table marts.fct_report_metrics as select * from (values
    ('m1', '{RID_A}', 'ag1', 2018, 'proactive.items_new', 'proactive', 454.0, 'exact', '条',
     '新增主动公开政府信息454条', 100, 113, 'proactive', 'items_new_v1', 'text', null),
    ('m2', '{RID_A}', 'ag1', 2018, 'applications.received', 'applications', 12.0, 'approx', '件',
     '受理申请约12件', 300, 307, 'applications', 'received_v1', 'text', null),
    ('m3', '{RID_B}', 'ag2', 2021, 'applications.received', 'applications', 3.0, 'exact', '件',
     '3', 900, 901, 'applications', 't3_cell', 'table', 't3/new_received/total'),
    ('m4', '{RID_B}', 'ag2', 2021, 't2.licensing.change', 't2', -2.0, 'exact', '项',
     '-2', 700, 702, 'proactive', 't2_cell', 'table', 't2/licensing/change')
) t(metric_id, report_id, agency_id, report_year, metric_key, metric_family, value, qualifier,
    unit, evidence, start_offset, end_offset, section, rule, source, table_ref);

create table marts.fct_proactive_disclosures as select * from (values
    ('{RID_A}', 'ag1', 2018, 454, 'exact', null, null, 10, 'at_least', 2, 400),
    ('{RID_B}', 'ag2', 2021, null, null, null, null, null, null, 0, null),
    ('{RID_C}', null, null, null, null, null, null, null, null, 0, null)
) t(report_id, agency_id, report_year, items_new, items_new_qualifier, items_cumulative,
    items_cumulative_qualifier, interpretations, interpretations_qualifier, category_count,
    category_count_sum);

create table marts.fct_applications as select * from (values
    ('{RID_A}', 'ag1', 2018, 12, 'approx', null, null, 12, 'exact'),
    ('{RID_B}', 'ag2', 2021, 3, 'exact', 1, 'exact', 4, 'exact'),
    ('{RID_C}', null, null, null, null, null, null, null, null)
) t(report_id, agency_id, report_year, received, received_qualifier, carried_over,
    carried_over_qualifier, processed, processed_qualifier);

create table marts.fct_fees as select * from (values
    ('{RID_A}', 'ag1', 2018, 0.0, 'exact'),
    ('{RID_B}', 'ag2', 2021, null, null),
    ('{RID_C}', null, null, null, null)
) t(report_id, agency_id, report_year, collected_yuan, collected_yuan_qualifier);

create table marts.fct_litigation as select * from (values
    ('{RID_A}', 'ag1', 2018, 0, 'exact', 1, 'exact', null, null),
    ('{RID_B}', 'ag2', 2021, 2, 'exact', 0, 'exact', null, null),
    ('{RID_C}', null, null, null, null, null, null, null, null)
) t(report_id, agency_id, report_year, reconsideration_total, reconsideration_total_qualifier,
    litigation_total, litigation_total_qualifier, complaints_total, complaints_total_qualifier);

-- report A lists two categories covering 400 of its 454 items (a partial breakdown is fine)
create table marts.fct_proactive_categories as select * from (values
    ('c1', '{RID_A}', 'ag1', 2018, 1, '概况信息', 300, 66.1::double, 454, 66.08, '概况信息300条，占66.1%', 120, 135),
    ('c2', '{RID_A}', 'ag1', 2018, 2, '工作动态', 100, null, 454, 22.03, '工作动态100条', 136, 145)
) t(category_id, report_id, agency_id, report_year, ordinal, label, count, percent, items_new,
    computed_percent, evidence, start_offset, end_offset);

create table marts.fct_report_facts as select * from (values
    ('{RID_A}:1', '{RID_A}', 'ag1', 2018, 1, '共发布微信消息', 'wechat', 'posts', 500.0, 'at_least', '条',
     '共发布微信消息500余条', 200, 212, 'proactive', 'fact.counted_phrase')
) t(fact_id, report_id, agency_id, report_year, ordinal, label, channel, fact_kind, value, qualifier, unit,
    evidence, start_offset, end_offset, section_kind, extraction_rule);

create table marts.fct_template_cells as select * from (values
    ('{RID_B}:t3.new_received.total', '{RID_B}', 'ag2', 2021, 'standard_2021', 't3', 'new_received', 'total',
     't3.new_received.total', '3', 3.0, null, null, 300, 301),
    ('{RID_B}:t2.licensing.change', '{RID_B}', 'ag2', 2021, 'standard_2021', 't2', 'licensing', 'change',
     't2.licensing.change', '-3', -3.0, null, null, 200, 202),
    ('{RID_B}:t2.regulations.made', '{RID_B}', 'ag2', 2021, 'standard_2021', 't2', 'regulations', 'made',
     't2.regulations.made', '/', null, null, null, 210, 211)
) t(cell_id, report_id, agency_id, report_year, template, table_no, row_key, column_key, metric_key, raw_text,
    value, note, unit, start_offset, end_offset);

create table marts.fct_application_outcomes as select * from (values
    ('{RID_B}:granted:total', '{RID_B}', 'ag2', 2021, 'standard_2021', 'granted', null, 'granted', 'total', 2.0,
     '2', 310, 311),
    ('{RID_B}:denied.state_secret:total', '{RID_B}', 'ag2', 2021, 'standard_2021', 'denied', 'state_secret',
     'denied.state_secret', 'total', 0.0, '0', 320, 321)
) t(outcome_id, report_id, agency_id, report_year, template, outcome_group, outcome_reason, row_key,
    applicant_type, value, raw_text, start_offset, end_offset);

create table marts.fct_review_litigation as select * from (values
    ('{RID_B}:reconsideration:total', '{RID_B}', 'ag2', 2021, 'standard_2021', 'reconsideration', 'total', 1.0,
     '1', 400, 401)
) t(review_id, report_id, agency_id, report_year, template, block, result, value, raw_text, start_offset,
    end_offset);

create table marts.fct_cross_year_checks as select * from (values
    ('ag2:2022:X1:total', 'ag2', 2022, 'X1', 'total', 1.0, 1.0, 'pass', null, '{RID_B}')
) t(cross_check_id, agency_id, report_year, rule, item, expected, actual, status, report_id, previous_report_id);

create table marts.fct_report_checks as select * from (values
    ('k1', '{RID_B}', 'ag2', 2021, 'R1', 'fail', 4.0, 3.0, '一+二 != 三（七）+四'),
    ('k2', '{RID_A}', 'ag1', 2018, 'C1_category_sum', 'pass', 454.0, 400.0, 'partial breakdown'),
    ('k3', '{RID_A}', 'ag1', 2018, 'R1', 'not_assessable', null, null, 'no table 3')
) t(check_id, report_id, agency_id, report_year, rule, status, expected, actual, detail);

create table marts.rpt_agency_years as select * from (values
    ('ag1-2018', 'ag1', '孝感市教育局', 2018, '{RID_A}', 1, 'narrative', 454, null, 10, 12, null, 12,
     0.0, 0, 1, null, 0),
    ('ag2-2021', 'ag2', '张店区教育局', 2021, '{RID_B}', 1, 'standard_2021', null, null, null, 3, 1, 4,
     null, 2, 0, null, 1),
    ('ag2-2022', 'ag2', '张店区教育局', 2022, null, 0, null, null, null, null, null, null, null,
     null, null, null, null, 0)
) t(agency_year_id, agency_id, agency_name, report_year, report_id, report_count, template,
    items_new, items_cumulative, interpretations, applications_received, applications_carried_over,
    applications_processed, fees_collected_yuan, reconsideration_total, litigation_total,
    complaints_total, checks_failed);
"""


# The large per-report marts carry their report's load time (validate --changed-since scopes them).
MARTS_SQL += "".join(
    f"alter table marts.{table} add column ingested_at timestamp default timestamp '2026-01-01 00:00:00';\n"
    for table in sorted(SCOPED_MARTS)
)


def make_warehouse(path: Path, *corruptions: str) -> Path:
    """Create a DuckDB file with plausible marts, then apply the given SQL statements."""
    with duckdb.connect(str(path)) as con:
        con.execute(MARTS_SQL)
        for sql in corruptions:
            con.execute(sql)
    return path


@pytest.fixture(scope="module")
def context_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One GX File Data Context shared by the module (created on first validate())."""
    return tmp_path_factory.mktemp("gx") / "expectations"


@pytest.fixture(scope="module")
def good_outcome(tmp_path_factory: pytest.TempPathFactory, context_dir: Path) -> ValidationOutcome:
    warehouse = make_warehouse(tmp_path_factory.mktemp("good") / "warehouse.duckdb")
    return validate(warehouse, context_dir)


@pytest.fixture(scope="module")
def run_corrupted(tmp_path_factory: pytest.TempPathFactory, context_dir: Path) -> Callable[[str], ValidationOutcome]:
    """validate() on good marts plus one corrupting statement (memoised per statement)."""
    cache: dict[str, ValidationOutcome] = {}

    def run(corruption: str) -> ValidationOutcome:
        if corruption not in cache:
            path = tmp_path_factory.mktemp("bad") / "warehouse.duckdb"
            cache[corruption] = validate(make_warehouse(path, corruption), context_dir)
        return cache[corruption]

    return run


NEGATIVE_RECEIVED = f"update marts.fct_applications set received = -5 where report_id = '{RID_B}'"


def test_passes_on_good_marts(good_outcome: ValidationOutcome, context_dir: Path) -> None:
    assert good_outcome.failed == [], format_outcome(good_outcome)
    assert good_outcome.success
    assert good_outcome.evaluated == sum(len(spec.expectations) for spec in build_mart_specs())
    assert good_outcome.data_docs_index.is_file()
    assert good_outcome.data_docs_index == (context_dir / "uncommitted/data_docs/local_site/index.html").resolve()
    assert (context_dir / "checkpoints" / "govinfo_marts.json").is_file()
    assert (context_dir / "expectations" / "marts_fct_applications.json").is_file()
    assert "validation passed" in format_outcome(good_outcome)


@pytest.mark.parametrize(
    ("corruption", "suite", "expectation_type", "column", "count"),
    [
        pytest.param(
            NEGATIVE_RECEIVED,
            "marts_fct_applications",
            "expect_column_values_to_be_between",
            "received",
            1,
            id="negative-received",
        ),
        pytest.param(
            f"update marts.dim_reports set report_year = 1999 where report_id = '{RID_A}'",
            "marts_dim_reports",
            "expect_column_values_to_be_between",
            "report_year",
            1,
            id="report-year-1999",
        ),
        pytest.param(
            "update marts.fct_proactive_categories set count = count * 454 / 200",
            "marts_fct_proactive_categories",
            "expect_column_values_to_be_between",
            "category_sum_minus_total_tolerance",
            2,
            id="categories-sum-2x-total",
        ),
        pytest.param(
            f"update marts.fct_applications set received_qualifier = 'exact' where report_id = '{RID_C}'",
            "marts_fct_applications",
            "expect_column_values_to_be_null",
            "received_qualifier",
            1,
            id="qualifier-without-figure",
        ),
        pytest.param(
            "update marts.dim_agencies set region_code = '42090' where agency_id = 'ag1'",
            "marts_dim_agencies",
            "expect_column_values_to_match_regex",
            "region_code",
            1,
            id="regex-region-code",
        ),
        pytest.param(
            "update marts.fct_report_metrics set metric_key = 'Proactive.Items_New' where metric_id = 'm1'",
            "marts_fct_report_metrics",
            "expect_column_values_to_match_regex",
            "metric_key",
            1,
            id="regex-metric-key",
        ),
        pytest.param(
            f"update marts.dim_reports set period_end = date '2017-06-30' where report_id = '{RID_A}'",
            "marts_dim_reports",
            "expect_column_pair_values_a_to_be_greater_than_b",
            "period_end",
            1,
            id="period-ends-before-start",
        ),
        pytest.param(  # the -3 in column 'change' stays excluded by the row condition
            "update marts.fct_template_cells set value = -1 where column_key = 'total'",
            "marts_fct_template_cells",
            "expect_column_values_to_be_between",
            "value",
            1,
            id="negative-cell-outside-change",
        ),
        pytest.param(
            f"update marts.fct_fees set report_id = 'ffffffffffffffff' where report_id = '{RID_A}'",
            "marts_fct_fees",
            "expect_column_values_to_be_in_set",
            "agency_and_year_match_dim_reports",
            1,
            id="orphan-report-id",
        ),
        pytest.param(
            f"update marts.fct_litigation set report_year = 2019 where report_id = '{RID_A}'",
            "marts_fct_litigation",
            "expect_column_values_to_be_in_set",
            "agency_and_year_match_dim_reports",
            1,
            id="year-differs-from-report",
        ),
        pytest.param(
            "delete from marts.dim_reports",
            "marts_dim_reports",
            "expect_table_row_count_to_be_between",
            None,
            None,
            id="no-reports",
        ),
        pytest.param(
            f"update marts.fct_fees set collected_yuan_qualifier = null where report_id = '{RID_A}'",
            "marts_fct_fees",
            "expect_column_values_to_not_be_null",
            "collected_yuan_qualifier",
            1,
            id="figure-without-qualifier",
        ),
        pytest.param(
            f"update marts.dim_reports set sha256 = upper(sha256) where report_id = '{RID_A}'",
            "marts_dim_reports",
            "expect_column_values_to_match_regex",
            "sha256",
            1,
            id="regex-sha256",
        ),
        pytest.param(
            f"update marts.dim_reports set sha256 = '{'d4' * 32}' where report_id = '{RID_C}'",
            "marts_dim_reports",
            "expect_column_values_to_be_in_set",
            "report_id_matches_sha256",
            1,
            id="report-id-not-head-of-sha256",
        ),
        pytest.param(
            f"delete from marts.fct_fees where report_id = '{RID_B}'",
            "marts_dim_reports",
            "expect_column_values_to_be_in_set",
            "has_row_in_fct_fees",
            1,
            id="report-missing-from-one-row-mart",
        ),
        pytest.param(
            f"update marts.dim_reports set agency_id = null where report_id = '{RID_A}'",
            "marts_dim_reports",
            "expect_column_values_to_not_be_null",
            "agency_id",
            1,
            id="named-agency-unresolved",
        ),
        pytest.param(
            f"update marts.dim_reports set char_count = 0 where report_id = '{RID_B}'",
            "marts_dim_reports",
            "expect_column_values_to_be_between",
            "char_count",
            1,
            id="empty-report",
        ),
        pytest.param(
            "update marts.fct_proactive_categories set percent = 166.1 where category_id = 'c1'",
            "marts_fct_proactive_categories",
            "expect_column_values_to_be_between",
            "percent",
            1,
            id="percent-over-100",
        ),
        pytest.param(
            "update marts.fct_report_facts set end_offset = 150",
            "marts_fct_report_facts",
            "expect_column_pair_values_a_to_be_greater_than_b",
            "end_offset",
            1,
            id="offsets-reversed",
        ),
        pytest.param(
            "update marts.fct_review_litigation set report_year = 2020",
            "marts_fct_review_litigation",
            "expect_column_values_to_be_in_set",
            "agency_and_year_match_dim_reports",
            1,
            id="cell-year-differs-from-report",
        ),
    ],
)
def test_fails_on_corrupted_marts(
    run_corrupted: Callable[[str], ValidationOutcome],
    corruption: str,
    suite: str,
    expectation_type: str,
    column: str | None,
    count: int | None,
) -> None:
    outcome = run_corrupted(corruption)
    report = format_outcome(outcome)
    assert not outcome.success
    hits = [
        f
        for f in outcome.failed
        if f.suite == suite and f.expectation_type == expectation_type and (column in f.columns or not column)
    ]
    assert hits, report
    assert hits[0].unexpected_count == count, report
    assert "could not evaluate" not in report, report
    assert f"{suite} / {expectation_type} / {', '.join(hits[0].columns) or '(table)'}" in report
    assert str(outcome.data_docs_index) in report


def test_failure_detail_names_value_and_row(
    run_corrupted: Callable[[str], ValidationOutcome],
) -> None:
    outcome = run_corrupted(NEGATIVE_RECEIVED)
    [hit] = [f for f in outcome.failed if f.columns == ("received",)]
    assert hit.table == "marts.fct_applications"
    assert "1 of 3 rows unexpected" in hit.detail
    assert "-5" in hit.detail and RID_B in hit.detail


CHINESE_METRIC_KEY = "update marts.fct_report_metrics set metric_key = '申请.受理' where metric_id = 'm3'"
REVERSED_PERIOD = f"update marts.dim_reports set period_end = date '2017-06-30' where report_id = '{RID_A}'"


def test_failure_details_name_pairs_and_chinese_values(
    run_corrupted: Callable[[str], ValidationOutcome],
) -> None:
    pair = run_corrupted(REVERSED_PERIOD)
    [hit] = [f for f in pair.failed if f.expectation_type == "expect_column_pair_values_a_to_be_greater_than_b"]
    assert hit.columns == ("period_end", "period_start")
    assert "1 of 3 rows unexpected" in hit.detail
    assert "(2017-06-30, 2018-01-01)" in hit.detail and RID_A in hit.detail

    chinese = run_corrupted(CHINESE_METRIC_KEY)
    [hit] = [f for f in chinese.failed if f.columns == ("metric_key",)]
    assert f"'申请.受理' (report_id='{RID_B}')" in hit.detail


def test_flag_joins_never_multiply_rows(tmp_path: Path, context_dir: Path) -> None:
    """A report listed twice in dim_reports (dbt's unique test catches that) leaves the row counts of
    the fact marts as they are, and their agreement flags still find the report's agency and year."""
    warehouse = make_warehouse(
        tmp_path / "w.duckdb",
        f"insert into marts.dim_reports select * replace (2019 as report_year) from marts.dim_reports "
        f"where report_id = '{RID_B}'",
        NEGATIVE_RECEIVED,
    )
    outcome = validate(warehouse, context_dir)
    [received] = [f for f in outcome.failed if f.columns == ("received",)]
    assert "1 of 3 rows unexpected" in received.detail  # not 1 of 4
    # report B's agency and year still match one of its two dim_reports rows
    assert [f.columns for f in outcome.failed] == [("received",)], format_outcome(outcome)


def _big_metrics(n: int, bad: int) -> list[str]:
    """``n`` valid generated metric rows for report B, the one numbered ``bad`` negative."""
    return [
        "insert into marts.fct_report_metrics select 'g' || i, "
        f"'{RID_B}', 'ag2', 2021, 'generated.m' || i, 'generated', i % 100, 'exact', '件', "
        "'共' || i || '件', 10, 20, 'applications', 'generated', 'text', null, timestamp '2026-01-01 00:00:00' "
        f"from range({n}) t(i)",
        f"update marts.fct_report_metrics set value = -7 where metric_id = 'g{bad}'",
    ]


@pytest.fixture
def executed(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every statement GX sends through duckdb-engine's cursor."""
    from duckdb_engine import CursorWrapper

    statements: list[str] = []
    original = CursorWrapper.execute

    def execute(self: Any, statement: str, *args: Any, **kwargs: Any) -> Any:
        statements.append(statement)
        return original(self, statement, *args, **kwargs)

    monkeypatch.setattr(CursorWrapper, "execute", execute)
    yield statements


@pytest.fixture
def fetched_rows(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Number of rows of every fetch GX makes through duckdb-engine's cursor."""
    from duckdb_engine import CursorWrapper

    counts: list[int] = []

    def spy(name: str) -> Callable[..., Any]:
        def fetch(self: Any, *args: Any) -> Any:
            rows = getattr(self._CursorWrapper__c, name)(*args)
            counts.append(len(rows) if isinstance(rows, list) else int(rows is not None))
            return rows

        return fetch

    for name in ("fetchall", "fetchone", "fetchmany"):
        monkeypatch.setattr(CursorWrapper, name, spy(name), raising=False)
    yield counts


def test_big_mart_is_checked_in_duckdb_and_a_planted_bad_row_found(
    tmp_path: Path, context_dir: Path, fetched_rows: list[int], executed: list[str]
) -> None:
    n = 200_000
    warehouse = make_warehouse(tmp_path / "big.duckdb", *_big_metrics(n, bad=123_457))
    outcome = validate(warehouse, context_dir)

    [hit] = [f for f in outcome.failed]
    assert (hit.suite, hit.expectation_type, hit.columns) == (
        "marts_fct_report_metrics",
        "expect_column_values_to_be_between",
        ("value_if_count",),
    )
    assert hit.unexpected_count == 1
    assert f"1 of {n + 4} rows unexpected" in hit.detail
    assert f"-7.0 (report_id='{RID_B}', metric_key='generated.m123457')" in hit.detail
    # GX fetched results (so the spy works) but never more rows than one example list
    assert len(fetched_rows) > 50
    assert max(fetched_rows) <= PARTIAL_UNEXPECTED_COUNT
    # nor ran a mart's query bare (GX's column reflection did: it materialised the whole mart)
    queries = {spec.query.strip() for spec in build_mart_specs()}
    assert len(executed) > 50
    assert not [s for s in executed if s.strip() in queries]


def test_connections_are_closed_after_validate(tmp_path: Path, context_dir: Path) -> None:
    folder = tmp_path / "仓库 copy"  # space and CJK in the path: the URL must be escaped
    folder.mkdir()
    warehouse = make_warehouse(folder / "w.duckdb", NEGATIVE_RECEIVED)
    outcome = validate(warehouse, context_dir)
    assert not outcome.success  # both passes ran (the second opens a second validator)
    # a read-write connection in this process fails while any read-only one is still open
    with duckdb.connect(str(warehouse)) as con:
        con.execute("create table marts.after_validate as select 1 as x")


def test_validate_shows_suites_done_on_stderr(
    tmp_path: Path, context_dir: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("GOVINFO_PROGRESS", raising=False)
    validate(make_warehouse(tmp_path / "w.duckdb"), context_dir)
    out, err = capfd.readouterr()
    suites = len(build_mart_specs())
    lines = [parsed for line in err.splitlines() if (parsed := parse_progress_line(line)) is not None]
    assert 2 <= len(lines) <= 11, err  # a few plain lines (stderr is no terminal here), not one per expectation
    assert lines[-1] == ("validate", suites, suites)
    assert parse_progress_line(out) is None


def test_committed_context_is_unchanged_by_validate(tmp_path: Path) -> None:
    """`git status` stays clean: running validate twice rewrites the committed files identically."""
    committed = REPO / "expectations"
    context = tmp_path / "expectations"
    shutil.copytree(committed, context, ignore=shutil.ignore_patterns("uncommitted"))
    warehouse = make_warehouse(tmp_path / "w.duckdb")
    for _ in range(2):
        assert validate(warehouse, context).success
        (context / "uncommitted" / "govinfo_suites.sha256").unlink()  # the full add-or-update path both times
    files = sorted(
        p.relative_to(committed) for p in committed.rglob("*") if p.is_file() and "uncommitted" not in p.parts
    )
    _, mismatch, errors = filecmp.cmpfiles(committed, context, [str(f) for f in files], shallow=False)
    assert (mismatch, errors) == ([], [])
    text = (context / "great_expectations.yml").read_text()
    assert "connection_string: ${GOVINFO_GX_WAREHOUSE_URL}" in text
    assert str(tmp_path) not in text


def test_a_changed_mart_query_updates_the_context_in_one_run(tmp_path: Path) -> None:
    """An upgrade that changes a mart's query must not fail the first validation after it (GX
    replaces the query asset, and the stored checkpoint then refers to a stale batch definition)."""
    context = tmp_path / "expectations"
    shutil.copytree(REPO / "expectations", context, ignore=shutil.ignore_patterns("uncommitted"))
    specs = tuple(
        dataclasses.replace(spec, query=spec.query + "\n-- changed") if spec.table == "fct_fees" else spec
        for spec in build_mart_specs()
    )
    configure_context(context, specs)
    suite_queries = {
        path.name: json.loads(path.read_text())["meta"]["query"] for path in (context / "expectations").glob("*.json")
    }
    assert suite_queries["marts_fct_fees.json"].endswith("-- changed")
    assert "-- changed" in (context / "great_expectations.yml").read_text()


def test_sql_in_set_and_regex_with_chinese_values(tmp_path: Path) -> None:
    """The DuckDB shims on their own: value sets and regexes over Chinese text, through GX SQL."""
    import great_expectations as gx
    import great_expectations.expectations as gxe

    patch_gx_for_duckdb()
    warehouse = make_warehouse(tmp_path / "w.duckdb")
    ctx = gx.get_context(mode="ephemeral")
    try:
        ds = ctx.data_sources.add_sql(name="w", connection_string=warehouse_url(warehouse), kwargs=DATASOURCE_KWARGS)
        asset = ds.add_query_asset(name="agencies", query="select * from marts.dim_agencies")
        batch = asset.add_batch_definition_whole_table("all").get_batch()
        both = ["孝感市教育局", "张店区教育局"]
        summary = {"result_format": "SUMMARY"}
        assert batch.validate(gxe.ExpectColumnValuesToBeInSet(column="agency_name", value_set=both)).success
        missing = batch.validate(
            gxe.ExpectColumnValuesToBeInSet(column="agency_name", value_set=both[:1]), result_format=summary
        )
        assert not missing.success and missing.result["partial_unexpected_list"] == ["张店区教育局"]
        assert batch.validate(gxe.ExpectColumnValuesToMatchRegex(column="agency_name", regex="教育局$")).success
        regex = batch.validate(
            gxe.ExpectColumnValuesToMatchRegex(column="agency_name", regex="^孝感"), result_format=summary
        )
        assert not regex.success and regex.result["partial_unexpected_list"] == ["张店区教育局"]
        assert not regex.exception_info.get("raised_exception")
    finally:
        close_engines(ctx)
    with duckdb.connect(str(warehouse)) as con:  # read-write: GX closed its connection
        con.execute("select 1")


@pytest.mark.parametrize("pattern", [r"^[0-9]{6}(?:[0-9]{6})?$", "教育局$", "^孝感", r"\d+", "a|^b", "^$"])
def test_regex_rewrite_keeps_search_semantics(pattern: str) -> None:
    """regexp_full_match on the wrapped pattern agrees with regexp_matches (a search) everywhere."""
    values = ["420900", "42090", "420900123456", "孝感市教育局", "张店区教育局", "b", "xa", "x\nb", "", "12\n"]
    with duckdb.connect() as con:
        rows = con.execute(
            "select v, regexp_matches(v, $p), regexp_full_match(v, $w) from unnest($values) t(v)",
            {"p": pattern, "w": SEARCH_AS_FULL_MATCH.format(pattern), "values": values},
        ).fetchall()
    assert [r[1] for r in rows] == [r[2] for r in rows], rows
    assert len(rows) == len(values)


def test_missing_warehouse_raises_clear_error(tmp_path: Path, context_dir: Path) -> None:
    with pytest.raises(ValidationSetupError, match="warehouse not found"):
        validate(tmp_path / "nope.duckdb", context_dir)


def test_missing_marts_schema_raises_clear_error(tmp_path: Path, context_dir: Path) -> None:
    path = tmp_path / "empty.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("create schema raw")
    with pytest.raises(ValidationSetupError, match="schema 'marts' not found"):
        validate(path, context_dir)


def test_missing_mart_raises_clear_error(tmp_path: Path, context_dir: Path) -> None:
    warehouse = make_warehouse(tmp_path / "w.duckdb", "drop table marts.fct_fees")
    with pytest.raises(ValidationSetupError, match=r"missing marts .*marts\.fct_fees"):
        validate(warehouse, context_dir)


BAD_METRIC_KEY = "update marts.fct_report_metrics set metric_key = 'Bogus' where metric_id = '{}'"
RELOADED = "update marts.fct_report_metrics set ingested_at = timestamp '2026-02-01 00:00:00' where report_id = '{}'"


@pytest.mark.parametrize(
    ("bad_metric", "reloaded_report", "changed_since", "fails"),
    [
        pytest.param("m1", RID_B, None, True, id="a full validation sees a bad row of any report"),
        pytest.param("m1", RID_B, dt.datetime(2026, 2, 1), False, id="scoped: an old report's rows are not read"),
        pytest.param("m3", RID_B, dt.datetime(2026, 2, 1), True, id="scoped: a reloaded report's bad row fails"),
    ],
)
def test_changed_since_scopes_the_large_marts(
    tmp_path: Path,
    context_dir: Path,
    bad_metric: str,
    reloaded_report: str,
    changed_since: dt.datetime | None,
    fails: bool,
) -> None:
    warehouse = make_warehouse(
        tmp_path / "warehouse.duckdb", BAD_METRIC_KEY.format(bad_metric), RELOADED.format(reloaded_report)
    )
    outcome = validate(warehouse, context_dir, changed_since)
    hits = [f for f in outcome.failed if f.table == "marts.fct_report_metrics" and f.columns == ("metric_key",)]
    assert bool(hits) == fails, format_outcome(outcome)
    assert outcome.success == (not fails), format_outcome(outcome)


# What Great Expectations checked before the division of labour and dbt owns now, mart by mart:
# (primary key, not-null columns, accepted-values columns, FK columns, composite keys).
_FK = ("report_id",)
MOVED_TO_DBT: dict[str, tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[tuple[str, ...], ...]]] = {
    "dim_reports": (
        "report_id",
        ("sha256", "source_path", "parser_version", "ingested_at", "char_count"),
        ("template",),
        ("agency_id",),
        (),
    ),
    "dim_agencies": ("agency_id", ("agency_name",), (), (), ()),
    "fct_report_metrics": (
        "metric_id",
        ("report_id", "metric_key", "rule", "source", "evidence", "qualifier", "start_offset", "end_offset"),
        ("qualifier", "source"),
        _FK,
        (("report_id", "metric_key"),),
    ),
    "fct_proactive_disclosures": (
        "report_id",
        (),
        ("items_new_qualifier", "items_cumulative_qualifier", "interpretations_qualifier"),
        _FK,
        (),
    ),
    "fct_applications": (
        "report_id",
        (),
        ("received_qualifier", "carried_over_qualifier", "processed_qualifier"),
        _FK,
        (),
    ),
    "fct_fees": ("report_id", (), ("collected_yuan_qualifier",), _FK, ()),
    "fct_litigation": (
        "report_id",
        (),
        ("reconsideration_total_qualifier", "litigation_total_qualifier", "complaints_total_qualifier"),
        _FK,
        (),
    ),
    "fct_proactive_categories": (
        "category_id",
        ("report_id", "ordinal", "label", "evidence", "start_offset", "end_offset"),
        (),
        _FK,
        (("report_id", "ordinal"),),
    ),
    "fct_template_cells": (
        "cell_id",
        ("report_id", "table_no", "row_key", "column_key", "metric_key", "raw_text", "start_offset", "end_offset"),
        ("table_no",),
        _FK,
        (("report_id", "metric_key"),),
    ),
    "fct_application_outcomes": (
        "outcome_id",
        ("report_id", "outcome_group", "row_key", "applicant_type"),
        ("outcome_group", "applicant_type"),
        _FK,
        (),
    ),
    "fct_review_litigation": ("review_id", ("report_id", "block", "result"), ("block", "result"), _FK, ()),
    "fct_cross_year_checks": (
        "cross_check_id",
        ("agency_id", "report_year", "rule", "item", "status"),
        ("rule", "status"),
        (),
        (),
    ),
    "fct_report_facts": (
        "fact_id",
        ("report_id", "ordinal", "label", "value", "qualifier", "unit", "evidence", "start_offset", "end_offset"),
        ("qualifier",),
        _FK,
        (("report_id", "ordinal"),),
    ),
    "fct_report_checks": (
        "check_id",
        ("report_id", "rule", "status", "detail"),
        ("status",),
        _FK,
        (("report_id", "rule"),),
    ),
    "rpt_agency_years": (
        "agency_year_id",
        ("agency_id",),
        ("template",),
        ("report_id", "agency_id"),
        (("agency_id", "report_year"),),
    ),
}


@pytest.mark.parametrize("mart", sorted(MOVED_TO_DBT))
def test_dbt_owns_what_gx_no_longer_checks(mart: str) -> None:
    """Every key, not-null, accepted-values and FK check GX dropped is a dbt test on the same column."""
    pk, not_null, accepted, fks, composites = MOVED_TO_DBT[mart]
    tests = dbt_data_tests()[mart]
    assert {"unique", "not_null"} <= tests.columns[pk], (mart, pk)
    for column in not_null:
        assert "not_null" in tests.columns[column], (mart, column)
    for column in accepted:
        assert "accepted_values" in tests.columns[column], (mart, column)
    for column in fks:
        assert "relationships" in tests.columns[column], (mart, column)
    for key in composites:
        assert key in tests.unique_combinations, (mart, key)


def test_gx_does_not_repeat_dbt() -> None:
    """GX keeps ranges, regexes, conditional presence, row counts and cross-table flags only.

    No uniqueness, no unconditional not-null and no value set other than the ``{True}`` of a
    derived flag: those are dbt's (test_dbt_owns_what_gx_no_longer_checks).
    """
    specs = build_mart_specs()
    assert {spec.table for spec in specs} == set(MOVED_TO_DBT)
    for spec in specs:
        for expectation in spec.expectations:
            kind = type(expectation).__name__
            assert "Unique" not in kind, (spec.table, kind)
            config = expectation.configuration.kwargs
            if kind == "ExpectColumnValuesToNotBeNull":
                assert config.get("row_condition"), (spec.table, config["column"])
            if kind == "ExpectColumnValuesToBeInSet":
                assert list(config["value_set"]) == [True], (spec.table, config["column"])

"""Great Expectations validation of the marts: real GX, real DuckDB files under tmp_path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from ingest.validate import (
    ValidationOutcome,
    ValidationSetupError,
    format_outcome,
    validate,
)

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
    ('{RID_B}', 'ag2', 2021, null, null, null, null, null, null, 0, null)
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
    ('{RID_B}', 'ag2', 2021, null, null)
) t(report_id, agency_id, report_year, collected_yuan, collected_yuan_qualifier);

create table marts.fct_litigation as select * from (values
    ('{RID_A}', 'ag1', 2018, 0, 'exact', 1, 'exact', null, null),
    ('{RID_B}', 'ag2', 2021, 2, 'exact', 0, 'exact', null, null)
) t(report_id, agency_id, report_year, reconsideration_total, reconsideration_total_qualifier,
    litigation_total, litigation_total_qualifier, complaints_total, complaints_total_qualifier);

-- report A lists two categories covering 400 of its 454 items (a partial breakdown is fine)
create table marts.fct_proactive_categories as select * from (values
    ('c1', '{RID_A}', 'ag1', 2018, 1, '概况信息', 300, 66.1, 454, 66.08, '概况信息300条，占66.1%', 120, 135),
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
    ('k1', '{RID_B}', 'R1', 'fail', 4.0, 3.0, '一+二 != 三（七）+四'),
    ('k2', '{RID_A}', 'categories_sum', 'pass', 454.0, 400.0, 'partial breakdown'),
    ('k3', '{RID_A}', 'R1', 'not_assessable', null, null, 'no table 3')
) t(check_id, report_id, rule, status, expected, actual, detail);

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
    assert good_outcome.evaluated > 100
    assert good_outcome.data_docs_index.is_file()
    assert good_outcome.data_docs_index == (context_dir / "uncommitted/data_docs/local_site/index.html").resolve()
    assert (context_dir / "checkpoints" / "govinfo_marts.json").is_file()
    assert (context_dir / "expectations" / "marts_fct_applications.json").is_file()
    assert "validation passed" in format_outcome(good_outcome)


@pytest.mark.parametrize(
    ("corruption", "suite", "expectation_type", "column"),
    [
        pytest.param(
            NEGATIVE_RECEIVED,
            "marts_fct_applications",
            "expect_column_values_to_be_between",
            "received",
            id="negative-received",
        ),
        pytest.param(
            "update marts.fct_report_metrics set qualifier = 'roughly' where metric_id = 'm2'",
            "marts_fct_report_metrics",
            "expect_column_values_to_be_in_set",
            "qualifier",
            id="qualifier-roughly",
        ),
        pytest.param(
            f"update marts.dim_reports set report_year = 1999 where report_id = '{RID_A}'",
            "marts_dim_reports",
            "expect_column_values_to_be_between",
            "report_year",
            id="report-year-1999",
        ),
        pytest.param(
            "update marts.fct_proactive_categories set count = count * 454 / 200",
            "marts_fct_proactive_categories",
            "expect_column_values_to_be_between",
            "category_sum_minus_total_tolerance",
            id="categories-sum-2x-total",
        ),
        pytest.param(
            f"update marts.fct_litigation set report_id = null where report_id = '{RID_A}'",
            "marts_fct_litigation",
            "expect_column_values_to_not_be_null",
            "report_id",
            id="null-report-id",
        ),
    ],
)
def test_fails_on_corrupted_marts(
    run_corrupted: Callable[[str], ValidationOutcome],
    corruption: str,
    suite: str,
    expectation_type: str,
    column: str,
) -> None:
    outcome = run_corrupted(corruption)
    report = format_outcome(outcome)
    assert not outcome.success
    hits = [
        f for f in outcome.failed if f.suite == suite and f.expectation_type == expectation_type and column in f.columns
    ]
    assert hits, report
    assert hits[0].unexpected_count == 1 or column == "category_sum_minus_total_tolerance"
    assert f"{suite} / {expectation_type} / {column}" in report
    assert str(outcome.data_docs_index) in report


def test_failure_detail_names_value_and_row(
    run_corrupted: Callable[[str], ValidationOutcome],
) -> None:
    outcome = run_corrupted(NEGATIVE_RECEIVED)
    [hit] = [f for f in outcome.failed if f.columns == ("received",)]
    assert hit.table == "marts.fct_applications"
    assert "1 of 3 rows unexpected" in hit.detail
    assert "-5" in hit.detail and RID_B in hit.detail


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

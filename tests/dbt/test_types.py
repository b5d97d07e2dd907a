"""Types a BI tool shows right, read from a warehouse the real dbt built.

Counts are integers (a dashboard must not show 12.0), money is DECIMAL(18, 2) with its unit in the
column name, the long fact tables keep a DOUBLE value next to its unit, and the column descriptions
are DuckDB comments. A count that is not a whole number is never rounded into one: it is NULL in the
wide marts, kept as printed in the long ones, and reported by a warn-severity data test.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
import yaml

from tests.conftest import REPO
from tests.dbt.conftest import build_fixture_warehouse, dbt, put_every_report_in_test_scope
from tests.dbt.make_raw_fixture import R2, R4, R6

INTEGER_TYPES = {"BIGINT", "INTEGER"}
MONEY_TYPE = "DECIMAL(18,2)"

# Every count column of the marts (integers); a DOUBLE column not listed in DOUBLE_COLUMNS fails too.
COUNT_COLUMNS = {
    "fct_applications": ("received", "carried_over", "processed"),
    "fct_litigation": ("reconsideration_total", "litigation_total", "complaints_total"),
    "fct_proactive_disclosures": (
        "items_new",
        "items_cumulative",
        "interpretations",
        "category_count",
        "category_count_sum",
    ),
    "fct_proactive_categories": ("count", "items_new"),
    "fct_application_outcomes": ("value",),
    "fct_review_litigation": ("value",),
    "fct_cross_year_checks": ("expected", "actual"),
    "dim_agencies": ("report_count",),
    "rpt_agency_years": (
        "report_count",
        "items_new",
        "items_cumulative",
        "interpretations",
        "applications_received",
        "applications_carried_over",
        "applications_processed",
        "reconsideration_total",
        "litigation_total",
        "complaints_total",
        "checks_failed",
    ),
}
MONEY_COLUMNS = {"fct_fees": ("collected_yuan",), "rpt_agency_years": ("fees_collected_yuan",)}
# The only DOUBLE columns: long values of mixed units, percents, and check values that may be either.
DOUBLE_COLUMNS = {
    ("fct_report_metrics", "value"),
    ("fct_template_cells", "value"),
    ("fct_report_facts", "value"),
    ("fct_proactive_categories", "percent"),
    ("fct_proactive_categories", "computed_percent"),
    ("fct_report_checks", "expected"),
    ("fct_report_checks", "actual"),
}
LONG_TABLES = ("fct_report_metrics", "fct_template_cells", "fct_report_facts")


def _types(warehouse: Path) -> dict[tuple[str, str], str]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute(
            "select table_name, column_name, data_type from duckdb_columns() where schema_name = 'marts'"
        ).fetchall()
    return {(table, column): data_type for table, column, data_type in rows}


def _rows(warehouse: Path, sql: str, params: list[object] | None = None) -> list[tuple[object, ...]]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql, params).fetchall()


def test_counts_are_integers(fixture_warehouse: Path) -> None:
    types = _types(fixture_warehouse)
    wrong = {
        f"{table}.{column}": types.get((table, column))
        for table, columns in COUNT_COLUMNS.items()
        for column in columns
        if types.get((table, column)) not in INTEGER_TYPES
    }
    assert not wrong, wrong


def test_money_is_fixed_point_with_its_unit_in_the_name(fixture_warehouse: Path) -> None:
    types = _types(fixture_warehouse)
    listed = {(table, column) for table, columns in MONEY_COLUMNS.items() for column in columns}
    assert {key: types.get(key) for key in listed} == dict.fromkeys(listed, MONEY_TYPE)
    # every *_yuan / *_wan_yuan column, wherever one appears, is money
    assert {key: t for key, t in types.items() if key[1].endswith("_yuan") and t != MONEY_TYPE} == {}
    assert {key for key, t in types.items() if t.startswith("DECIMAL")} == listed


def test_no_other_double_column(fixture_warehouse: Path) -> None:
    types = _types(fixture_warehouse)
    doubles = {key for key, t in types.items() if t in ("DOUBLE", "FLOAT", "REAL")}
    assert doubles == DOUBLE_COLUMNS


def test_long_tables_keep_a_double_value_and_its_unit(fixture_warehouse: Path) -> None:
    types = _types(fixture_warehouse)
    for table in LONG_TABLES:
        assert types[(table, "value")] == "DOUBLE"
        assert types[(table, "unit")] == "VARCHAR"
    # a cell prints no unit; it gets its key's unit from seeds.metric_keys
    assert _rows(fixture_warehouse, "select distinct unit from marts.fct_template_cells") == [("件",)]
    missing = _rows(
        fixture_warehouse,
        "select metric_key from marts.fct_report_metrics where unit is null "
        "union all select metric_key from marts.fct_template_cells where unit is null",
    )
    assert missing == []
    [(unit,)] = _rows(
        fixture_warehouse, "select unit from seeds.metric_keys where key = 't2.admin_fees.amount_wan_yuan'"
    )
    assert unit == "万元"


def test_descriptions_are_duckdb_comments(fixture_warehouse: Path) -> None:
    """persist_docs: a BI tool reading duckdb_columns() / duckdb_tables() shows the YAML descriptions."""
    without = _rows(
        fixture_warehouse,
        "select table_name, column_name from duckdb_columns() "
        "where schema_name = 'marts' and coalesce(trim(comment), '') = ''",
    )
    assert without == []
    tables_without = _rows(
        fixture_warehouse,
        "select table_name from duckdb_tables() where schema_name = 'marts' and coalesce(trim(comment), '') = ''",
    )
    assert tables_without == []
    yml = yaml.safe_load((REPO / "models/marts/applications/fct_fees.yml").read_text(encoding="utf-8"))
    [model] = yml["models"]
    described = {c["name"]: c["description"] for c in model["columns"]}
    [(comment,)] = _rows(
        fixture_warehouse,
        "select comment from duckdb_columns() "
        "where schema_name = 'marts' and table_name = 'fct_fees' and column_name = 'collected_yuan'",
    )
    assert comment == described["collected_yuan"]


def test_typed_values_equal_the_parsed_ones(fixture_warehouse: Path) -> None:
    rows = _rows(
        fixture_warehouse,
        "select r.report_id, a.received, f.collected_yuan from marts.fct_applications a "
        "join marts.fct_fees f using (report_id) join marts.dim_reports r using (report_id) order by 1",
    )
    by_report = {row[0]: row[1:] for row in rows}
    assert by_report[R2][0] == 12 and isinstance(by_report[R2][0], int)
    assert str(by_report[R6][1]) == "35.50"


# --- counts that are not whole numbers, and float noise of 万 ------------------------------------------


def _non_whole_counts(con: duckdb.DuckDBPyConnection) -> None:
    """A count read as 12.5, a table-4 cell read as 1.5, 0.07万 (700.0000000000001), a fee of 35.504 yuan."""
    con.execute(
        "update raw.report_metrics set value = 12.5 where report_id = ? and metric_key = 'applications.received'", [R2]
    )
    con.execute(
        "update raw.table_cells set value = 1.5 where report_id = ? and metric_key = 't4.reconsideration.total'",
        [R2],
    )
    con.execute(
        "update raw.report_metrics set value = 0.07 * 10000 where report_id = ? and metric_key = 'proactive.items_new'",
        [R4],
    )
    con.execute(
        "update raw.report_metrics set value = 35.504 where report_id = ? and metric_key = 'fees.collected_yuan'", [R6]
    )


@pytest.fixture(scope="module")
def non_whole_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fixture_warehouse(tmp_path_factory.mktemp("non_whole"), _non_whole_counts)


def test_a_count_that_is_not_whole_is_null_never_rounded(non_whole_warehouse: Path) -> None:
    assert 0.07 * 10000 != 700  # the float noise this guards against
    w = non_whole_warehouse
    assert _rows(w, "select received, received_qualifier from marts.fct_applications where report_id = ?", [R2]) == [
        (None, None)  # no qualifier without its figure (the GX rule)
    ]
    assert _rows(w, "select applications_received from marts.rpt_agency_years where report_id = ?", [R2]) == [(None,)]
    assert _rows(
        w,
        "select value from marts.fct_report_metrics where report_id = ? and metric_key = 'applications.received'",
        [R2],
    ) == [(12.5,)]
    assert _rows(
        w,
        "select value from marts.fct_review_litigation "
        "where report_id = ? and block = 'reconsideration' and result = 'total'",
        [R2],
    ) == [(None,)]
    assert _rows(
        w,
        "select value from marts.fct_template_cells where report_id = ? and metric_key = 't4.reconsideration.total'",
        [R2],
    ) == [(1.5,)]
    # float noise of a 万 conversion is a whole count; a fee is rounded to the fen
    assert _rows(w, "select items_new from marts.fct_proactive_disclosures where report_id = ?", [R4]) == [(700,)]
    [(fee,)] = _rows(w, "select collected_yuan from marts.fct_fees where report_id = ?", [R6])
    assert str(fee) == "35.50"


def test_a_count_that_is_not_whole_is_a_warning(non_whole_warehouse: Path) -> None:
    root = non_whole_warehouse.parent
    put_every_report_in_test_scope(non_whole_warehouse)
    select = ["--select", "assert_counts_are_whole_numbers"]
    assert dbt(root, non_whole_warehouse, "test", *select) == 0  # severity warn: the build goes on
    assert dbt(root, non_whole_warehouse, "test", "--warn-error", *select) == 1  # but it found the rows


def test_the_whole_number_warning_is_quiet_on_whole_counts(tmp_path: Path) -> None:
    warehouse = build_fixture_warehouse(tmp_path)
    put_every_report_in_test_scope(warehouse)
    assert dbt(tmp_path, warehouse, "test", "--warn-error", "--select", "assert_counts_are_whole_numbers") == 0
    # a typed count that differs from its source (a rounding cast, a lost row) fails the build's test
    select = ["--select", "assert_typed_counts_equal_their_source_values"]
    assert dbt(tmp_path, warehouse, "test", *select) == 0
    with duckdb.connect(str(warehouse)) as con:
        con.execute("update marts.fct_review_litigation set value = value + 1 where value is not null")
    assert dbt(tmp_path, warehouse, "test", *select) == 1
    with duckdb.connect(str(warehouse)) as con:
        con.execute("update marts.fct_review_litigation set value = value - 1 where value is not null")
        con.execute("update marts.rpt_agency_years set fees_collected_yuan = fees_collected_yuan + 0.01")
    assert dbt(tmp_path, warehouse, "test", *select) == 1
    with duckdb.connect(str(warehouse)) as con:
        con.execute("update marts.rpt_agency_years set fees_collected_yuan = fees_collected_yuan - 0.01")
        con.execute("update marts.fct_applications set received = null where received is not null")
    assert dbt(tmp_path, warehouse, "test", *select) == 1  # NULL for a stated whole count

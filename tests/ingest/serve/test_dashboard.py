"""The dashboard's data queries and static site on a real small warehouse (no browser here).

The warehouse: the five seed reports and a few generated ones, ingested and built by dbt, then two
texts made hostile (markup in an evidence quote and an agency name) as a report could carry them.
"""

from __future__ import annotations

import decimal
import filecmp
import re
import shutil
from pathlib import Path

import duckdb
import pytest

from ingest.serve.dashboard import AGENCY_YEAR_MEASURES, load_dashboard, plain
from ingest.serve.dashboard_pages import build_dashboard, page_name, plotly_js
from tests.conftest import build_sample_warehouse

HOSTILE_EVIDENCE = '<img src=x onerror="window.__pwned=1">'
HOSTILE_NAME = "<script>window.__pwned=2</script>某某局"


def build_small_warehouse(root: Path) -> Path:
    """Seeds + 24 generated reports → raw → dbt build, with two hostile texts; built once per session."""
    warehouse = root / "govinfo.duckdb"
    if (root / "built").is_file():
        return warehouse
    assert build_sample_warehouse(root, 24, 13) == warehouse
    with duckdb.connect(str(warehouse)) as con:
        con.execute(
            "update marts.fct_report_metrics set evidence = ? || evidence "
            "where metric_id = (select min(metric_id) from marts.fct_report_metrics)",
            [HOSTILE_EVIDENCE],
        )
        [(agency_id,)] = con.execute("select min(agency_id) from marts.rpt_agency_years").fetchall()
        for table in ("dim_agencies", "rpt_agency_years", "dim_reports"):
            con.execute(f"update marts.{table} set agency_name = ? where agency_id = ?", [HOSTILE_NAME, agency_id])
    (root / "built").touch()
    return warehouse


@pytest.fixture(scope="session")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.getbasetemp() / "dashboard-warehouse"
    root.mkdir(exist_ok=True)
    return build_small_warehouse(root)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(None, None, id="null-stays-null"),
        pytest.param(decimal.Decimal("12.50"), 12.5, id="decimal-money"),
        pytest.param(decimal.Decimal("3.00"), 3, id="decimal-integral"),
        pytest.param(7.0, 7, id="double-integral"),
        pytest.param(2.25, 2.25, id="double"),
        pytest.param(41, 41, id="bigint"),
        pytest.param("局", "局", id="text"),
    ],
)
def test_plain_makes_any_column_type_json_safe(value: object, expected: object) -> None:
    assert plain(value) == expected
    assert type(plain(value)) is type(expected)


def _sql_per_year(warehouse: Path, column: str) -> dict[int, float | None]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute(f"select report_year, sum({column}) from marts.rpt_agency_years group by 1").fetchall()
    return {year: (None if total is None else float(total)) for year, total in rows}


def test_overview_rows_add_up_to_the_marts_and_keep_nulls(warehouse: Path) -> None:
    data = load_dashboard(warehouse)
    rows = data.overview["agency_years"]
    for column, _, _ in AGENCY_YEAR_MEASURES:
        per_year: dict[int, float | None] = {}
        for row in rows:
            if row[column] is not None:
                per_year[row["report_year"]] = (per_year.get(row["report_year"]) or 0) + row[column]
            else:
                per_year.setdefault(row["report_year"], None)
        assert per_year == _sql_per_year(warehouse, column), column
    assert any(row["applications_carried_over"] is None for row in rows), "narrative reports do not state it"
    assert {o["outcome_group"] for o in data.overview["outcomes"]} <= {
        "granted", "partially_granted", "denied", "unable", "not_processed", "other",
    }  # fmt: skip


def test_report_pages_carry_every_figure_with_its_provenance(warehouse: Path) -> None:
    data = load_dashboard(warehouse)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        expected = con.execute(
            "select report_id, metric_key, value, evidence, start_offset, rule from marts.fct_report_metrics"
        ).fetchall()
        [(reports,)] = con.execute("select count(*) from marts.dim_reports").fetchall()
    shown = {
        (m["report_id"], m["metric_key"], m["value"], m["evidence"], m["start_offset"], m["rule"])
        for page in data.reports
        for m in page.metrics
    }
    assert shown == {(r, k, plain(v), e, s, rule) for r, k, v, e, s, rule in expected}
    assert len(data.reports) == reports


def test_decimal_and_bigint_marts_give_the_same_dashboard(warehouse: Path, tmp_path: Path) -> None:
    """Another change moves counts to BIGINT and money to DECIMAL(18,2): the dashboard must not care."""
    retyped = tmp_path / "retyped.duckdb"
    shutil.copyfile(warehouse, retyped)
    with duckdb.connect(str(retyped)) as con:
        con.execute("alter table marts.rpt_agency_years alter fees_collected_yuan type decimal(18, 2)")
        con.execute("alter table marts.rpt_agency_years alter applications_received type bigint")
    assert load_dashboard(retyped).overview == load_dashboard(warehouse).overview


def test_the_site_is_offline_escaped_and_deterministic(warehouse: Path, tmp_path: Path) -> None:
    first = build_dashboard(warehouse, tmp_path / "a")
    build_dashboard(warehouse, tmp_path / "b")
    assert filecmp.cmp(first.out / "assets" / "plotly.min.js", plotly_js(), shallow=False)
    pages = sorted(first.out.rglob("*.html"))
    assert len(pages) == first.pages
    texts = {page: page.read_text(encoding="utf-8") for page in pages}
    for page, text in texts.items():
        assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", text), f"{page} loads from the network"
        assert "<script>window.__pwned" not in text and "<img src=x" not in text, f"{page} lets report text in"
        assert text == (tmp_path / "b" / page.relative_to(first.out)).read_text(encoding="utf-8")
    assert any("&lt;img src=x" in text for text in texts.values()), "the hostile evidence is shown, escaped"
    data_js = (first.out / "assets" / "data.js").read_text(encoding="utf-8")
    assert "<script" not in data_js and "\\u003cscript\\u003ewindow.__pwned" in data_js


def test_a_folder_that_is_not_a_dashboard_is_left_alone(warehouse: Path, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(FileExistsError):
        build_dashboard(warehouse, tmp_path)
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_a_missing_warehouse_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no warehouse"):
        load_dashboard(tmp_path / "missing.duckdb")


@pytest.mark.parametrize(
    ("key", "kept"),
    [
        pytest.param("3fa9c0", True, id="ascii-id-kept"),
        pytest.param("浙江省", False, id="chinese-hashed"),
        pytest.param("../etc", False, id="path-hashed"),
    ],
)
def test_page_names_are_safe_file_names(key: str, kept: bool) -> None:
    name = page_name(key)
    assert (name == key) is kept
    assert "/" not in name and "." not in name and name.isascii()

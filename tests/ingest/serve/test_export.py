"""``govinfo export`` on a warehouse built by ingest + dbt: every mart in Parquet, CSV and XLSX, read
back with independent readers (DuckDB's Parquet and CSV readers, openpyxl) and compared with the
marts row for row; the data dictionary covers every mart column with the dbt YAML's descriptions."""

from __future__ import annotations

import datetime as dt
import decimal
import hashlib
import math
import shutil
from pathlib import Path
from typing import Any

import duckdb
import openpyxl
import pytest

from ingest.cli import main
from ingest.serve.export import (
    DICTIONARY_NAME,
    WORKBOOK_NAME,
    export_marts,
    read_dictionary,
    sheet_names,
)

Table = tuple[list[str], list[str], list[tuple[Any, ...]]]  # column names, DuckDB types, rows


def _marts(warehouse: Path) -> dict[str, Table]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        names = [
            n for (n,) in con.execute("select table_name from duckdb_tables() where schema_name = 'marts'").fetchall()
        ]
        tables: dict[str, Table] = {}
        for name in names:
            described = con.execute(f"describe marts.{name}").fetchall()
            rows = con.execute(f"select * from marts.{name} order by all").fetchall()
            tables[name] = ([d[0] for d in described], [d[1] for d in described], rows)
    return tables


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def marts(built_marts: Path) -> dict[str, Table]:
    tables = _marts(built_marts)
    assert {"dim_reports", "fct_report_metrics", "rpt_agency_years"} <= set(tables)
    assert all(rows for name, (_, _, rows) in tables.items() if name.startswith("dim_"))
    return tables


@pytest.fixture(scope="module")
def exported(built_marts: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The three formats into one folder through the CLI; the warehouse is left byte for byte as it was."""
    out = tmp_path_factory.mktemp("exports")
    before = _sha256(built_marts)
    for fmt in ("parquet", "csv", "xlsx"):
        assert main(["export", "--format", fmt, "--out", str(out), "--warehouse", str(built_marts)]) == 0
    assert _sha256(built_marts) == before
    return out


def test_parquet_files_equal_the_marts(marts: dict[str, Table], exported: Path) -> None:
    with duckdb.connect() as con:
        for name, (columns, types, rows) in marts.items():
            path = str(exported / f"{name}.parquet")
            described = con.execute("describe select * from read_parquet(?)", [path]).fetchall()
            assert [d[0] for d in described] == columns, name
            assert [d[1] for d in described] == types, name
            assert con.execute("select * from read_parquet(?)", [path]).fetchall() == rows, name


def test_csv_files_are_utf8_with_bom_and_equal_the_marts(marts: dict[str, Table], exported: Path) -> None:
    with duckdb.connect() as con:
        for name, (columns, types, rows) in marts.items():
            path = exported / f"{name}.csv"
            raw = path.read_bytes()
            assert raw.startswith(b"\xef\xbb\xbf" + columns[0].encode()), name
            assert raw[3:].decode("utf-8").splitlines()[0] == ",".join(columns), name
            back = con.execute(
                "select * from read_csv(?, header = true, auto_detect = false, columns = ?, "
                "allow_quoted_nulls = false)",
                [str(path), dict(zip(columns, types, strict=True))],
            ).fetchall()
            assert back == rows, name
    assert "政府信息公开" in (exported / "dim_reports.csv").read_text(encoding="utf-8-sig")


def _excel_value(value: Any, duckdb_type: str) -> Any:
    """What a DuckDB value reads back as from Excel (openpyxl): dates as midnight datetimes, DECIMAL as a number."""
    if duckdb_type == "DATE" and value is not None:
        return dt.datetime.combine(value, dt.time())
    if isinstance(value, decimal.Decimal):
        return float(value)
    return value


def _same_cell(got: Any, want: Any) -> bool:
    """Equal as Excel can hold it: timestamps to the millisecond, numbers as doubles of 16 significant digits."""
    if isinstance(want, dt.datetime) and isinstance(got, dt.datetime):
        return abs(got - want) <= dt.timedelta(microseconds=500)
    numbers = (int, float)
    if isinstance(want, numbers) and not isinstance(want, bool):
        return isinstance(got, numbers) and not isinstance(got, bool) and math.isclose(got, want, rel_tol=1e-15)
    return bool(got == want and type(got) is type(want))


def _sheet_rows(workbook: Any, sheets: list[str]) -> tuple[tuple[Any, ...], list[tuple[Any, ...]]]:
    header: tuple[Any, ...] = ()
    rows: list[tuple[Any, ...]] = []
    for sheet in sheets:
        values = list(workbook[sheet].iter_rows(values_only=True))
        assert not header or values[0] == header, f"{sheet} repeats the header"
        header = values[0]
        rows.extend(values[1:])
    return header, rows


def _assert_sheets_equal(workbook: Any, sheets: list[str], table: Table) -> None:
    columns, types, rows = table
    header, back = _sheet_rows(workbook, sheets)
    assert list(header) == columns
    assert len(back) == len(rows), sheets
    for number, (got, want) in enumerate(zip(back, rows, strict=True)):
        expected = [_excel_value(value, kind) for value, kind in zip(want, types, strict=True)]
        mismatched = [
            (columns[i], g, e) for i, (g, e) in enumerate(zip(got, expected, strict=True)) if not _same_cell(g, e)
        ]
        assert not mismatched, f"{sheets[0]} row {number}: {mismatched}"


def test_xlsx_has_a_sheet_per_mart_equal_to_it(marts: dict[str, Table], exported: Path) -> None:
    workbook = openpyxl.load_workbook(exported / WORKBOOK_NAME, read_only=True)
    assert workbook.sheetnames == [DICTIONARY_NAME, *sorted(marts)]
    for name, table in marts.items():
        _assert_sheets_equal(workbook, [name], table)


def test_xlsx_continues_a_mart_past_the_sheet_row_limit(
    built_marts: Path, marts: dict[str, Table], tmp_path: Path
) -> None:
    """Excel's 1,048,575 data rows per sheet, scaled down: a larger mart goes on over `<mart> (2)`…"""
    result = export_marts(built_marts, tmp_path, "xlsx", max_rows_per_sheet=7)
    workbook = openpyxl.load_workbook(tmp_path / WORKBOOK_NAME, read_only=True)
    metrics = result.sheets["fct_report_metrics"]
    assert len(metrics) == -(-len(marts["fct_report_metrics"][2]) // 7) > 2
    assert metrics[1] == "fct_report_metrics (2)"
    for name, table in marts.items():
        sheets = result.sheets[name]
        assert all(workbook[sheet].max_row <= 8 for sheet in sheets)
        _assert_sheets_equal(workbook, sheets, table)


def test_exports_are_byte_for_byte_repeatable(built_marts: Path, exported: Path, tmp_path: Path) -> None:
    for fmt in ("parquet", "csv", "xlsx"):
        result = export_marts(built_marts, tmp_path, fmt)
        for path in result.files:
            assert path.read_bytes() == (exported / path.name).read_bytes(), path.name


def test_untrusted_text_stays_text(built_marts: Path, tmp_path: Path) -> None:
    """Report text that looks like a formula is written as a string cell; '' stays '' in CSV, not NULL."""
    warehouse = tmp_path / "govinfo.duckdb"
    shutil.copyfile(built_marts, warehouse)
    with duckdb.connect(str(warehouse)) as con:
        [(report_id,)] = con.execute("select min(report_id) from marts.dim_reports").fetchall()
        con.execute(
            "update marts.dim_reports set title = '=HYPERLINK(\"http://x\",\"点击\")', superseded_by = '' "
            "where report_id = ?",
            [report_id],
        )
    export_marts(warehouse, tmp_path / "out", "xlsx")
    export_marts(warehouse, tmp_path / "out", "csv")
    workbook = openpyxl.load_workbook(tmp_path / "out" / WORKBOOK_NAME)
    sheet = workbook["dim_reports"]
    header = [cell.value for cell in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == report_id)
    title = row[header.index("title")]
    assert (title.data_type, title.value) == ("s", '=HYPERLINK("http://x","点击")')
    with duckdb.connect() as con:
        found = con.execute(
            "select superseded_by from read_csv(?, header = true, all_varchar = true, allow_quoted_nulls = false) "
            "where report_id = ?",
            [str(tmp_path / "out" / "dim_reports.csv"), report_id],
        ).fetchall()
    assert found == [("",)]


def _dictionary_sets(exported: Path) -> dict[str, set[tuple[str, str, str]]]:
    """(table, column, type) of the dictionary as each format wrote it."""
    with duckdb.connect() as con:
        query = "select table_name, column_name, duckdb_type from {}"
        parquet = con.execute(query.format("read_parquet(?)"), [str(exported / f"{DICTIONARY_NAME}.parquet")])
        from_parquet = set(parquet.fetchall())
        csv = con.execute(query.format("read_csv(?, header = true)"), [str(exported / f"{DICTIONARY_NAME}.csv")])
        from_csv = set(csv.fetchall())
    workbook = openpyxl.load_workbook(exported / WORKBOOK_NAME, read_only=True)
    rows = list(workbook[DICTIONARY_NAME].iter_rows(values_only=True))
    header = list(rows[0])
    picks = [header.index(column) for column in ("table_name", "column_name", "duckdb_type")]
    from_xlsx = {(row[picks[0]], row[picks[1]], row[picks[2]]) for row in rows[1:]}
    return {"parquet": from_parquet, "csv": from_csv, "xlsx": from_xlsx}


def test_the_dictionary_covers_every_mart_column(marts: dict[str, Table], exported: Path) -> None:
    expected = {
        (name, column, kind)
        for name, (columns, types, _) in marts.items()
        for column, kind in zip(columns, types, strict=True)
    }
    for fmt, found in _dictionary_sets(exported).items():
        assert found == expected, fmt


def test_the_dictionary_carries_the_yaml_descriptions(built_marts: Path, exported: Path) -> None:
    with duckdb.connect() as con:
        row = con.execute(
            "select table_description, description from read_parquet(?) "
            "where table_name = 'dim_reports' and column_name = 'report_id'",
            [str(exported / f"{DICTIONARY_NAME}.parquet")],
        ).fetchone()
    assert row is not None
    assert row[0].startswith("One row per loaded report")
    assert row[1] == "Primary key; first 16 hex characters of the file's sha256."


def test_chinese_descriptions_come_from_meta_and_absent_ones_are_null(built_marts: Path, tmp_path: Path) -> None:
    (tmp_path / "core").mkdir()
    (tmp_path / "core" / "dim_reports.yml").write_text(
        "version: 2\nmodels:\n  - name: dim_reports\n    description: Reports.\n"
        "    config:\n      meta:\n        description_zh: 报告\n"
        "    columns:\n"
        "      - name: report_id\n        description: Key.\n        meta:\n          description_zh: 主键\n"
        "      - name: sha256\n        config:\n          meta:\n            description_zh: 哈希\n"
        "      - name: title\n        description: Title.\n",
        encoding="utf-8",
    )
    with duckdb.connect(str(built_marts), read_only=True) as con:
        entries = {(e.table_name, e.column_name): e for e in read_dictionary(con, tmp_path)}
    report_id = entries[("dim_reports", "report_id")]
    assert (report_id.table_description, report_id.table_description_zh) == ("Reports.", "报告")
    assert (report_id.description, report_id.description_zh) == ("Key.", "主键")
    assert (entries[("dim_reports", "sha256")].description, entries[("dim_reports", "sha256")].description_zh) == (
        None,
        "哈希",
    )
    assert entries[("dim_reports", "title")].description_zh is None
    undocumented = entries[("fct_fees", "report_id")]
    assert (undocumented.table_description, undocumented.description, undocumented.description_zh) == (None,) * 3


@pytest.mark.parametrize(
    ("base", "parts", "taken", "expected"),
    [
        pytest.param("fct_fees", 1, set(), ["fct_fees"], id="short-name-kept"),
        pytest.param("fct_fees", 3, set(), ["fct_fees", "fct_fees (2)", "fct_fees (3)"], id="continuations"),
        pytest.param("x" * 40, 2, set(), ["x" * 31, "x" * 27 + " (2)"], id="cut-to-31"),
        pytest.param("a/b:c?", 1, set(), ["a_b_c_"], id="forbidden-characters"),
        pytest.param("FCT_FEES", 1, {"fct_fees"}, ["FCT_FEES~2"], id="unique-ignoring-case"),
    ],
)
def test_sheet_names_obey_excel(base: str, parts: int, taken: set[str], expected: list[str]) -> None:
    names = sheet_names(base, parts, taken)
    assert names == expected
    assert all(len(name) <= 31 for name in names)


def test_export_refuses_an_unknown_format_and_a_missing_warehouse(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown export format"):
        export_marts(tmp_path / "govinfo.duckdb", tmp_path, "json")
    with pytest.raises(FileNotFoundError, match="no warehouse"):
        export_marts(tmp_path / "govinfo.duckdb", tmp_path, "csv")

"""The raw layer is declared once (ingest/land/schema.py); the DDL, the frames and dbt's sources agree with it."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import duckdb
import pytest
import yaml

from ingest.land.pipeline import process_file
from ingest.land.rows import FILE_COLUMN, files_frame, report_frames
from ingest.land.schema import RAW, RawTable, raw_table
from ingest.land.writer import ensure_raw_schema
from tests.conftest import CORPUS, REPO

SOURCES_YML = REPO / "models" / "staging" / "ingest" / "_ingest__sources.yml"


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def _source_tables() -> dict[str, dict[str, object]]:
    sources = yaml.safe_load(SOURCES_YML.read_text(encoding="utf-8"))["sources"]
    return {table["name"]: table for table in sources[0]["tables"]}


@pytest.mark.parametrize("table", [pytest.param(t, id=t.name) for t in RAW])
def test_dbt_sources_describe_exactly_the_declared_columns(table: RawTable) -> None:
    declared = _source_tables().get(table.name)
    assert declared is not None, f"{table.name} missing from {SOURCES_YML.name}"
    assert _squeeze(str(declared["description"])) == _squeeze(table.description)
    columns = declared["columns"]
    assert isinstance(columns, list)
    assert [column["name"] for column in columns] == [column.name for column in table.columns]
    for yml_column, column in zip(columns, table.columns, strict=True):
        assert _squeeze(yml_column.get("description", "")) == _squeeze(column.description), column.name


def test_dbt_sources_declare_no_table_the_raw_layer_lacks() -> None:
    assert set(_source_tables()) == {table.name for table in RAW}


def test_created_tables_have_the_declared_types_and_nullability(tmp_path: Path) -> None:
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        ensure_raw_schema(con)
        rows = con.execute(
            "select table_name, column_name, data_type, is_nullable from information_schema.columns "
            "where table_schema = 'raw' order by table_name, ordinal_position"
        ).fetchall()
    created: dict[str, list[tuple[str, str, bool]]] = {}
    for table, column, kind, nullable in rows:
        created.setdefault(table, []).append((column, kind.lower(), nullable == "YES"))
    kinds = {"varchar": "varchar", "integer": "integer", "bigint": "bigint", "double": "double"}
    kinds |= {"timestamp": "timestamp", "date": "date"}
    for table in RAW:
        expected = [(c.name, kinds[c.duckdb_type], c.nullable) for c in table.columns]
        assert created[table.name] == expected, table.name


def test_an_older_warehouse_gets_the_added_columns(tmp_path: Path) -> None:
    cells = raw_table("table_cells")
    assert any(column.added for column in cells.columns), "fixture assumes table_cells has an added column"
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        con.execute("create schema raw")
        original = [c for c in cells.columns if not c.added]
        con.execute(f"create table raw.table_cells ({', '.join(f'{c.name} {c.duckdb_type}' for c in original)})")
        ensure_raw_schema(con)
        names = [row[0] for row in con.execute("describe raw.table_cells").fetchall()]
    assert names == [column.name for column in cells.columns]


def test_frames_built_by_workers_have_the_declared_schema() -> None:
    result = process_file(CORPUS / "pdf" / "files" / "hongze_gov_2024.pdf")
    assert result.report is not None and result.report.table_cells
    now = datetime(2026, 12, 4)
    frames = {"report_files": files_frame([result], now), **report_frames([result], now)}
    for table in RAW:
        frame = frames[table.name].drop(FILE_COLUMN, strict=False)
        assert dict(frame.schema) == {column.name: column.polars_type for column in table.columns}, table.name

"""``govinfo export``: every mart of schema ``marts`` as Parquet, CSV or XLSX, with a data dictionary.

The warehouse is opened read-only, so an export can run beside BI tools and during a refresh (it
reads the version it opened). Rows are written in ``ORDER BY ALL`` order, so the same warehouse gives
the same files.

- **Parquet** and **CSV**: one file per mart (``OUT/<mart>.parquet``, ``OUT/<mart>.csv``) written by
  DuckDB's ``COPY``. CSV is UTF-8 with a byte-order mark (so spreadsheet programs read Chinese
  correctly) and a header row; NULL is an empty field, an empty string is ``""``.
- **XLSX**: one workbook ``OUT/govinfo_marts.xlsx`` written by XlsxWriter: the dictionary sheet first,
  then one sheet per mart with a header row. A sheet holds at most 1,048,575 data rows (Excel's
  1,048,576 rows less the header); a larger mart continues on sheets ``<mart> (2)``, ``<mart> (3)``…,
  each with the header, so no row is dropped. Sheet names are cut to Excel's 31 characters.
  NULL is an empty cell. Numbers are Excel's doubles (DECIMAL included; 16 significant digits are
  written, Excel shows 15); integers beyond ±2^53, which a double would change, are written as text.
  Timestamps keep milliseconds (Excel's precision), in UTC when they carry a time zone. Text is always
  a string cell, never a formula (report text is untrusted).
- **Data dictionary** (``data_dictionary.<ext>``, or the ``data_dictionary`` sheet): one row per mart
  column — table, the table's description, column, its DuckDB type, descriptions in English
  (``description``) and Chinese (``meta.description_zh``) from the dbt YAML under ``models/marts/``.
  A description the YAML does not give is NULL (an empty cell).
"""

from __future__ import annotations

import datetime as dt
import decimal
import os
import re
import shutil
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import duckdb
import xlsxwriter
import yaml
from xlsxwriter.worksheet import Worksheet

from ingest import PROJECT_DIR

__all__ = [
    "DICTIONARY_NAME",
    "EXCEL_MAX_DATA_ROWS",
    "FORMATS",
    "MARTS_MODELS_DIR",
    "WORKBOOK_NAME",
    "DictionaryEntry",
    "ExportResult",
    "export_marts",
    "mart_tables",
    "read_dictionary",
    "sheet_names",
]

FORMATS = ("parquet", "csv", "xlsx")
MARTS_MODELS_DIR = PROJECT_DIR / "models" / "marts"
DICTIONARY_NAME = "data_dictionary"
WORKBOOK_NAME = "govinfo_marts.xlsx"
EXCEL_MAX_DATA_ROWS = 1_048_576 - 1  # Excel's rows per sheet, less the header row
_EXCEL_SHEET_NAME_MAX = 31
_EXCEL_EXACT_INT = 2**53
_BOM = "\ufeff".encode()
_FETCH_ROWS = 10_000
# Tables dbt leaves behind mid-build in the schema; never marts.
_DBT_WORK_TABLE = re.compile(r"__dbt_(tmp|backup)$")


class DictionaryEntry(NamedTuple):
    """One row of the data dictionary: a mart column with its type and descriptions (NULL when absent)."""

    table_name: str
    table_description: str | None
    table_description_zh: str | None
    column_position: int
    column_name: str
    duckdb_type: str
    description: str | None
    description_zh: str | None


_DICTIONARY_COLUMNS = (
    ("table_name", "VARCHAR"),
    ("table_description", "VARCHAR"),
    ("table_description_zh", "VARCHAR"),
    ("column_position", "INTEGER"),
    ("column_name", "VARCHAR"),
    ("duckdb_type", "VARCHAR"),
    ("description", "VARCHAR"),
    ("description_zh", "VARCHAR"),
)


@dataclass
class ExportResult:
    """What one export wrote: the files, rows per mart, and (XLSX) the sheets each mart fills."""

    fmt: str
    out: Path
    files: list[Path] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    sheets: dict[str, list[str]] = field(default_factory=dict)
    dictionary_rows: int = 0

    def summary(self) -> str:
        lines = [
            f"exported {len(self.rows)} marts ({sum(self.rows.values()):,} rows) as {self.fmt} to {self.out}/, "
            f"with a data dictionary of {self.dictionary_rows} columns"
        ]
        for table, sheets in self.sheets.items():
            if len(sheets) > 1:
                lines.append(f"  {table}: {self.rows[table]:,} rows over sheets {', '.join(sheets)} (Excel row limit)")
        lines.extend(f"  {path}" for path in self.files)
        return "\n".join(lines)


# -- the dictionary -----------------------------------------------------------------------------


def _text(value: Any) -> str | None:
    """A description as text; absent or blank → None (not stated is not an empty description)."""
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _meta(node: Mapping[str, Any]) -> Mapping[str, Any]:
    """A node's ``meta``: top level (dbt < 1.10 style) or under ``config`` (dbt 1.10+), merged."""
    config = node.get("config") or {}
    return {**(node.get("meta") or {}), **(config.get("meta") or {})}


def _yaml_descriptions(
    models_dir: Path,
) -> dict[str, tuple[str | None, str | None, dict[str, tuple[str | None, str | None]]]]:
    """Per model under ``models_dir``: (description, description_zh, {column: (description, description_zh)})."""
    found: dict[str, tuple[str | None, str | None, dict[str, tuple[str | None, str | None]]]] = {}
    for path in sorted(models_dir.rglob("*.yml")):
        try:
            document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as error:
            raise ValueError(f"{path}: not valid YAML ({error})") from error
        for model in document.get("models") or []:
            columns = {
                str(column["name"]): (_text(column.get("description")), _text(_meta(column).get("description_zh")))
                for column in model.get("columns") or []
                if column.get("name")
            }
            found[str(model["name"])] = (
                _text(model.get("description")),
                _text(_meta(model).get("description_zh")),
                columns,
            )
    return found


def mart_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The marts: tables and views of schema ``marts`` in the connected database, by name."""
    names = con.execute(
        "select table_name from information_schema.tables "
        "where table_schema = 'marts' and table_catalog = current_database() order by table_name"
    ).fetchall()
    return [name for (name,) in names if not _DBT_WORK_TABLE.search(name)]


def read_dictionary(con: duckdb.DuckDBPyConnection, models_dir: Path = MARTS_MODELS_DIR) -> list[DictionaryEntry]:
    """Every column of every mart with its DuckDB type and its descriptions from the dbt YAML."""
    described = _yaml_descriptions(models_dir)
    marts = set(mart_tables(con))
    columns = con.execute(
        "select table_name, ordinal_position, column_name, data_type from information_schema.columns "
        "where table_schema = 'marts' and table_catalog = current_database() "
        "order by table_name, ordinal_position"
    ).fetchall()
    entries: list[DictionaryEntry] = []
    for table, position, column, data_type in columns:
        if table not in marts:
            continue
        table_en, table_zh, column_texts = described.get(table, (None, None, {}))
        column_en, column_zh = column_texts.get(column, (None, None))
        entries.append(
            DictionaryEntry(table, table_en, table_zh, int(position), column, str(data_type), column_en, column_zh)
        )
    return entries


# -- Parquet and CSV: DuckDB COPY ---------------------------------------------------------------


def _quote_identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _quote_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _copy(con: duckdb.DuckDBPyConnection, query: str, target: Path, fmt: str) -> None:
    """``COPY (query)`` to ``target`` via a temporary file; CSV gets a UTF-8 byte-order mark first."""
    partial = target.with_name(target.name + ".partial")
    options = "format parquet, compression zstd" if fmt == "parquet" else "format csv, header true"
    con.execute(f"copy ({query}) to {_quote_literal(str(partial))} ({options})")
    if fmt == "csv":
        # DuckDB's COPY has no BOM option: prepend it by streaming the file behind three bytes.
        with_bom = target.with_name(target.name + ".bom")
        with with_bom.open("wb") as sink, partial.open("rb") as source:
            sink.write(_BOM)
            shutil.copyfileobj(source, sink, 1024 * 1024)
        partial.unlink()
        partial = with_bom
    os.replace(partial, target)


def _dictionary_table(con: duckdb.DuckDBPyConnection, entries: list[DictionaryEntry]) -> str:
    """Load the dictionary into a temporary table (allowed on a read-only database); its name."""
    name = "govinfo_export_dictionary"
    columns = ", ".join(f"{column} {data_type}" for column, data_type in _DICTIONARY_COLUMNS)
    con.execute(f"create or replace temp table {name} ({columns})")
    if entries:
        placeholders = ", ".join("?" for _ in _DICTIONARY_COLUMNS)
        con.executemany(f"insert into {name} values ({placeholders})", [list(entry) for entry in entries])
    return name


def _export_with_copy(
    con: duckdb.DuckDBPyConnection, tables: list[str], entries: list[DictionaryEntry], result: ExportResult
) -> None:
    for table in tables:
        target = result.out / f"{table}.{result.fmt}"
        _copy(con, f"select * from marts.{_quote_identifier(table)} order by all", target, result.fmt)
        result.files.append(target)
    dictionary = _dictionary_table(con, entries)
    target = result.out / f"{DICTIONARY_NAME}.{result.fmt}"
    _copy(con, f"select * from {dictionary} order by table_name, column_position", target, result.fmt)
    result.files.append(target)


# -- XLSX: XlsxWriter ---------------------------------------------------------------------------


def sheet_names(base: str, parts: int, taken: set[str]) -> list[str]:
    """``parts`` Excel sheet names for ``base``: ``base``, ``base (2)``…; at most 31 characters, no
    character Excel refuses (``[]:*?/\\``), unique (case-insensitively) against ``taken``, which is updated."""
    clean = re.sub(r"[\[\]:*?/\\]", "_", base).strip("'") or "sheet"
    names: list[str] = []
    for part in range(1, parts + 1):
        suffix = "" if part == 1 else f" ({part})"
        name = clean[: _EXCEL_SHEET_NAME_MAX - len(suffix)] + suffix
        bump = 1
        while name.lower() in taken:
            bump += 1
            tag = f"~{bump}{suffix}"
            name = clean[: _EXCEL_SHEET_NAME_MAX - len(tag)] + tag
        taken.add(name.lower())
        names.append(name)
    return names


class _Formats:
    def __init__(self, workbook: xlsxwriter.Workbook) -> None:
        self.header = workbook.add_format({"bold": True})
        self.date = workbook.add_format({"num_format": "yyyy-mm-dd"})
        self.datetime = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
        self.time = workbook.add_format({"num_format": "hh:mm:ss"})


def _write_cell(sheet: Worksheet, row: int, col: int, value: Any, formats: _Formats) -> None:
    """One value with its Excel type; NULL stays an empty cell; text is never read as a formula."""
    if value is None:
        return
    if isinstance(value, bool):
        sheet.write_boolean(row, col, value)
    elif isinstance(value, int):
        if -_EXCEL_EXACT_INT <= value <= _EXCEL_EXACT_INT:
            sheet.write_number(row, col, value)
        else:
            sheet.write_string(row, col, str(value))  # a double would change the integer
    elif isinstance(value, float | decimal.Decimal):
        sheet.write_number(row, col, float(value))
    elif isinstance(value, dt.datetime):
        naive = value.astimezone(dt.UTC).replace(tzinfo=None) if value.tzinfo else value
        sheet.write_datetime(row, col, naive, formats.datetime)
    elif isinstance(value, dt.date):
        sheet.write_datetime(row, col, value, formats.date)
    elif isinstance(value, dt.time):
        sheet.write_datetime(row, col, value, formats.time)
    else:
        text = value if isinstance(value, str) else str(value)
        if sheet.write_string(row, col, text) == -2:
            raise ValueError(f"a value longer than Excel's 32,767 characters per cell at row {row}, column {col}")


def _rows(con: duckdb.DuckDBPyConnection, query: str) -> Iterator[tuple[Any, ...]]:
    cursor = con.execute(query)
    while batch := cursor.fetchmany(_FETCH_ROWS):
        yield from batch


def _write_table(
    workbook: xlsxwriter.Workbook,
    names: list[str],
    header: list[str],
    rows: Iterator[tuple[Any, ...]],
    max_rows: int,
    formats: _Formats,
) -> int:
    """Write ``rows`` under ``header`` over the sheets ``names`` (``max_rows`` data rows each); rows written."""
    written = 0
    sheet: Worksheet | None = None
    for row in rows:
        if written % max_rows == 0:
            sheet = workbook.add_worksheet(names[written // max_rows])
            sheet.write_row(0, 0, header, formats.header)
            sheet.freeze_panes(1, 0)
        assert sheet is not None
        for col, value in enumerate(row):
            _write_cell(sheet, written % max_rows + 1, col, value, formats)
        written += 1
    if written == 0:  # an empty mart still gets its sheet with the header
        sheet = workbook.add_worksheet(names[0])
        sheet.write_row(0, 0, header, formats.header)
    return written


def _export_xlsx(
    con: duckdb.DuckDBPyConnection,
    tables: list[str],
    entries: list[DictionaryEntry],
    result: ExportResult,
    max_rows: int,
) -> None:
    target = result.out / WORKBOOK_NAME
    partial = target.with_name(target.name + ".partial")
    # constant_memory: rows are flushed to disk as they are written, so a mart of any size fits in memory.
    workbook = xlsxwriter.Workbook(str(partial), {"constant_memory": True, "strings_to_formulas": False})
    workbook.set_properties({"title": "govinfo marts", "created": dt.datetime(2000, 1, 1)})  # same bytes each run
    formats = _Formats(workbook)
    taken: set[str] = set()
    header = [column for column, _ in _DICTIONARY_COLUMNS]
    dictionary_sheets = sheet_names(DICTIONARY_NAME, max(1, -(-len(entries) // max_rows)), taken)
    _write_table(workbook, dictionary_sheets, header, iter(entries), max_rows, formats)
    for table in tables:
        count = result.rows[table]
        names = sheet_names(table, max(1, -(-count // max_rows)), taken)
        query = f"select * from marts.{_quote_identifier(table)} order by all"
        columns = [column for column, *_ in con.execute(f"{query} limit 0").description]
        _write_table(workbook, names, columns, _rows(con, query), max_rows, formats)
        result.sheets[table] = names
    workbook.close()
    os.replace(partial, target)
    result.files.append(target)


# -- entry point --------------------------------------------------------------------------------


def export_marts(
    warehouse: Path,
    out: Path,
    fmt: str = "parquet",
    *,
    models_dir: Path = MARTS_MODELS_DIR,
    max_rows_per_sheet: int = EXCEL_MAX_DATA_ROWS,
) -> ExportResult:
    """Export every mart of ``warehouse`` (opened read-only) and the data dictionary to ``out`` as ``fmt``."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    if not 1 <= max_rows_per_sheet <= EXCEL_MAX_DATA_ROWS:
        raise ValueError(f"max_rows_per_sheet must be between 1 and {EXCEL_MAX_DATA_ROWS}")
    if not warehouse.is_file():
        raise FileNotFoundError(f"no warehouse at {warehouse} (build one with `govinfo run`)")
    out.mkdir(parents=True, exist_ok=True)
    result = ExportResult(fmt, out)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        con.execute("set enable_progress_bar = false")
        tables = mart_tables(con)
        if not tables:
            raise ValueError(f"{warehouse} has no marts (schema marts is empty or missing): run `dbt build` first")
        entries = read_dictionary(con, models_dir)
        result.dictionary_rows = len(entries)
        for table in tables:
            count = con.execute(f"select count(*) from marts.{_quote_identifier(table)}").fetchone()
            result.rows[table] = int(count[0]) if count else 0
        if fmt == "xlsx":
            _export_xlsx(con, tables, entries, result, max_rows_per_sheet)
        else:
            _export_with_copy(con, tables, entries, result)
    return result

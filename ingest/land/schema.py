"""The raw layer (schema ``raw``), declared once: table → column → DuckDB type, polars type, description.

The contract between landing and dbt. Everything else is generated from :data:`RAW`: the DuckDB DDL
(:data:`RAW_TABLES`), the columns added to warehouses created by older versions
(:data:`ADDED_COLUMNS`), the polars frame schemas the workers build (:func:`polars_schema`), and the
descriptions dbt shows (``models/staging/ingest/_ingest__sources.yml`` is tested to match them).

Only ``report_files`` and ``reports`` declare primary keys. The per-report child tables name their
key (``RawTable.key``) without an index: keeping a DuckDB (ART) index over millions of composite keys
doubled the landing time and held the index in memory, and a key violation would abort a whole batch.
Their keys are tested by dbt instead (``unique_combination_of_columns`` on the sources).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import polars as pl

__all__ = ["ADDED_COLUMNS", "RAW", "RAW_TABLES", "Column", "RawTable", "polars_schema", "raw_table"]

# DuckDB type → the polars type a worker builds for it. Dates travel as ISO text and DuckDB casts
# them on insert (reports print dates in many shapes; the parser normalises them to YYYY-MM-DD).
_POLARS_TYPES: dict[str, Any] = {
    "varchar": pl.String,
    "integer": pl.Int32,
    "bigint": pl.Int64,
    "double": pl.Float64,
    "timestamp": pl.Datetime("us"),
    "date": pl.String,
}


@dataclass(frozen=True)
class Column:
    """One raw column: DuckDB type, description (shown by dbt), nullability, and whether it was added
    after its table was first created (then ``ensure_raw_schema`` adds it to older warehouses)."""

    name: str
    duckdb_type: str
    description: str
    nullable: bool = True
    added: bool = False

    @property
    def polars_type(self) -> Any:
        """The polars dtype frames use for this column."""
        return _POLARS_TYPES[self.duckdb_type]


@dataclass(frozen=True)
class RawTable:
    """One raw table: its grain (description), key, and columns in landing order."""

    name: str
    description: str
    key: tuple[str, ...]
    primary_key: bool
    columns: tuple[Column, ...]

    def ddl(self) -> str:
        """``create table if not exists raw.<name> (…)``, with a primary key only where declared."""
        lines = [f"{c.name} {c.duckdb_type}{'' if c.nullable else ' not null'}" for c in self.columns]
        if self.primary_key:
            lines.append(f"primary key ({', '.join(self.key)})")
        return f"create table if not exists raw.{self.name} (\n    " + ",\n    ".join(lines) + "\n)"


RAW: tuple[RawTable, ...] = (
    RawTable(
        "report_files",
        "One row per file seen by ingest (loaded, quarantined or duplicate).",
        key=("source_path",),
        primary_key=True,
        columns=(
            Column(
                "source_path",
                "varchar",
                "Path of the file as given on the command line or found in the folder (primary key).",
                nullable=False,
            ),
            Column("sha256", "varchar", "SHA-256 hash of the file bytes.", nullable=False),
            Column(
                "report_id",
                "varchar",
                "First 16 hex characters of sha256; null when the file was quarantined.",
                nullable=True,
            ),
            Column("bytes", "bigint", "File size in bytes.", nullable=False),
            Column(
                "format", "varchar", "File format from the extension (txt, md, html, docx, pdf, ...).", nullable=False
            ),
            Column(
                "encoding",
                "varchar",
                "Detected text encoding (utf-8, gb18030, ...); null when not decoded.",
                nullable=True,
            ),
            Column(
                "status",
                "varchar",
                (
                    "loaded | quarantined | duplicate | retired (the file is gone from its folder; its report "
                    "left the marts)."
                ),
                nullable=False,
            ),
            Column(
                "error",
                "varchar",
                "Quarantine reason naming the file and the problem; null unless quarantined.",
                nullable=True,
            ),
            Column("parser_version", "varchar", "Version of the ingest parser that handled the file.", nullable=False),
            Column("ingested_at", "timestamp", "When ingest handled the file.", nullable=False),
        ),
    ),
    RawTable(
        "reports",
        "One row per loaded report (file status loaded), with its header fields.",
        key=("report_id",),
        primary_key=True,
        columns=(
            Column(
                "report_id",
                "varchar",
                "Report identifier, first 16 hex characters of sha256 (primary key).",
                nullable=False,
            ),
            Column("sha256", "varchar", "SHA-256 hash of the source file bytes.", nullable=False),
            Column("source_path", "varchar", "Path of the source file.", nullable=False),
            Column(
                "report_year",
                "integer",
                "Year the statistics cover (not the publishing year); null when not found.",
                nullable=True,
            ),
            Column(
                "agency_name",
                "varchar",
                "Name of the reporting body as printed (e.g. 遂宁市安居区教育局); null when not found.",
                nullable=True,
            ),
            Column(
                "agency_type",
                "varchar",
                "Kind of body (e.g. education bureau); null when not classified.",
                nullable=True,
            ),
            Column(
                "admin_level",
                "varchar",
                "national | province | city | county | township; null when unknown.",
                nullable=True,
            ),
            Column("province", "varchar", "Province of the body, resolved from the gazetteer.", nullable=True),
            Column("city", "varchar", "Prefecture-level city of the body.", nullable=True),
            Column("county", "varchar", "County-level division of the body.", nullable=True),
            Column(
                "region_code",
                "varchar",
                "GB/T 2260 six-digit administrative division code of the body's region.",
                nullable=True,
            ),
            Column(
                "template",
                "varchar",
                "narrative | standard_2019 | standard_2021 | standard (standard = standard template, version unknown).",
                nullable=True,
            ),
            Column("title", "varchar", "Report title as printed.", nullable=True),
            Column("period_start", "date", "First day of the period the report covers, when stated.", nullable=True),
            Column("period_end", "date", "Last day of the period the report covers, when stated.", nullable=True),
            Column("char_count", "integer", "Number of characters in the decoded text.", nullable=False),
            Column("parser_version", "varchar", "Version of the ingest parser that produced the row.", nullable=False),
            Column("ingested_at", "timestamp", "When ingest loaded the report.", nullable=False),
            Column(
                "agency_name_canonical",
                "varchar",
                (
                    "Agency name in simplified characters, a one-character OCR slip in its place name corrected"
                    " (沐阳县 → 沭阳县); what the region was resolved from."
                ),
                nullable=True,
                added=True,
            ),
            Column(
                "contact_address",
                "varchar",
                "Contact address of the disclosure office as printed; null when not given.",
                nullable=True,
                added=True,
            ),
            Column(
                "contact_postcode", "varchar", "Postcode as printed; null when not given.", nullable=True, added=True
            ),
            Column(
                "contact_phone",
                "varchar",
                "Contact telephone as printed (e.g. 0533-2869953); null when not given.",
                nullable=True,
                added=True,
            ),
            Column(
                "contact_email", "varchar", "Contact email as printed; null when not given.", nullable=True, added=True
            ),
            Column(
                "contact_website",
                "varchar",
                "Website the report points to, as printed; null when not given.",
                nullable=True,
                added=True,
            ),
        ),
    ),
    RawTable(
        "report_sections",
        "One row per top-level section of a report.",
        key=("report_id", "ordinal"),
        primary_key=False,
        columns=(
            Column("report_id", "varchar", "Report the section belongs to (part of the primary key).", nullable=False),
            Column(
                "ordinal",
                "integer",
                (
                    "Position of the section in the report; 0 = preamble before the first heading (part of the "
                    "primary key)."
                ),
                nullable=False,
            ),
            Column("heading", "varchar", "Section heading as printed.", nullable=False),
            Column(
                "kind",
                "varchar",
                (
                    "preamble | overview | proactive | applications | fees | review_litigation | problems | "
                    "other (the heading's first topic)."
                ),
                nullable=False,
            ),
            Column(
                "kinds",
                "varchar",
                "Every topic a merged heading covers, comma-separated "
                "(e.g. applications,fees for 依申请公开办理及收费减免情况).",
                nullable=False,
            ),
            Column(
                "start_offset", "integer", "Character offset of the section start in the decoded text.", nullable=False
            ),
            Column("end_offset", "integer", "Character offset of the section end in the decoded text.", nullable=False),
        ),
    ),
    RawTable(
        "report_metrics",
        "One row per report per extracted metric key (long form), with its evidence.",
        key=("report_id", "metric_key"),
        primary_key=False,
        columns=(
            Column("report_id", "varchar", "Report the figure comes from (part of the primary key).", nullable=False),
            Column(
                "metric_key",
                "varchar",
                "Key from the vocabulary of metric_keys.md (part of the primary key).",
                nullable=False,
            ),
            Column(
                "value",
                "double",
                'The figure. A stated "none" (未收到, 没有) is 0; a figure not stated has no row.',
                nullable=False,
            ),
            Column("qualifier", "varchar", "exact | approx (近, 约) | at_least (余, 多) | at_most.", nullable=False),
            Column("unit", "varchar", "Unit as printed (条, 件, 元, 万元, ...), when known.", nullable=True),
            Column("evidence", "varchar", "Quoted source text the figure was read from.", nullable=False),
            Column(
                "start_offset",
                "integer",
                "Character offset of the evidence start in the original decoded text.",
                nullable=False,
            ),
            Column(
                "end_offset",
                "integer",
                "Character offset of the evidence end in the original decoded text.",
                nullable=False,
            ),
            Column("section", "varchar", "Kind of the section the figure was found in.", nullable=True),
            Column("rule", "varchar", "Identifier of the extraction rule that produced the figure.", nullable=False),
            Column("source", "varchar", "text | table.", nullable=False),
            Column(
                "table_ref",
                "varchar",
                "Table/row/column of a table cell (e.g. t3/new_received/total); null for text.",
                nullable=True,
            ),
            Column(
                "page",
                "integer",
                "1-based page of the evidence in a paged source (PDF); null for unpaged formats.",
                nullable=True,
                added=True,
            ),
        ),
    ),
    RawTable(
        "proactive_categories",
        "One row per category of a report's proactive-disclosure breakdown (其中…概况信息3条，占0.6%).",
        key=("report_id", "ordinal"),
        primary_key=False,
        columns=(
            Column(
                "report_id", "varchar", "Report the breakdown comes from (part of the primary key).", nullable=False
            ),
            Column(
                "ordinal",
                "integer",
                "Position of the category in the breakdown (part of the primary key).",
                nullable=False,
            ),
            Column("label", "varchar", "Category label as printed (e.g. 概况信息).", nullable=False),
            Column("count", "bigint", "Items in the category.", nullable=False),
            Column("percent", "double", "Share as printed (may be truncated); null when not printed.", nullable=True),
            Column("evidence", "varchar", "Quoted source text.", nullable=False),
            Column(
                "start_offset",
                "integer",
                "Character offset of the evidence start in the original decoded text.",
                nullable=False,
            ),
            Column(
                "end_offset",
                "integer",
                "Character offset of the evidence end in the original decoded text.",
                nullable=False,
            ),
        ),
    ),
    RawTable(
        "report_checks",
        "One row per report per consistency rule (R1-R6, category sums, ...).",
        key=("report_id", "rule"),
        primary_key=False,
        columns=(
            Column("report_id", "varchar", "Report checked (part of the primary key).", nullable=False),
            Column("rule", "varchar", "Rule identifier (part of the primary key).", nullable=False),
            Column("status", "varchar", "pass | fail | not_assessable.", nullable=False),
            Column("expected", "double", "Value the rule expected, when numeric.", nullable=True),
            Column("actual", "double", "Value found, when numeric.", nullable=True),
            Column("detail", "varchar", "Human-readable explanation of the result.", nullable=False),
        ),
    ),
    RawTable(
        "table_cells",
        (
            "One row per report per cell of the standard tables 2-4, as printed: raw text, parsed value"
            ' (NULL for "/", "—" and blank cells), note and position. Keys follow metric_keys.md.'
        ),
        key=("report_id", "metric_key"),
        primary_key=False,
        columns=(
            Column("report_id", "varchar", "Report the cell comes from (part of the primary key).", nullable=False),
            Column("table_no", "varchar", "t2 | t3 | t4.", nullable=False),
            Column("row_key", "varchar", "Row key of metric_keys.md.", nullable=False),
            Column("column_key", "varchar", "Column key of metric_keys.md.", nullable=False),
            Column("metric_key", "varchar", "table_no.row_key.column_key (part of the primary key).", nullable=False),
            Column("raw_text", "varchar", "The cell as printed.", nullable=False),
            Column("value", "double", 'Parsed value; NULL for "/", "—", "-" and blank cells.', nullable=True),
            Column("note", "varchar", "Text printed after the number (e.g. （其中修订16件）).", nullable=True),
            Column("unit", "varchar", "Unit printed in the cell, if any.", nullable=True),
            Column("start_offset", "integer", "Cell start offset in the original decoded text.", nullable=False),
            Column("end_offset", "integer", "Cell end offset in the original decoded text.", nullable=False),
            Column(
                "rule",
                "varchar",
                (
                    "How the value was read (table.t3.labelled, table.t3.aligned, table.t3.split, "
                    "table.t2.short_row, …); '' when the parser did not say, NULL in rows landed before the "
                    "column existed."
                ),
                nullable=True,
                added=True,
            ),
        ),
    ),
    RawTable(
        "report_facts",
        (
            "One row per labelled fact: a counted figure in the prose that is not a headline metric or "
            "a category (WeChat posts, hotline cases, training, consultations, application outcomes, "
            "rates)."
        ),
        key=("report_id", "ordinal"),
        primary_key=False,
        columns=(
            Column("report_id", "varchar", "Report the fact comes from (part of the primary key).", nullable=False),
            Column(
                "ordinal", "integer", "Order of appearance in the report (part of the primary key).", nullable=False
            ),
            Column(
                "label",
                "varchar",
                "The clause text before the number, as printed (at most 30 characters).",
                nullable=False,
            ),
            Column(
                "channel",
                "varchar",
                (
                    "Normalised channel where a keyword tells (wechat, weibo, website, hotline, new_media, "
                    "archives, press, in_person, mail); null otherwise."
                ),
                nullable=True,
            ),
            Column(
                "kind",
                "varchar",
                (
                    "Normalised kind of count where a keyword or the unit tells (posts, training, "
                    "consultations, hotline_cases, rate, amount, ...); null otherwise."
                ),
                nullable=True,
            ),
            Column(
                "value", "double", "The number as printed (万 multiplied out; percents as printed).", nullable=False
            ),
            Column("qualifier", "varchar", "exact | approx | at_least | at_most.", nullable=False),
            Column("unit", "varchar", "Unit as printed (条 件 篇 人次 元 % ...).", nullable=False),
            Column(
                "evidence", "varchar", "Quoted source text, from the clause start to the number's unit.", nullable=False
            ),
            Column(
                "start_offset",
                "integer",
                "Character offset of the evidence start in the original decoded text.",
                nullable=False,
            ),
            Column(
                "end_offset",
                "integer",
                "Character offset of the evidence end in the original decoded text.",
                nullable=False,
            ),
            Column("section", "varchar", "Kind of the section the fact was found in.", nullable=True),
            Column("rule", "varchar", "Extraction rule id.", nullable=False),
        ),
    ),
)

RAW_TABLES: dict[str, str] = {table.name: table.ddl() for table in RAW}
ADDED_COLUMNS: tuple[tuple[str, str, str], ...] = tuple(
    (table.name, column.name, column.duckdb_type) for table in RAW for column in table.columns if column.added
)


def raw_table(name: str) -> RawTable:
    """The declaration of one raw table."""
    return next(table for table in RAW if table.name == name)


def polars_schema(name: str) -> dict[str, Any]:
    """Column → polars dtype of a raw table, in landing order."""
    return {column.name: column.polars_type for column in raw_table(name).columns}

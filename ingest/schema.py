"""DDL of the raw layer (schema ``raw``): the contract between landing and dbt sources.

Only ``report_files`` and ``reports`` declare primary keys. The per-report child tables name their
key in a comment instead: keeping a DuckDB (ART) index over millions of composite keys doubled the
landing time and held the index in memory, and a key violation would abort a whole batch. Their
keys are tested by dbt instead (``unique_combination_of_columns`` on the sources and staging models).
"""

from __future__ import annotations

RAW_TABLES: dict[str, str] = {
    "report_files": """
        create table if not exists raw.report_files (
            source_path    varchar not null,   -- path as given on the command line / found in the folder
            sha256         varchar not null,   -- content hash of the file bytes
            report_id      varchar,            -- = first 16 hex chars of sha256; null when quarantined
            bytes          bigint not null,
            format         varchar not null,   -- txt | md | html | docx | pdf | ... (from the extension)
            encoding       varchar,            -- detected text encoding (utf-8, gb18030, ...)
            status         varchar not null,   -- loaded | quarantined | duplicate | retired (gone from its folder)
            error          varchar,            -- quarantine reason naming the file and the problem
            parser_version varchar not null,
            ingested_at    timestamp not null,
            primary key (source_path)
        )""",
    "reports": """
        create table if not exists raw.reports (
            report_id      varchar not null primary key,
            sha256         varchar not null,
            source_path    varchar not null,
            report_year    integer,
            agency_name    varchar,
            agency_type    varchar,
            admin_level    varchar,
            province       varchar,
            city           varchar,
            county         varchar,
            region_code    varchar,
            template       varchar,            -- narrative | standard_2019 | standard_2021 | standard
            title          varchar,
            period_start   date,
            period_end     date,
            char_count     integer not null,
            parser_version varchar not null,
            ingested_at    timestamp not null,
            agency_name_canonical varchar,     -- simplified, OCR-corrected agency name (what regions resolve)
            contact_address  varchar,          -- contact details as printed; null when not given
            contact_postcode varchar,
            contact_phone    varchar,
            contact_email    varchar,
            contact_website  varchar
        )""",
    "report_sections": """
        create table if not exists raw.report_sections (
            report_id      varchar not null,
            ordinal        integer not null,   -- 0 = preamble before the first heading
            heading        varchar not null,
            kind           varchar not null,   -- preamble | overview | proactive | applications | fees
                                               -- | review_litigation | problems | other (the first topic)
            kinds          varchar not null,   -- every topic a merged heading covers, comma-separated
            start_offset   integer not null,
            end_offset     integer not null
            -- key: (report_id, ordinal)
        )""",
    "report_metrics": """
        create table if not exists raw.report_metrics (
            report_id      varchar not null,
            metric_key     varchar not null,   -- vocabulary of metric_keys.md
            value          double not null,
            qualifier      varchar not null,   -- exact | approx | at_least | at_most
            unit           varchar,
            evidence       varchar not null,   -- quoted source text
            start_offset   integer not null,   -- character offsets into the original decoded text
            end_offset     integer not null,
            section        varchar,            -- section kind the figure was found in
            rule           varchar not null,   -- extraction rule id
            source         varchar not null,   -- text | table
            table_ref      varchar,            -- table/row/column for table cells
            page           integer            -- 1-based page of the evidence (PDF); null for unpaged formats
            -- key: (report_id, metric_key)
        )""",
    "proactive_categories": """
        create table if not exists raw.proactive_categories (
            report_id      varchar not null,
            ordinal        integer not null,
            label          varchar not null,
            count          bigint not null,
            percent        double,             -- as printed; null when not printed
            evidence       varchar not null,
            start_offset   integer not null,
            end_offset     integer not null
            -- key: (report_id, ordinal)
        )""",
    "report_checks": """
        create table if not exists raw.report_checks (
            report_id      varchar not null,
            rule           varchar not null,
            status         varchar not null,   -- pass | fail | not_assessable
            expected       double,
            actual         double,
            detail         varchar not null
            -- key: (report_id, rule)
        )""",
    "table_cells": """
        create table if not exists raw.table_cells (
            report_id      varchar not null,
            table_no       varchar not null,   -- t2 | t3 | t4
            row_key        varchar not null,   -- metric_keys.md row (e.g. new_received, denied.state_secret)
            column_key     varchar not null,   -- metric_keys.md column (e.g. natural_person, total)
            metric_key     varchar not null,   -- table_no.row_key.column_key
            raw_text       varchar not null,   -- the cell as printed ("/", "—" and "" included)
            value          double,             -- NULL for "/", "—", "-" and blank cells: never 0
            note           varchar,            -- text after the number, e.g. （其中修订16件）
            unit           varchar,            -- 万元 / 元 / 件 when printed in the cell
            start_offset   integer not null,
            end_offset     integer not null,
            rule           varchar             -- how the value was read: table.t3.labelled | table.t3.aligned
                                               -- | table.t3.split | table.t2.short_row …; '' when untold
            -- key: (report_id, metric_key)
        )""",
    "report_facts": """
        create table if not exists raw.report_facts (
            report_id      varchar not null,
            ordinal        integer not null,   -- order of appearance in the report
            label          varchar not null,   -- clause text before the number, as printed
            channel        varchar,            -- wechat | weibo | website | hotline | new_media | archives | press
                                               -- | in_person | mail (null when no keyword tells)
            kind           varchar,            -- posts | training | consultations | hotline_cases | rate | amount | …
            value          double not null,
            qualifier      varchar not null,   -- exact | approx | at_least | at_most
            unit           varchar not null,   -- 条 件 篇 人次 元 % …
            evidence       varchar not null,
            start_offset   integer not null,
            end_offset     integer not null,
            section        varchar,
            rule           varchar not null
            -- key: (report_id, ordinal)
        )""",
}

# Columns added after a table was first created: (table, column, type). ``ensure_raw_schema`` adds
# them to an existing warehouse, so an older warehouse keeps working without a rebuild.
ADDED_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("report_metrics", "page", "integer"),
    ("reports", "agency_name_canonical", "varchar"),
    ("reports", "contact_address", "varchar"),
    ("reports", "contact_postcode", "varchar"),
    ("reports", "contact_phone", "varchar"),
    ("reports", "contact_email", "varchar"),
    ("reports", "contact_website", "varchar"),
    ("table_cells", "rule", "varchar"),
)

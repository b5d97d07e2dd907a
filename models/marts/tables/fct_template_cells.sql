-- Incremental per report, like fct_report_metrics: rows of reports no longer loaded or re-ingested
-- are deleted (pre-hook), rows of loaded reports not present yet are inserted.
{{ config(**per_report_incremental_config()) }}

with

template_cells as (
    select * from {{ ref('int_template_cells') }}
    {{ where_report_not_in_this() }}
)

select
    cell_id,
    report_id,
    agency_id,
    report_year,
    template,
    table_no,
    row_key,
    column_key,
    metric_key,
    raw_text,
    value,
    note,
    unit,
    start_offset,
    end_offset,
    rule,
    ingested_at
from template_cells

-- Incremental per report, like fct_report_metrics: rows of reports no longer loaded or re-ingested
-- are deleted (pre-hook), rows of loaded reports not present yet are inserted.
{{ config(**per_report_incremental_config()) }}

with

table_cells as (
    select * from {{ ref('stg_ingest__table_cells') }}
),

reports as (
    select * from {{ ref('int_reports') }}
    {{ where_report_not_in_this() }}
),

cells_with_report as (
    select
        table_cells.report_id || ':' || table_cells.metric_key as cell_id,
        table_cells.report_id,
        reports.agency_id,
        reports.report_year,
        reports.template,
        table_cells.table_no,
        table_cells.row_key,
        table_cells.column_key,
        table_cells.metric_key,
        table_cells.raw_text,
        table_cells.value,
        table_cells.note,
        table_cells.unit,
        table_cells.start_offset,
        table_cells.end_offset,
        table_cells.rule,
        reports.ingested_at
    from table_cells
    inner join reports
        on table_cells.report_id = reports.report_id
)

select * from cells_with_report

-- Incremental per report, like fct_report_metrics: rows of reports no longer loaded or re-ingested
-- are deleted (pre-hook), rows of loaded reports not present yet are inserted.
{{ config(**per_report_incremental_config()) }}

with

template_cells as (
    select * from {{ ref('int_template_cells') }}
    {{ where_report_not_in_this() }}
),

metric_keys as (
    select * from {{ ref('metric_keys') }}
),

cells_with_unit as (
    select
        template_cells.cell_id,
        template_cells.report_id,
        template_cells.agency_id,
        template_cells.report_year,
        template_cells.template,
        template_cells.table_no,
        template_cells.row_key,
        template_cells.column_key,
        template_cells.metric_key,
        template_cells.raw_text,
        template_cells.value,
        template_cells.note,
        -- the unit of value: printed in the cell, else the key's unit (cells rarely print one)
        coalesce(template_cells.unit, metric_keys.unit) as unit,
        template_cells.start_offset,
        template_cells.end_offset,
        template_cells.rule,
        template_cells.ingested_at
    from template_cells
    left join metric_keys
        on template_cells.metric_key = metric_keys.key
)

select * from cells_with_unit

-- Incremental per report, like fct_report_metrics: rows of reports no longer loaded or re-ingested
-- are deleted (pre-hook), rows of reports not present yet are taken from int_template_cells.
-- value is a count: BIGINT, NULL when the cell is blank, "/" or not a whole number (raw_text keeps it).
{{ config(**per_report_incremental_config()) }}

with

template_cells as (
    select * from {{ ref('int_template_cells') }}
    {{ where_report_not_in_this() }}
),

review_cells as (
    select
        report_id || ':' || row_key || ':' || column_key as review_id,
        report_id,
        agency_id,
        report_year,
        template,
        row_key as block,
        column_key as result,
        -- "value": the column name of every table mart (a keyword, hence the noqa)
        whole_value as value,  -- noqa: RF04
        raw_text,
        start_offset,
        end_offset,
        ingested_at
    from template_cells
    where table_no = 't4'
)

select * from review_cells

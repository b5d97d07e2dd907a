with

raw_table_cells as (
    select * from {{ source('ingest', 'table_cells') }}
),

renamed as (
    select
        report_id,
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
        -- '' (untold) and NULL (landed before the column existed) mean the same: not known. "rule"
        -- matches raw.report_metrics.rule, hence the noqa.
        nullif(rule, '') as rule  -- noqa: RF04
    from raw_table_cells
)

select * from renamed

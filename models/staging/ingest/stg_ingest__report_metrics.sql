with

raw_report_metrics as (
    select * from {{ source('ingest', 'report_metrics') }}
),

renamed as (
    select
        report_id,
        metric_key,
        split_part(metric_key, '.', 1) as metric_family,
        value,
        qualifier,
        unit,
        evidence,
        start_offset,
        end_offset,
        section,
        rule,
        source,
        table_ref,
        page
    from raw_report_metrics
)

select * from renamed

with

reports as (
    select * from {{ ref('int_reports') }}
),

final as (
    select
        report_id,
        sha256,
        source_path,
        agency_id,
        agency_name,
        report_year,
        template,
        title,
        period_start,
        period_end,
        char_count,
        parser_version,
        ingested_at
    from reports
)

select * from final

with

raw_report_checks as (
    select * from {{ source('ingest', 'report_checks') }}
),

renamed as (
    select
        report_id,
        rule,
        status,
        expected,
        actual,
        detail
    from raw_report_checks
)

select * from renamed

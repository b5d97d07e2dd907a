with

raw_proactive_categories as (
    select * from {{ source('ingest', 'proactive_categories') }}
),

renamed as (
    select
        report_id,
        ordinal,
        label,
        count,
        percent,
        evidence,
        start_offset,
        end_offset
    from raw_proactive_categories
)

select * from renamed

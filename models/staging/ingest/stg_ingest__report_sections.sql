with

raw_report_sections as (
    select * from {{ source('ingest', 'report_sections') }}
),

renamed as (
    select
        report_id,
        ordinal,
        heading,
        kind as section_kind,
        kinds as section_kinds,
        start_offset,
        end_offset
    from raw_report_sections
)

select * from renamed

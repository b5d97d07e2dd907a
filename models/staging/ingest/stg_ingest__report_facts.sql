with

raw_report_facts as (
    select * from {{ source('ingest', 'report_facts') }}
),

renamed as (
    select
        report_id,
        ordinal,
        label,
        channel,
        kind as fact_kind,
        value,
        qualifier,
        unit,
        evidence,
        start_offset,
        end_offset,
        section as section_kind,
        rule as extraction_rule
    from raw_report_facts
)

select * from renamed

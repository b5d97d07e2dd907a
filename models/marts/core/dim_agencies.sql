with

agencies as (
    select * from {{ ref('int_agencies') }}
),

agency_types as (
    select * from {{ ref('agency_types') }}
),

final as (
    select
        agencies.agency_id,
        agencies.agency_name,
        agencies.agency_type,
        agency_types.label_zh as agency_type_label,
        agencies.admin_level,
        agencies.province,
        agencies.city,
        agencies.county,
        agencies.region_code,
        agencies.first_report_year,
        agencies.last_report_year,
        agencies.report_count,
        agencies.contact_address,
        agencies.contact_postcode,
        agencies.contact_phone,
        agencies.contact_email,
        agencies.contact_website
    from agencies
    left join agency_types
        on agencies.agency_type = agency_types.agency_type
)

select * from final

with

agencies as (
    select * from {{ ref('int_agencies') }}
),

final as (
    select
        agency_id,
        agency_name,
        agency_type,
        admin_level,
        province,
        city,
        county,
        region_code,
        first_report_year,
        last_report_year,
        report_count
    from agencies
)

select * from final

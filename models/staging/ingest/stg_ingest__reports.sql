with

raw_reports as (
    select * from {{ source('ingest', 'reports') }}
),

renamed as (
    select
        report_id,
        sha256,
        source_path,
        report_year,
        agency_name,
        agency_type,
        admin_level,
        province,
        city,
        county,
        region_code,
        template,
        title,
        period_start,
        period_end,
        char_count,
        parser_version,
        ingested_at,
        agency_name_canonical,
        contact_address,
        contact_postcode,
        contact_phone,
        contact_email,
        contact_website
    from raw_reports
)

select * from renamed

-- One row per agency (agency_name + region_code). Descriptive attributes come from the agency's
-- latest report (report year, then ingested_at, then report_id), so they are deterministic;
-- contact details come from the latest report that gives each of them.
-- A table, not a view: dim_agencies and four data tests read it, and each read of a view would
-- rank every loaded report again. It depends on every report of an agency, so it is rebuilt in full.
{{ config(materialized='table') }}

with

reports_with_agency as (
    select * from {{ ref('int_reports') }}
    where agency_id is not null
),

report_contacts as (
    select
        reports_with_agency.agency_id,
        -- sorts like the recency order below: report year, then ingested_at, then report_id
        lpad(coalesce(cast(reports_with_agency.report_year as varchar), '0'), 4, '0')
        || cast(reports_with_agency.ingested_at as varchar)
        || reports_with_agency.report_id as recency_key,
        staged.contact_address,
        staged.contact_postcode,
        staged.contact_phone,
        staged.contact_email,
        staged.contact_website
    from reports_with_agency
    inner join {{ ref('stg_ingest__reports') }} as staged
        on reports_with_agency.report_id = staged.report_id
),

latest_contacts as (
    select
        agency_id,
        arg_max(contact_address, recency_key) filter (where contact_address is not null) as contact_address,
        arg_max(contact_postcode, recency_key) filter (where contact_postcode is not null) as contact_postcode,
        arg_max(contact_phone, recency_key) filter (where contact_phone is not null) as contact_phone,
        arg_max(contact_email, recency_key) filter (where contact_email is not null) as contact_email,
        arg_max(contact_website, recency_key) filter (where contact_website is not null) as contact_website
    from report_contacts
    group by agency_id
),

reports_ranked_latest_first as (
    select
        agency_id,
        agency_name,
        agency_type,
        admin_level,
        province,
        city,
        county,
        region_code,
        row_number() over (
            partition by agency_id
            order by report_year desc nulls last, ingested_at desc, report_id desc
        ) as recency_rank
    from reports_with_agency
),

latest_attributes as (
    select
        agency_id,
        agency_name,
        agency_type,
        admin_level,
        province,
        city,
        county,
        region_code
    from reports_ranked_latest_first
    where recency_rank = 1
),

report_span as (
    select
        agency_id,
        min(report_year) as first_report_year,
        max(report_year) as last_report_year,
        count(*) as report_count
    from reports_with_agency
    group by agency_id
),

agencies as (
    select
        latest_attributes.agency_id,
        latest_attributes.agency_name,
        latest_attributes.agency_type,
        latest_attributes.admin_level,
        latest_attributes.province,
        latest_attributes.city,
        latest_attributes.county,
        latest_attributes.region_code,
        report_span.first_report_year,
        report_span.last_report_year,
        report_span.report_count,
        latest_contacts.contact_address,
        latest_contacts.contact_postcode,
        latest_contacts.contact_phone,
        latest_contacts.contact_email,
        latest_contacts.contact_website
    from latest_attributes
    inner join report_span
        on latest_attributes.agency_id = report_span.agency_id
    left join latest_contacts
        on latest_attributes.agency_id = latest_contacts.agency_id
)

select * from agencies

-- One row per agency (agency_name + region_code). Descriptive attributes come from the agency's
-- latest report (report year, then ingested_at, then report_id), so they are deterministic.
with

reports_with_agency as (
    select * from {{ ref('int_reports') }}
    where agency_id is not null
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
        report_span.report_count
    from latest_attributes
    inner join report_span
        on latest_attributes.agency_id = report_span.agency_id
)

select * from agencies

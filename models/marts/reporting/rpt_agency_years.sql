-- One wide row per agency x report year for BI. When an agency has several reports for one year,
-- the latest ingested one is shown (ties broken by the smallest report_id) and report_count says
-- how many there were (the revision rule of int_report_versions). Reports without an agency or a
-- report year have no agency-year.
with

report_versions as (
    select * from {{ ref('int_report_versions') }}
),

agencies as (
    select * from {{ ref('int_agencies') }}
),

regions as (
    select * from {{ ref('int_regions') }}
),

headline_metrics as (
    select * from {{ ref('int_report_headline_metrics') }}
),

report_checks as (
    select * from {{ ref('stg_ingest__report_checks') }}
),

chosen_report_per_agency_year as (
    -- the revision rule of int_report_versions: the current report of each agency-year
    select
        report_id,
        agency_id,
        report_year,
        template,
        reports_in_agency_year as report_count
    from report_versions
    where
        is_current
        and agency_id is not null
        and report_year is not null
),

failed_checks_per_report as (
    select
        report_id,
        count(*) filter (where status = 'fail') as checks_failed
    from report_checks
    group by report_id
),

agency_years as (
    select
        chosen_report_per_agency_year.agency_id || ':' || chosen_report_per_agency_year.report_year as agency_year_id,
        chosen_report_per_agency_year.agency_id,
        agencies.agency_name,
        agencies.agency_type,
        agencies.admin_level,
        agencies.province,
        agencies.city,
        agencies.county,
        agencies.region_code,
        regions.province_code,
        regions.city_code,
        chosen_report_per_agency_year.report_year,
        chosen_report_per_agency_year.report_id,
        chosen_report_per_agency_year.report_count,
        chosen_report_per_agency_year.template,
        headline_metrics.proactive_items_new as items_new,
        headline_metrics.proactive_items_cumulative as items_cumulative,
        headline_metrics.proactive_interpretations as interpretations,
        headline_metrics.applications_received,
        headline_metrics.applications_carried_over,
        headline_metrics.applications_processed,
        headline_metrics.fees_collected_yuan,
        headline_metrics.reconsideration_total,
        headline_metrics.litigation_total,
        headline_metrics.complaints_total,
        failed_checks_per_report.checks_failed
    from chosen_report_per_agency_year
    inner join agencies
        on chosen_report_per_agency_year.agency_id = agencies.agency_id
    left join regions
        on agencies.region_code = regions.region_code
    inner join headline_metrics
        on chosen_report_per_agency_year.report_id = headline_metrics.report_id
    left join failed_checks_per_report
        on chosen_report_per_agency_year.report_id = failed_checks_per_report.report_id
)

select * from agency_years

with

report_checks as (
    select * from {{ ref('stg_ingest__report_checks') }}
),

reports as (
    select * from {{ ref('int_reports') }}
),

checks_of_loaded_reports as (
    select
        report_checks.report_id || ':' || report_checks.rule as check_id,
        report_checks.report_id,
        reports.agency_id,
        reports.report_year,
        report_checks.rule,
        report_checks.status,
        report_checks.expected,
        report_checks.actual,
        report_checks.detail
    from report_checks
    inner join reports
        on report_checks.report_id = reports.report_id
)

select * from checks_of_loaded_reports

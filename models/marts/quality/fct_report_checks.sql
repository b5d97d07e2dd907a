-- Incremental per report, like fct_report_metrics: rows of reports no longer loaded or re-ingested
-- are deleted (pre-hook), rows of loaded reports not present yet are inserted.
{{ config(**per_report_incremental_config()) }}

with

report_checks as (
    select * from {{ ref('stg_ingest__report_checks') }}
),

reports as (
    select * from {{ ref('int_reports') }}
    {{ where_report_not_in_this() }}
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
        report_checks.detail,
        reports.ingested_at
    from report_checks
    inner join reports
        on report_checks.report_id = reports.report_id
)

select * from checks_of_loaded_reports

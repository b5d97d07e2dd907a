-- Incremental per report, like fct_report_metrics: rows of reports no longer loaded or re-ingested
-- are deleted (pre-hook), rows of loaded reports not present yet are inserted.
{{
    config(
        materialized='incremental',
        unique_key='report_id',
        incremental_strategy='delete+insert',
        on_schema_change='sync_all_columns',
        pre_hook="{{ delete_rows_of_changed_reports(ref('int_reports')) }}"
    )
}}

with

report_checks as (
    select * from {{ ref('stg_ingest__report_checks') }}
),

reports as (
    select * from {{ ref('int_reports') }}
    {% if is_incremental() %}
        where report_id not in (select distinct fct.report_id from {{ this }} as fct)
    {% endif %}
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

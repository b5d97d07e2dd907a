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

headline_metrics as (
    select * from {{ ref('int_report_headline_metrics') }}
    {% if is_incremental() %}
        where report_id not in (select distinct fct.report_id from {{ this }} as fct)
    {% endif %}
),

applications as (
    select
        report_id,
        agency_id,
        report_year,
        applications_received as received,
        applications_received_qualifier as received_qualifier,
        applications_carried_over as carried_over,
        applications_carried_over_qualifier as carried_over_qualifier,
        applications_processed as processed,
        applications_processed_qualifier as processed_qualifier,
        ingested_at
    from headline_metrics
)

select * from applications

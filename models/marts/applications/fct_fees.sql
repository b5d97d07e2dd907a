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

disclosure_fees as (
    select
        report_id,
        agency_id,
        report_year,
        fees_collected_yuan as collected_yuan,
        fees_collected_yuan_qualifier as collected_yuan_qualifier,
        ingested_at
    from headline_metrics
)

select * from disclosure_fees

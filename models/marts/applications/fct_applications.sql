-- Incremental per report, like fct_report_metrics: rows of reports no longer loaded or re-ingested
-- are deleted (pre-hook), rows of loaded reports not present yet are inserted.
{{ config(**per_report_incremental_config()) }}

with

headline_metrics as (
    select * from {{ ref('int_report_headline_metrics') }}
    {{ where_report_not_in_this() }}
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

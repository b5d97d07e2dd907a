-- Incremental per report, like fct_report_metrics: rows of reports no longer loaded or re-ingested
-- are deleted (pre-hook), rows of loaded reports not present yet are inserted.
{{ config(**per_report_incremental_config()) }}

with

headline_metrics as (
    select * from {{ ref('int_report_headline_metrics') }}
    {{ where_report_not_in_this() }}
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

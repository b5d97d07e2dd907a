-- Incremental per report, like fct_report_metrics: rows of reports no longer loaded or re-ingested
-- are deleted (pre-hook), rows of loaded reports not present yet are inserted.
{{ config(**per_report_incremental_config()) }}

with

headline_metrics as (
    select * from {{ ref('int_report_headline_metrics') }}
    {{ where_report_not_in_this() }}
),

proactive_categories as (
    select * from {{ ref('stg_ingest__proactive_categories') }}
),

category_totals_per_report as (
    select
        report_id,
        count(*) as category_count,
        cast(sum(count) as bigint) as category_count_sum
    from proactive_categories
    group by report_id
),

proactive_disclosures as (
    select
        headline_metrics.report_id,
        headline_metrics.agency_id,
        headline_metrics.report_year,
        headline_metrics.proactive_items_new as items_new,
        headline_metrics.proactive_items_new_qualifier as items_new_qualifier,
        headline_metrics.proactive_items_cumulative as items_cumulative,
        headline_metrics.proactive_items_cumulative_qualifier as items_cumulative_qualifier,
        headline_metrics.proactive_interpretations as interpretations,
        headline_metrics.proactive_interpretations_qualifier as interpretations_qualifier,
        coalesce(category_totals_per_report.category_count, 0) as category_count,
        category_totals_per_report.category_count_sum,
        headline_metrics.ingested_at
    from headline_metrics
    left join category_totals_per_report
        on headline_metrics.report_id = category_totals_per_report.report_id
)

select * from proactive_disclosures

-- Incremental per report, like fct_report_metrics: rows of reports no longer loaded or re-ingested
-- are deleted (pre-hook), rows of loaded reports not present yet are inserted.
{{ config(**per_report_incremental_config()) }}

with

proactive_categories as (
    select * from {{ ref('stg_ingest__proactive_categories') }}
),

headline_metrics as (
    select * from {{ ref('int_report_headline_metrics') }}
    {{ where_report_not_in_this() }}
),

categories_with_report_total as (
    select
        proactive_categories.report_id || ':' || proactive_categories.ordinal as category_id,
        proactive_categories.report_id,
        headline_metrics.agency_id,
        headline_metrics.report_year,
        proactive_categories.ordinal,
        proactive_categories.label,
        proactive_categories.count,
        proactive_categories.percent,
        headline_metrics.proactive_items_new as items_new,
        100.0 * proactive_categories.count / nullif(headline_metrics.proactive_items_new, 0) as computed_percent,
        proactive_categories.evidence,
        proactive_categories.start_offset,
        proactive_categories.end_offset,
        headline_metrics.ingested_at
    from proactive_categories
    inner join headline_metrics
        on proactive_categories.report_id = headline_metrics.report_id
)

select * from categories_with_report_total

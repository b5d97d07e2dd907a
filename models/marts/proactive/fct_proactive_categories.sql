with

proactive_categories as (
    select * from {{ ref('stg_ingest__proactive_categories') }}
),

headline_metrics as (
    select * from {{ ref('int_report_headline_metrics') }}
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
        proactive_categories.end_offset
    from proactive_categories
    inner join headline_metrics
        on proactive_categories.report_id = headline_metrics.report_id
)

select * from categories_with_report_total

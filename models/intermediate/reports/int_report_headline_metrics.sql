-- One row per loaded report: the ten headline metric keys of metric_keys.md pivoted from the long
-- metrics, each with its qualifier. A key the report does not state stays NULL (never 0).
-- Other keys (t2.*, t3.*, t4.*) stay long in fct_report_metrics.
-- Types a BI tool shows right: the nine counts are BIGINT, the fee is DECIMAL(18, 2) yuan. A count
-- becomes BIGINT only when it is a whole number (up to the float noise of 万 conversions: 0.07万件
-- is parsed as 700.0000000000001); a count that is not whole is never rounded or truncated here: it
-- stays NULL with its qualifier (the long fct_report_metrics keeps the value as printed, and the warn
-- test assert_counts_are_whole_numbers reports it). The fee is rounded to the fen.
-- A table, not a view: five marts and rpt_agency_years read it, and the pivot scans every metric
-- row. Incremental per report like fct_report_metrics (pre-hook deletes the rows of reports no
-- longer loaded or re-ingested; reports not present yet are inserted).
{{ config(**per_report_incremental_config()) }}

with

reports as (
    select * from {{ ref('int_reports') }}
    {{ where_report_not_in_this() }}
),

report_metrics as (
    select * from {{ ref('stg_ingest__report_metrics') }}
),

headline_metrics_of_reports as (
    select
        report_metrics.report_id,
        report_metrics.metric_key,
        report_metrics.value,
        report_metrics.qualifier,
        report_metrics.metric_key = 'fees.collected_yuan' as is_amount
    from report_metrics
    inner join reports
        on report_metrics.report_id = reports.report_id
    where report_metrics.metric_key in (
        'proactive.items_new',
        'proactive.items_cumulative',
        'proactive.interpretations',
        'applications.received',
        'applications.carried_over',
        'applications.processed',
        'fees.collected_yuan',
        'reconsideration.total',
        'litigation.total',
        'complaints.total'
    )
),

headline_values_typed as (
    -- counts to BIGINT when whole, the fee to DECIMAL(18, 2); the rows whose value cannot be typed
    -- so (a count that is not whole, an amount out of range) are left out: NULL, and so is their qualifier
    select
        report_id,
        metric_key,
        case
            when
                not is_amount
                and abs(value - round(value)) <= 1e-9 * greatest(1, abs(value))
                then try_cast(round(value) as bigint)
        end as whole_count,
        case when is_amount then try_cast(round(value, 2) as decimal(18, 2)) end as amount_yuan,
        qualifier
    from headline_metrics_of_reports
),

headline_values_kept as (
    select * from headline_values_typed
    where whole_count is not null or amount_yuan is not null
),

headline_values_per_report as (
    select
        report_id,
        max(whole_count) filter (where metric_key = 'proactive.items_new') as proactive_items_new,
        max(qualifier) filter (where metric_key = 'proactive.items_new') as proactive_items_new_qualifier,
        max(whole_count) filter (where metric_key = 'proactive.items_cumulative') as proactive_items_cumulative,
        max(qualifier) filter (where metric_key = 'proactive.items_cumulative') as proactive_items_cumulative_qualifier,
        max(whole_count) filter (where metric_key = 'proactive.interpretations') as proactive_interpretations,
        max(qualifier) filter (where metric_key = 'proactive.interpretations') as proactive_interpretations_qualifier,
        max(whole_count) filter (where metric_key = 'applications.received') as applications_received,
        max(qualifier) filter (where metric_key = 'applications.received') as applications_received_qualifier,
        max(whole_count) filter (where metric_key = 'applications.carried_over') as applications_carried_over,
        max(qualifier) filter (where metric_key = 'applications.carried_over') as applications_carried_over_qualifier,
        max(whole_count) filter (where metric_key = 'applications.processed') as applications_processed,
        max(qualifier) filter (where metric_key = 'applications.processed') as applications_processed_qualifier,
        max(amount_yuan) filter (where metric_key = 'fees.collected_yuan') as fees_collected_yuan,
        max(qualifier) filter (where metric_key = 'fees.collected_yuan') as fees_collected_yuan_qualifier,
        max(whole_count) filter (where metric_key = 'reconsideration.total') as reconsideration_total,
        max(qualifier) filter (where metric_key = 'reconsideration.total') as reconsideration_total_qualifier,
        max(whole_count) filter (where metric_key = 'litigation.total') as litigation_total,
        max(qualifier) filter (where metric_key = 'litigation.total') as litigation_total_qualifier,
        max(whole_count) filter (where metric_key = 'complaints.total') as complaints_total,
        max(qualifier) filter (where metric_key = 'complaints.total') as complaints_total_qualifier
    from headline_values_kept
    group by report_id
),

reports_with_headlines as (
    select
        reports.report_id,
        reports.agency_id,
        reports.report_year,
        reports.template,
        headline_values_per_report.proactive_items_new,
        headline_values_per_report.proactive_items_new_qualifier,
        headline_values_per_report.proactive_items_cumulative,
        headline_values_per_report.proactive_items_cumulative_qualifier,
        headline_values_per_report.proactive_interpretations,
        headline_values_per_report.proactive_interpretations_qualifier,
        headline_values_per_report.applications_received,
        headline_values_per_report.applications_received_qualifier,
        headline_values_per_report.applications_carried_over,
        headline_values_per_report.applications_carried_over_qualifier,
        headline_values_per_report.applications_processed,
        headline_values_per_report.applications_processed_qualifier,
        headline_values_per_report.fees_collected_yuan,
        headline_values_per_report.fees_collected_yuan_qualifier,
        headline_values_per_report.reconsideration_total,
        headline_values_per_report.reconsideration_total_qualifier,
        headline_values_per_report.litigation_total,
        headline_values_per_report.litigation_total_qualifier,
        headline_values_per_report.complaints_total,
        headline_values_per_report.complaints_total_qualifier,
        reports.ingested_at
    from reports
    left join headline_values_per_report
        on reports.report_id = headline_values_per_report.report_id
)

select * from reports_with_headlines

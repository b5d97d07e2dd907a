with

report_metrics as (
    select * from {{ ref('stg_ingest__report_metrics') }}
),

reports as (
    select * from {{ ref('int_reports') }}
),

metrics_of_loaded_reports as (
    select
        report_metrics.report_id || ':' || report_metrics.metric_key as metric_id,
        report_metrics.report_id,
        reports.agency_id,
        reports.report_year,
        report_metrics.metric_key,
        report_metrics.metric_family,
        report_metrics.value,
        report_metrics.qualifier,
        report_metrics.unit,
        report_metrics.evidence,
        report_metrics.start_offset,
        report_metrics.end_offset,
        report_metrics.section,
        report_metrics.rule,
        report_metrics.source,
        report_metrics.table_ref
    from report_metrics
    inner join reports
        on report_metrics.report_id = reports.report_id
)

select * from metrics_of_loaded_reports

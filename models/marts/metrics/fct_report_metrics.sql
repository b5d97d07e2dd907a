-- Incremental (one row per report per metric key). A report's rows depend only on that report, so
-- a refresh deletes the rows of every report that is no longer loaded (retired, replaced by changed
-- content) or was re-ingested (a new parser version; ingested_at changed) and inserts the rows of
-- the reports not present yet: delete + reinsert per report_id (macro delete_rows_of_changed_reports;
-- the insert replaces whole reports, keyed on report_id, so no metric_id can occur twice).
-- `dbt build --full-refresh` rebuilds it from scratch.
{{ config(**per_report_incremental_config()) }}

with

report_metrics as (
    select * from {{ ref('stg_ingest__report_metrics') }}
),

reports as (
    select * from {{ ref('int_reports') }}
    {{ where_report_not_in_this() }}
),

metric_keys as (
    select * from {{ ref('metric_keys') }}
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
        -- the unit of value: as printed (万 already multiplied out), else the key's unit
        coalesce(report_metrics.unit, metric_keys.unit) as unit,
        report_metrics.evidence,
        report_metrics.start_offset,
        report_metrics.end_offset,
        report_metrics.section,
        report_metrics.rule,
        report_metrics.source,
        report_metrics.table_ref,
        report_metrics.page,
        reports.ingested_at
    from report_metrics
    inner join reports
        on report_metrics.report_id = reports.report_id
    left join metric_keys
        on report_metrics.metric_key = metric_keys.key
)

select * from metrics_of_loaded_reports

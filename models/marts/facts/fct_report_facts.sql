-- Incremental per report, like fct_report_metrics: rows of reports no longer loaded or re-ingested
-- are deleted (pre-hook), rows of loaded reports not present yet are inserted.
{{ config(**per_report_incremental_config()) }}

with

report_facts as (
    select * from {{ ref('stg_ingest__report_facts') }}
),

reports as (
    select * from {{ ref('int_reports') }}
    {{ where_report_not_in_this() }}
),

facts_with_report as (
    select
        report_facts.report_id || ':' || report_facts.ordinal as fact_id,
        report_facts.report_id,
        reports.agency_id,
        reports.report_year,
        report_facts.ordinal,
        report_facts.label,
        report_facts.channel,
        report_facts.fact_kind,
        report_facts.value,
        report_facts.qualifier,
        report_facts.unit,
        report_facts.evidence,
        report_facts.start_offset,
        report_facts.end_offset,
        report_facts.section_kind,
        report_facts.extraction_rule,
        reports.ingested_at
    from report_facts
    inner join reports
        on report_facts.report_id = reports.report_id
)

select * from facts_with_report

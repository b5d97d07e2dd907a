-- One row per report whose file was loaded, with the deterministic agency key.
with

reports as (
    select * from {{ ref('stg_ingest__reports') }}
),

loaded_report_ids as (
    select distinct report_id
    from {{ ref('stg_ingest__report_files') }}
    where
        file_status = 'loaded'
        and report_id is not null
),

loaded_reports_with_agency_key as (
    select
        reports.report_id,
        reports.sha256,
        reports.source_path,
        case
            when reports.agency_name is not null
                then md5(reports.agency_name || '|' || coalesce(reports.region_code, ''))
        end as agency_id,
        reports.agency_name,
        reports.agency_type,
        reports.admin_level,
        reports.province,
        reports.city,
        reports.county,
        reports.region_code,
        reports.report_year,
        reports.template,
        reports.title,
        reports.period_start,
        reports.period_end,
        reports.char_count,
        reports.parser_version,
        reports.ingested_at
    from reports
    inner join loaded_report_ids
        on reports.report_id = loaded_report_ids.report_id
)

select * from loaded_reports_with_agency_key

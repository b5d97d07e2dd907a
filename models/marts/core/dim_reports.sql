-- is_current / superseded_by: the revision rule of int_report_versions (the report ingested last
-- is current for its agency-year). rpt_agency_years shows exactly the current reports.
with

report_versions as (
    select * from {{ ref('int_report_versions') }}
),

final as (
    select
        report_id,
        sha256,
        source_path,
        agency_id,
        agency_name,
        report_year,
        template,
        title,
        period_start,
        period_end,
        char_count,
        parser_version,
        ingested_at,
        is_current,
        superseded_by
    from report_versions
)

select * from final

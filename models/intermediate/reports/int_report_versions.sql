-- The revision rule, written once: when an agency has several loaded reports for one year (a
-- corrected re-publication, or the same report in two formats), the one ingested last is current
-- (ties: smallest report_id) and the others name it in superseded_by. Reports without an agency
-- or a year have nothing to compete with and are current. dim_reports and rpt_agency_years read it.
with

reports as (
    select * from {{ ref('int_reports') }}
),

reports_ranked_within_agency_year as (
    select
        *,
        agency_id is null or report_year is null as has_no_agency_year,
        row_number() over (
            partition by agency_id, report_year
            order by ingested_at desc, report_id asc
        ) as pick_rank,
        first_value(report_id) over (
            partition by agency_id, report_year
            order by ingested_at desc, report_id asc
        ) as current_report_id,
        case
            when agency_id is null or report_year is null then 1
            else count(*) over (partition by agency_id, report_year)
        end as reports_in_agency_year
    from reports
),

final as (
    select
        report_id,
        sha256,
        source_path,
        agency_id,
        agency_name,
        agency_type,
        admin_level,
        province,
        city,
        county,
        region_code,
        report_year,
        template,
        title,
        period_start,
        period_end,
        char_count,
        parser_version,
        ingested_at,
        reports_in_agency_year,
        has_no_agency_year or pick_rank = 1 as is_current,
        case when not (has_no_agency_year or pick_rank = 1) then current_report_id end as superseded_by
    from reports_ranked_within_agency_year
)

select * from final

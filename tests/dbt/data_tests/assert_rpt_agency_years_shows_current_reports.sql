-- The report shown for each agency-year is the one dim_reports flags is_current, and every current
-- report with an agency and a year has its agency-year row (the revision rule lives in one place).
select rpt_agency_years.report_id, 'shown but not current' as problem
from {{ ref('rpt_agency_years') }} as rpt_agency_years
inner join {{ ref('dim_reports') }} as dim_reports
    on rpt_agency_years.report_id = dim_reports.report_id
where not dim_reports.is_current

union all

select dim_reports.report_id, 'current but not shown' as problem
from {{ ref('dim_reports') }} as dim_reports
left join {{ ref('rpt_agency_years') }} as rpt_agency_years
    on dim_reports.report_id = rpt_agency_years.report_id
where
    dim_reports.is_current
    and dim_reports.agency_id is not null
    and dim_reports.report_year is not null
    and rpt_agency_years.report_id is null

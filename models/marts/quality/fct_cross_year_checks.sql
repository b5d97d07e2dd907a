with

agency_years as (
    -- the current report of each agency-year (the revision rule rpt_agency_years also shows)
    select * from {{ ref('int_report_versions') }}
    where
        is_current
        and agency_id is not null
        and report_year is not null
),

template_cells as (
    -- only the cells the rules below compare (a few of the ~120 cells per report)
    select * from {{ ref('int_template_cells') }}
    where
        metric_key like 't3.carried_over.%'
        or metric_key like 't3.carried_forward.%'
        or metric_key like 't2.regulations.%'
        or metric_key like 't2.normative_docs.%'
),

current_cells as (
    -- one report per agency-year: the current one
    select
        agency_years.agency_id,
        agency_years.report_year,
        template_cells.report_id,
        template_cells.template,
        template_cells.metric_key,
        template_cells.row_key,
        template_cells.column_key,
        -- "value" as in int_template_cells (a keyword, hence the noqa)
        template_cells.whole_value as value  -- noqa: RF04
    from agency_years
    inner join template_cells
        on agency_years.report_id = template_cells.report_id
),

x1_carried_over as (
    -- X1: 二 上年结转 (year Y) = 四 结转下年度 (year Y-1), per applicant column
    select
        current_year.agency_id,
        current_year.report_year,
        'X1' as check_rule,
        current_year.column_key as item,
        previous_year.value as expected,
        current_year.value as actual,
        current_year.report_id,
        previous_year.report_id as previous_report_id
    from current_cells as current_year
    inner join current_cells as previous_year
        on
            current_year.agency_id = previous_year.agency_id
            and current_year.report_year = previous_year.report_year + 1
            and current_year.column_key = previous_year.column_key
    where
        current_year.metric_key like 't3.carried_over.%'
        and previous_year.metric_key like 't3.carried_forward.%'
),

in_force as (
    select
        agency_id,
        report_year,
        report_id,
        template,
        split_part(metric_key, '.', 2) as document_kind,
        max(case when column_key = 'in_force' then value end) as in_force,
        max(case when column_key = 'made' then value end) as made,
        max(case when column_key = 'repealed' then value end) as repealed
    from current_cells
    where metric_key like 't2.regulations.%' or metric_key like 't2.normative_docs.%'
    group by agency_id, report_year, report_id, template, split_part(metric_key, '.', 2)
),

x2_in_force as (
    -- X2 (2021 template): 现行有效 (Y) = 现行有效 (Y-1) + 制发 (Y) - 废止 (Y)
    select
        current_year.agency_id,
        current_year.report_year,
        'X2' as check_rule,
        current_year.document_kind as item,
        previous_year.in_force + current_year.made - current_year.repealed as expected,
        current_year.in_force as actual,
        current_year.report_id,
        previous_year.report_id as previous_report_id
    from in_force as current_year
    inner join in_force as previous_year
        on
            current_year.agency_id = previous_year.agency_id
            and current_year.document_kind = previous_year.document_kind
            and current_year.report_year = previous_year.report_year + 1
    where current_year.template = 'standard_2021' and previous_year.template = 'standard_2021'
),

all_checks as (
    select * from x1_carried_over
    union all
    select * from x2_in_force
)

-- "rule" matches the column name of fct_report_checks, hence the noqa below.
select
    agency_id || ':' || report_year || ':' || check_rule || ':' || item as cross_check_id,
    agency_id,
    report_year,
    check_rule as rule,  -- noqa: RF04
    item,
    expected,
    actual,
    case
        when expected is null or actual is null then 'not_assessable'
        when abs(expected - actual) < 1e-6 then 'pass'
        else 'fail'
    end as status,
    report_id,
    previous_report_id
from all_checks

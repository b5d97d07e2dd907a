{{ config(severity='warn') }}
{#
    A finding, not a build failure: a figure counted in 件, 条 or 项 (the unit of its key in
    seeds.metric_keys) that the parser read as a number that is not whole (3.5件). The long marts keep
    it as printed; the integer columns of the wide marts show NULL for it rather than a rounded or
    truncated count (assert_typed_counts_equal_their_source_values). 3.5万条 is 35000 and whole.
    An incremental build checks the reports in dbt_state.reports_in_test_scope only.
#}
with

metric_keys as (
    select * from {{ ref('metric_keys') }}
    where unit in ('件', '条', '项')
),

figures as (
    select report_id, metric_key, value, evidence from {{ ref('fct_report_metrics') }}
    union all
    select report_id, metric_key, value, raw_text as evidence from {{ ref('fct_template_cells') }}
)

select figures.report_id, figures.metric_key, figures.value, figures.evidence
from figures
inner join metric_keys
    on figures.metric_key = metric_keys.key
where
    abs(figures.value - round(figures.value)) > 1e-9 * greatest(1, abs(figures.value))
    {%- if not flags.FULL_REFRESH %}
    and figures.report_id in (select scope.report_id from dbt_state.reports_in_test_scope as scope)
    {%- endif %}

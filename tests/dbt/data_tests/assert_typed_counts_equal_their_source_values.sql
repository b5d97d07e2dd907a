{#
    Every count a mart shows as an integer (BIGINT) and every amount it shows as DECIMAL(18, 2) equals
    the value the parser landed, so a cast never silently rounds or truncates a figure:
    - a count equals its source value (up to the float noise of 万 conversions, 0.07万 = 700.0000000000001),
      or is NULL because the source is not a whole number (or not stated: NULL is never 0);
    - an amount in yuan is within half a fen of its source, or NULL when the source is not stated.
    Sources: stg_ingest__report_metrics (headline keys) and stg_ingest__table_cells (tables 3 and 4).
    An incremental build checks the rows of the reports in dbt_state.reports_in_test_scope only, as the
    generic tests do (macros/test_scope.sql), rpt_agency_years included: a row of it shows its report's
    headline figures, which change only when that report is re-loaded (and so back in scope); a full
    build checks every row.
    The source rows are read once, narrowed to what the comparisons can match (the headline keys, tables
    3 and 4, the reports in scope), not once per mart column: the left joins find the same rows.
#}
{%- set headline_counts = [
    ('fct_proactive_disclosures', 'items_new', 'proactive.items_new'),
    ('fct_proactive_disclosures', 'items_cumulative', 'proactive.items_cumulative'),
    ('fct_proactive_disclosures', 'interpretations', 'proactive.interpretations'),
    ('fct_proactive_categories', 'items_new', 'proactive.items_new'),
    ('fct_applications', 'received', 'applications.received'),
    ('fct_applications', 'carried_over', 'applications.carried_over'),
    ('fct_applications', 'processed', 'applications.processed'),
    ('fct_litigation', 'reconsideration_total', 'reconsideration.total'),
    ('fct_litigation', 'litigation_total', 'litigation.total'),
    ('fct_litigation', 'complaints_total', 'complaints.total'),
    ('rpt_agency_years', 'items_new', 'proactive.items_new'),
    ('rpt_agency_years', 'items_cumulative', 'proactive.items_cumulative'),
    ('rpt_agency_years', 'interpretations', 'proactive.interpretations'),
    ('rpt_agency_years', 'applications_received', 'applications.received'),
    ('rpt_agency_years', 'applications_carried_over', 'applications.carried_over'),
    ('rpt_agency_years', 'applications_processed', 'applications.processed'),
    ('rpt_agency_years', 'reconsideration_total', 'reconsideration.total'),
    ('rpt_agency_years', 'litigation_total', 'litigation.total'),
    ('rpt_agency_years', 'complaints_total', 'complaints.total'),
] -%}
{%- set headline_amounts = [
    ('fct_fees', 'collected_yuan', 'fees.collected_yuan'),
    ('rpt_agency_years', 'fees_collected_yuan', 'fees.collected_yuan'),
] -%}
{%- set cell_counts = [
    ('fct_application_outcomes', 't3', 'row_key', 'applicant_type'),
    ('fct_review_litigation', 't4', 'block', 'result'),
] -%}
{%- set in_scope -%}
    {%- if not flags.FULL_REFRESH %}
        and mart.report_id in (select scope.report_id from dbt_state.reports_in_test_scope as scope)
    {%- endif -%}
{%- endset -%}
{%- set source_in_scope = in_scope | replace('mart.report_id', 'report_id') -%}
{%- set headline_keys = (headline_counts + headline_amounts) | map(attribute=2) | unique | list -%}

with

report_metrics as materialized (
    -- the headline keys only (one scan of the long metrics, not one per mart column)
    select report_id, metric_key, value
    from {{ ref('stg_ingest__report_metrics') }}
    where
        metric_key in ('{{ headline_keys | join("', '") }}')
        {{- source_in_scope }}
),

table_cells as (
    select report_id, table_no, row_key, column_key, value
    from {{ ref('stg_ingest__table_cells') }}
    where
        table_no in ('{{ cell_counts | map(attribute=1) | join("', '") }}')
        {{- source_in_scope }}
),

mart_values_with_their_source as (
    {%- for model, column, metric_key in headline_counts + headline_amounts %}
    select
        '{{ model }}.{{ column }}' as mart_column,
        mart.report_id,
        '{{ metric_key }}' as source_key,
        {{ 'true' if (model, column, metric_key) in headline_amounts else 'false' }} as is_amount,
        cast(mart.{{ column }} as double) as mart_value,
        report_metrics.value as source_value
    from {{ ref(model) }} as mart
    left join report_metrics
        on
            mart.report_id = report_metrics.report_id
            and report_metrics.metric_key = '{{ metric_key }}'
    where true {{ in_scope }}
    union all
    {%- endfor %}
    {%- for model, table_no, row_column, column_column in cell_counts %}
    select
        '{{ model }}.value' as mart_column,
        mart.report_id,
        '{{ table_no }}.' || mart.{{ row_column }} || '.' || mart.{{ column_column }} as source_key,
        false as is_amount,
        cast(mart.value as double) as mart_value,
        table_cells.value as source_value
    from {{ ref(model) }} as mart
    left join table_cells
        on
            mart.report_id = table_cells.report_id
            and table_cells.table_no = '{{ table_no }}'
            and mart.{{ row_column }} = table_cells.row_key
            and mart.{{ column_column }} = table_cells.column_key
    where true {{ in_scope }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

values_compared as (
    select
        *,
        abs(source_value - round(source_value)) <= 1e-9 * greatest(1, abs(source_value)) as source_is_whole,
        case
            when is_amount then abs(mart_value - source_value) < 0.005
            else abs(mart_value - source_value) <= 1e-9 * greatest(1, abs(source_value))
        end as mart_equals_source
    from mart_values_with_their_source
)

select *
from values_compared
where
    case
        when mart_value is not null then not coalesce(mart_equals_source, false)
        when source_value is null then false
        -- NULL for a stated source: only a count that is not whole, or an amount beyond DECIMAL(18, 2)
        when is_amount then abs(source_value) < 1e16
        else source_is_whole
    end

{#
    The per-report incremental models (a report's rows depend only on that report) share one
    config and one filter, so the rule lives here once:

    - per_report_incremental_config(): delete+insert keyed on report_id; the pre-hook
      delete_rows_of_changed_reports removes the rows of reports no longer loaded or re-ingested.
      Usage: {{ config(**per_report_incremental_config()) }}
    - where_report_not_in_this(): in an incremental run, keeps only the reports this model does
      not hold yet (new, re-ingested, or deleted by the pre-hook); nothing in a full build.
#}
{% macro per_report_incremental_config() %}
    {{ return({
        'materialized': 'incremental',
        'unique_key': 'report_id',
        'incremental_strategy': 'delete+insert',
        'on_schema_change': 'sync_all_columns',
        'pre_hook': "{{ delete_rows_of_changed_reports(ref('int_reports')) }}",
    }) }}
{% endmacro %}

{% macro where_report_not_in_this() %}
    {%- if is_incremental() %}
        where report_id not in (select distinct held.report_id from {{ this }} as held)
    {%- endif %}
{% endmacro %}

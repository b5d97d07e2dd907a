{#
    Overrides dbt's get_where_subquery, which wraps the model argument of every generic data test
    (it applies the test's `where` config). On top of that, in an incremental build (no
    --full-refresh) a test of a relation whose meta has `test_scope: changed_reports` sees only the
    rows of the reports in dbt_state.reports_in_test_scope (see macros/test_scope.sql for the rule).
    Full builds and every other relation are tested in full, as before.
#}
{% macro get_where_subquery(relation) -%}
    {%- set where = config.get('where') -%}
    {%- set scoped = [] -%}
    {%- if execute and not flags.FULL_REFRESH -%}
        {%- for node in graph.nodes.values() | list + graph.sources.values() | list -%}
            {%- set node_identifier = node.identifier if node.resource_type == 'source' else node.alias -%}
            {%- if node.resource_type in ['model', 'source']
                and node.schema == relation.schema
                and node_identifier == relation.identifier
                and (node.config.meta or {}).get('test_scope') == 'changed_reports' -%}
                {%- do scoped.append(node.unique_id) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    {%- if scoped -%}
        {%- set filtered -%}
            (select * from {{ relation }} where report_id in (select scope.report_id from dbt_state.reports_in_test_scope as scope)
            {%- if where %} and ({{ where }}){% endif %}) dbt_subquery
        {%- endset -%}
        {%- do return(filtered) -%}
    {%- elif where -%}
        {%- set filtered -%}
            (select * from {{ relation }} where {{ where }}) dbt_subquery
        {%- endset -%}
        {%- do return(filtered) -%}
    {%- else -%}
        {%- do return(relation) -%}
    {%- endif -%}
{%- endmacro %}

{#
    Use the custom schema name as-is (no "<target_schema>_" prefix), so BI users see exactly
    staging.*, intermediate.*, marts.* and seeds.*. Nodes without a custom schema fall back to
    the target schema.
#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}

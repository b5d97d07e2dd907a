{#
    Composite primary key: no two rows share the same values in all of combination_of_columns.
    (Our own stand-in for dbt_utils.unique_combination_of_columns; dbt hub is unreachable.)
#}
{% test unique_combination_of_columns(model, combination_of_columns) %}

    {%- set columns_csv = combination_of_columns | join(', ') %}

    select
        {{ columns_csv }},
        count(*) as n_rows
    from {{ model }}
    group by {{ columns_csv }}
    having count(*) > 1

{% endtest %}

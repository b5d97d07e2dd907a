{#
    Composite primary key: no two rows share the same values in all of combination_of_columns.
    (Our own stand-in for dbt_utils.unique_combination_of_columns; dbt hub is unreachable.)
    Only the rows whose key hash occurs twice are grouped (macros/tests/duplicate_key_hashes.sql):
    the same rows as grouping every row, found in a fraction of the time on 12-million-row tables.
#}
{% test unique_combination_of_columns(model, combination_of_columns) %}

    {%- set columns_csv = combination_of_columns | join(', ') %}

    with

    duplicate_hashes as (
        {{ duplicate_key_hashes(model, combination_of_columns) }}
    )

    select
        {{ columns_csv }},
        count(*) as n_rows
    from {{ model }}
    where hash({{ columns_csv }}) in (select duplicate_hashes.key_hash from duplicate_hashes)
    group by {{ columns_csv }}
    having count(*) > 1

{% endtest %}

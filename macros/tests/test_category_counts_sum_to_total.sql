{#
    Category breakdowns: per group (report), the category counts sum to the headline total.
    Applied to the count column; total_column holds the report's total on every row of the group.
    Groups whose total is NULL (not stated) are not assessable and pass.
    Severity warn: a source report breaking its own sums is a finding, not a build failure.
#}
{% test category_counts_sum_to_total(model, column_name, group_by_column, total_column) %}
    {{ config(severity='warn') }}

    select
        {{ group_by_column }},
        max({{ total_column }}) as stated_total,
        sum({{ column_name }}) as category_sum
    from {{ model }}
    group by {{ group_by_column }}
    having
        max({{ total_column }}) is not null
        and sum({{ column_name }}) <> max({{ total_column }})

{% endtest %}

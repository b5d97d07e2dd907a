{#
    R5: counts and amounts are never negative. NULL ("not stated") passes.
    Use `config: where:` to exclude measures that may legitimately be negative (t2.*.change).
#}
{% test non_negative(model, column_name) %}

    select {{ column_name }}
    from {{ model }}
    where {{ column_name }} < 0

{% endtest %}

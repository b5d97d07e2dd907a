{#
    Printed percentage (column_name) vs 100 * count / total. Printed percentages may be truncated
    rather than rounded, so anything within `tolerance` percentage points passes.
    Rows with no printed percentage, or no (or zero) total, are not assessable and pass.
    Severity warn: a source report printing a wrong share is a finding, not a build failure.
#}
{% test printed_percent_matches_share(model, column_name, count_column, total_column, tolerance=1) %}
    {{ config(severity='warn') }}

    select
        {{ column_name }} as printed_percent,
        {{ count_column }} as category_count,
        {{ total_column }} as stated_total,
        100.0 * {{ count_column }} / {{ total_column }} as computed_percent
    from {{ model }}
    where
        {{ column_name }} is not null
        and {{ total_column }} is not null
        and {{ total_column }} <> 0
        and abs({{ column_name }} - 100.0 * {{ count_column }} / {{ total_column }}) >= {{ tolerance }}

{% endtest %}

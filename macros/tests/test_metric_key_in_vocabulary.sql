{#
    Every metric key the warehouse holds is in the vocabulary of metric_keys.md (seed metric_keys).
    Our own invariant, so severity error: an unknown key means the parser and the vocabulary drifted.
#}
{% test metric_key_in_vocabulary(model, column_name, vocabulary, vocabulary_column='key') %}

    with facts as (
        {#- model may be a filtered subquery (a `where` config, an incremental build's test scope) #}
        select * from {{ model }}
    )

    select distinct facts.{{ column_name }} as unknown_metric_key
    from facts
    where
        facts.{{ column_name }} is not null
        and not exists (
            select 1
            from {{ vocabulary }} as vocabulary
            where vocabulary.{{ vocabulary_column }} = facts.{{ column_name }}
        )

{% endtest %}

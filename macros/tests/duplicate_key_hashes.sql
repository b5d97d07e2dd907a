{#
    The uniqueness tests (dbt's `unique`, overridden below for DuckDB, and
    unique_combination_of_columns) in two steps, with the same result as one `group by key having
    count(*) > 1`:

    1. duplicate_key_hashes(): the hashes of the key that occur more than once, found by sorting
       one 64-bit hash per row (sorting 12 million integers takes about 1.5 s on 2 cores; a hash
       aggregate over 12 million distinct string keys takes 4-10 s and spills under the 1.2 GB limit).
    2. The test groups by the key itself, but only the rows whose hash is among those: every
       duplicate key is there (equal keys have equal hashes: DuckDB's own group by relies on it),
       and a hash collision of distinct keys is grouped away again. On clean data step 2 reads
       nothing.
#}
{% macro duplicate_key_hashes(model, key_columns, where='true') %}
    select key_hashes.key_hash
    from (
        select hash({{ key_columns | join(', ') }}) as key_hash
        from {{ model }}
        where {{ where }}
    ) as key_hashes
    qualify key_hashes.key_hash = lag(key_hashes.key_hash) over (order by key_hashes.key_hash)
{% endmacro %}

{#- dbt's built-in `unique` test on DuckDB (dispatch finds the root project's macro first). -#}
{% macro duckdb__test_unique(model, column_name) %}

with

duplicate_hashes as (
    {{ duplicate_key_hashes(model, [column_name], column_name ~ ' is not null') }}
)

select
    {{ column_name }} as unique_field,
    count(*) as n_records

from {{ model }}
where
    {{ column_name }} is not null
    and hash({{ column_name }}) in (select duplicate_hashes.key_hash from duplicate_hashes)
group by {{ column_name }}
having count(*) > 1

{% endmacro %}

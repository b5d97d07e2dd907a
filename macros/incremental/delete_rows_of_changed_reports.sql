{#
    Pre-hook of the per-report incremental models (a report's rows depend only on that report).

    Deletes the rows of every report that is no longer loaded (retired, replaced by changed content,
    now a duplicate) or was re-ingested (ingested_at changed: a new parser version, a promoted
    duplicate). The model then inserts the rows of every loaded report it does not hold, so deleted
    reports come back with their new rows. Runs in the model's transaction, before the insert.

    The (report_id, ingested_at) pairs the model holds are taken first (a scan of two columns), so
    the anti-join runs on one row per report, not on every row of a 12-million-row table.
    A table built before it recorded ingested_at (an older version of the project) gets the column
    and is emptied and refilled, as a full refresh would. The column is added here, before the
    delete: DuckDB cannot commit a transaction that deletes from a table and then alters it, which
    is what on_schema_change would do. (For any other column change of an incremental model, run
    `dbt build --full-refresh`.)
#}
{% macro delete_rows_of_changed_reports(loaded_reports) %}
    {%- if is_incremental() -%}
        {%- set column_names = adapter.get_columns_in_relation(this) | map(attribute='name') | map('lower') | list -%}
        {%- if 'ingested_at' in column_names %}
    delete from {{ this }}
    where report_id in (
        select held.report_id
        from (select distinct report_id, ingested_at from {{ this }}) as held
        where not exists (
            select 1
            from {{ loaded_reports }} as loaded
            where
                loaded.report_id = held.report_id
                and loaded.ingested_at = held.ingested_at
        )
    )
        {%- else %}
    alter table {{ this }} add column ingested_at timestamp;
    delete from {{ this }}
        {%- endif -%}
    {%- endif -%}
{% endmacro %}

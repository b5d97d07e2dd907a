{#
    Which rows the data tests of an incremental build look at.

    A full build (`dbt build --full-refresh`) tests every row of every table. An incremental build
    tests every row of the tables rebuilt in full (dim_*, int_agencies, rpt_agency_years,
    fct_cross_year_checks, the seeds), but on the per-report tables - the incremental models, the
    raw per-report tables and their staging views, all with `meta: {test_scope: changed_reports}` -
    only the rows of the reports in dbt_state.reports_in_test_scope: the loaded reports that were
    not loaded, with the same ingested_at, at the end of the last successful complete `dbt build`.
    Those are exactly the reports whose rows were (re)written since; every other row of those
    tables passed the same tests then and has not changed since (a report's rows depend only on
    that report and are replaced as a whole, keyed on report_id, so no primary key can repeat
    across reports). When the project itself changed since that build (a model, seed or data test
    added, removed or edited), every loaded report is in scope again. Applied by the
    get_where_subquery override (macros/tests/get_where_subquery.sql).

    on-run-start: prepare_test_scope() computes the scope before any node runs.
    on-run-end:   record_tested_reports(results) remembers the loaded reports and the project's
                  fingerprint - only after a `dbt build` that ran every model, seed and data test
                  (no --select/--exclude) with no error, failure or skip. Otherwise the next build
                  tests those reports again.
    The state lives in schema dbt_state (not marts: it is not for BI users).
#}

{% macro loaded_reports_sql() %}
    select reports.report_id, reports.ingested_at
    from {{ source('ingest', 'reports') }} as reports
    where reports.report_id in (
        select files.report_id
        from {{ source('ingest', 'report_files') }} as files
        where files.status = 'loaded'
    )
{% endmacro %}

{#- md5 over every model, seed and data test of the project (definition checksums and test configs). -#}
{% macro project_fingerprint() %}
    {%- set parts = [] -%}
    {%- for node in graph.nodes.values() | sort(attribute='unique_id') -%}
        {%- if node.resource_type in ['model', 'seed', 'test'] -%}
            {%- do parts.append(node.unique_id ~ '=' ~ node.checksum.checksum ~ '|' ~ (node.config.where or '')
                ~ '|' ~ (node.config.severity or '')) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(local_md5(parts | join(','))) }}
{% endmacro %}

{#- Hook SQL would run in the master connection's open transaction, which dbt rolls back afterwards,
    so these hooks run their statements themselves, commit, and render to nothing. -#}
{% macro prepare_test_scope() %}
    {%- if execute -%}
        {%- set raw_reports = load_relation(source('ingest', 'reports')) -%}
        {%- set raw_files = load_relation(source('ingest', 'report_files')) -%}
        {%- call statement('prepare_test_scope', auto_begin=True) -%}
            create schema if not exists dbt_state;
            create table if not exists dbt_state.tested_reports (report_id varchar, ingested_at timestamp);
            create table if not exists dbt_state.tested_project (fingerprint varchar);
            create or replace table dbt_state.reports_in_test_scope as
            {% if raw_reports is not none and raw_files is not none -%}
                select loaded.report_id
                from ({{ loaded_reports_sql() }}) as loaded
                where
                    not exists (
                        select 1
                        from dbt_state.tested_reports as tested
                        where tested.report_id = loaded.report_id and tested.ingested_at = loaded.ingested_at
                    )
                    or not exists (
                        select 1
                        from dbt_state.tested_project
                        where fingerprint = '{{ project_fingerprint() }}'
                    )
            {%- else -%}
                select cast(null as varchar) as report_id where false
            {%- endif -%}
        {%- endcall -%}
        {%- do adapter.commit() -%}
    {%- endif -%}
{% endmacro %}

{% macro record_tested_reports(results) %}
    {%- if execute and flags.WHICH == 'build' -%}
        {%- set ok = ['success', 'pass', 'warn', 'no-op'] -%}
        {%- set finished = results | selectattr('status', 'in', ok) | map(attribute='node')
            | map(attribute='unique_id') | list -%}
        {%- set every_node = graph.nodes.values() | selectattr('resource_type', 'in', ['model', 'seed', 'test'])
            | map(attribute='unique_id') | list -%}
        {%- set missed = every_node | reject('in', finished) | list -%}
        {%- if missed | length == 0 and results | rejectattr('status', 'in', ok) | list | length == 0 -%}
            {%- call statement('record_tested_reports', auto_begin=True) -%}
                create or replace table dbt_state.tested_reports as {{ loaded_reports_sql() }};
                create or replace table dbt_state.tested_project as
                select '{{ project_fingerprint() }}' as fingerprint;
            {%- endcall -%}
            {%- do adapter.commit() -%}
        {%- endif -%}
    {%- endif -%}
{% endmacro %}

-- Every cell of tables 2-4 as printed, with its report's agency, year and template: the one place
-- cells meet their report. fct_template_cells, fct_application_outcomes, fct_review_litigation and
-- fct_cross_year_checks read it (marts never read other marts).
-- whole_value: the cell as BIGINT when it is a whole number (up to float noise), else NULL: the
-- counts of tables 3 and 4 reach the marts as integers, and a cell that is not whole is never
-- rounded or truncated into one (value and raw_text keep it as printed).
with

table_cells as (
    select * from {{ ref('stg_ingest__table_cells') }}
),

reports as (
    select * from {{ ref('int_reports') }}
),

cells_with_report as (
    select
        table_cells.report_id || ':' || table_cells.metric_key as cell_id,
        table_cells.report_id,
        reports.agency_id,
        reports.report_year,
        reports.template,
        table_cells.table_no,
        table_cells.row_key,
        table_cells.column_key,
        table_cells.metric_key,
        table_cells.raw_text,
        table_cells.value,
        case
            when abs(table_cells.value - round(table_cells.value)) <= 1e-9 * greatest(1, abs(table_cells.value))
                then try_cast(round(table_cells.value) as bigint)
        end as whole_value,
        table_cells.note,
        table_cells.unit,
        table_cells.start_offset,
        table_cells.end_offset,
        table_cells.rule,
        reports.ingested_at
    from table_cells
    inner join reports
        on table_cells.report_id = reports.report_id
)

select * from cells_with_report

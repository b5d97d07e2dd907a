with

template_cells as (
    select * from {{ ref('fct_template_cells') }}
),

review_cells as (
    select
        report_id || ':' || row_key || ':' || column_key as review_id,
        report_id,
        agency_id,
        report_year,
        template,
        row_key as block,
        column_key as result,
        value,
        raw_text,
        start_offset,
        end_offset
    from template_cells
    where table_no = 't4'
)

select * from review_cells

with

headline_metrics as (
    select * from {{ ref('int_report_headline_metrics') }}
),

reviews_and_lawsuits as (
    select
        report_id,
        agency_id,
        report_year,
        reconsideration_total,
        reconsideration_total_qualifier,
        litigation_total,
        litigation_total_qualifier,
        complaints_total,
        complaints_total_qualifier
    from headline_metrics
)

select * from reviews_and_lawsuits

with

headline_metrics as (
    select * from {{ ref('int_report_headline_metrics') }}
),

disclosure_fees as (
    select
        report_id,
        agency_id,
        report_year,
        fees_collected_yuan as collected_yuan,
        fees_collected_yuan_qualifier as collected_yuan_qualifier
    from headline_metrics
)

select * from disclosure_fees

with

headline_metrics as (
    select * from {{ ref('int_report_headline_metrics') }}
),

applications as (
    select
        report_id,
        agency_id,
        report_year,
        applications_received as received,
        applications_received_qualifier as received_qualifier,
        applications_carried_over as carried_over,
        applications_carried_over_qualifier as carried_over_qualifier,
        applications_processed as processed,
        applications_processed_qualifier as processed_qualifier
    from headline_metrics
)

select * from applications

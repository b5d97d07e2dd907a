with

raw_report_files as (
    select * from {{ source('ingest', 'report_files') }}
),

renamed as (
    select
        source_path,
        sha256,
        report_id,
        bytes as file_bytes,
        format as file_format,
        encoding,
        status as file_status,
        error as quarantine_reason,
        parser_version,
        ingested_at
    from raw_report_files
)

select * from renamed

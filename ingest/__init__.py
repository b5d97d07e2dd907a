"""govinfo ingest: read government information-disclosure annual reports and land them in DuckDB."""

PARSER_VERSION = "0.2.0"

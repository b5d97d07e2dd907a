"""Stage 6, serve: what analysts get from a built warehouse.

In: a published warehouse (schema ``marts``) and the dbt project's documentation. Out: exports
(Parquet, CSV, XLSX with a data dictionary), a static offline dashboard, dbt's docs site.
"""

__all__: list[str] = []  # a stage package: its modules are the API

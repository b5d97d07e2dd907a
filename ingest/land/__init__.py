"""Stage 4, land: files become rows of the raw layer in DuckDB.

In: paths (files and folders). Out: one ``raw.report_files`` row per file (loaded / quarantined /
duplicate / retired, with a reason) and the reports' rows in ``raw.*``. The admission rule
(:mod:`.admission`), the raw schema declared once (:mod:`.schema`), frames built in worker processes
(:mod:`.rows`) and the only DuckDB writer (:mod:`.writer`).
"""

__all__: list[str] = []  # a stage package: its modules are the API

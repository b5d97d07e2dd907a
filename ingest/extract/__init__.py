"""Stage 3, extract: text becomes a :class:`ingest.records.Report` (pure; no I/O).

In: decoded text. Out: a Report: metadata (title, year, period, template), the agency (name, type,
level, region; :mod:`ingest.extract.report.agency`), headline metrics from prose and from the standard tables
(:mod:`ingest.extract.report.tables`), category breakdowns, labelled facts and consistency checks — every
value with its evidence, offsets and rule. Entry point: :func:`ingest.extract.report.report.extract_report`.
"""

__all__: list[str] = []  # a stage package: its modules are the API

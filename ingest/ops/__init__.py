"""Stage 7, ops: running the pipeline for real.

In: a report folder and a warehouse path. Out: a published warehouse: ingest, ``dbt build`` and
validation on a copy, published atomically under a lock (:mod:`.refresh`); ``govinfo run``'s job
(:mod:`.job`).
"""

__all__: list[str] = []  # a stage package: its modules are the API

"""Developer tools: measuring and exercising the pipeline, never part of a production run.

In: gold corpora, unlabelled corpora, a seed. Out: accuracy scores (:mod:`.evaluate`), coverage without
gold (:mod:`.coverage`), synthetic reports with their truth (:mod:`.sample`), the scale benchmark
(:mod:`.bench`).
"""

__all__: list[str] = []  # a stage package: its modules are the API

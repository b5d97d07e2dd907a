"""Deterministic synthetic government information-disclosure annual reports with their truth.

``generate(n, seed, out)`` writes reports in the layout of ``shared/corpus/seeds`` (texts/ + gold/)
so the evaluation code scores synthetic and real reports alike; ``make_report(i, seed)`` builds one
in memory. See :mod:`ingest.devtools.sample.narrative` for the phrasing families per metric.

In: a count, a seed and optionally a presentation (pipe, labels_apart, glued, t4_pieces, …). Out:
``texts/`` (reports in every template and presentation) and ``gold/`` (their truth, with the cells a
careful reader cannot recover listed as ``undecidable``).
"""

from ingest.devtools.sample.generate import SampleReport, ensure_sample, generate, make_report

__all__ = ["SampleReport", "ensure_sample", "generate", "make_report"]

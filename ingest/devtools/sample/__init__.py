"""Deterministic synthetic government information-disclosure annual reports with their truth.

``generate(n, seed, out)`` writes reports in the layout of ``shared/corpus/seeds`` (texts/ + gold/)
so the evaluation code scores synthetic and real reports alike; ``make_report(i, seed)`` builds one
in memory. See :mod:`ingest.devtools.sample.narrative` for the phrasing families per metric.
"""

from ingest.devtools.sample.generate import SampleReport, ensure_sample, generate, make_report

__all__ = ["SampleReport", "ensure_sample", "generate", "make_report"]

"""The five founding documents reproduce their gold labels exactly, and nothing more."""

from __future__ import annotations

import pytest

from ingest.extract.report import extract_report
from tests.conftest import corpus_case

SEEDS = [
    "000_fcbd5fe76b18fee4",
    "001_fc3ba926d9542043",
    "002_c4c302884bd04f07",
    "003_7d896b86eb139f0b",
    "004_41da7047456a66e7",
]


@pytest.mark.parametrize("case_id", [pytest.param(case, id=case) for case in SEEDS])
def test_seed_metrics_match_gold_exactly(case_id: str) -> None:
    text, gold = corpus_case("seeds", case_id)
    report = extract_report(text)
    got = {key: (m.value, m.qualifier) for key, m in report.metrics.items()}
    expected = {key: (float(m["value"]), m["qualifier"]) for key, m in gold["metrics"].items()}
    assert got == expected
    for key, metric in report.metrics.items():
        # Provenance: the evidence is the original text at the offsets, and overlaps the gold quote.
        assert text[metric.start : metric.end] == metric.evidence
        quote = gold["metrics"][key]["quote"]
        quote_start = text.find(quote)
        assert quote_start >= 0
        assert metric.start < quote_start + len(quote) and quote_start < metric.end, key


@pytest.mark.parametrize("case_id", [pytest.param(case, id=case) for case in SEEDS])
def test_seed_categories_match_gold_exactly(case_id: str) -> None:
    text, gold = corpus_case("seeds", case_id)
    report = extract_report(text)
    assert [(c.label, c.count, c.percent) for c in report.categories] == [tuple(c) for c in gold["categories"]]
    for category in report.categories:
        assert text[category.start : category.end] == category.evidence


@pytest.mark.parametrize(
    ("case_id", "absent"),
    [
        pytest.param(
            "003_7d896b86eb139f0b",
            ("reconsideration.total", "litigation.total", "fees.collected_yuan"),
            id="003 states no litigation figure (its tables came through empty)",
        ),
        pytest.param(
            "004_41da7047456a66e7",
            ("applications.received", "fees.collected_yuan", "litigation.total"),
            id="004 has no applications section",
        ),
    ],
)
def test_unstated_figures_are_null_not_zero(case_id: str, absent: tuple[str, ...]) -> None:
    text, _ = corpus_case("seeds", case_id)
    report = extract_report(text)
    for key in absent:
        assert key not in report.metrics


@pytest.mark.parametrize("case_id", [pytest.param(case, id=case) for case in SEEDS])
def test_seed_report_facts(case_id: str) -> None:
    text, gold = corpus_case("seeds", case_id)
    report = extract_report(text)
    assert report.report_year == gold["report_year"]
    assert report.agency_name == gold["agency_name"]
    assert report.template == gold["template"]
    assert report.agency_type == gold["agency_type"]
    if "period_end" in gold:
        assert report.period_end == gold["period_end"]

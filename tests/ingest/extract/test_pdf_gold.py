"""The two real PDFs: consistency findings as their gold notes require, evidence with pages."""

from __future__ import annotations

import pytest

from ingest.land.pipeline import process_file
from tests.conftest import CORPUS


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param(
            "hongze_gov_2023",
            {
                "R1": "pass",
                "R2": "pass",
                "R3": "pass",
                "R4_reconsideration": "fail",
                "R4_litigation_direct": "pass",
                "R4_litigation_after_reconsideration": "fail",
            },
            id="2023 prints 总计 0 for 行政复议 and 复议后起诉 while their parts are not 0",
        ),
        pytest.param(
            "hongze_gov_2024",
            {
                "R1": "pass",
                "R2": "pass",
                "R3": "pass",
                "R4_reconsideration": "pass",
                "R4_litigation_direct": "pass",
                "R4_litigation_after_reconsideration": "pass",
                "R6_narrative_vs_table": "fail",
            },
            id="2024 passes R1-R4; its prose 17 applications disagrees with table 3's 95 (R6)",
        ),
    ],
)
def test_pdf_consistency_findings(name: str, expected: dict[str, str]) -> None:
    result = process_file(CORPUS / "pdf" / "files" / f"{name}.pdf")
    assert result.status == "loaded" and result.report is not None
    statuses = {check.rule: check.status for check in result.report.checks}
    assert {rule: statuses.get(rule) for rule in expected} == expected
    assert all(metric.page is not None for metric in result.report.metrics.values())

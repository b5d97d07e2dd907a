"""The benchmark's targets: which figures meet them, and how a smaller run is scaled."""

from __future__ import annotations

import pytest

from ingest.devtools.bench import targets


@pytest.mark.parametrize(
    ("text_only", "reports", "rate", "wall", "rss", "incremental", "met"),
    [
        pytest.param(True, 100_000, 1_000.0, 300.0, 2048.0, 0.10, [True, True, True, True], id="text at every limit"),
        pytest.param(True, 100_000, 350.0, 397.0, 1751.0, 0.122, [False, False, True, False], id="text run 12-04"),
        pytest.param(False, 100_000, 59.0, 1801.0, 2049.0, 0.05, [False, False, False, True], id="mix just past"),
        # 10,000 reports in 170 s is 1,700 s for 100,000: under 30 minutes.
        pytest.param(False, 10_000, 61.0, 170.0, 900.0, 0.02, [True, True, True, True], id="mix scaled from 10,000"),
        # 10,000 reports in 181 s is 1,810 s: over.
        pytest.param(False, 10_000, 61.0, 181.0, 900.0, 0.02, [True, False, True, True], id="mix scaled over"),
    ],
)
def test_targets(
    text_only: bool, reports: int, rate: float, wall: float, rss: float, incremental: float, met: list[bool]
) -> None:
    assert [target.met for target in targets(text_only, reports, rate, wall, rss, incremental)] == met


def test_a_scaled_run_says_so() -> None:
    checks = targets(False, 10_000, 61.0, 170.0, 900.0, 0.02)
    assert checks[1].measured == "28.3 min (scaled from 10,000)"
    assert "60 reports/s" in checks[0].name and "30 min" in checks[1].name
    assert targets(True, 100_000, 1.0, 397.0, 1.0, 0.0)[1].measured == "6.6 min"

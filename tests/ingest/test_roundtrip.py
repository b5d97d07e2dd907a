"""Generate → extract → equals truth, for every template and table presentation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.decode import decode_bytes
from ingest.pipeline import process_file
from ingest.sample import generate

N_REPORTS = 150


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, dict[str, object]]]:
    out = tmp_path_factory.mktemp("roundtrip")
    generate(N_REPORTS, 20261123, out)
    cases = []
    for truth_path in sorted((out / "gold").glob("*.json")):
        text_path = next((out / "texts").glob(f"{truth_path.stem}.*"))
        cases.append((text_path, json.loads(truth_path.read_text(encoding="utf-8"))))
    return cases


def test_the_sample_covers_every_template_and_presentation(generated: list[tuple[Path, dict[str, object]]]) -> None:
    kinds = {(truth["template"], truth.get("presentation")) for _, truth in generated}
    for template in ("standard_2019", "standard_2021"):
        for presentation in ("pipe", "cell_per_line", "markdown"):
            assert (template, presentation) in kinds
    assert ("narrative", "prose") in kinds


def test_the_sample_plants_source_errors(generated: list[tuple[Path, dict[str, object]]]) -> None:
    assert any(truth.get("findings") for _, truth in generated)


def test_every_report_round_trips(generated: list[tuple[Path, dict[str, object]]]) -> None:
    mismatches: list[str] = []
    for path, truth in generated:
        result = process_file(path).as_json()
        text, _ = decode_bytes(path.read_bytes())  # offsets index the decoded text, CRLF included
        got = {key: (m["value"], m["qualifier"]) for key, m in result["metrics"].items()}
        truth_metrics: dict[str, dict[str, object]] = truth["metrics"]  # type: ignore[assignment]
        expected = {key: (m["value"], m["qualifier"]) for key, m in truth_metrics.items()}
        if got != expected:
            diff = sorted(set(got.items()) ^ set(expected.items()))[:4]
            mismatches.append(f"{path.name} metrics {diff}")
        categories = [(c["label"], c["count"], c["percent"]) for c in result["categories"]]
        if categories != [tuple(c) for c in truth["categories"]]:  # type: ignore[attr-defined]
            mismatches.append(f"{path.name} categories {categories}")
        # Deliberate source errors must be flagged, and nothing else may be.
        failed = {c["rule"] for c in result["checks"] if c["status"] == "fail"}
        planted = {rule for rule, status in truth.get("findings", {}).items() if status == "fail"}  # type: ignore[attr-defined]
        if failed != planted:
            mismatches.append(f"{path.name} findings {sorted(failed)} != planted {sorted(planted)}")
        for field in ("report_year", "agency_name", "template"):
            if result[field] != truth[field]:
                mismatches.append(f"{path.name} {field} {result[field]!r} != {truth[field]!r}")
        for metric in result["metrics"].values():
            if text[metric["start"] : metric["end"]] != metric["evidence"] and "+" not in metric["evidence"]:
                mismatches.append(f"{path.name} evidence offsets of {metric}")
    assert mismatches == []

"""Generate → extract → equals truth, for every template and table presentation.

The default sample mixes every presentation at its share; each one is also generated on its own
(``presentation=...``) and must round-trip: every cell the truth gives is read exactly, every cell
it lists as undecidable comes out NULL, and the report records a T2 finding for the cells it could
not place.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ingest.devtools.sample import generate
from ingest.devtools.sample.generate import ALL_PRESENTATIONS
from ingest.land.pipeline import process_file
from ingest.read.decode import decode_bytes

N_REPORTS = 150
N_PER_PRESENTATION = 40


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
        if "undecidable" in truth:
            # A layout: every stated cell read, undecidable ones NULL with a T2 finding, planted errors flagged.
            mismatches.extend(_round_trip_mismatches(path, truth))  # type: ignore[arg-type]
        else:
            got = {key: (m["value"], m["qualifier"]) for key, m in result["metrics"].items()}
            truth_metrics: dict[str, dict[str, object]] = truth["metrics"]  # type: ignore[assignment]
            expected = {key: (m["value"], m["qualifier"]) for key, m in truth_metrics.items()}
            if got != expected:
                diff = sorted(set(got.items()) ^ set(expected.items()))[:4]
                mismatches.append(f"{path.name} metrics {diff}")
            # Deliberate source errors must be flagged, and nothing else may be.
            failed = {c["rule"] for c in result["checks"] if c["status"] == "fail"}
            planted = {rule for rule, status in truth.get("findings", {}).items() if status == "fail"}  # type: ignore[attr-defined]
            if failed != planted:
                mismatches.append(f"{path.name} findings {sorted(failed)} != planted {sorted(planted)}")
        categories = [(c["label"], c["count"], c["percent"]) for c in result["categories"]]
        if categories != [tuple(c) for c in truth["categories"]]:  # type: ignore[attr-defined]
            mismatches.append(f"{path.name} categories {categories}")
        for field in ("report_year", "agency_name", "template"):
            if result[field] != truth[field]:
                mismatches.append(f"{path.name} {field} {result[field]!r} != {truth[field]!r}")
        for metric in result["metrics"].values():
            if text[metric["start"] : metric["end"]] != metric["evidence"] and "+" not in metric["evidence"]:
                mismatches.append(f"{path.name} evidence offsets of {metric}")
    assert mismatches == []


def _round_trip_mismatches(path: Path, truth: dict[str, Any]) -> list[str]:
    """What the parse of one layout report gets wrong against its truth (empty when nothing)."""
    result = process_file(path).as_json()
    if result.get("status") != "ok":
        return [f"{path.name} status {result.get('status')}: {result.get('reason')}"]
    out: list[str] = []
    got = {key: (m["value"], m["qualifier"]) for key, m in result["metrics"].items()}
    expected = {key: (m["value"], m["qualifier"]) for key, m in truth["metrics"].items()}
    wrong = sorted(key for key in expected if got.get(key) != expected[key])
    if wrong:
        out.append(f"{path.name} wrong or missing {[(k, expected[k], got.get(k)) for k in wrong[:4]]} ({len(wrong)})")
    undecidable = set(truth.get("undecidable", []))
    guessed = sorted(key for key in undecidable if key in got)
    if guessed:
        out.append(f"{path.name} undecidable cells given a value {[(k, got[k]) for k in guessed[:4]]} ({len(guessed)})")
    extra = sorted(set(got) - set(expected) - undecidable)
    if extra:
        out.append(f"{path.name} values the text does not state {[(k, got[k]) for k in extra[:4]]} ({len(extra)})")
    # T2 (T2_layout_decided): pass when every cell read off the layout was decided, else the finding.
    t2 = [c for c in result["checks"] if c["rule"].startswith("T2")]
    if undecidable and not any(c["status"] != "pass" for c in t2):
        out.append(f"{path.name} {len(undecidable)} undecidable cells but no T2 finding ({t2})")
    if not undecidable and any(c["status"] != "pass" for c in t2):
        out.append(f"{path.name} T2 finding on a layout the truth says is decidable ({t2})")
    # Planted source errors must be flagged and nothing else; T2 is about the print, not the source.
    failed = {c["rule"] for c in result["checks"] if c["status"] == "fail" and not c["rule"].startswith("T2")}
    planted = {rule for rule, status in truth.get("findings", {}).items() if status == "fail"}
    if failed != planted:
        out.append(f"{path.name} findings {sorted(failed)} != planted {sorted(planted)}")
    if result["template"] != truth["template"]:
        out.append(f"{path.name} template {result['template']!r} != {truth['template']!r}")
    return out


@pytest.mark.parametrize("presentation", [pytest.param(p, id=p) for p in ALL_PRESENTATIONS])
def test_every_presentation_round_trips(presentation: str, tmp_path: Path) -> None:
    generate(N_PER_PRESENTATION, 20261123, tmp_path, presentation=presentation)
    mismatches: list[str] = []
    undecidable = 0
    for truth_path in sorted((tmp_path / "gold").glob("*.json")):
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        assert truth["presentation"] == presentation
        undecidable += len(truth.get("undecidable", []))
        text_path = next((tmp_path / "texts").glob(f"{truth_path.stem}.*"))
        mismatches.extend(_round_trip_mismatches(text_path, truth))
    if presentation in ("glued", "short_rows"):
        assert undecidable, "the layout should hide some cells in 40 reports"
    shown = mismatches[:25] + ([f"… {len(mismatches) - 25} more"] if len(mismatches) > 25 else [])
    assert not mismatches, f"{len(mismatches)} mismatch(es):\n" + "\n".join(shown)

"""The `govinfo extract --json` contract, through the real console entry point."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPUS

CONTRACT_KEYS = {
    "source_path",
    "sha256",
    "status",
    "error",
    "report_year",
    "agency_name",
    "agency_type",
    "admin_level",
    "province",
    "city",
    "county",
    "region_code",
    "template",
    "metrics",
    "categories",
    "checks",
}
METRIC_KEYS = {"value", "qualifier", "evidence", "start", "end", "rule"}


def _govinfo(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ingest.cli", *args], capture_output=True, text=True, check=False)


def test_extract_json_is_one_object_per_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    seed = CORPUS / "seeds" / "texts" / "000_fcbd5fe76b18fee4.txt"
    result = _govinfo("extract", "--json", str(seed), str(empty))
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 2  # nothing else on stdout
    first, second = (json.loads(line) for line in lines)
    assert set(first) == CONTRACT_KEYS and set(second) == CONTRACT_KEYS
    assert first["source_path"] == str(seed)
    assert first["status"] == "ok" and first["error"] is None
    assert first["metrics"]["proactive.items_new"]["value"] == 454
    assert all(set(m) == METRIC_KEYS for m in first["metrics"].values())
    assert {"label": "概况信息", "count": 3, "percent": 0.6} in first["categories"]
    assert second["status"] == "quarantined"
    assert "empty.txt" in second["error"] and "empty" in second["error"]
    assert second["metrics"] == {}


@pytest.mark.parametrize(
    "command",
    [pytest.param(c, id=c) for c in ("ingest", "build", "validate", "extract", "eval", "sample", "run")],
)
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = _govinfo(command, "--help")
    assert result.returncode == 0
    assert "example:" in result.stdout
    assert "govinfo " + command in result.stdout

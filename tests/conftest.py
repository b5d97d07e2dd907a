"""Shared fixtures: the real corpus beside the repo, and small real texts."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"


def corpus_case(folder: str, case_id: str) -> tuple[str, dict[str, Any]]:
    """Text and gold of one corpus report."""
    text = (CORPUS / folder / "texts" / f"{case_id}.txt").read_text(encoding="utf-8")
    gold = json.loads((CORPUS / folder / "gold" / f"{case_id}.json").read_text(encoding="utf-8"))
    return text, gold


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.fail(f"the shared corpus is expected at {CORPUS}")
    return CORPUS


def dbt_paths(root: Path) -> list[str]:
    """dbt's ``--target-path`` / ``--log-path`` under ``root``: the project's target/ belongs to `make` runs."""
    return ["--target-path", str(root / "target"), "--log-path", str(root / "logs")]


def build_sample_warehouse(root: Path, generated: int, seed: int) -> Path:
    """The 5 seed reports and ``generated`` synthetic ones → ingest → ``dbt build``, under ``root``.

    The real pipeline (no mocks); fails the calling test when a report is not loaded or dbt fails.
    """
    from ingest.devtools.sample import generate
    from ingest.land.batch import ingest_paths
    from ingest.ops.dbt_runner import run_dbt

    generate(generated, seed, root / "sample")
    shutil.copytree(CORPUS / "seeds" / "texts", root / "sample" / "texts" / "seeds")
    warehouse = root / "govinfo.duckdb"
    summary = ingest_paths([root / "sample" / "texts"], warehouse)
    assert summary.status["loaded"] == generated + 5
    assert run_dbt(["build", "--quiet", *dbt_paths(root)], warehouse, quiet=True) == 0
    return warehouse

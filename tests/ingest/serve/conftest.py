"""A small warehouse built by the real pipeline (ingest + ``dbt build``), shared by the serve tests
that only read it (exports, dbt docs). Tests that change marts work on a copy."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ingest.devtools.sample import generate
from ingest.land.batch import ingest_paths
from ingest.ops.dbt_runner import run_dbt
from tests.conftest import CORPUS


@pytest.fixture(scope="session")
def built_marts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``govinfo.duckdb`` with marts from the 5 seed reports and 12 generated ones (read it, never write it)."""
    root = tmp_path_factory.mktemp("serve_marts")
    generate(12, 11, root / "reports")
    shutil.copytree(CORPUS / "seeds" / "texts", root / "reports" / "texts" / "seeds")
    warehouse = root / "govinfo.duckdb"
    summary = ingest_paths([root / "reports" / "texts"], warehouse)
    assert summary.status["loaded"] == 17
    # A target folder of its own: the project's target/ belongs to `make` runs.
    paths = ["--target-path", str(root / "target"), "--log-path", str(root / "logs")]
    assert run_dbt(["build", "--quiet", *paths], warehouse, quiet=True) == 0
    return warehouse

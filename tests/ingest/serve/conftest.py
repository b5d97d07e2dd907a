"""A small warehouse built by the real pipeline (ingest + ``dbt build``), shared by the serve tests
that only read it (exports, dbt docs). Tests that change marts work on a copy."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import build_sample_warehouse


@pytest.fixture(scope="session")
def built_marts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``govinfo.duckdb`` with marts from the 5 seed reports and 12 generated ones (read it, never write it)."""
    return build_sample_warehouse(tmp_path_factory.mktemp("serve_marts"), 12, 11)

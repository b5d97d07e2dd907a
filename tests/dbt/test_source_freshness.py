"""dbt source freshness on raw.ingested_at: a fresh ingest passes, a warehouse untouched for weeks errors."""

from __future__ import annotations

from pathlib import Path

import duckdb

from ingest.land.batch import ingest_paths
from ingest.ops.dbt_runner import run_dbt
from tests.conftest import CORPUS, dbt_paths


def _freshness(warehouse: Path, root: Path) -> int:
    return run_dbt(["source", "freshness", "--quiet", *dbt_paths(root)], warehouse, quiet=True)


def test_fresh_ingest_passes_and_a_stale_one_errors(tmp_path: Path) -> None:
    warehouse = tmp_path / "govinfo.duckdb"
    ingest_paths([CORPUS / "seeds" / "texts"], warehouse, workers=1)
    assert _freshness(warehouse, tmp_path) == 0
    with duckdb.connect(str(warehouse)) as con:
        for table in ("report_files", "reports"):
            con.execute(f"update raw.{table} set ingested_at = ingested_at - interval 40 day")
    assert _freshness(warehouse, tmp_path) == 1

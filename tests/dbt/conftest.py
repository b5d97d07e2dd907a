"""The dbt fixture warehouse (tests/dbt/make_raw_fixture.py) built by the real dbt, in tmp_path.

dbt's target/ and logs/ go under the same temporary folder: the project's target/ belongs to `make`
runs, and other engineers build at the same time.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from ingest.ops.dbt_runner import run_dbt
from tests.conftest import dbt_paths
from tests.dbt.make_raw_fixture import build as make_raw_fixture

EditRaw = Callable[[duckdb.DuckDBPyConnection], None]


def dbt(root: Path, warehouse: Path, *args: str) -> int:
    """``dbt <args>`` on ``warehouse`` with target and logs under ``root``; dbt's exit code."""
    return run_dbt([*args, "--quiet", *dbt_paths(root)], warehouse, quiet=True)


def build_fixture_warehouse(root: Path, edit_raw: EditRaw | None = None) -> Path:
    """Raw fixture (optionally edited) → ``dbt build``; the warehouse path. Fails if the build fails."""
    warehouse = root / "govinfo.duckdb"
    make_raw_fixture(str(warehouse))
    if edit_raw is not None:
        with duckdb.connect(str(warehouse)) as con:
            edit_raw(con)
    assert dbt(root, warehouse, "build") == 0
    return warehouse


def put_every_report_in_test_scope(warehouse: Path) -> None:
    """Forget which reports passed the data tests, so the next test run checks every row again.

    After a complete build an incremental `dbt test` looks only at reports loaded since
    (macros/test_scope.sql); a test that corrupts a mart row needs that row back in scope.
    """
    with duckdb.connect(str(warehouse)) as con:
        con.execute("delete from dbt_state.tested_reports")


@pytest.fixture(scope="session")
def fixture_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture warehouse as dbt builds it; read it only (tests that change it build their own)."""
    return build_fixture_warehouse(tmp_path_factory.mktemp("dbt_fixture"))

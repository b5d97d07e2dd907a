"""The main job on real components: generated reports → ingest → `dbt build` → GX checkpoint.

Then deliberately corrupted marts must fail: a range GX owns fails validation, naming the
expectation and column; a value list dbt owns (moved out of GX) fails `dbt test`.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from ingest import PROJECT_DIR
from ingest.ops.dbt_runner import run_dbt
from ingest.quality.validate import validate
from tests.conftest import build_sample_warehouse, dbt_paths


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("e2e")
    warehouse = build_sample_warehouse(root, 40, 7)
    context = root / "expectations"
    shutil.copytree(PROJECT_DIR / "expectations", context, ignore=shutil.ignore_patterns("uncommitted"))
    return warehouse, context


def test_dbt_catches_a_value_outside_its_vocabulary(built: tuple[Path, Path]) -> None:
    """Accepted values are dbt's job (GX no longer repeats them): a bad template fails `dbt test`."""
    warehouse, _ = built
    root = warehouse.parent
    with duckdb.connect(str(warehouse)) as con:
        [(report_id,)] = con.execute("select min(report_id) from marts.dim_reports").fetchall()
        con.execute("update marts.dim_reports set template = 'standard_2030' where report_id = ?", [report_id])
    select = ["--select", "dim_reports,test_name:accepted_values"]
    try:
        assert run_dbt(["test", "--quiet", *select, *dbt_paths(root)], warehouse, quiet=True) == 1
    finally:
        with duckdb.connect(str(warehouse)) as con:
            con.execute(
                "update marts.dim_reports d set template = r.template from raw.reports r "
                "where d.report_id = r.report_id and d.report_id = ?",
                [report_id],
            )
    assert run_dbt(["test", "--quiet", *select, *dbt_paths(root)], warehouse, quiet=True) == 0


def test_marts_answer_the_headline_questions(built: tuple[Path, Path]) -> None:
    warehouse, _ = built
    with duckdb.connect(str(warehouse), read_only=True) as con:
        reports = con.execute("select count(*) from marts.dim_reports").fetchone()
        seed = con.execute(
            "select items_new, items_new_qualifier from marts.fct_proactive_disclosures p "
            "join marts.dim_reports r on r.report_id = p.report_id where r.agency_name = '孝感市教育局'"
        ).fetchone()
        no_litigation = con.execute(
            "select l.litigation_total from marts.fct_litigation l join marts.dim_reports r "
            "on r.report_id = l.report_id where r.agency_name = '定海区教育局'"
        ).fetchone()
    assert reports == (45,)
    assert seed == (3000.0, "approx")
    assert no_litigation == (None,)  # not stated stays NULL through the marts


def test_checkpoint_passes_then_fails_on_a_corrupted_mart(built: tuple[Path, Path]) -> None:
    warehouse, context = built
    outcome = validate(warehouse, context)
    assert outcome.success, [f.expectation_type for f in outcome.failed]
    assert outcome.data_docs_index.exists()
    with duckdb.connect(str(warehouse)) as con:
        con.execute("update marts.fct_applications set received = -5 where received is not null")
    outcome = validate(warehouse, context)
    assert not outcome.success
    named = {(f.expectation_type, tuple(f.columns)) for f in outcome.failed}
    assert any("between" in kind and "received" in columns for kind, columns in named), named

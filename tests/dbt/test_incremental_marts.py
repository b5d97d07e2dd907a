"""Incremental `dbt build` equals a `--full-refresh` build of the same raw data, row for row.

A small warehouse is built with the real ingest and dbt, then changed the ways a refresh changes it:
new reports, files whose content changed (their reports replaced), files removed (reports retired),
a corrected re-publication (a second report for an agency-year, which becomes the current one and
the one the next year's cross-year checks compare with), a byte-identical copy promoted when its
original is removed (same report_id, new ingested_at). After each round the incremental build is
compared with a full rebuild of the same raw layer: every table of schemas marts and intermediate,
every row and column.

Also checked: in an incremental build the data tests still fail on a bad row of a new report, and a
failed build does not mark its reports as tested (dbt_state.tested_reports, macros/test_scope.sql).
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from ingest.devtools.sample import generate
from ingest.land.batch import ingest_paths
from ingest.ops.dbt_runner import run_dbt

SCHEMAS = ["marts", "intermediate"]


@pytest.fixture(scope="module", autouse=True)
def dbt_target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """dbt's target/ and logs/ in a temporary folder: other runs may be using the project's."""
    root = tmp_path_factory.mktemp("dbt_target")
    patch = pytest.MonkeyPatch()
    patch.setenv("DBT_TARGET_PATH", str(root / "target"))
    patch.setenv("DBT_LOG_PATH", str(root / "logs"))
    yield root
    patch.undo()


def _build(warehouse: Path, *args: str) -> int:
    return run_dbt(["build", "--quiet", *args], warehouse, quiet=True)


def _ingest(folder: Path, warehouse: Path) -> None:
    ingest_paths([folder], warehouse, retire_missing=True)  # as `govinfo refresh` does


def _rows(warehouse: Path, sql: str, params: list[object] | None = None) -> list[tuple[object, ...]]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql, params).fetchall()


def _report_id(warehouse: Path, path: Path) -> object:
    return _rows(warehouse, "select report_id from raw.report_files where source_path = ?", [str(path)])[0][0]


def _loaded(warehouse: Path) -> set[tuple[object, ...]]:
    sql = (
        "select report_id, ingested_at from raw.reports where report_id in "
        "(select report_id from raw.report_files where status = 'loaded')"
    )
    return set(_rows(warehouse, sql))


def _tested(warehouse: Path) -> set[tuple[object, ...]]:
    return set(_rows(warehouse, "select report_id, ingested_at from dbt_state.tested_reports"))


def _compared_with(warehouse: Path, report_id: object) -> list[tuple[object, ...]]:
    """The previous-year reports the cross-year checks of ``report_id`` use."""
    sql = "select distinct previous_report_id from marts.fct_cross_year_checks where report_id = ?"
    return _rows(warehouse, sql, [report_id])


def _columns(con: duckdb.DuckDBPyConnection, catalog: str, schema: str, table: str) -> list[str]:
    sql = (
        "select column_name from information_schema.columns "
        "where table_catalog = ? and table_schema = ? and table_name = ? order by ordinal_position"
    )
    return [row[0] for row in con.execute(sql, [catalog, schema, table]).fetchall()]


def _differences(built: Path, rebuilt: Path) -> dict[str, str]:
    """Tables of SCHEMAS whose rows differ between two warehouses (rows compared as multisets)."""
    problems: dict[str, str] = {}
    with duckdb.connect(str(rebuilt), read_only=True) as con:
        con.execute("set enable_progress_bar = false")
        con.execute(f"attach '{built}' as built (read_only)")
        row = con.execute("select current_database()").fetchone()
        assert row is not None
        catalog = str(row[0])
        tables = con.execute(
            "select table_schema, table_name from information_schema.tables "
            "where table_catalog = ? and table_type = 'BASE TABLE' and table_schema in ? order by all",
            [catalog, SCHEMAS],
        ).fetchall()
        assert len(tables) >= 17, tables
        for schema, table in tables:
            name = f"{schema}.{table}"
            columns = _columns(con, catalog, schema, table)
            built_columns = _columns(con, "built", schema, table)
            if sorted(built_columns) != sorted(columns):
                problems[name] = f"columns differ: {sorted(set(built_columns) ^ set(columns))}"
                continue
            select = ", ".join(f'"{c}"' for c in columns)
            full, incremental = f"select {select} from {name}", f"select {select} from built.{name}"
            only_full = con.execute(f"select count(*) from ({full} except all {incremental})").fetchone()
            only_built = con.execute(f"select count(*) from ({incremental} except all {full})").fetchone()
            if only_full != (0,) or only_built != (0,):
                problems[name] = f"rows only in the full build: {only_full}, only in the incremental one: {only_built}"
    return problems


def _assert_equals_full_refresh(warehouse: Path, scratch: Path) -> None:
    """Rebuild a copy of ``warehouse`` with --full-refresh (same file name: views name the catalog)."""
    rebuilt = scratch / warehouse.name
    scratch.mkdir(parents=True)
    shutil.copy(warehouse, rebuilt)
    assert _build(rebuilt, "--full-refresh") == 0
    assert _differences(warehouse, rebuilt) == {}


def _add_reports(folder: Path, n: int, seed: int, prefix: str, tmp: Path) -> list[Path]:
    """Generate ``n`` reports and copy them into ``folder``; returns the generated texts."""
    generated = generate(n, seed, tmp / f"generated_{prefix}")
    for path in generated:
        shutil.copy(path, folder / f"{prefix}_{path.name}")
    return generated


def _template_2021(generated: list[Path]) -> Path:
    """A generated report on the 2021 template (it has the tables both cross-year rules compare)."""
    for path in generated:
        gold = json.loads((path.parent.parent / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))
        if gold["template"] == "standard_2021" and gold["report_year"] < 2025:
            return path
    raise AssertionError("no standard_2021 report among the generated ones")


def _next_year(text: str) -> str:
    """The same agency's report for the following year (every year printed in it moved on by one)."""
    return re.sub(r"20[0-9]{2}", lambda year: str(int(year.group()) + 1), text)


def test_incremental_build_equals_full_refresh(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    generated = _add_reports(folder, 40, 11, "base", tmp_path)
    base = [folder / f"base_{path.name}" for path in generated]
    standard = _template_2021(generated[8:])  # base[:8] are changed, removed or copied below
    warehouse = tmp_path / "wh" / "govinfo.duckdb"
    _ingest(folder, warehouse)
    assert _build(warehouse) == 0  # first build: the incremental tables are created from scratch
    assert _tested(warehouse) == _loaded(warehouse)

    # Round 1: new reports, changed content, removed files, a corrected re-publication, a copy,
    # and the next year's report of the re-published agency (its cross-year checks use the revision).
    added = _add_reports(folder, 8, 12, "new", tmp_path)
    for path in base[:3]:  # same file, new content: the old report is replaced
        path.write_text(path.read_text(encoding="utf-8") + "\n本报告如有更正，以更正版为准。\n", encoding="utf-8")
    for path in base[3:6]:
        path.unlink()
    revision = folder / "revision.txt"  # same agency and year, published again: becomes current
    revision.write_text(standard.read_text(encoding="utf-8") + "\n（更正版）\n", encoding="utf-8")
    next_year = folder / "next_year.txt"
    next_year.write_text(_next_year(standard.read_text(encoding="utf-8")), encoding="utf-8")
    copy = folder / "copy_of_base_7.txt"  # byte-identical: a duplicate, promoted in round 2
    shutil.copy(base[7], copy)
    tested_before = _tested(warehouse)
    _ingest(folder, warehouse)
    new_reports = _loaded(warehouse) - tested_before
    assert len(new_reports) == len(added) + 3 + 2

    # On a copy (as `govinfo refresh` builds a copy and discards it when the build fails): a data
    # test still fails an incremental build on a bad row of a new report, and the failed build
    # leaves its reports untested, so the next build tests them again (and fails again).
    candidate = tmp_path / "candidate" / warehouse.name
    candidate.parent.mkdir()
    shutil.copy(warehouse, candidate)
    with duckdb.connect(str(candidate)) as con:
        changed = con.execute(
            "update raw.report_metrics set value = -1 where metric_key = 'proactive.items_new' and report_id = "
            "(select min(report_id) from raw.report_metrics where metric_key = 'proactive.items_new' "
            "and report_id in ?)",
            [sorted(str(report_id) for report_id, _ in new_reports)],
        ).fetchone()
        assert changed == (1,)
    for _ in range(2):
        assert _build(candidate) != 0
        assert _tested(candidate) == tested_before

    assert _build(warehouse) == 0
    assert _tested(warehouse) == _loaded(warehouse)
    assert _rows(warehouse, "select count(*) from marts.dim_reports where not is_current")[0][0] >= 1
    assert _compared_with(warehouse, _report_id(warehouse, next_year)) == [(_report_id(warehouse, revision),)]
    _assert_equals_full_refresh(warehouse, tmp_path / "rebuilt_1")

    # Round 2: the original of the copy goes (the copy is promoted: same report_id, new
    # ingested_at), the re-publication goes (the first publication is current again), more reports.
    promoted_id = _report_id(warehouse, base[7])
    ingested_at = "select ingested_at from raw.reports where report_id = ?"
    ingested_before = _rows(warehouse, ingested_at, [promoted_id])
    base[7].unlink()
    revision.unlink()
    _add_reports(folder, 4, 13, "more", tmp_path)
    _ingest(folder, warehouse)
    promoted = _rows(warehouse, ingested_at, [promoted_id])
    assert promoted and promoted != ingested_before
    assert _build(warehouse) == 0
    metrics = _rows(warehouse, "select count(*) from marts.fct_report_metrics where report_id = ?", [promoted_id])
    assert metrics[0][0] > 0
    first_publication = _report_id(warehouse, folder / f"base_{standard.name}")
    assert _compared_with(warehouse, _report_id(warehouse, next_year)) == [(first_publication,)]
    _assert_equals_full_refresh(warehouse, tmp_path / "rebuilt_2")

    # Nothing changed: the next incremental build changes no row and has no report rows to test.
    counts = "select count(*), max(ingested_at) from marts.fct_template_cells"
    before = _rows(warehouse, counts)
    assert _build(warehouse) == 0
    assert _rows(warehouse, "select count(*) from dbt_state.reports_in_test_scope") == [(0,)]
    assert _rows(warehouse, counts) == before

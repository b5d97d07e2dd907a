"""`govinfo refresh` in real subprocesses: idempotence, SIGKILL at named phases, the lock, a failed
validation, recovery, retirement, and BI readers keeping the last good version."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from ingest.devtools.sample import generate
from tests.conftest import CORPUS, REPO

SEED = CORPUS / "seeds" / "texts" / "000_fcbd5fe76b18fee4.txt"
EXIT_LOCKED = 75


def _cmd(folder: Path, warehouse: Path, context: Path) -> list[str]:
    log_file = warehouse.parent / "refresh.log"
    return [
        sys.executable, "-m", "ingest.cli", "refresh", str(folder),
        "--warehouse", str(warehouse), "--context-dir", str(context), "--log-file", str(log_file),
    ]  # fmt: skip


def _refresh(folder: Path, warehouse: Path, context: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        _cmd(folder, warehouse, context), cwd=REPO, capture_output=True, text=True, timeout=300, check=False
    )


def _start_paused(folder: Path, warehouse: Path, context: Path, phase: str) -> subprocess.Popen[str]:
    """Start a refresh that sleeps at ``phase``; return once it is there."""
    marker = warehouse.parent / f"paused-{phase}"
    marker.unlink(missing_ok=True)
    env = {**os.environ, "GOVINFO_PAUSE_AT": phase, "GOVINFO_PAUSE_FILE": str(marker)}
    proc = subprocess.Popen(
        _cmd(folder, warehouse, context), cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + 120
    while not marker.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, f"refresh never reached phase {phase}"
        time.sleep(0.05)
    return proc


def _kill(proc: subprocess.Popen[str]) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _scalar(warehouse: Path, sql: str) -> object:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        row = con.execute(sql).fetchone()
    assert row is not None
    return row[0]


@pytest.fixture(scope="module")
def first_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path, subprocess.CompletedProcess[str]]:
    """A folder of 12 synthetic reports refreshed once into a published warehouse, and that run."""
    root = tmp_path_factory.mktemp("refresh")
    generate(12, 11, root / "sample")
    folder = root / "sample" / "texts"
    context = root / "expectations"
    shutil.copytree(REPO / "expectations", context, ignore=shutil.ignore_patterns("uncommitted"))
    warehouse = root / "wh" / "govinfo.duckdb"
    first = _refresh(folder, warehouse, context)
    assert first.returncode == 0, first.stderr[-3000:]
    assert "published" in first.stdout
    return folder, warehouse, context, first


@pytest.fixture(scope="module")
def published(first_run: tuple[Path, Path, Path, subprocess.CompletedProcess[str]]) -> tuple[Path, Path, Path]:
    folder, warehouse, context, _ = first_run
    return folder, warehouse, context


def test_progress_of_every_phase_goes_to_stderr_and_the_log_never_to_stdout(
    first_run: tuple[Path, Path, Path, subprocess.CompletedProcess[str]],
) -> None:
    _, warehouse, _, first = first_run
    assert first.stdout.splitlines() == [first.stdout.strip()]  # the one result line
    assert not re.search(r"\d+/\d+ (files|nodes|suites)", first.stdout)
    logged = (warehouse.parent / "refresh.log").read_text(encoding="utf-8")
    for shown in (first.stderr, logged):
        assert re.search(r" INFO ingest: 12/12 files \(100%\) in ", shown)
        assert re.search(r" INFO dbt build: (\d+)/\1 nodes \(100%\) in ", shown)
        assert re.search(r" INFO validate: (\d+)/\1 suites \(100%\) in ", shown)
        assert len(re.findall(r" INFO \w[\w ]*: [\d,]+(/[\d,]+)? \w+ ", shown)) <= 3 * 11  # bounded


def test_refresh_twice_changes_nothing(published: tuple[Path, Path, Path]) -> None:
    folder, warehouse, context = published
    before = _digest(warehouse)
    again = _refresh(folder, warehouse, context)
    assert again.returncode == 0, again.stderr
    assert "up to date" in again.stdout
    assert _digest(warehouse) == before
    assert "up to date" in (warehouse.parent / "refresh.log").read_text(encoding="utf-8")


def test_sigkill_lock_failed_validation_and_recovery(published: tuple[Path, Path, Path]) -> None:
    folder, warehouse, context = published
    building = warehouse.with_name(warehouse.name + ".building")
    before = _digest(warehouse)
    reports_before = _scalar(warehouse, "select count(*) from marts.dim_reports")
    (folder / "zz_new.txt").write_bytes(SEED.read_bytes())  # work for the next refresh

    # SIGKILL at several phases: the published file is untouched; a stale .building may remain.
    for phase in ("copied", "ingested"):
        proc = _start_paused(folder, warehouse, context, phase)
        if phase == "copied":  # meanwhile a second refresh exits at once with a clear message
            started = time.monotonic()
            second = _refresh(folder, warehouse, context)
            assert second.returncode == EXIT_LOCKED
            assert "another refresh" in second.stdout + second.stderr
            assert time.monotonic() - started < 15
        _kill(proc)
        assert _digest(warehouse) == before
        assert building.exists()
        assert _scalar(warehouse, "select count(*) from marts.dim_reports") == reports_before

    # A report for 2099 passes dbt but fails validation (report_year in the future): exit 1, the
    # published file stays byte-identical, the stale .building is cleaned up, the candidate kept.
    bad = folder / "zz_2099.txt"
    bad.write_text(SEED.read_text(encoding="utf-8").replace("2018", "2099").replace("2019", "2100"), encoding="utf-8")
    failed = _refresh(folder, warehouse, context)
    assert failed.returncode == 1, failed.stdout + failed.stderr[-3000:]
    assert "validation failed" in failed.stdout
    assert _digest(warehouse) == before
    assert not building.exists()
    assert warehouse.with_name(warehouse.name + ".failed").exists()
    assert "interrupted refresh" in (warehouse.parent / "refresh.log").read_text(encoding="utf-8")

    # Recovery: with the bad file gone the next refresh publishes the new report, while a BI reader
    # holding a read-only connection keeps reading the version it opened.
    bad.unlink()
    reader = duckdb.connect(str(warehouse), read_only=True)
    try:
        recovered = _refresh(folder, warehouse, context)
        assert recovered.returncode == 0, recovered.stderr[-3000:]
        row = reader.execute("select count(*) from marts.dim_reports").fetchone()
        assert row is not None and row[0] == reports_before
    finally:
        reader.close()
    assert _digest(warehouse) != before
    assert _scalar(warehouse, "select count(*) from marts.dim_reports") == int(str(reports_before)) + 1
    assert _scalar(warehouse, "select count(*) from raw.report_files where source_path like '%zz_2099.txt'") == 0

    # Removing a file retires its report: flagged in raw, gone from every mart.
    (folder / "zz_new.txt").unlink()
    retired = _refresh(folder, warehouse, context)
    assert retired.returncode == 0, retired.stderr[-3000:]
    assert _scalar(warehouse, "select status from raw.report_files where source_path like '%zz_new.txt'") == "retired"
    assert _scalar(warehouse, "select count(*) from marts.dim_reports") == reports_before
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute(
            "select count(*) from marts.fct_report_metrics f left join marts.dim_reports d using (report_id) "
            "where d.report_id is null"
        ).fetchone()
        full = con.execute("select count(*) from raw.report_metrics").fetchone()
        mart = con.execute("select count(*) from marts.fct_report_metrics").fetchone()
    assert rows == (0,)  # the incremental fact kept no row of a retired report
    assert full == mart


def test_force_rebuilds_every_mart_from_raw(published: tuple[Path, Path, Path], tmp_path: Path) -> None:
    """``--force`` is a full refresh: a mart built by an older version (a count still DOUBLE) is rebuilt."""
    folder, warehouse, context = published
    older = tmp_path / "govinfo.duckdb"
    shutil.copyfile(warehouse, older)
    with duckdb.connect(str(older)) as con:
        con.execute("alter table marts.fct_applications alter column received type double")
    forced = subprocess.run(
        [*_cmd(folder, older, context), "--force"], cwd=REPO, capture_output=True, text=True, timeout=300, check=False
    )
    assert forced.returncode == 0, forced.stderr[-3000:]
    kind = _scalar(
        older,
        "select data_type from information_schema.columns "
        "where table_schema = 'marts' and table_name = 'fct_applications' and column_name = 'received'",
    )
    assert kind == "BIGINT"

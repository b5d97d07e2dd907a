"""``govinfo refresh``: incremental, idempotent, atomically published rebuild of the warehouse.

1. Take the warehouse's lock (a second refresh exits at once with :data:`EXIT_LOCKED`).
2. Remove a ``.building`` file left by a crashed run.
3. Plan against the published warehouse (read-only): new/changed files, files to retire. Nothing
   to do (and the marts exist) → exit 0 without touching the published file.
4. Copy the published warehouse to ``.building``; ingest, ``dbt build`` (incremental marts) and
   Great Expectations validation run there.
5. Checkpoint and ``os.replace`` it onto the published path. Any failure before that leaves the
   published warehouse byte-identical; the candidate is kept as ``.failed`` for inspection.

Exit codes (cron-safe): 0 published or up to date, 1 validation failed, 2 bad arguments,
3 dbt build failed, 4 other error, 75 another refresh holds the lock (EX_TEMPFAIL).
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from ingest import PROJECT_DIR
from ingest.land.batch import IngestPlan, IngestSummary, ingest_paths, plan_ingest
from ingest.land.progress import parse_progress_line, start_progress
from ingest.ops.locking import LockHeldError, refresh_lock
from ingest.ops.publish import building_path, phase, prepare_building, publish, remove_stale

__all__ = [
    "EXIT_BUILD",
    "EXIT_ERROR",
    "EXIT_LOCKED",
    "EXIT_OK",
    "EXIT_USAGE",
    "EXIT_VALIDATION",
    "RefreshResult",
    "log",
    "refresh",
]

EXIT_OK = 0
EXIT_VALIDATION = 1
EXIT_USAGE = 2
EXIT_BUILD = 3
EXIT_ERROR = 4
EXIT_LOCKED = 75

log = logging.getLogger("govinfo.refresh")

_ENGINES = ("local", "spark")  # where files are parsed: worker processes here, or Spark executors
_Ingest = Callable[[Path, Path, IngestPlan | None], IngestSummary]


@dataclass
class RefreshResult:
    """Outcome of one refresh: exit code, what ingest did, and per-phase timings (seconds)."""

    code: int
    message: str
    summary: IngestSummary | None = None
    timings: dict[str, float] = field(default_factory=dict)


def _failed_path(warehouse: Path) -> Path:
    """Where the candidate of a failed refresh is kept for inspection."""
    return warehouse.with_name(warehouse.name + ".failed")


def _configure_logging(log_file: Path | None) -> None:
    log.setLevel(logging.INFO)
    log.propagate = False
    for handler in list(log.handlers):
        log.removeHandler(handler)
        handler.close()
    formatter = logging.Formatter("%(asctime)s pid=%(process)d %(levelname)s %(message)s")
    console = logging.StreamHandler(sys.stderr)
    console.setFormatter(formatter)
    log.addHandler(console)
    if log_file is not None:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        file_handler = logging.FileHandler(log_file, encoding="utf-8")
        file_handler.setFormatter(formatter)
        log.addHandler(file_handler)


def _marts_exist(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute(
        "select count(*) from information_schema.tables where table_schema = 'marts' and table_name = 'dim_reports'"
    ).fetchone()
    return bool(row and row[0])


def _plan_on_published(warehouse: Path, folder: Path) -> tuple[IngestPlan | None, bool]:
    """Plan against the published file, read-only; also whether its marts exist."""
    if not warehouse.exists():
        return None, False
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return plan_ingest(con, [folder], retire_missing=True), _marts_exist(con)


def _set_aside(warehouse: Path) -> Path:
    building = building_path(warehouse)
    failed = _failed_path(warehouse)
    if building.exists():
        os.replace(building, failed)
    remove_stale(warehouse)
    return failed


def refresh(
    folder: Path,
    warehouse: Path,
    context_dir: Path = Path("expectations"),
    *,
    log_file: Path | None = None,
    force: bool = False,
    workers: int | None = None,
    engine: str = "local",
    master: str | None = None,
    staging: Path | None = None,
) -> RefreshResult:
    """Bring ``warehouse`` up to date with ``folder`` (see the module docstring).

    ``engine="spark"`` parses on Spark (``master``; Parquet under ``staging``, see
    :mod:`ingest.land.spark`); planning, landing, dbt and validation are the same.
    """
    _configure_logging(log_file)
    if engine not in _ENGINES:
        return RefreshResult(EXIT_USAGE, f"unknown engine {engine!r} (one of {', '.join(_ENGINES)})")
    folder = folder.resolve()  # source paths are absolute, whatever the cron job's working folder
    if not folder.is_dir():
        log.error("%s is not a folder", folder)
        return RefreshResult(EXIT_USAGE, f"{folder} is not a folder")
    try:
        with refresh_lock(warehouse):
            try:
                ingest = _ingester(engine, workers, master, staging)
                return _refresh_locked(folder, warehouse, context_dir, force, ingest)
            except Exception as exc:  # cron needs an exit code and a log line, not only a traceback
                log.exception("refresh failed; %s left unchanged", warehouse)
                _set_aside(warehouse)
                return RefreshResult(EXIT_ERROR, f"refresh failed: {type(exc).__name__}: {exc}")
    except LockHeldError as exc:
        log.error("%s", exc)
        return RefreshResult(EXIT_LOCKED, str(exc))


def _ingester(engine: str, workers: int | None, master: str | None, staging: Path | None) -> _Ingest:
    """The ingest step of the chosen engine: (folder, warehouse, plan) → summary, retiring missing files."""
    if engine == "spark":
        from ingest.land.spark import ingest_paths_spark

        return lambda folder, warehouse, plan: ingest_paths_spark(
            [folder], warehouse, retire_missing=True, plan=plan, master=master, staging=staging, progress_log=log.info
        )
    return lambda folder, warehouse, plan: ingest_paths(
        [folder], warehouse, retire_missing=True, workers=workers, plan=plan, progress_log=log.info
    )


def _run_validation(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run the validation subprocess, its progress lines shown here as they come (stderr or the log).

    The child's stderr is a pipe, so it writes plain progress lines (:mod:`ingest.land.progress`);
    they drive this process's own progress and are left out of the returned stderr, which keeps
    the rest (warnings, a traceback) for the failure report.
    """
    progress = start_progress("validate", 0, "suites", log=log.info)
    kept: list[str] = []
    stdout: list[str] = []
    with subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8", errors="replace"
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        out = proc.stdout
        reader = threading.Thread(target=lambda: stdout.append(out.read()), daemon=True)  # no pipe fills up
        reader.start()
        for line in proc.stderr:
            parsed = parse_progress_line(line)
            if parsed is None:
                kept.append(line)
            else:
                progress.update(parsed[1], parsed[2])
        reader.join()
    if progress.model.done:
        progress.finish()
    return subprocess.CompletedProcess(command, proc.returncode, "".join(stdout), "".join(kept))


def _refresh_locked(folder: Path, warehouse: Path, context_dir: Path, force: bool, ingest: _Ingest) -> RefreshResult:
    from ingest.ops.dbt_runner import run_dbt

    timings: dict[str, float] = {}
    phase("locked")
    if remove_stale(warehouse):
        log.warning("removed %s left by an interrupted refresh", building_path(warehouse))
    started = time.perf_counter()
    plan, marts_exist = _plan_on_published(warehouse, folder)
    timings["plan"] = time.perf_counter() - started
    if plan is not None and plan.empty and marts_exist and not force:
        message = f"up to date: {len(plan.files)} files unchanged; {warehouse} not touched"
        log.info("%s", message)
        summary = IngestSummary(seen=len(plan.files), unchanged=plan.unchanged)
        return RefreshResult(EXIT_OK, message, summary, timings)

    started = time.perf_counter()
    building = prepare_building(warehouse)
    timings["copy"] = time.perf_counter() - started
    phase("copied")

    started = time.perf_counter()
    summary = ingest(folder, building, plan)
    timings["ingest"] = time.perf_counter() - started
    log.info("ingest into %s:\n%s", building, summary.format())
    phase("ingested")

    started = time.perf_counter()
    # --force rebuilds every mart from raw (as the README promises), e.g. after a model's columns changed.
    command = ["build", "--full-refresh"] if force else ["build"]
    code = run_dbt(command, building, quiet=True, progress_log=log.info)  # its errors only if it fails
    timings["dbt build"] = time.perf_counter() - started
    if code != 0:
        failed = _set_aside(warehouse)
        message = f"dbt build failed (exit {code}); {warehouse} left unchanged; candidate kept at {failed}"
        log.error("%s", message)
        return RefreshResult(EXIT_BUILD, message, summary, timings)
    phase("built")

    # GX runs in its own process, so its memory (DuckDB's buffers, GX's caches) never stays in
    # the long-running refresh process.
    started = time.perf_counter()
    package_root = str(PROJECT_DIR)  # the same ingest package as this process
    target = ["--warehouse", str(building), "--context-dir", str(context_dir.resolve())]
    if marts_exist and not force and summary.ingested_at is not None:
        # Incremental: the published marts were validated; only this run's reports are new there.
        target += ["--changed-since", summary.ingested_at.isoformat()]
    validation = _run_validation(
        [sys.executable, "-m", "ingest.cli", "validate", *target],
        {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))},
    )
    timings["validate"] = time.perf_counter() - started
    report = (validation.stdout + validation.stderr[-4000:]).strip()
    if validation.returncode != 0:
        failed = _set_aside(warehouse)
        message = f"validation failed; {warehouse} left unchanged; candidate kept at {failed}"
        log.error("%s\n%s", message, report)
        return RefreshResult(EXIT_VALIDATION, message, summary, timings)
    phase("validated")

    started = time.perf_counter()
    publish(building, warehouse)
    _failed_path(warehouse).unlink(missing_ok=True)
    timings["publish"] = time.perf_counter() - started
    phase("replaced")
    message = (
        f"published {warehouse}: {summary.parsed} files parsed, {summary.retired} retired, "
        f"{summary.unchanged} unchanged; {report.splitlines()[0] if report else 'validation passed'}"
    )
    log.info("%s; timings %s", message, ", ".join(f"{k} {v:.1f}s" for k, v in timings.items()))
    return RefreshResult(EXIT_OK, message, summary, timings)

"""Ingest a set of paths into the warehouse: skip unchanged files, parse the rest, land in batches.

- A file is re-parsed only when it is new, its content hash changed, its parser version is not the
  current :data:`ingest.PARSER_VERSION`, or it was retired and came back.
- Parsing is pure (:func:`ingest.land.pipeline.process_file`) and runs in worker processes (both cores);
  landing stays single-writer in this process, in windows of :data:`_BATCH_SIZE` files with at most
  two windows in flight, so memory stays bounded whatever the folder size.
- With ``retire_missing`` (``govinfo refresh``), files under the given folders that were ingested
  before but are gone now get status ``retired``; their reports leave the raw reports tables.
- A second file with the bytes of a loaded file is ``duplicate``; when the loaded copy goes away
  (retired or changed), a remaining duplicate is promoted to ``loaded``.
- Not a report: a decoded text with no figures that is a notice (title ends with 通知, 公告…) or
  never mentions 信息公开 is quarantined with a reason starting ``not a report``.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from multiprocessing.pool import Pool
from pathlib import Path

import duckdb
import polars as pl

from ingest import PARSER_VERSION
from ingest.land.admission import admit_file, file_sha256
from ingest.land.pipeline import discover
from ingest.land.progress import Progress, start_progress
from ingest.land.rows import FILE_COLUMN, REPORT_TABLES, files_frame, report_frames
from ingest.land.writer import connect, ensure_raw_schema, land, retire_files
from ingest.read.readers import DEFAULT_MAX_BYTES
from ingest.records import FileResult

__all__ = [
    "PARALLEL_MIN_FILES",
    "IngestPlan",
    "IngestSummary",
    "ParseFiles",
    "ParsedChunk",
    "default_workers",
    "ingest_paths",
    "parse_chunk",
    "plan_ingest",
]

# Files landed per transaction. Larger windows insert fewer, bigger blocks (landing 8,000 reports
# took 11.5 s in windows of 1,000 and 7.5 s in windows of 2,000); two windows in flight bound memory
# (about 0.8 GB in the landing process at 2,000).
_BATCH_SIZE = 2000
_CHUNK_SIZE = 25  # files per worker task: results come back as one set of frames per chunk
# 25,000 files a worker: at 200 chunks (5,000 files) a 100,000-file run restarted workers 20 times.
_TASKS_PER_WORKER = 1000
PARALLEL_MIN_FILES = 64  # below this, worker start-up costs more than it saves


@dataclass
class IngestSummary:
    """What one ingest run saw and did."""

    seen: int = 0
    unchanged: int = 0
    retired: int = 0
    promoted: int = 0
    parsed: int = 0
    workers: int = 1
    status: Counter[str] = field(default_factory=Counter)
    templates: Counter[str] = field(default_factory=Counter)
    quarantined: list[str] = field(default_factory=list)
    # Where the landing process spent its time: waiting for parsed windows, and writing them.
    waiting_seconds: float = 0.0
    landing_seconds: float = 0.0
    ingested_at: datetime | None = None  # the run's timestamp, on every row it wrote

    @property
    def changed(self) -> bool:
        """True when the run wrote anything to the raw layer."""
        return bool(self.parsed or self.retired or self.promoted)

    def format(self) -> str:
        lines = [
            f"files seen: {self.seen}  unchanged (skipped): {self.unchanged}  "
            f"loaded: {self.status['loaded']}  duplicate: {self.status['duplicate']}  "
            f"quarantined: {self.status['quarantined']}  retired: {self.retired}",
        ]
        if self.promoted:
            lines.append(f"duplicates promoted to loaded (their loaded copy went away): {self.promoted}")
        if self.templates:
            lines.append("reports per template: " + ", ".join(f"{k} {v}" for k, v in sorted(self.templates.items())))
        lines.extend(f"  quarantined: {reason}" for reason in self.quarantined[:20])
        if len(self.quarantined) > 20:
            lines.append(f"  … and {len(self.quarantined) - 20} more (see raw.report_files)")
        return "\n".join(lines)


@dataclass(frozen=True)
class _KnownFile:
    """What ``raw.report_files`` already says about a path."""

    sha256: str
    parser_version: str
    status: str
    report_id: str | None


@dataclass
class IngestPlan:
    """Which files to parse and which to retire; computed from the raw layer and the folder."""

    files: list[Path]
    to_parse: list[Path]
    to_retire: list[str]
    unchanged: int

    @property
    def empty(self) -> bool:
        """Nothing to parse and nothing to retire."""
        return not self.to_parse and not self.to_retire


def _known_files(con: duckdb.DuckDBPyConnection) -> dict[str, _KnownFile]:
    """Every path in ``raw.report_files`` (empty when the raw layer does not exist yet)."""
    try:
        rows = con.execute(
            "select source_path, sha256, parser_version, status, report_id from raw.report_files"
        ).fetchall()
    except duckdb.CatalogException:
        return {}
    return {path: _KnownFile(sha, version, status, rid) for path, sha, version, status, rid in rows}


def _under(path: str, roots: Sequence[str]) -> bool:
    return any(path == root or path.startswith(root.rstrip("/") + "/") for root in roots)


def plan_ingest(con: duckdb.DuckDBPyConnection, paths: Sequence[Path], retire_missing: bool = False) -> IngestPlan:
    """Compare the folder with the raw layer (read-only): new/changed files, files to retire."""
    files = discover(paths)
    known = _known_files(con)
    to_parse: list[Path] = []
    unchanged = 0
    for path in files:
        previous = known.get(str(path))
        if (
            previous is not None
            and previous.status != "retired"
            and previous.parser_version == PARSER_VERSION
            and previous.sha256 == file_sha256(path)
        ):
            unchanged += 1
        else:
            to_parse.append(path)
    to_retire: list[str] = []
    if retire_missing:
        present = {str(path) for path in files}
        roots = [str(path) for path in paths]
        to_retire = sorted(
            source
            for source, entry in known.items()
            if entry.status != "retired" and source not in present and _under(source, roots)
        )
    return IngestPlan(files, to_parse, to_retire, unchanged)


@dataclass
class ParsedChunk:
    """A few parsed files, as they come back from a worker: results without their reports
    (only each report's template, for the summary) and the reports' rows as frames."""

    results: list[FileResult]
    templates: list[str | None]
    rows: dict[str, pl.DataFrame]


# Another parsing engine (ingest/land/spark.py): files, max_bytes, ingested_at, roots → windows of
# parsed chunks in file order, landed here exactly as the worker processes' are.
ParseFiles = Callable[[Sequence[Path], int, datetime, tuple[str, ...]], Iterator[list[ParsedChunk]]]


def parse_chunk(
    sources: Sequence[str], max_bytes: int, ingested_at: datetime, roots: tuple[str, ...] = ()
) -> ParsedChunk:
    """Parse files (in a worker) and turn their reports into frames for landing."""
    folders = [Path(root) for root in roots]
    results = [admit_file(source, folders, max_bytes) for source in sources]
    try:
        rows = report_frames(results, ingested_at)
    except Exception:  # noqa: BLE001 - one report's value does not fit its column: find it, keep the rest
        for result in results:
            _quarantine_if_unlandable(result, ingested_at)
        rows = report_frames(results, ingested_at)
    templates: list[str | None] = [result.report.template if result.report is not None else None for result in results]
    for result in results:
        result.report = None  # its rows are in the frames
    return ParsedChunk(results, templates, rows)


def _quarantine_if_unlandable(result: FileResult, ingested_at: datetime) -> None:
    """Quarantine a loaded result whose rows the raw tables cannot hold (a 25-digit count, say)."""
    if result.status != "loaded":
        return
    try:
        report_frames([result], ingested_at)
    except Exception as exc:  # noqa: BLE001 - whatever the reason, the file is named and the batch goes on
        problem = str(exc).splitlines()[0][:160]
        result.status = "quarantined"
        result.error = f"{result.source_path}: a figure cannot be stored in the raw tables ({problem})"
        result.report = None


def _parse_chunk_star(args: tuple[list[str], int, datetime, tuple[str, ...]]) -> ParsedChunk:
    return parse_chunk(*args)


def default_workers() -> int:
    """Worker processes for parsing: one per core (``GOVINFO_WORKERS`` overrides)."""
    configured = os.environ.get("GOVINFO_WORKERS")
    if configured:
        return max(1, int(configured))
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def _parse_files(
    paths: Sequence[Path],
    max_bytes: int,
    workers: int,
    ingested_at: datetime,
    roots: tuple[str, ...] = (),
    on_chunk: Callable[[int], None] | None = None,
) -> Iterator[list[ParsedChunk]]:
    """Parse files in order, yielding windows of at most _BATCH_SIZE files (two windows in flight).

    ``on_chunk(files)`` is called as each chunk comes back parsed (progress), in file order.
    """
    sources = [str(path) for path in paths]
    windows = [sources[i : i + _BATCH_SIZE] for i in range(0, len(sources), _BATCH_SIZE)]

    def parsed(chunk: ParsedChunk) -> ParsedChunk:
        if on_chunk is not None:
            on_chunk(len(chunk.results))
        return chunk

    if workers <= 1 or len(sources) < PARALLEL_MIN_FILES:
        for window in windows:
            # About 20 chunks a window: progress every 5% of it, few enough frames to stay cheap.
            size = max(_CHUNK_SIZE, -(-len(window) // 20))
            yield [
                parsed(parse_chunk(window[i : i + size], max_bytes, ingested_at, roots))
                for i in range(0, len(window), size)
            ]
        return

    def chunks(window: list[str]) -> list[tuple[list[str], int, datetime, tuple[str, ...]]]:
        size = max(1, min(_CHUNK_SIZE, len(window) // (workers * 4)))
        return [(window[i : i + size], max_bytes, ingested_at, roots) for i in range(0, len(window), size)]

    # spawn, not fork: the parent has DuckDB and polars threads, which fork() must not copy.
    context = multiprocessing.get_context("spawn")
    # A worker is replaced after _TASKS_PER_WORKER chunks, which bounds what a long run can leave in
    # its memory; each replacement costs a fresh interpreter and imports (~0.8 s of CPU).
    pool: Pool = context.Pool(workers, maxtasksperchild=_TASKS_PER_WORKER)
    try:
        # imap, not map: chunks come back one by one (in order) for progress; the tasks of the next
        # window are queued behind the current window's as before.
        pending = pool.imap(_parse_chunk_star, chunks(windows[0])) if windows else None
        for index in range(len(windows)):
            following = None
            if index + 1 < len(windows):
                following = pool.imap(_parse_chunk_star, chunks(windows[index + 1]))
            assert pending is not None
            yield [parsed(chunk) for chunk in pending]
            pending = following
        pool.close()
    finally:
        pool.terminate()
        pool.join()


def _loaded_by_sha(con: duckdb.DuckDBPyConnection, excluded: set[str]) -> dict[str, str]:
    """sha256 → the loaded file holding it (files about to be re-parsed do not count)."""
    rows = con.execute("select sha256, source_path from raw.report_files where status = 'loaded'").fetchall()
    holders: dict[str, str] = {}
    for sha, source in sorted(rows, key=lambda row: row[1]):
        if source not in excluded:
            holders.setdefault(sha, source)
    return holders


def _orphaned_duplicates(con: duckdb.DuckDBPyConnection) -> list[Path]:
    rows = con.execute(
        "select source_path from raw.report_files as f where status = 'duplicate' and not exists "
        "(select 1 from raw.report_files as l where l.status = 'loaded' and l.report_id = f.report_id) "
        "order by source_path"
    ).fetchall()
    return [Path(row[0]) for row in rows if Path(row[0]).is_file()]


def ingest_paths(
    paths: list[Path],
    warehouse: Path,
    max_bytes: int = DEFAULT_MAX_BYTES,
    *,
    retire_missing: bool = False,
    workers: int | None = None,
    plan: IngestPlan | None = None,
    parse: ParseFiles | None = None,
    progress_log: Callable[[str], None] | None = None,
) -> IngestSummary:
    """Ingest files and folders into ``warehouse``; re-ingesting an unchanged file is a no-op.

    ``parse`` replaces the worker processes (the Spark engine); planning and landing stay here.
    Progress (files parsed of those to parse, rate, ETA) goes to stderr, or its plain lines to
    ``progress_log`` when stderr is no terminal (see :func:`ingest.land.progress.start_progress`).
    """
    summary = IngestSummary(workers=workers or default_workers())
    ingested_at = datetime.now(UTC).replace(tzinfo=None)
    summary.ingested_at = ingested_at
    # While worker processes parse on every core, DuckDB's own threads in this landing process only
    # compete with them: one thread lands 8,000 reports with 40% less CPU (5.8 s instead of 9.5 s),
    # and ingest ran at 528 instead of 446 reports/s.
    with connect(warehouse, threads=1 if summary.workers > 1 else None) as con:
        ensure_raw_schema(con)
        if plan is None:
            plan = plan_ingest(con, paths, retire_missing)
        summary.seen = len(plan.files)
        summary.unchanged = plan.unchanged
        if plan.to_retire:
            retire_files(con, plan.to_retire, ingested_at)
            summary.retired = len(plan.to_retire)
        reparsed = {str(path) for path in plan.to_parse}
        roots = tuple(str(path) for path in paths if path.is_dir())
        if not plan.to_parse:
            _land_orphans(con, max_bytes, summary, ingested_at, roots, parse, None)
            return summary
        with start_progress("ingest", len(plan.to_parse), "files", log=progress_log) as progress:
            loaded_by_sha = _loaded_by_sha(con, reparsed)
            _land_parsed(con, plan.to_parse, max_bytes, summary, loaded_by_sha, ingested_at, roots, parse, progress)
            _land_orphans(con, max_bytes, summary, ingested_at, roots, parse, progress)
    return summary


def _land_orphans(
    con: duckdb.DuckDBPyConnection,
    max_bytes: int,
    summary: IngestSummary,
    ingested_at: datetime,
    roots: tuple[str, ...],
    parse: ParseFiles | None,
    progress: Progress | None,
) -> None:
    """Promote duplicates whose loaded copy went away: parse and land them again."""
    orphans = _orphaned_duplicates(con)
    if orphans:
        if progress is not None:
            progress.update(progress.model.done, progress.model.total + len(orphans))
        before = summary.status["loaded"]
        _land_parsed(con, orphans, max_bytes, summary, _loaded_by_sha(con, set()), ingested_at, roots, parse, progress)
        summary.promoted = summary.status["loaded"] - before


def _land_parsed(
    con: duckdb.DuckDBPyConnection,
    files: Sequence[Path],
    max_bytes: int,
    summary: IngestSummary,
    loaded_by_sha: dict[str, str],
    ingested_at: datetime,
    roots: tuple[str, ...] = (),
    parse: ParseFiles | None = None,
    progress: Progress | None = None,
) -> None:
    if parse is not None:
        windows = parse(files, max_bytes, ingested_at, roots)
    else:
        on_chunk = progress.advance if progress is not None else None
        windows = _parse_files(files, max_bytes, summary.workers, ingested_at, roots, on_chunk)
    while True:
        started = time.perf_counter()
        window = next(windows, None)
        summary.waiting_seconds += time.perf_counter() - started
        if window is None:
            break
        started = time.perf_counter()
        results: list[FileResult] = []
        report_rows: dict[str, list[pl.DataFrame]] = {name: [] for name in REPORT_TABLES}
        for chunk in window:
            kept = _settle_statuses(chunk, loaded_by_sha, summary)
            results.extend(chunk.results)
            for name, frame in chunk.rows.items():
                if len(kept) < len(chunk.results):  # duplicates' rows are not landed
                    frame = frame.filter(pl.col(FILE_COLUMN).is_in(kept))
                report_rows[name].append(frame.drop(FILE_COLUMN))
        summary.parsed += len(results)
        land(con, files_frame(results, ingested_at), {name: pl.concat(frames) for name, frames in report_rows.items()})
        summary.landing_seconds += time.perf_counter() - started
        if parse is not None and progress is not None:  # another engine hands back whole windows
            progress.advance(len(results))


def _settle_statuses(chunk: ParsedChunk, loaded_by_sha: dict[str, str], summary: IngestSummary) -> list[int]:
    """Mark a loaded file whose bytes another file already holds as ``duplicate``; count statuses.

    Returns the indexes of the chunk's results whose report rows are landed.
    """
    kept: list[int] = []
    for index, (result, template) in enumerate(zip(chunk.results, chunk.templates, strict=True)):
        source = result.source_path
        if result.status == "loaded":
            holder = loaded_by_sha.get(result.sha256)
            if holder is not None and holder != source:
                result.status = "duplicate"
                result.error = f"{source}: same content as {holder} (sha256 {result.sha256[:16]})"
            else:
                loaded_by_sha[result.sha256] = source
                kept.append(index)
                summary.templates[template or "unknown"] += 1
        summary.status[result.status] += 1
        if result.status == "quarantined" and result.error:
            summary.quarantined.append(result.error)
    return kept

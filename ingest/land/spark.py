"""The Spark engine: the same pure parser on Spark executors, landed by the same single writer.

``govinfo ingest --engine spark`` and ``govinfo refresh --engine spark``:

- **Driver** (this process): discovery and the plan against the raw layer
  (:func:`ingest.land.batch.plan_ingest`: new, changed, re-versioned files only; files to retire),
  then landing into DuckDB through :func:`ingest.land.batch.ingest_paths`, so statuses, duplicates,
  promotion and retirement are decided exactly where and how the local engine decides them.
- **Executors**: the planned files, in path order, are cut into partitions (contiguous slices).
  Each partition runs :func:`ingest.land.batch.parse_chunk` (``admit_file`` → ``report_frames``),
  the very function a local worker process runs, and writes every raw table of its files as one
  Parquet file: ``<staging>/<run>/<table>/part-NNNNN.parquet`` in the schema of
  :mod:`ingest.land.schema` (the report tables keep the frames' ``_file`` column, the file's index
  in its partition, so the driver can drop a duplicate's rows). A file is written under a
  temporary name and renamed, so a retried task never leaves half a file.
- The driver reads the partitions back in order, in windows of about 2,000 files, and lands them.
  Marts stay in DuckDB (``dbt build`` after landing, as for the local engine).

On a cluster (``master="spark://host:7077"``) the report files and the staging folder must be on
storage every executor and the driver read at the same path, and every executor needs this
package installed (``PYSPARK_PYTHON`` pointing at that interpreter). PySpark is imported lazily:
the package imports without it.
"""

from __future__ import annotations

import math
import os
import shutil
import sys
import tempfile
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, cast

import polars as pl

from ingest.land.batch import IngestPlan, IngestSummary, ParsedChunk, ingest_paths, parse_chunk
from ingest.land.rows import FILE_COLUMN, REPORT_TABLES, files_frame
from ingest.read.readers import DEFAULT_MAX_BYTES
from ingest.records import FileResult, FileStatus

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

__all__ = ["FILES_PER_PARTITION", "SparkParser", "ingest_paths_spark", "read_partition", "spark_session"]

FILES_PER_PARTITION = 250  # at most this many files per task: bounded executor memory, even tasks
_WINDOW_FILES = 2000  # files landed per DuckDB transaction (as the local engine's windows)
_FILES_TABLE = "report_files"
_PANDAS_WARNING = "PySpark does not yet fully support pandas"  # PySpark 4.3 on pandas 3; pandas is not used here


def spark_session(master: str | None = None, app_name: str = "govinfo-ingest") -> SparkSession:
    """A SparkSession on ``master`` (default: ``local[*]``, or whatever ``spark-submit`` set).

    In local mode the executors' Python is this interpreter (``PYSPARK_PYTHON`` overrides), so they
    import the same ``ingest`` package.
    """
    from pyspark.sql import SparkSession

    if master is None or master.startswith("local"):
        # The context reads PYSPARK_PYTHON when it starts (default: python3 on the PATH).
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app_name).config("spark.ui.showConsoleProgress", "false")
    if master:
        builder = builder.master(master)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=_PANDAS_WARNING, category=FutureWarning)
        session = builder.getOrCreate()
    session.sparkContext.setLogLevel("WARN")
    return session


def _part(staging: Path, table: str, index: int) -> Path:
    return staging / table / f"part-{index:05d}.parquet"


def _write_frame(frame: pl.DataFrame, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    frame.write_parquet(partial)
    os.replace(partial, target)


@dataclass(frozen=True)
class _Task:
    """What every executor task needs besides its files (shipped once per task, small)."""

    staging: str
    max_bytes: int
    ingested_at: datetime
    roots: tuple[str, ...]

    def __call__(self, index: int, sources: Iterable[str]) -> Iterator[tuple[int, int]]:
        """Parse one partition's files and write its Parquet files; yield (partition, files)."""
        chunk = parse_chunk(list(sources), self.max_bytes, self.ingested_at, self.roots)
        staging = Path(self.staging)
        # Report tables first, report_files last: a partition whose files table exists is complete.
        for name, frame in chunk.rows.items():
            _write_frame(frame, _part(staging, name, index))
        _write_frame(files_frame(chunk.results, self.ingested_at), _part(staging, _FILES_TABLE, index))
        yield index, len(chunk.results)


def read_partition(staging: Path, index: int) -> ParsedChunk:
    """One partition's Parquet files as the chunk a local worker would have handed back."""
    files = pl.read_parquet(_part(staging, _FILES_TABLE, index))
    results = [
        FileResult(
            row["source_path"],
            row["sha256"],
            row["bytes"],
            row["format"],
            row["encoding"],
            cast(FileStatus, row["status"]),
            row["error"],
        )
        for row in files.iter_rows(named=True)
    ]
    rows = {name: pl.read_parquet(_part(staging, name, index)) for name in REPORT_TABLES}
    reports = rows["reports"]
    template_of = dict(zip(reports[FILE_COLUMN].to_list(), reports["template"].to_list(), strict=True))
    templates: list[str | None] = [template_of.get(position) for position in range(len(results))]
    return ParsedChunk(results, templates, rows)


class SparkParser:
    """A :data:`ingest.land.batch.ParseFiles` that parses on Spark executors (see the module doc).

    The session is started on first use (a run with nothing to parse starts none) and stopped by
    :meth:`close` only if this parser started it.
    """

    def __init__(
        self,
        staging: Path,
        *,
        master: str | None = None,
        spark: SparkSession | None = None,
        files_per_partition: int = FILES_PER_PARTITION,
        keep: bool = False,
    ) -> None:
        self.staging = staging
        self.master = master
        self.files_per_partition = files_per_partition
        self.keep = keep
        self.partitions = 0  # over every pass, for the summary
        self._spark = spark
        self._owned = spark is None
        self._runs = 0

    def _session(self) -> SparkSession:
        if self._spark is None:
            self._spark = spark_session(self.master)
        return self._spark

    def __call__(
        self, files: Sequence[Path], max_bytes: int, ingested_at: datetime, roots: tuple[str, ...]
    ) -> Iterator[list[ParsedChunk]]:
        if not files:
            return
        self._runs += 1
        run = self.staging / f"run-{ingested_at:%Y%m%dT%H%M%S%f}-{self._runs}"
        context = self._session().sparkContext
        sources = [str(path) for path in files]
        slices = max(math.ceil(len(sources) / self.files_per_partition), 2 * context.defaultParallelism)
        slices = min(slices, len(sources))
        task = _Task(str(run), max_bytes, ingested_at, roots)
        written = context.parallelize(sources, slices).mapPartitionsWithIndex(task).collect()
        self.partitions += len(written)
        counts = dict(written)
        if sum(counts.values()) != len(sources):
            raise RuntimeError(f"Spark parsed {sum(counts.values())} of {len(sources)} files")
        try:
            window: list[ParsedChunk] = []
            size = 0
            for index in sorted(counts):  # partitions are contiguous slices: index order is file order
                if counts[index] == 0:
                    continue
                window.append(read_partition(run, index))
                size += counts[index]
                if size >= _WINDOW_FILES:
                    yield window
                    window, size = [], 0
            if window:
                yield window
        finally:
            if not self.keep:
                shutil.rmtree(run, ignore_errors=True)

    def close(self) -> None:
        """Stop the session if this parser started it."""
        if self._owned and self._spark is not None:
            self._spark.stop()
            self._spark = None


def ingest_paths_spark(
    paths: list[Path],
    warehouse: Path,
    max_bytes: int = DEFAULT_MAX_BYTES,
    *,
    master: str | None = None,
    spark: SparkSession | None = None,
    staging: Path | None = None,
    retire_missing: bool = False,
    plan: IngestPlan | None = None,
    files_per_partition: int = FILES_PER_PARTITION,
    progress_log: Callable[[str], None] | None = None,
) -> IngestSummary:
    """:func:`ingest.land.batch.ingest_paths` with the parsing on Spark (``master`` or a given session).

    The Parquet files go to ``staging`` and are kept there (one ``run-…`` folder per pass); without
    it, to a temporary folder beside the warehouse, removed after landing. Progress moves as parsed
    windows are landed (``progress_log`` as in :func:`ingest.land.batch.ingest_paths`).
    """
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    keep = staging is not None
    folder = staging if staging is not None else Path(tempfile.mkdtemp(prefix=".spark-", dir=warehouse.parent))
    parser = SparkParser(folder, master=master, spark=spark, files_per_partition=files_per_partition, keep=keep)
    try:
        # The Spark job is over before landing starts, so DuckDB may use every core (workers=1).
        return ingest_paths(
            paths,
            warehouse,
            max_bytes,
            retire_missing=retire_missing,
            workers=1,
            plan=plan,
            parse=parser,
            progress_log=progress_log,
        )
    finally:
        parser.close()
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)

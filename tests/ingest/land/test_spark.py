"""The Spark engine (local[2]) lands the raw layer the single-machine engine lands, row for row.

One SparkSession for the module; a small folder of seeds, real texts, generated reports, a file
to quarantine and a duplicate, ingested by both engines into two warehouses, then changed (a file
edited, one removed, the duplicate's original removed, one added) and refreshed by both.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import polars as pl
import pytest

from ingest.devtools.sample.generate import generate
from ingest.land.batch import ingest_paths
from ingest.land.rows import FILE_COLUMN, SCHEMAS
from ingest.land.schema import RAW
from ingest.land.spark import ingest_paths_spark, spark_session
from tests.conftest import CORPUS

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

_RUN_TIME = re.compile(r" \d{4}-\d\d-\d\d \d\d:\d\d:\d\d$")  # a retired file's reason names the run's time


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    session = spark_session("local[2]", app_name="govinfo-test")
    yield session
    session.stop()


def _raw_layer(warehouse: Path) -> dict[str, Counter[tuple[object, ...]]]:
    """Every raw table as a multiset of rows, without the run's timestamps."""
    tables: dict[str, Counter[tuple[object, ...]]] = {}
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for table in RAW:
            columns = [column.name for column in table.columns if column.name != "ingested_at"]
            rows = con.execute(f"select {', '.join(columns)} from raw.{table.name}").fetchall()
            if table.name == "report_files":
                at = columns.index("error")
                rows = [(*row[:at], _RUN_TIME.sub("", row[at]) if row[at] else row[at], *row[at + 1 :]) for row in rows]
            tables[table.name] = Counter(rows)
    return tables


def _statuses(warehouse: Path) -> dict[str, str]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute("select source_path, status from raw.report_files").fetchall()
    return {Path(path).name: status for path, status in rows}


def _assert_same_raw_layer(local: Path, spark: Path) -> None:
    expected, got = _raw_layer(local), _raw_layer(spark)
    assert expected.keys() == got.keys()
    for name in expected:
        missing, extra = expected[name] - got[name], got[name] - expected[name]
        assert not missing and not extra, f"raw.{name}: {len(missing)} rows missing, {len(extra)} extra"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("spark")
    reports = root / "reports"
    reports.mkdir()
    for source in sorted((CORPUS / "seeds" / "texts").glob("*.txt")) + sorted(
        (CORPUS / "real" / "texts").glob("*.txt")
    ):
        shutil.copyfile(source, reports / source.name)
    for path in generate(10, 7, root / "generated"):
        shutil.copyfile(path, reports / f"gen_{path.name}")
    (reports / "junk.bin.txt").write_bytes(bytes(range(256)) * 32)  # quarantined: not text
    first = min(reports.glob("0*.txt"))
    shutil.copyfile(first, reports / "zz_copy_of_first.txt")  # duplicate, several partitions later
    return reports


def test_spark_lands_the_raw_layer_of_the_local_engine_row_for_row(
    spark: SparkSession, folder: Path, tmp_path: Path
) -> None:
    local, on_spark, staging = tmp_path / "local.duckdb", tmp_path / "spark.duckdb", tmp_path / "parquet"
    local_summary = ingest_paths([folder], local, workers=2)  # > 64 files: the worker processes
    summary = ingest_paths_spark([folder], on_spark, spark=spark, staging=staging, files_per_partition=10)

    files = len(list(folder.iterdir()))
    assert summary.seen == local_summary.seen == files
    assert summary.status == local_summary.status
    assert summary.status["quarantined"] == 1 and summary.status["duplicate"] == 1
    assert summary.status["loaded"] == files - 2
    assert summary.templates == local_summary.templates
    statuses = _statuses(on_spark)
    assert statuses["junk.bin.txt"] == "quarantined" and statuses["zz_copy_of_first.txt"] == "duplicate"
    layer = _raw_layer(on_spark)
    for table in ("reports", "report_metrics", "report_sections", "table_cells", "report_facts", "report_checks"):
        assert sum(layer[table].values()) > 0, f"raw.{table} is empty: the comparison would prove nothing"
    _assert_same_raw_layer(local, on_spark)

    # The executors wrote every raw table as Parquet in the raw layer's schema, one file per partition.
    runs = list(staging.iterdir())
    assert len(runs) == 1
    for name, schema in SCHEMAS.items():
        parts = sorted((runs[0] / name).glob("part-*.parquet"))
        assert len(parts) == -(-files // 10)
        expected = schema if name == "report_files" else {**schema, FILE_COLUMN: pl.Int32}
        for part in parts:
            assert dict(pl.read_parquet_schema(part)) == expected
    assert sum(pl.read_parquet(part).height for part in (runs[0] / "report_metrics").glob("*.parquet")) >= sum(
        layer["report_metrics"].values()
    )  # the duplicate's rows are in its partition's Parquet; landing drops them

    # Unchanged files are not parsed again: no Spark job, no write.
    again = ingest_paths_spark([folder], on_spark, spark=spark)
    assert again.unchanged == files and not again.changed
    _assert_same_raw_layer(local, on_spark)


def test_changes_retirement_and_promotion_match_the_local_engine(
    spark: SparkSession, folder: Path, tmp_path: Path
) -> None:
    local, on_spark = tmp_path / "local.duckdb", tmp_path / "spark.duckdb"
    reports = tmp_path / "reports"
    shutil.copytree(folder, reports)
    ingest_paths([reports], local, workers=2)
    ingest_paths_spark([reports], on_spark, spark=spark, files_per_partition=10)

    first = min(reports.glob("0*.txt"))
    original = first.read_bytes()
    first.unlink()  # the duplicate's loaded copy goes away: the duplicate is promoted
    edited = sorted(reports.glob("gen_*.txt"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n本报告由修订版替代。\n", encoding="utf-8")
    sorted(reports.glob("gen_*.txt"))[1].unlink()  # retired
    (reports / "added.txt").write_bytes(original + "\n附：联系电话 12345。\n".encode())  # new bytes

    local_summary = ingest_paths([reports], local, retire_missing=True, workers=2)
    summary = ingest_paths_spark([reports], on_spark, spark=spark, retire_missing=True, files_per_partition=10)
    assert (summary.retired, summary.promoted, summary.parsed) == (
        local_summary.retired,
        local_summary.promoted,
        local_summary.parsed,
    )
    assert summary.retired == 2 and summary.promoted == 1
    statuses = _statuses(on_spark)
    assert statuses[first.name] == "retired" and statuses["zz_copy_of_first.txt"] == "loaded"
    _assert_same_raw_layer(local, on_spark)

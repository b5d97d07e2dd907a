"""BI access during a refresh (README, "Open the warehouse from BI tools"): a read-only reader in its own
process, as a BI tool is, keeps querying the published warehouse without an error while
``refresh`` builds and atomically publishes a new version; it keeps seeing the version it opened,
and a connection opened afterwards (DuckDB's, and the SQLAlchemy URL Superset uses) sees the new rows."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
import sqlalchemy

from ingest import PROJECT_DIR
from ingest.devtools.sample import generate
from ingest.ops.refresh import refresh
from tests.conftest import CORPUS, REPO

# A BI session: one read-only connection held open, a dashboard query in a loop (one JSON line per
# query, with the time), until the stop file appears; then one last query. Bounded by a deadline.
_READER = """
import json, sys, time
from pathlib import Path
import duckdb

warehouse, stop, deadline = sys.argv[1], Path(sys.argv[2]), time.time() + float(sys.argv[3])
con = duckdb.connect(warehouse, read_only=True)
last = False
while time.time() < deadline:
    last = stop.exists()
    try:
        row = con.execute(
            "select count(*), count(distinct y.agency_id), sum(y.applications_received) "
            "from marts.dim_reports r left join marts.rpt_agency_years y "
            "on y.agency_id = r.agency_id and y.report_year = r.report_year"
        ).fetchone()
        print(json.dumps({"t": time.time(), "ok": True, "reports": row[0]}), flush=True)
    except Exception as error:
        print(json.dumps({"t": time.time(), "ok": False, "error": repr(error)}), flush=True)
    if last:
        break
    time.sleep(0.05)
con.close()
"""


def _reports(warehouse: Path) -> int:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        row = con.execute("select count(*) from marts.dim_reports").fetchone()
    assert row is not None
    return int(row[0])


@pytest.fixture
def published(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A warehouse published by a first refresh over the 5 seed reports; (folder, warehouse, context)."""
    folder = tmp_path / "reports"
    shutil.copytree(CORPUS / "seeds" / "texts", folder / "seeds")
    context = tmp_path / "expectations"
    shutil.copytree(PROJECT_DIR / "expectations", context, ignore=shutil.ignore_patterns("uncommitted"))
    warehouse = tmp_path / "warehouse" / "govinfo.duckdb"
    warehouse.parent.mkdir()
    first = refresh(folder, warehouse, context, workers=1)
    assert first.code == 0, first.message
    assert _reports(warehouse) == 5
    return folder, warehouse, context


def test_a_reader_keeps_querying_through_a_refresh_and_new_connections_see_it(
    published: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    folder, warehouse, context = published
    generate(4, 23, tmp_path / "more")
    shutil.copytree(tmp_path / "more" / "texts", folder / "more")
    stop = tmp_path / "stop"
    reader = subprocess.Popen(
        [sys.executable, "-c", _READER, str(warehouse), str(stop), "600"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert reader.stdout is not None
        first = json.loads(reader.stdout.readline())  # connected and answered before the refresh starts
        assert first["ok"], first
        before_inode = warehouse.stat().st_ino

        result = refresh(folder, warehouse, context, workers=1)
        published_at = time.time()

        assert result.code == 0, result.message
        assert warehouse.stat().st_ino != before_inode, "the refresh did not publish a new file"
        stop.touch()
        out, err = reader.communicate(timeout=120)
    finally:
        if reader.poll() is None:
            reader.kill()
            reader.communicate()
    queries = [first, *(json.loads(line) for line in out.splitlines())]
    failed = [query for query in queries if not query["ok"]]
    assert not failed, f"the reader failed during the refresh: {failed[:3]} {err}"
    assert len(queries) >= 10, "the reader hardly ran while the refresh did"
    assert queries[-1]["t"] > published_at, "the reader's last query was not after the publish"
    # The reader keeps the version it opened, before and after the publish.
    assert {query["reports"] for query in queries} == {5}

    # A connection opened now sees the new version.
    assert _reports(warehouse) == 9


def test_the_superset_url_reads_the_new_version_read_only(published: tuple[Path, Path, Path], tmp_path: Path) -> None:
    """The SQLAlchemy URI the README gives for Superset (duckdb-engine), read-only."""
    folder, warehouse, context = published
    url = f"duckdb:///{warehouse.resolve()}?access_mode=read_only"
    engine = sqlalchemy.create_engine(url, poolclass=sqlalchemy.pool.NullPool)
    with engine.connect() as con:
        assert con.execute(sqlalchemy.text("select count(*) from marts.dim_reports")).scalar_one() == 5
        with pytest.raises(sqlalchemy.exc.DBAPIError, match="read-only"):
            con.execute(sqlalchemy.text("create table marts.scratch (x integer)"))
    generate(2, 29, tmp_path / "more")
    shutil.copytree(tmp_path / "more" / "texts", folder / "more")
    assert refresh(folder, warehouse, context, workers=1).code == 0
    with engine.connect() as con:  # a new connection (Superset opens one per query): the new rows
        assert con.execute(sqlalchemy.text("select count(*) from marts.dim_reports")).scalar_one() == 7
    engine.dispose()

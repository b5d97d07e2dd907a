"""Ingest into a real DuckDB file: status rows for every file, idempotent re-ingest, replacement."""

from __future__ import annotations

from pathlib import Path

import duckdb

from ingest.land.batch import ingest_paths
from tests.conftest import CORPUS

SEED = CORPUS / "seeds" / "texts" / "000_fcbd5fe76b18fee4.txt"


def _rows(warehouse: Path, sql: str) -> list[tuple[object, ...]]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "good.txt").write_bytes(SEED.read_bytes())
    (folder / "copy.txt").write_bytes(SEED.read_bytes())
    (folder / "gbk.txt").write_bytes(SEED.read_text(encoding="utf-8").encode("gb18030"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "junk.txt").write_bytes(bytes(range(256)) * 64)
    (folder / "report.pdf").write_bytes(b"%PDF-1.4 not really")
    (folder / "notes.xyz").write_text("hello", encoding="utf-8")
    return folder


def test_every_file_gets_a_status_row(tmp_path: Path) -> None:
    warehouse = tmp_path / "wh" / "govinfo.duckdb"
    summary = ingest_paths([_folder(tmp_path)], warehouse)
    assert summary.seen == 7
    rows = dict(_rows(warehouse, "select source_path, status from raw.report_files"))
    names = {Path(str(path)).name: status for path, status in rows.items()}
    # Files are taken in name order: copy.txt is loaded first, good.txt has the same bytes.
    assert names == {
        "copy.txt": "loaded",
        "good.txt": "duplicate",
        "gbk.txt": "loaded",
        "empty.txt": "quarantined",
        "junk.txt": "quarantined",
        "report.pdf": "quarantined",
        "notes.xyz": "quarantined",
    }
    errors = dict(_rows(warehouse, "select source_path, error from raw.report_files where status = 'quarantined'"))
    for path, error in errors.items():
        assert Path(str(path)).name in str(error)  # the reason names the file
    encodings = dict(_rows(warehouse, "select source_path, encoding from raw.report_files where format = 'txt'"))
    assert encodings[str(tmp_path / "reports" / "gbk.txt")] == "gb18030"
    assert _rows(warehouse, "select count(*) from raw.reports") == [(2,)]  # utf-8 and gb18030 bytes differ


def test_reingesting_unchanged_files_is_a_no_op(tmp_path: Path) -> None:
    warehouse = tmp_path / "govinfo.duckdb"
    folder = _folder(tmp_path)
    ingest_paths([folder], warehouse)
    before = _rows(warehouse, "select * from raw.report_files order by source_path")
    metrics_before = _rows(warehouse, "select * from raw.report_metrics order by report_id, metric_key")
    second = ingest_paths([folder], warehouse)
    assert second.unchanged == 7
    assert sum(second.status.values()) == 0
    assert _rows(warehouse, "select * from raw.report_files order by source_path") == before
    assert _rows(warehouse, "select * from raw.report_metrics order by report_id, metric_key") == metrics_before


def test_changed_file_replaces_its_report(tmp_path: Path) -> None:
    warehouse = tmp_path / "govinfo.duckdb"
    report = tmp_path / "r.txt"
    report.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    ingest_paths([report], warehouse)
    report.write_text(SEED.read_text(encoding="utf-8").replace("454条", "455条"), encoding="utf-8")
    ingest_paths([report], warehouse)
    assert _rows(warehouse, "select count(*) from raw.reports") == [(1,)]
    assert _rows(warehouse, "select value from raw.report_metrics where metric_key = 'proactive.items_new'") == [
        (455.0,)
    ]


def test_removed_file_is_retired_and_its_duplicate_promoted(tmp_path: Path) -> None:
    warehouse = tmp_path / "govinfo.duckdb"
    folder = _folder(tmp_path)
    ingest_paths([folder], warehouse, retire_missing=True)
    (folder / "copy.txt").unlink()  # the loaded copy goes; good.txt (its duplicate) takes over
    (folder / "empty.txt").unlink()
    summary = ingest_paths([folder], warehouse, retire_missing=True)
    assert summary.retired == 2
    assert summary.promoted == 1
    names = {Path(str(p)).name: s for p, s in _rows(warehouse, "select source_path, status from raw.report_files")}
    assert names["copy.txt"] == "retired"
    assert names["empty.txt"] == "retired"
    assert names["good.txt"] == "loaded"
    assert _rows(warehouse, "select count(*) from raw.reports") == [(2,)]
    again = ingest_paths([folder], warehouse, retire_missing=True)
    assert not again.changed  # idempotent


def test_parallel_parsing_matches_serial(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    text = SEED.read_text(encoding="utf-8")
    for i in range(70):  # above PARALLEL_MIN_FILES, so the worker pool is used
        (folder / f"r{i:03d}.txt").write_text(text.replace("454条", f"{400 + i}条"), encoding="utf-8")
    serial, parallel = tmp_path / "serial.duckdb", tmp_path / "parallel.duckdb"
    ingest_paths([folder], serial, workers=1)
    ingest_paths([folder], parallel, workers=2)
    sql = "select report_id, metric_key, value, evidence from raw.report_metrics order by all"
    assert _rows(serial, sql) == _rows(parallel, sql)
    assert len(_rows(serial, "select * from raw.reports")) == 70


def test_duplicates_parsed_by_different_workers_land_once(tmp_path: Path) -> None:
    # Workers return each chunk's rows as frames; the lander decides which file is the duplicate
    # and must drop exactly that file's rows, whether its twin is in the same chunk or another.
    folder = tmp_path / "many"
    folder.mkdir()
    text = SEED.read_text(encoding="utf-8")
    for i in range(70):
        (folder / f"r{i:03d}.txt").write_text(text.replace("454条", f"{400 + i}条"), encoding="utf-8")
    (folder / "r000_again.txt").write_bytes((folder / "r000.txt").read_bytes())  # sorts next to r000
    (folder / "z_last.txt").write_bytes((folder / "r001.txt").read_bytes())  # sorts last: another chunk
    warehouse = tmp_path / "parallel.duckdb"
    ingest_paths([folder], warehouse, workers=2)
    statuses = dict(_rows(warehouse, "select status, count(*) from raw.report_files group by status"))
    assert statuses == {"loaded": 70, "duplicate": 2}
    assert _rows(warehouse, "select count(*), count(distinct report_id) from raw.reports") == [(70, 70)]
    per_report = _rows(warehouse, "select count(*) from raw.report_metrics group by report_id")
    assert len(per_report) == 70 and len({row[0] for row in per_report}) == 1  # no report's rows twice


def test_news_and_notices_are_not_reports(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    news = "区教育局召开2024年工作会议\n会议要求全区48所学校做好开学准备。\n"
    (folder / "news.txt").write_text(news, encoding="utf-8")
    (folder / "notice.txt").write_text(
        "关于报送2023年度政府信息公开工作年度报告的通知\n请各单位于1月31日前报送。\n", encoding="utf-8"
    )
    ingest_paths([folder], tmp_path / "govinfo.duckdb")
    errors = _rows(tmp_path / "govinfo.duckdb", "select status, error from raw.report_files")
    assert [status for status, _ in errors] == ["quarantined", "quarantined"]
    assert all("not a report" in str(error) for _, error in errors)


def test_a_figure_too_large_for_its_column_quarantines_only_its_file(tmp_path: Path) -> None:
    # 3×10^22 items does not fit raw.proactive_categories.count (BIGINT): that file is quarantined
    # with a reason naming it, and the other file of the same chunk still loads.
    folder = tmp_path / "reports"
    folder.mkdir()
    text = SEED.read_text(encoding="utf-8")
    (folder / "huge.txt").write_text(text.replace("概况信息3条", "概况信息30000000000000000000000条"), encoding="utf-8")
    (folder / "ok.txt").write_text(text, encoding="utf-8")
    warehouse = tmp_path / "w.duckdb"
    summary = ingest_paths([folder], warehouse, workers=1)
    rows = dict(_rows(warehouse, "select regexp_extract(source_path, '[a-z]+\\.txt$'), status from raw.report_files"))
    assert rows == {"huge.txt": "quarantined", "ok.txt": "loaded"}
    assert summary.quarantined and "huge.txt: a figure cannot be stored in the raw tables" in summary.quarantined[0]
    assert _rows(warehouse, "select count(*) from raw.reports") == [(1,)]

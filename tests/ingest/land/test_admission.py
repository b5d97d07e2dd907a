"""One admission rule: extract, ingest and refresh give a file the same status and reason."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from ingest.land.admission import admit_file, outside_root_reason
from ingest.land.batch import ingest_paths
from tests.conftest import CORPUS, REPO

SEED = CORPUS / "seeds" / "texts" / "000_fcbd5fe76b18fee4.txt"
NOTICE = """关于做好2023年度政府信息公开工作年度报告编制发布工作的通知

各县（市、区）人民政府，市政府各部门：
请各单位于2024年1月31日前向社会公布本单位2023年度政府信息公开工作年度报告。
特此通知。
"""


def _folder_with_escape(tmp_path: Path) -> tuple[Path, Path]:
    """An input folder holding a report, a symlink to a report outside it, and a symlink inside it."""
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    secret = outside / "secret.txt"
    secret.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    folder = tmp_path / "reports"
    (folder / "sub").mkdir(parents=True)
    (folder / "real.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "escape.txt").symlink_to(secret)
    (folder / "sub" / "inside.txt").symlink_to(folder / "real.txt")
    return folder, secret


@pytest.mark.parametrize(
    ("name", "refused"),
    [
        pytest.param("escape.txt", True, id="symlink to a file outside the folder is refused"),
        pytest.param("sub/inside.txt", False, id="symlink that stays inside the folder is read"),
        pytest.param("real.txt", False, id="a plain file is read"),
    ],
)
def test_outside_root_reason(tmp_path: Path, name: str, refused: bool) -> None:
    folder, _ = _folder_with_escape(tmp_path)
    reason = outside_root_reason(folder / name, [folder])
    assert (reason is not None) == refused
    if refused:
        assert "outside the input folder" in str(reason)


def test_a_file_named_on_its_own_is_read_even_through_a_symlink(tmp_path: Path) -> None:
    folder, _ = _folder_with_escape(tmp_path)
    result = admit_file(str(folder / "escape.txt"))
    assert result.status == "loaded"


def test_ingest_quarantines_a_symlink_leading_outside_and_never_reads_it(tmp_path: Path) -> None:
    folder, secret = _folder_with_escape(tmp_path)
    warehouse = tmp_path / "w.duckdb"
    ingest_paths([folder], warehouse, workers=1)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        query = "select source_path, status || ' ' || coalesce(error, '') from raw.report_files"
        rows = dict(con.execute(query).fetchall())
    escape = next(value for path, value in rows.items() if path.endswith("escape.txt"))
    assert escape.startswith("quarantined")
    assert "outside the input folder" in escape and "escape.txt" in escape
    assert not any(str(secret) == path for path in rows)
    assert next(value for path, value in rows.items() if path.endswith("real.txt")).startswith("loaded")


def test_extract_and_ingest_agree_on_a_notice(tmp_path: Path) -> None:
    notice = tmp_path / "notice.txt"
    notice.write_text(NOTICE, encoding="utf-8")
    extracted = subprocess.run(
        [sys.executable, "-m", "ingest.cli", "extract", "--json", str(notice)],
        cwd=REPO, capture_output=True, text=True, check=True,
    )  # fmt: skip
    line = json.loads(extracted.stdout)
    assert line["status"] == "quarantined"
    assert "not a report" in line["error"]
    warehouse = tmp_path / "w.duckdb"
    ingest_paths([notice], warehouse, workers=1)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        status, error = con.execute("select status, error from raw.report_files").fetchone() or ("", "")
    assert status == "quarantined"
    assert error == line["error"]

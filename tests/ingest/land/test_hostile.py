"""Hostile input battery: every bad file gets a status row and a reason, the batch completes, and
memory stays bounded (peak RSS of the ingest process and its workers, measured in a subprocess)."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import duckdb
import pytest

from tests.conftest import CORPUS, REPO

SEED = CORPUS / "seeds" / "texts" / "000_fcbd5fe76b18fee4.txt"
RSS_BOUND_MB = 1200  # generous: a normal ingest of a few files peaks around 200 MB

NEWS = """市教育局召开2024年春季开学工作部署会

3月1日上午，市教育局召开春季开学工作部署会。会议强调，要切实做好校园安全和教学准备工作，
确保全市120所学校平稳有序开学。各县区教育局分管负责同志共35人参加会议。
"""
NOTICE = """关于做好2023年度政府信息公开工作年度报告编制发布工作的通知

各县（市、区）人民政府，市政府各部门：
根据《中华人民共和国政府信息公开条例》规定，请各单位于2024年1月31日前向社会公布本单位
2023年度政府信息公开工作年度报告。
特此通知。
"""

_MEASURE = """
import json, resource, sys
from pathlib import Path
from ingest.land.batch import ingest_paths
summary = ingest_paths([Path(sys.argv[1])], Path(sys.argv[2]), workers=int(sys.argv[3]))
print(json.dumps({
    "self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "children_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    "seen": summary.seen,
}))
"""


def _zip_bomb(path: Path, inflated_mb: int = 300) -> None:
    """A .docx-shaped zip whose document.xml inflates to ``inflated_mb`` MB of zeros."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            block = b"0" * (1 << 20)
            for _ in range(inflated_mb):
                member.write(block)


def _hostile_folder(root: Path) -> dict[str, str]:
    """Write the battery; return file name → what it is."""
    folder = root / "hostile"
    folder.mkdir()
    text = SEED.read_text(encoding="utf-8")
    files: dict[str, bytes] = {
        "empty.txt": b"",
        "binary_junk.txt": bytes(range(256)) * 512,
        "truncated.txt": text.encode("utf-8")[:777] + "报".encode()[:2],
        "report_as.pdf": text.encode("utf-8"),  # wrong extension: text named .pdf
        "pdf_as.txt": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n" + bytes(range(256)) * 8,
        "nested.html": b"<html><body>" + b"<div>" * 100_000 + "政府信息公开".encode() + b"</div>" * 100_000,
        "news.txt": NEWS.encode("utf-8"),
        "notice.txt": NOTICE.encode("utf-8"),
        "no_year.txt": text.replace("2018", "").encode("utf-8"),
        "no_agency.txt": "\n".join(text.splitlines()[1:]).encode("utf-8"),
        "gb18030.txt": text.encode("gb18030"),
        "utf16.txt": text.encode("utf-16"),
        "mixed_encodings.txt": text[: len(text) // 2].encode("utf-8") + text[len(text) // 2 :].encode("gb18030"),
        "unknown.xyz": b"hello",
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    _zip_bomb(folder / "bomb.docx")
    with (folder / "huge.txt").open("wb") as handle:  # 50 MB of report-like text
        line = ("本机关2020年新增主动公开政府信息454条。" * 4 + "\n").encode("utf-8")
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            handle.write(line)
    return {name: name for name in [*files, "bomb.docx", "huge.txt"]}


@pytest.fixture(scope="module")
def battery(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, dict[str, tuple[str, str | None]], dict[str, float]]:
    root = tmp_path_factory.mktemp("hostile")
    names = _hostile_folder(root)
    warehouse = root / "wh" / "govinfo.duckdb"
    completed = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(root / "hostile"), str(warehouse), "1"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    measured = json.loads(completed.stdout.strip().splitlines()[-1])
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute("select source_path, status, error from raw.report_files").fetchall()
    statuses = {Path(path).name: (status, error) for path, status, error in rows}
    assert measured["seen"] == len(names)
    return root, statuses, measured


def test_every_hostile_file_has_a_status_row(
    battery: tuple[Path, dict[str, tuple[str, str | None]], dict[str, float]],
) -> None:
    root, statuses, _ = battery
    on_disk = {path.name for path in (root / "hostile").iterdir()}
    assert set(statuses) == on_disk
    for name, (status, error) in statuses.items():
        assert status in {"loaded", "quarantined", "duplicate"}, name
        if status == "quarantined":
            assert error and name in error, (name, error)  # a reason naming the file


@pytest.mark.parametrize(
    ("name", "reason_part"),
    [
        ("empty.txt", "empty"),
        ("bomb.docx", "zip bomb"),
        ("huge.txt", "limit"),
        ("news.txt", "not a report"),
        ("notice.txt", "not a report"),
        ("unknown.xyz", "xyz"),
    ],
)
def test_quarantine_reasons(
    battery: tuple[Path, dict[str, tuple[str, str | None]], dict[str, float]], name: str, reason_part: str
) -> None:
    status, error = battery[1][name]
    assert status == "quarantined"
    assert error is not None and reason_part in error


def test_reports_without_year_or_agency_and_other_encodings_load(
    battery: tuple[Path, dict[str, tuple[str, str | None]], dict[str, float]],
) -> None:
    statuses = battery[1]
    for name in ("no_year.txt", "no_agency.txt", "gb18030.txt", "utf16.txt", "report_as.pdf"):
        assert statuses[name][0] in {"loaded", "quarantined"}, name
    for name in ("no_year.txt", "no_agency.txt", "gb18030.txt", "utf16.txt"):
        assert statuses[name][0] == "loaded", (name, statuses[name])
    for name in ("binary_junk.txt", "pdf_as.txt", "nested.html", "truncated.txt", "mixed_encodings.txt"):
        status, error = statuses[name]
        assert status == "loaded" or (error and name in error), (name, status, error)


def test_memory_stays_bounded(battery: tuple[Path, dict[str, tuple[str, str | None]], dict[str, float]]) -> None:
    measured = battery[2]
    peak = max(measured["self_mb"], measured["children_mb"])
    assert peak < RSS_BOUND_MB, measured

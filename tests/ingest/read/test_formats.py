"""Every format users have gives the figures its clean text gives, or is quarantined with a reason.

Fixtures are built here: generated reports (``ingest.devtools.sample.generate``) rendered to HTML, .docx and
PDF by ``ingest.devtools.render_formats`` (tables as real tables, merged cells where rows are short), to
GB18030 and Big5 text; plus
corrupt, encrypted, empty, scanned and unsupported files that must be quarantined.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import duckdb
import opencc
import pytest

from ingest.devtools import render_formats
from ingest.devtools.render_formats import to_docx, to_html
from ingest.devtools.sample import generate
from ingest.land.batch import ingest_paths
from ingest.land.pipeline import process_file
from ingest.records import FileResult

N_REPORTS = 14
SEED = 20261124


def cjk_font() -> Path:
    try:
        return render_formats.cjk_font()
    except FileNotFoundError as exc:
        pytest.fail(str(exc))


def to_pdf(text: str) -> bytes:
    cjk_font()  # fail with the install hint when no CJK font is there
    return render_formats.to_pdf(text)


def figures(result: FileResult) -> dict[str, Any]:
    """What a format must preserve: report fields and every metric's value and qualifier."""
    assert result.status == "loaded", result.error
    report = result.report
    assert report is not None
    return {
        "report_year": report.report_year,
        "agency_name": report.agency_name,
        "template": report.template,
        "metrics": {k: (m.value, m.qualifier) for k, m in sorted(report.metrics.items())},
    }


@pytest.fixture(scope="module")
def all_originals(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, str]]:
    out = tmp_path_factory.mktemp("formats")
    paths = generate(N_REPORTS, SEED, out)
    return [(path, path.read_text(encoding="utf-8")) for path in paths]


@pytest.fixture(scope="module")
def originals(all_originals: list[tuple[Path, str]]) -> list[tuple[Path, str]]:
    """Reports whose tables are rows (pipe, markdown) or that have none: what a page or file can hold.

    One-cell-per-line texts are scrapes of tables, where a blank line is an empty cell; the newer
    presentations (labels apart, glued digits, one line, short rows, table 4 in pieces or under a
    garbled header) are what flattening a page to text does to its tables. No web page, Word file or
    PDF holds its tables that way (a page's row has its cells), so those are round-tripped only as
    text (tests/ingest/devtools/test_roundtrip.py).
    """
    chosen = []
    for path, text in all_originals:
        truth = json.loads((path.parent.parent / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))
        if truth.get("presentation") in (None, "prose", "pipe", "markdown"):
            chosen.append((path, text))
    return chosen


def _round_trip(originals: list[tuple[Path, str]], tmp_path: Path, ext: str, render: Any) -> list[FileResult]:
    failures = []
    results = []
    for path, text in originals:
        target = tmp_path / f"{path.stem}.{ext}"
        target.write_bytes(render(text))
        result = process_file(target)
        results.append(result)
        if figures(result) != figures(process_file(path)):
            want, got = figures(process_file(path)), figures(result)
            diff = {k: (want["metrics"].get(k), got["metrics"].get(k)) for k in want["metrics"] | got["metrics"]}
            diff = {k: v for k, v in diff.items() if v[0] != v[1]}
            fields = {k: (want[k], got[k]) for k in want if k != "metrics" and want[k] != got[k]}
            failures.append(f"{target.name}: fields {fields} metrics {diff}")
    assert not failures, "\n".join(failures)
    return results


def test_the_sample_has_tables_in_every_presentation(originals: list[tuple[Path, str]]) -> None:
    texts = [text for _, text in originals]
    assert any(" | " in t for t in texts) and any("|---|" in t for t in texts)
    assert any("公开" in t and "|" not in t for t in texts)


def test_html_pages_give_the_figures_of_their_text(originals: list[tuple[Path, str]], tmp_path: Path) -> None:
    results = _round_trip(originals, tmp_path, "html", to_html)
    assert all(r.encoding == "utf-8" for r in results)


def test_gbk_html_page_is_decoded_from_its_meta_charset(originals: list[tuple[Path, str]], tmp_path: Path) -> None:
    results = _round_trip(originals[:4], tmp_path, "htm", lambda text: to_html(text, "gb18030"))
    assert {r.encoding for r in results} == {"gb18030"}


def test_docx_files_give_the_figures_of_their_text(originals: list[tuple[Path, str]], tmp_path: Path) -> None:
    _round_trip(originals, tmp_path, "docx", to_docx)


def test_pdf_files_give_the_figures_of_their_text(originals: list[tuple[Path, str]], tmp_path: Path) -> None:
    results = _round_trip(originals, tmp_path, "pdf", to_pdf)
    for result in results:
        assert result.report is not None
        pages = {m.page for m in result.report.metrics.values()}
        assert None not in pages and min(pages, default=1) >= 1
    assert any(len({m.page for m in r.report.metrics.values()}) > 1 for r in results if r.report)


def test_pdf_page_footers_are_removed(originals: list[tuple[Path, str]], tmp_path: Path) -> None:
    from ingest.read.readers import read_document

    footer = re.compile(r"^\s*-\s*[0-9０-９]+\s*-\s*$", re.MULTILINE)
    text = next(t for _, t in originals if not footer.search(t)) * 3
    path = tmp_path / "report.pdf"
    path.write_bytes(to_pdf(text))
    document = read_document(path, path.read_bytes())
    assert len(document.page_starts) >= 2
    # Only the footers printed inside the report text itself remain, not the PDF's own page footers.
    assert len(footer.findall(document.text)) == len(footer.findall(text))


def test_gb18030_text_gives_the_figures_of_its_utf8_original(
    all_originals: list[tuple[Path, str]], tmp_path: Path
) -> None:
    results = _round_trip(all_originals, tmp_path, "txt", lambda text: text.encode("gb18030"))
    assert {r.encoding for r in results} == {"gb18030"}


def test_big5_text_is_detected_and_gives_the_figures_of_its_utf8_version(
    all_originals: list[tuple[Path, str]], tmp_path: Path
) -> None:
    to_traditional = opencc.OpenCC("s2tw")
    failures = []
    for path, text in all_originals:
        traditional = to_traditional.convert(text)
        utf8, big5 = tmp_path / f"{path.stem}.utf8.txt", tmp_path / f"{path.stem}.big5.txt"
        utf8.write_text(traditional, encoding="utf-8")
        big5.write_bytes(traditional.encode("big5", errors="strict"))
        result = process_file(big5)
        assert result.encoding == "big5", f"{big5.name}: detected {result.encoding}"
        if figures(result) != figures(process_file(utf8)):
            failures.append(big5.name)
    assert not failures


def test_utf16_and_bom_texts_are_decoded(originals: list[tuple[Path, str]], tmp_path: Path) -> None:
    path, text = originals[0]
    want = figures(process_file(path))
    for name, data, encoding in (
        ("bom.txt", b"\xef\xbb\xbf" + text.encode("utf-8"), "utf-8"),
        ("le.txt", text.encode("utf-16"), "utf-16"),
        ("nobom.txt", text.encode("utf-16-le"), "utf-16-le"),
    ):
        target = tmp_path / name
        target.write_bytes(data)
        result = process_file(target)
        assert result.encoding == encoding
        assert figures(result) == want


def _encrypted_pdf(text: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("cjk", "", str(cjk_font()))
    pdf.add_page()
    pdf.set_font("cjk", size=10)
    pdf.multi_cell(0, 6, text[:400])
    pdf.set_encryption(owner_password="owner", user_password="secret")
    return bytes(pdf.output())


def _scanned_pdf() -> bytes:
    from fpdf import FPDF
    from PIL import Image

    image = Image.new("L", (600, 800), 255)
    for x in range(100, 500):
        image.putpixel((x, 200), 0)
    pdf = FPDF()
    for _ in range(2):
        pdf.add_page()
        pdf.image(image, x=10, y=10, w=180)
    return bytes(pdf.output())


def test_bad_files_are_quarantined_with_reasons_and_the_batch_goes_on(
    originals: list[tuple[Path, str]], tmp_path: Path
) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    text = originals[1][1]
    (folder / "good.pdf").write_bytes(to_pdf(text))
    (folder / "good.docx").write_bytes(to_docx(originals[2][1]))
    pdf = to_pdf(text)
    bad = {
        "encrypted.pdf": (_encrypted_pdf(text), "encrypted PDF"),
        "scanned.pdf": (_scanned_pdf(), "needs_ocr"),
        "truncated.pdf": (pdf[: len(pdf) // 3], "PDF"),
        "garbage.pdf": (b"%PDF-1.7\n" + bytes(range(256)) * 40, "corrupt PDF"),
        "fake.pdf": (b"this is not a pdf at all", "not a PDF"),
        "empty.html": (b"", "empty file"),
        "blank.html": (b"<html><body><script>x()</script></body></html>", "no text"),
        "corrupt.docx": (to_docx(text)[:2000], "not a valid .docx"),
        "notzip.docx": (b"PK\x03\x04" + b"\x00" * 100, "not a valid .docx"),
        "random.doc": (bytes(range(256)) * 4, "not an OLE2"),
        "sheet.xlsx": (_xlsx(), "unsupported file type '.xlsx'"),
        "report.rtf": (b"{\\rtf1 hello}", "unsupported file type '.rtf'"),
        "binary.txt": (bytes(range(256)) * 64, "txt"),
    }
    for name, (data, _reason) in bad.items():
        (folder / name).write_bytes(data)
    warehouse = tmp_path / "wh.duckdb"
    summary = ingest_paths([folder], warehouse, workers=1)
    assert summary.seen == len(bad) + 2
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = dict(con.execute("select source_path, coalesce(error, status) from raw.report_files").fetchall())
        statuses = dict(con.execute("select source_path, status from raw.report_files").fetchall())
        pages = con.execute(
            "select count(*), count(page) from raw.report_metrics m join raw.report_files f using (report_id) "
            "where f.format = 'pdf'"
        ).fetchone()
    for name, (_data, reason) in bad.items():
        source = str(folder / name)
        assert statuses[source] == "quarantined", f"{name}: {rows[source]}"
        assert reason in rows[source] and name in rows[source], f"{name}: {rows[source]}"
    assert statuses[str(folder / "good.pdf")] == "loaded"
    assert statuses[str(folder / "good.docx")] == "loaded"
    assert pages is not None and pages[0] > 0 and pages[0] == pages[1]


def _xlsx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()

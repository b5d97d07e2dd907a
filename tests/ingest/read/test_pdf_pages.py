"""PDF pages are read by pdfium (ruled tables included), and give exactly what pdfplumber gives.

Each PDF is read twice: as the reader does it (pdfium for every page it can read as pdfminer would)
and with pdfplumber for every page (pdfium disabled); the documents, page starts included, must be
equal, and pdfium must have read some pages (so the comparison is not pdfplumber against itself).
A ruled-table page's lines by the pdfium path are compared with ``_page_lines`` on pdfplumber's page,
and pages holding what the pdfium path refuses (curves, rotated paths or pages) fall back.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pytest

from ingest.devtools.render_formats import to_pdf
from ingest.devtools.sample import make_report
from ingest.read.formats import pdf as pdf_reader
from ingest.read.formats.base import Document
from tests.conftest import CORPUS

SEED = 20261204


def _both_ways(data: bytes, monkeypatch: pytest.MonkeyPatch) -> tuple[Document, Document, int, int]:
    """The document read as shipped, read by pdfplumber alone, and how many pages pdfium read of how many."""
    seen: list[bool] = []
    original = pdf_reader._fast_page_lines

    def spy(*args: Any) -> Any:
        lines = original(*args)
        seen.append(lines is not None)
        return lines

    with monkeypatch.context() as patch:
        patch.setattr(pdf_reader, "_fast_page_lines", spy)
        fast = pdf_reader.read_pdf(data, "pdf")
    with monkeypatch.context() as patch:
        patch.setattr(pdf_reader, "_open_pdfium", lambda data: None)
        slow = pdf_reader.read_pdf(data, "pdf")
    return fast, slow, sum(seen), len(seen)


def test_generated_pdfs_read_by_pdfium_equal_pdfplumber(monkeypatch: pytest.MonkeyPatch) -> None:
    fast_pages = all_pages = 0
    for i in range(6):
        text = make_report(i, SEED, "mixed").text
        fast, slow, fast_n, all_n = _both_ways(to_pdf(text + "\n" + text), monkeypatch)
        assert fast == slow, f"report {i}"
        fast_pages, all_pages = fast_pages + fast_n, all_pages + all_n
    assert 0 < fast_pages == all_pages  # prose and table pages alike by pdfium


def test_real_pdfs_read_by_pdfium_equal_pdfplumber(monkeypatch: pytest.MonkeyPatch) -> None:
    files = sorted((CORPUS / "pdf" / "files").glob("*.pdf"))
    assert files, f"no real PDFs under {CORPUS / 'pdf' / 'files'}"
    for path in files:
        fast, slow, _, _ = _both_ways(path.read_bytes(), monkeypatch)
        assert fast == slow, path.name  # (every page of these two holds a ruled table)


def test_a_page_with_rules_is_read_by_pdfium(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page holding a ruled table is read by pdfium, and its tables stay tables."""
    text = "\n".join(f"第{i}行 | {i} | {i + 1}" for i in range(3))
    fast, slow, fast_n, all_n = _both_ways(to_pdf("2024年政府信息公开工作年度报告正文内容说明\n" + text), monkeypatch)
    assert fast == slow and fast_n == all_n >= 1
    assert "第1行 | 1 | 2" in fast.text


def test_a_page_pdfium_cannot_read_alike_falls_back_to_pdfplumber(monkeypatch: pytest.MonkeyPatch) -> None:
    """A character pdfium cannot map sends the page back to pdfplumber (pdfminer prints it as (cid:N))."""
    text = make_report(1, SEED).text
    data = to_pdf(text)
    with monkeypatch.context() as patch:
        patch.setattr(pdf_reader, "_pdfium_chars", lambda text_page, height: None)
        fallback = pdf_reader.read_pdf(data, "pdf")
    assert fallback == pdf_reader.read_pdf(data, "pdf")


# Ruled-table pages: pdfium's path objects rebuilt as pdfminer's rects/lines, pdfplumber's table finder on them.

_TABLE = "\n".join(
    [
        "2024年政府信息公开工作年度报告：主动公开政府信息情况如下表所示。",
        "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数",
        "规章 | 0 | 0 | 12",
        "行政规范性文件 | 5 | 1 | 48",
        "行政许可 | 1,234",
        "第二部分 合计与说明",  # a short row: its last cell spans the table's width (a merged cell)
        "表后的说明文字不在表格之内，按文本行读出。",
    ]
)


def _pages(data: bytes) -> list[tuple[list[Any] | None, list[Any]]]:
    """Each page's lines by the pdfium path (None: it refused) and by pdfplumber's ``_page_lines``."""
    import pdfplumber
    import pypdfium2

    out = []
    document = pypdfium2.PdfDocument(data)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for index, page in enumerate(pdf.pages):
            out.append((pdf_reader._fast_page_lines(document, index, page), pdf_reader._page_lines(page)))
    document.close()
    return out


def _with_path_objects(data: bytes) -> list[int]:
    import pypdfium2
    import pypdfium2.raw as pdfium_c

    document = pypdfium2.PdfDocument(data)
    indexes = []
    for index in range(len(document)):
        page = document[index]
        kinds = {
            pdfium_c.FPDFPageObj_GetType(pdfium_c.FPDFPage_GetObject(page.raw, n))
            for n in range(pdfium_c.FPDFPage_CountObjects(page.raw))
        }
        page.close()
        if pdfium_c.FPDF_PAGEOBJ_PATH in kinds:
            indexes.append(index)
    document.close()
    return indexes


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(lambda: to_pdf(_TABLE), id="a ruled table with a merged cell is read by pdfium like pdfplumber"),
        pytest.param(
            lambda: to_pdf(make_report(2, SEED, "pipe").text),
            id="every table page of a generated report is read by pdfium like pdfplumber",
        ),
        pytest.param(
            lambda: (CORPUS / "pdf" / "files" / "hongze_gov_2024.pdf").read_bytes(),
            id="a real report's table pages (cm-flipped paths, re fills) are read by pdfium like pdfplumber",
        ),
    ],
)
def test_a_ruled_table_page_is_read_by_pdfium_as_pdfplumber_reads_it(data: Any) -> None:
    data = data()
    pages = _pages(data)
    table_pages = _with_path_objects(data)
    assert table_pages
    taken = [i for i in table_pages if pages[i][0] is not None]
    assert len(taken) >= max(1, len(table_pages) // 2)  # most table pages take the pdfium path
    assert any(line.is_row for i in taken for line in pages[i][1])  # and they hold table rows
    for index in taken:
        fast, slow = pages[index]
        # the same lines and rows in the same order (a text line's top differs in pdfium's last bits)
        assert [(ln.text, ln.is_row) for ln in fast] == [(ln.text, ln.is_row) for ln in slow], f"page {index}"


def _page_with_drawing(text: str, draw: Callable[[Any], None]) -> bytes:
    """A one-page PDF with a paragraph of ``text`` and whatever ``draw`` paints on the fpdf page."""
    from fpdf import FPDF

    from ingest.devtools.render_formats import cjk_font

    pdf = FPDF(format="A4")
    pdf.add_font("cjk", "", str(cjk_font()))
    pdf.add_page()
    pdf.set_font("cjk", size=10)
    pdf.multi_cell(0, 6, text * 3)
    draw(pdf)
    return bytes(pdf.output())


def _curve_pdf() -> bytes:
    # Bézier segments: pdfminer's curve points are not pdfium's
    return _page_with_drawing(
        "2024年政府信息公开工作年度报告：本页有一个圆形图案，不是表格。", lambda pdf: pdf.circle(100, 150, 20)
    )


def _rotated_path_pdf() -> bytes:
    def draw(pdf: Any) -> None:
        with pdf.rotation(30, 100, 150):
            pdf.rect(80, 140, 40, 20)

    return _page_with_drawing("2024年政府信息公开工作年度报告：本页有一条旋转过的线段。", draw)


def _rotated_page_pdf() -> bytes:
    import pypdfium2

    document = pypdfium2.PdfDocument(to_pdf(_TABLE))
    document[0].set_rotation(90)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(_curve_pdf, id="a page with a Bezier curve falls back to pdfplumber"),
        pytest.param(_rotated_path_pdf, id="a page with a rotated rectangle falls back to pdfplumber"),
        pytest.param(_rotated_page_pdf, id="a rotated page with a ruled table falls back to pdfplumber"),
    ],
)
def test_a_page_the_pdfium_path_refuses_falls_back(make: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    data = make()
    assert _with_path_objects(data) == [0]
    (fast, slow), *_ = _pages(data)
    assert fast is None and slow
    shipped, plumber, _, _ = _both_ways(data, monkeypatch)
    assert shipped == plumber

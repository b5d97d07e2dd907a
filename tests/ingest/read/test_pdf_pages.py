"""PDF pages without vector graphics are read by pdfium, and give exactly what pdfplumber gives.

Each PDF is read twice: as the reader does it (pdfium for table-free pages) and with pdfplumber for
every page (pdfium disabled); the documents, page starts included, must be equal, and pdfium must
have read some pages (so the comparison is not pdfplumber against itself).
"""

from __future__ import annotations

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
    assert 0 < fast_pages < all_pages  # prose pages by pdfium, table pages by pdfplumber


def test_real_pdfs_read_by_pdfium_equal_pdfplumber(monkeypatch: pytest.MonkeyPatch) -> None:
    files = sorted((CORPUS / "pdf" / "files").glob("*.pdf"))
    assert files, f"no real PDFs under {CORPUS / 'pdf' / 'files'}"
    for path in files:
        fast, slow, _, _ = _both_ways(path.read_bytes(), monkeypatch)
        assert fast == slow, path.name  # (every page of these two holds a ruled table: all pdfplumber)


def test_a_page_with_rules_is_read_by_pdfplumber(monkeypatch: pytest.MonkeyPatch) -> None:
    """One table row a page: every page holds a path, so pdfium reads none and tables stay tables."""
    text = "\n".join(f"第{i}行 | {i} | {i + 1}" for i in range(3))
    fast, slow, fast_n, all_n = _both_ways(to_pdf("2024年政府信息公开工作年度报告正文内容说明\n" + text), monkeypatch)
    assert fast == slow and fast_n == 0 and all_n >= 1
    assert "第1行 | 1 | 2" in fast.text


def test_a_page_pdfium_cannot_read_alike_falls_back_to_pdfplumber(monkeypatch: pytest.MonkeyPatch) -> None:
    """A character pdfium cannot map sends the page back to pdfplumber (pdfminer prints it as (cid:N))."""
    text = make_report(1, SEED).text
    data = to_pdf(text)
    with monkeypatch.context() as patch:
        patch.setattr(pdf_reader, "_pdfium_chars", lambda text_page, height: None)
        fallback = pdf_reader.read_pdf(data, "pdf")
    assert fallback == pdf_reader.read_pdf(data, "pdf")

"""PDF with a text layer: text lines and ruled tables in reading order, page by page.

Pages are read with pdfium (pypdfium2): a page's characters and their boxes go through pdfplumber's
own line builder, and on a page with vector graphics (lines and rectangles: maybe a ruled table)
its path objects are turned back into the rects, lines and curves pdfminer would have made
(:mod:`ingest.read.formats.pdf_tables`) and pdfplumber's own table finder runs on their edges. This
gives the lines and rows pdfplumber gives at a fraction of pdfminer's cost. Any page pdfium reads
unlike pdfminer would (rotated text or page, unmapped glyphs, control characters, form XObjects,
Bézier curves, rotated or skewed paths, path coordinates not found in the content stream) is read
with pdfplumber (pdfminer.six) as a whole. A table row with two or more real cells becomes one
``|`` row (merged cells appear once; empty cells left of the first number column are dropped so
labels and numbers line up), every other line is text. Page furniture
(- 3 -, 第3页, lines repeated at the top or bottom of most pages) is removed. A number that a
paragraph's line wrap cut in two (``…信息12`` at the right margin, ``7条…`` on the next line) is
joined again (:func:`_joined_lines`); any other line break is kept.
``Document.page_starts`` records where each page begins in the text, so a figure's evidence can name
its page. A PDF without a text layer is
quarantined as ``needs_ocr``; encrypted and corrupt files are quarantined with the reason.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, cast

import pdfplumber
import pypdfium2
import pypdfium2.raw as pdfium_c
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException
from pdfplumber.table import Table, TableFinder
from pdfplumber.utils.text import chars_to_textmap

from ingest.read.formats.base import Document, ReadError, cell_text
from ingest.read.formats.pdf_tables import RuledPage, pdfium_edges

__all__ = ["read_pdf"]

_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–－]\s*\d+\s*[-—–－]|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|\d{1,3}|[-—–－]\s*\d+|\d+\s*[-—–－])\s*$"
)
_NUMBERISH = re.compile(r"^\s*[\d.,]+\s*$")
# A wrapped line ends in digits glued to the word before them (``信息12``, ``1,2``): a number cut by the
# wrap. A table row flattened to a line has a space before its last figure (``合计 12``) and is not one.
_CUT_NUMBER_END = re.compile(r"[^\s\d.,][\d.,]*\d[.,]?$")
_CUT_NUMBER_START = re.compile(r"^\d")
_OCR_HINT = "run OCR first (e.g. `ocrmypdf -l chi_sim in.pdf out.pdf`)"


@dataclass(frozen=True)
class _Line:
    top: float
    bottom: float
    text: str
    is_row: bool
    x1: float = 0.0  # right edge of a text line (rows: 0), to tell a line the margin wrapped


def read_pdf(data: bytes, fmt: str) -> Document:
    """Text of a PDF's pages with tables as ``|`` rows; raises :class:`ReadError` naming the problem."""
    if not data.lstrip()[:1024].startswith(b"%PDF") and b"%PDF-" not in data[:1024]:
        raise ReadError("not a PDF (no %PDF header): the file is corrupt or has the wrong extension")
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise ReadError(f"encrypted PDF: it needs a password to open ({type(exc).__name__})") from exc
    except (PDFSyntaxError, PSException) as exc:
        raise ReadError(f"corrupt PDF: cannot parse its structure ({type(exc).__name__}: {exc})") from exc
    except Exception as exc:
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
            raise ReadError(f"encrypted PDF: it needs a password to open ({type(cause).__name__})") from exc
        raise ReadError(f"corrupt PDF: cannot open it ({_describe(cause)})") from exc
    try:
        pages = _read_pages(pdf, data)
        if _too_little_text(pages):
            pages = _read_pages(pdf, None)  # pdfplumber alone: it counts the images named in the error
    except ReadError:
        raise
    except Exception as exc:
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
        raise ReadError(f"corrupt PDF: cannot read its pages ({_describe(cause)})") from exc
    finally:
        pdf.close()
    if not pages:
        raise ReadError("PDF has no pages")
    if _too_little_text(pages):
        images = sum(n for _, n in pages)
        raise ReadError(
            f"scanned PDF: {len(pages)} page(s), {images} image(s) and no text layer (needs_ocr); {_OCR_HINT}"
        )
    furniture = _repeated_furniture([lines for lines, _ in pages])
    text_parts: list[str] = []
    starts: list[int] = []
    cursor = 0
    cut_at_page_end = False
    for lines, _ in pages:
        body = [ln for ln in lines if ln.is_row or _key(ln.text) not in furniture]
        texts, starts_with_digit, cut_at_end = _joined_lines(body)
        if cut_at_page_end and starts_with_digit:
            # the number runs on from the last line of the page before: no line break between its digits
            text_parts[-1] = text_parts[-1][:-1]
            cursor -= 1
        page_text = "\n".join(texts) + "\n"
        starts.append(cursor)
        text_parts.append(page_text)
        cursor += len(page_text)
        cut_at_page_end = cut_at_end
    return Document(text="".join(text_parts), format=fmt, encoding=None, page_starts=tuple(starts))


def _joined_lines(lines: list[_Line]) -> tuple[list[str], bool, bool]:
    """Line texts with numbers cut by a soft wrap joined again; and whether a cut may span the page's ends.

    A line wraps softly when it reaches the page's right margin (:func:`_wrap_margin`); when it ends
    in a number glued to its text and the next text line begins with a digit, the wrap fell inside
    the number and the two lines are one. The second value says the first line begins with a digit,
    the third that the last line is such a cut line (the page break fell inside the number).
    """
    margin = _wrap_margin(lines)
    texts: list[str] = []
    cut = False
    for line in lines:
        if cut and _starts_with_digit(line):
            texts[-1] += line.text
        else:
            texts.append(line.text)
        cut = not line.is_row and _at_margin(line, margin) and bool(_CUT_NUMBER_END.search(line.text))
    return texts, bool(lines) and _starts_with_digit(lines[0]), cut


def _wrap_margin(lines: list[_Line]) -> float:
    """The right edge that wrapped prose lines reach: the rightmost text line's, when at least three
    text lines end within one character of it (a page of short lines has no margin: infinity)."""
    text_lines = [ln for ln in lines if not ln.is_row]
    margin = max((ln.x1 for ln in text_lines), default=0.0)
    return margin if sum(_at_margin(ln, margin) for ln in text_lines) >= 3 else float("inf")


def _at_margin(line: _Line, margin: float) -> bool:
    """Whether a line ends within one character (its own height) of the right margin."""
    return line.x1 >= margin - (line.bottom - line.top)


def _starts_with_digit(line: _Line) -> bool:
    return not line.is_row and bool(_CUT_NUMBER_START.match(line.text))


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def _too_little_text(pages: list[tuple[list[_Line], int]]) -> bool:
    return sum(len(re.sub(r"\s", "", "".join(ln.text for ln in lines))) for lines, _ in pages) < 20 * len(pages)


def _read_pages(pdf: Any, data: bytes | None) -> list[tuple[list[_Line], int]]:
    """Lines of every page and its image count (-1 when pdfium read the page: images not counted).

    With ``data``, pages pdfium can read as pdfminer would are read by pdfium; without, all by pdfplumber.
    """
    fast = _open_pdfium(data) if data is not None else None
    try:
        pages: list[tuple[list[_Line], int]] = []
        for index, page in enumerate(pdf.pages):
            lines = _fast_page_lines(fast, index, page) if fast is not None else None
            pages.append((lines, -1) if lines is not None else (_page_lines(page), len(page.images)))
        return pages
    finally:
        if fast is not None:
            fast.close()


def _open_pdfium(data: bytes) -> pypdfium2.PdfDocument | None:
    try:
        return pypdfium2.PdfDocument(data)
    except Exception:  # noqa: BLE001 - pdfplumber reads (or reports) whatever pdfium cannot open
        return None


_PATH, _FORM = pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM


def _fast_page_lines(document: pypdfium2.PdfDocument, index: int, page: Any) -> list[_Line] | None:
    """A page's text lines and table rows read with pdfium, or None when pdfplumber must read it.

    pdfium gives each character's code, its advance box (x0, x1 equal pdfminer's) and its matrix;
    the box's bottom and the font size times the vertical scale make pdfminer's bottom and top.
    The characters then go through pdfplumber's line builder (``chars_to_textmap``) with the
    page's defaults, so words, spaces and lines are formed by the same code as on other pages.
    A page with path objects gets pdfplumber's edges from :func:`pdfium_edges`, and pdfplumber's
    ``TableFinder`` finds its tables in them as it would on the pdfplumber page.
    """
    if index >= len(document):
        return None
    width, height = float(page.width), float(page.height)
    if page.rotation % 360 or tuple(page.bbox) != (0, 0, page.width, page.height):
        return None
    if tuple(page.mediabox) != tuple(page.bbox):
        return None
    pdfium_page = document[index]
    edges: list[dict[str, Any]] | None = []
    try:
        raw = pdfium_page.raw
        kinds = {
            pdfium_c.FPDFPageObj_GetType(pdfium_c.FPDFPage_GetObject(raw, n))
            for n in range(pdfium_c.FPDFPage_CountObjects(raw))
        }
        if _FORM in kinds:
            return None  # a form XObject: its own content, which pdfplumber reads
        text_page = pdfium_page.get_textpage()
        try:
            chars = _pdfium_chars(text_page, height)
        finally:
            text_page.close()
        if chars is not None and _PATH in kinds:
            edges = pdfium_edges(raw, page)  # lines or rectangles: maybe a ruled table
    finally:
        pdfium_page.close()
    if chars is None or edges is None:
        return None
    bbox = (0, 0, page.width, page.height)
    if not edges:
        return _text_lines(chars, width, height, bbox)
    rows, boxes = _table_rows(TableFinder(cast(Any, RuledPage(edges, chars, tuple(page.bbox)))).tables)
    return _text_lines([c for c in chars if _outside(c, boxes)], width, height, bbox, rows)


def _pdfium_chars(text_page: Any, height: float) -> list[dict[str, Any]] | None:
    """Characters as pdfplumber describes them (text, x0, x1, top, bottom, upright), or None."""
    chars: list[dict[str, Any]] = []
    box = pdfium_c.FS_RECTF()
    matrix = pdfium_c.FS_MATRIX()
    for i in range(pdfium_c.FPDFText_CountChars(text_page)):
        if pdfium_c.FPDFText_IsGenerated(text_page, i):
            continue  # spaces and breaks pdfium inferred; pdfminer has none
        code = pdfium_c.FPDFText_GetUnicode(text_page, i)
        if code < 0x20 or 0xD800 <= code <= 0xDFFF or code in (0xFFFD, 0xFFFE, 0xFFFF):
            return None
        if pdfium_c.FPDFText_HasUnicodeMapError(text_page, i):
            return None  # pdfminer prints such a glyph as (cid:N)
        if not pdfium_c.FPDFText_GetLooseCharBox(text_page, i, box) or not pdfium_c.FPDFText_GetMatrix(
            text_page, i, matrix
        ):
            return None
        if matrix.b or matrix.c or matrix.a <= 0 or matrix.d <= 0:
            return None  # rotated, skewed or mirrored text: pdfminer's geometry differs
        size = pdfium_c.FPDFText_GetFontSize(text_page, i) * matrix.d
        if box.top - box.bottom > 2 * size:
            return None  # a box not scaled to the text (pdfium's vertical writing): pdfminer's differs
        bottom = height - box.bottom
        top = bottom - size
        chars.append(
            {
                "text": chr(code),
                "x0": box.left,
                "x1": box.right,
                "top": top,
                "bottom": bottom,
                "doctop": top,
                "upright": True,
                "size": size,
            }
        )
    return chars


def _text_lines(
    chars: list[dict[str, Any]],
    width: float,
    height: float,
    bbox: tuple[float, float, float, float],
    rows: list[_Line] | None = None,
) -> list[_Line]:
    """Table ``rows`` and the text lines of ``chars``, top to bottom, as :func:`_page_lines` orders them."""
    items: list[_Line] = list(rows or [])
    limit = height or 1.0
    if chars:
        textmap = chars_to_textmap(chars, layout_bbox=bbox, layout_width=width, layout_height=height)
        items.extend(_kept_lines(textmap.extract_text_lines(strip=True, return_chars=False), limit))
    return _in_reading_order(items)


def _page_lines(page: Any) -> list[_Line]:
    """Text lines and table rows of one page, top to bottom, without page numbers."""
    items, boxes = _table_rows(page.find_tables())
    source = page.filter(lambda obj: _outside(obj, boxes)) if boxes else page
    items.extend(_kept_lines(source.extract_text_lines(return_chars=False), float(page.height) or 1.0))
    return _in_reading_order(items)


def _in_reading_order(items: list[_Line]) -> list[_Line]:
    """Top to bottom; at the same height a text line before a table row."""
    return sorted(items, key=lambda item: (round(item.top, 1), item.is_row))


def _table_rows(tables: list[Table]) -> tuple[list[_Line], list[tuple[float, float, float, float]]]:
    """The ``|`` rows of pdfplumber's tables and their boxes (the text inside them is not text lines)."""
    items: list[_Line] = []
    boxes: list[tuple[float, float, float, float]] = []
    for table in tables:
        texts = table.extract()
        first_value = _first_value_column(texts)
        for row, cells in zip(table.rows, texts, strict=False):
            if sum(c is not None for c in cells) < 2:
                continue  # a framed paragraph, not a table row: its text is read as text
            kept = [c for i, c in enumerate(cells) if c is not None and (c.strip() or i >= first_value)]
            boxes.append(row.bbox)
            items.append(_Line(row.bbox[1], row.bbox[3], " | ".join(cell_text(c) for c in kept), True))
    return items, boxes


def _outside(obj: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    """Whether a character's centre lies outside every table row box."""
    cx = (obj["x0"] + obj["x1"]) / 2
    cy = (obj["top"] + obj["bottom"]) / 2
    return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def _kept_lines(lines: list[dict[str, Any]], height: float) -> list[_Line]:
    """Non-empty text lines, less a page number printed near the top or bottom edge."""
    kept: list[_Line] = []
    for line in lines:
        text = line["text"].strip()
        near_edge = line["top"] < 0.1 * height or line["bottom"] > 0.88 * height
        if text and not (near_edge and _PAGE_NUMBER.match(text)):
            kept.append(_Line(line["top"], line["bottom"], text, False, float(line["x1"])))
    return kept


def _first_value_column(rows: list[list[str | None]]) -> int:
    """Index of the leftmost column holding a number in any row (label columns lie to its left)."""
    columns = [i for row in rows for i, c in enumerate(row) if c is not None and _NUMBERISH.match(c)]
    return min(columns) if columns else 0


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s", "", text))


def _repeated_furniture(pages: list[list[_Line]]) -> set[str]:
    """Running headers/footers: a first or last text line (digits masked) on most pages."""
    if len(pages) < 3:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        texts = [ln for ln in lines if not ln.is_row]
        edge = {_key(ln.text) for ln in texts[:1] + texts[-1:]}
        counts.update(edge)
    return {key for key, n in counts.items() if n >= max(3, 0.6 * len(pages)) and len(key) < 60}

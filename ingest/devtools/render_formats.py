"""A report text rendered as the files a national crawl finds: a web page, a Word file, a PDF.

The same generated text (``ingest.devtools.sample``) becomes an HTML page wrapped in site chrome
(navigation, breadcrumbs, the 索引号 metadata box, share bar, related links, visit counter, footer),
a .docx (paragraphs and real tables with merged cells), or a PDF with a text layer (wrapped
paragraphs, ruled tables, ``- n -`` page footers; fpdf2 with a CJK TrueType font). Runs of ``|``
lines (markdown rows included) become tables; a short row's last cell spans to the table's width,
as printed tables do. Used by the format round-trip tests and by the benchmark's format mix.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["CJK_FONTS", "RENDERERS", "blocks_of", "cjk_font", "spans", "to_docx", "to_html", "to_pdf"]

CJK_FONTS = (
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
)
_MD_SEPARATOR = re.compile(r"^\|?(?:\s*:?-{3,}:?\s*\|)+\s*$")

Block = tuple[str, Any]  # ("p", line) or ("table", rows)


def blocks_of(text: str) -> list[Block]:
    """A report text as paragraphs and tables: runs of ``|`` lines are tables (markdown rows included)."""
    blocks: list[Block] = []
    table: list[list[str]] = []
    for line in text.split("\n"):
        if line.count("|") >= 2 or " | " in line:
            if _MD_SEPARATOR.match(line.strip()):
                continue
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            table.append(cells)
            continue
        if table:
            blocks.append(("table", table))
            table = []
        if line.strip():
            blocks.append(("p", line))
    if table:
        blocks.append(("table", table))
    return blocks


_NUMBER_CELL = re.compile(r"^[-−+]?[\d０-９.,，]+%?$")


def spans(rows: list[list[str]]) -> list[list[tuple[str, int]]]:
    """Cells with a colspan: a short row's last cell spans to the table's width (as printed tables do).

    A short row ending in a number is a value row with blank cells after it (行政处罚 | 2 | -1 | ):
    those become empty cells, since a reader repeats a spanned cell's text in every column it spans.
    """
    width = max(len(r) for r in rows)
    out: list[list[tuple[str, int]]] = []
    for r in rows:
        if not r:
            out.append([])
        elif len(r) < width and _NUMBER_CELL.match(r[-1].strip()):
            out.append([(c, 1) for c in r] + [("", 1)] * (width - len(r)))
        else:
            out.append([(c, 1) for c in r[:-1]] + [(r[-1], width - len(r) + 1)])
    return out


def to_html(text: str, charset: str = "utf-8") -> bytes:
    """A government web page: navigation, metadata box, the report in a content div, share bar, footer."""
    body: list[str] = []
    for kind, value in blocks_of(text):
        if kind == "p":
            body.append(f"<p>{html.escape(value)}</p>")
        else:
            rows = "".join(
                "<tr>" + "".join(f'<td colspan="{n}">{html.escape(c)}</td>' for c, n in row) + "</tr>"
                for row in spans(value)
            )
            body.append(f'<table border="1"><tbody>{rows}</tbody></table>')
    page = f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>政府信息公开年报 - 某某门户网站</title><style>p {{ text-indent: 2em; }}</style>
<script>var visits = "浏览次数：1234"; document.write(visits);</script></head>
<body><div class="top-nav"><ul><li><a href="/">首页</a></li><li><a href="/xxgk">政府信息公开</a></li>
<li><a href="/news">新闻动态</a></li><li><a href="/bsfw">办事服务</a></li></ul></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/nb">政府信息公开年报</a></div>
<table class="xxgk-meta"><tr><td>索引号：</td><td>11320000/2025-00012</td><td>发布机构：</td><td>某某办公室</td></tr>
<tr><td>发文日期：</td><td>2025-01-20</td><td>标题：</td><td>政府信息公开工作年度报告</td></tr></table>
<div id="zoom" class="article-content">{"".join(body)}</div>
<div class="share-bar">分享到：<a href="#">微信</a><a href="#">微博</a></div>
<div class="related-links"><h3>相关链接</h3><ul><li><a href="/a">2022年度报告</a></li>
<li><a href="/b">2021年度报告</a></li></ul></div>
<div class="visit-counter">浏览次数：2345</div>
<div class="footer">主办单位：某某人民政府办公室 版权所有 网站标识码：3200000001</div>
<script>console.log("统计代码");</script></body></html>"""
    return page.encode(charset)


def to_docx(text: str) -> bytes:
    """A Word document: paragraphs and real tables (short rows merged to full width)."""
    from docx import Document

    document = Document()
    for kind, value in blocks_of(text):
        if kind == "p":
            document.add_paragraph(value)
            continue
        rows = spans(value)
        width = max(sum(n for _, n in row) for row in rows)
        table = document.add_table(rows=len(rows), cols=width)
        for r, row in enumerate(rows):
            cells = table.rows[r].cells  # per row: table.cell(r, c) rescans the whole table each call
            c = 0
            for cell_text, n in row:
                cell = cells[c]
                if n > 1:
                    cell = cell.merge(cells[c + n - 1])
                cell.text = cell_text
                c += n
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def cjk_font() -> Path:
    """The first installed CJK TrueType font; FileNotFoundError says how to install one."""
    for font in CJK_FONTS:
        if font.is_file():
            return font
    raise FileNotFoundError("no CJK font: run `make system-deps` (installs fonts-wqy-zenhei)")


def to_pdf(text: str, font: Path | None = None) -> bytes:
    """A PDF with a text layer: wrapped paragraphs, ruled tables with merged cells, page footers.

    ``font`` is a TrueType font holding every character of ``text`` (default: :func:`cjk_font`); a
    subset of it (``font_subset``) renders the same text layer several times faster.
    """
    from fpdf import FPDF

    class Report(FPDF):
        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("cjk", size=9)
            self.cell(0, 10, f"- {self.page_no()} -", align="C")

    pdf = Report(format="A4")
    pdf.add_font("cjk", "", str(font or cjk_font()))
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font("cjk", size=10)
    for kind, value in blocks_of(text):
        if kind == "p":
            pdf.multi_cell(0, 6, value, new_x="LMARGIN", new_y="NEXT")
            continue
        rows = spans(value)
        width = max(sum(n for _, n in row) for row in rows)
        widths = (3,) + (1,) * (width - 1) if width > 2 else (1,) * width
        pdf.set_font("cjk", size=7)
        try:
            with pdf.table(first_row_as_headings=False, col_widths=widths, line_height=4) as table:
                for row in rows:
                    out = table.row()
                    for cell_text, n in row:
                        out.cell(cell_text, colspan=n)
        except ValueError:
            # A row taller than a page (a whole table flattened into one cell) cannot be a table
            # row; fpdf refuses it before drawing the table, so the rows are printed as lines.
            for row in rows:
                pdf.multi_cell(0, 4, "  ".join(cell_text for cell_text, _ in row), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("cjk", size=10)
        pdf.ln(2)
    return bytes(pdf.output())


def _to_text(text: str) -> bytes:
    return text.encode("utf-8")


# File extension -> renderer of a report text into that format's bytes.
RENDERERS: dict[str, Callable[[str], bytes]] = {"pdf": to_pdf, "html": to_html, "docx": to_docx, "txt": _to_text}

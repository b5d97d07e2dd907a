"""Word .docx: paragraphs and tables in document order; tables as ``|`` rows with merges resolved.

A horizontally merged cell (gridSpan) and a vertically merged one (vMerge) repeat their text in
every grid slot they cover, as the HTML reader does, so ``ingest.extract.tables.reader`` sees full rows.
"""

from __future__ import annotations

import io
import zipfile

import docx
from docx.oxml.ns import qn
from lxml import etree

from ingest.read.formats.base import Document, ReadError, cell_text, render_rows

__all__ = ["read_docx", "table_rows"]

_P, _TBL, _TR, _TC, _SDT = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:sdt")
_T, _TAB, _BR, _CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
_DEL = qn("w:del")


def read_docx(data: bytes, fmt: str) -> Document:
    """Body paragraphs and tables of a .docx in order (headers, footers and comments are left out)."""
    try:
        document = docx.Document(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise ReadError(f"not a valid .docx (zip container is corrupt or truncated: {exc})") from exc
    except KeyError as exc:
        raise ReadError(f"not a valid .docx (missing part {exc}); open and re-save it in Word") from exc
    except Exception as exc:
        raise ReadError(f"not a valid .docx ({type(exc).__name__}: {exc}); open and re-save it in Word") from exc
    blocks: list[str] = []
    _blocks(document.element.body, blocks)
    text = "\n".join(blocks).strip("\n")
    return Document(text=text + "\n", format=fmt, encoding=None)


def _blocks(container: etree._Element, out: list[str]) -> None:
    for child in container:
        if child.tag == _P:
            out.append(_paragraph_text(child))
        elif child.tag == _TBL:
            rows = table_rows(child)
            if any(len(r) > 1 for r in rows):
                out.append(render_rows(rows))
            else:  # a one-column "table" is a framed paragraph
                out.extend(cell_text(r[0]) for r in rows if r)
        elif child.tag == _SDT:
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                _blocks(content, out)


def _paragraph_text(p: etree._Element) -> str:
    """A paragraph's visible text: runs, tabs and breaks (deleted revisions left out)."""
    parts: list[str] = []
    for node in p.iter(_T, _TAB, _BR, _CR):
        if any(a.tag == _DEL for a in node.iterancestors()):
            continue
        if node.tag == _T:
            parts.append(node.text or "")
        elif node.tag == _TAB:
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def table_rows(tbl: etree._Element) -> list[list[str]]:
    """Cell texts on the table grid, merged cells repeated in every slot they cover."""
    rows: list[list[str]] = []
    for tr in tbl.iterchildren(_TR):
        row: list[str] = []
        for tc in tr.iterchildren(_TC):
            props = tc.find(qn("w:tcPr"))
            span = 1
            merge: str | None = None
            if props is not None:
                grid_span = props.find(qn("w:gridSpan"))
                if grid_span is not None:
                    span = max(1, int(grid_span.get(qn("w:val"), "1")))
                v_merge = props.find(qn("w:vMerge"))
                if v_merge is not None:
                    merge = v_merge.get(qn("w:val"), "continue")
            column = len(row)
            if merge == "continue" and rows and column < len(rows[-1]):
                text = rows[-1][column]
            else:
                text = cell_text("\n".join(_paragraph_text(p) for p in tc.iter(_P)))
            row.extend([text] * span)
        rows.append(row)
    return rows

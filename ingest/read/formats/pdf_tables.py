"""pdfplumber's table edges of a page, rebuilt from pdfium's path objects instead of pdfminer's run.

pdfminer (under pdfplumber) interprets a page's whole content stream in Python; pdfium (C) holds the
same paths already parsed. :func:`pdfium_edges` turns each pdfium path object back into the path
operators pdfminer would have recorded (``m``, ``l``, ``h``; a ``re`` as its ``m l l l h``) and hands
them to pdfminer's own ``paint_path``, which classifies them into rects, lines and curves; pdfplumber's
own ``process_object`` and edge builders then make the edges its table finder reads. pdfium keeps
coordinates as 32-bit floats, pdfminer as the doubles of the numbers written in the content stream,
and a table's geometry decides which row a number falls in, so every coordinate is taken back from
the content stream: the ``x y m``, ``x y l``, ``x y w h re`` and ``cm`` operands whose 32-bit values
are pdfium's (the page's content stream is scanned with regular expressions, cheap next to
interpreting it). A point, rectangle or matrix with no such operand, or with two that differ, a
Bézier segment, a rotated or skewed matrix, a path pdfium neither fills nor strokes, or the obsolete
``F`` fill (pdfminer paints nothing for it) gives None: pdfplumber then reads the page itself.
:class:`RuledPage` is the page pdfplumber's ``TableFinder`` and ``Table.extract`` are run on.
"""

from __future__ import annotations

import ctypes
import re
import struct
from dataclasses import dataclass, field
from itertools import chain
from typing import Any, cast

import pypdfium2.raw as pdfium_c
from pdfminer.converter import PDFLayoutAnalyzer
from pdfminer.layout import LTContainer, LTCurve, LTLine, LTRect
from pdfminer.pdfinterp import PDFGraphicState, PDFResourceManager
from pdfminer.pdftypes import resolve1, stream_value
from pdfminer.utils import Matrix, mult_matrix
from pdfplumber.utils.geometry import curve_to_edges, line_to_edge, rect_to_edges

__all__ = ["RuledPage", "pdfium_edges"]

_WS = rb"[\x00\t\n\f\r ]+"
_NUM = rb"([+-]?(?:\d+\.?\d*|\.\d+))"
_BEFORE = rb"(?<![^\x00\t\n\f\r \[\]()<>{}/%])"  # a token starts after a delimiter or at the start
_AFTER = rb"(?![^\x00\t\n\f\r \[\]()<>{}/%])"  # and ends before one or at the end


def _operator(name: bytes, operands: int) -> re.Pattern[bytes]:
    return re.compile(_BEFORE + _WS.join([_NUM] * operands) + _WS + name + _AFTER)


_M, _L, _RE, _CM = _operator(b"m", 2), _operator(b"l", 2), _operator(b"re", 4), _operator(b"cm", 6)
# ``F`` right after a path operator, looked for outside (string) literals
_OBSOLETE_FILL = re.compile(_BEFORE + rb"(?:re|W\*|[mlcvyhW])" + _WS + rb"F" + _AFTER)
_STRING = re.compile(rb"\((?:[^()\\]|\\.)*\)", re.DOTALL)
_MOVE, _LINE = pdfium_c.FPDF_SEGMENT_MOVETO, pdfium_c.FPDF_SEGMENT_LINETO
_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _f32(value: float) -> float:
    """``value`` rounded to a 32-bit float, as pdfium holds it."""
    return float(struct.unpack("f", struct.pack("f", value))[0])


@dataclass
class _Operands:
    """Each operator's operands in the content stream, keyed by their 32-bit values (pdfium's)."""

    moves: dict[tuple[float, ...], set[tuple[float, ...]]] = field(default_factory=dict)
    lines: dict[tuple[float, ...], set[tuple[float, ...]]] = field(default_factory=dict)
    rects: dict[tuple[float, ...], set[tuple[float, ...]]] = field(default_factory=dict)
    matrices: dict[tuple[float, ...], set[tuple[float, ...]]] = field(default_factory=dict)


def _operands(content: bytes) -> _Operands | None:
    found = _Operands()
    try:
        for pattern, index in ((_M, found.moves), (_L, found.lines), (_CM, found.matrices)):
            for match in pattern.finditer(content):
                values = tuple(float(v) for v in match.groups())
                index.setdefault(tuple(_f32(v) for v in values), set()).add(values)
        for match in _RE.finditer(content):
            x, y, w, h = (float(v) for v in match.groups())
            # pdfium adds in 32-bit floats: x + w and y + h are the sums of the rounded operands
            key = (_f32(x), _f32(y), _f32(_f32(x) + _f32(w)), _f32(_f32(y) + _f32(h)))
            found.rects.setdefault(key, set()).add((x, y, w, h))
    except (OverflowError, ValueError):
        return None  # a number no 32-bit float holds: pdfium and pdfminer may not agree on it
    return found


def _one(index: dict[tuple[float, ...], set[tuple[float, ...]]], key: tuple[float, ...]) -> tuple[float, ...] | None:
    values = index.get(key)
    return next(iter(values)) if values is not None and len(values) == 1 else None


def _content(page: Any) -> bytes | None:
    """The page's content stream(s) as pdfminer reads them, or None."""
    streams = resolve1(page.page_obj.attrs.get("Contents"))
    if streams is None:
        return b""
    if not isinstance(streams, list):
        streams = [streams]
    try:
        return b"\n".join(stream_value(s).get_data() for s in streams)
    except Exception:  # noqa: BLE001 - pdfplumber reads (or reports) what cannot be decoded here
        return None


@dataclass(frozen=True)
class RuledPage:
    """What pdfplumber's ``TableFinder`` and ``Table.extract`` read of a page: its edges, chars and box."""

    edges: list[dict[str, Any]]
    chars: list[dict[str, Any]]
    bbox: tuple[float, float, float, float]


class _Painter(PDFLayoutAnalyzer):
    """pdfminer's own path classifier (``paint_path``), collecting what it paints."""

    def __init__(self) -> None:
        super().__init__(PDFResourceManager())
        self.cur_item = LTContainer((0, 0, 0, 0))  # type: ignore[assignment]


def pdfium_edges(raw_page: Any, page: Any) -> list[dict[str, Any]] | None:
    """The edges pdfplumber's ``page.edges`` gives, from pdfium's page ``raw_page``; None if unsure.

    ``page`` is the pdfplumber page (its box, its content stream and ``process_object``).
    """
    content = _content(page)
    if content is None or _OBSOLETE_FILL.search(_STRING.sub(b" ", content)):
        return None
    operands = _operands(content)
    if operands is None:
        return None
    x0, y0 = page.page_obj.mediabox[:2]
    base: Matrix = (1, 0, 0, 1, -x0, -y0)  # pdfminer's page matrix (rotation 0, checked by the caller)
    painter = _Painter()
    gstate = PDFGraphicState()
    matrix = pdfium_c.FS_MATRIX()
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    for n in range(pdfium_c.FPDFPage_CountObjects(raw_page)):
        obj = pdfium_c.FPDFPage_GetObject(raw_page, n)
        if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        if not pdfium_c.FPDFPageObj_GetMatrix(obj, matrix) or not pdfium_c.FPDFPath_GetDrawMode(obj, fill_mode, stroke):
            return None
        if fill_mode.value == pdfium_c.FPDF_FILLMODE_NONE and not stroke.value:
            return None  # pdfminer paints nothing for such a path
        ctm = _ctm((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), operands, base)
        path = _path(obj, operands)
        if ctm is None or path is None:
            return None
        painter.set_ctm(ctm)
        fill = fill_mode.value != pdfium_c.FPDF_FILLMODE_NONE
        evenodd = fill_mode.value == pdfium_c.FPDF_FILLMODE_ALTERNATE
        painter.paint_path(gstate, bool(stroke.value), fill, evenodd, path)
    kinds: dict[type, list[dict[str, Any]]] = {LTLine: [], LTRect: [], LTCurve: []}
    for item in painter.cur_item:
        kinds[type(item)].append(page.process_object(item))
    # pdfplumber's Container.edges: line edges, then rect edges, then curve edges
    return (
        [line_to_edge(line) for line in kinds[LTLine]]
        + list(chain.from_iterable(rect_to_edges(rect) for rect in kinds[LTRect]))
        + list(chain.from_iterable(curve_to_edges(curve) for curve in kinds[LTCurve]))
    )


def _ctm(matrix: Matrix, operands: _Operands, base: Matrix) -> Matrix | None:
    """pdfminer's matrix for a path pdfium drew with ``matrix``: the page's, or one ``cm``'s times it."""
    if matrix[1] or matrix[2] or matrix[0] <= 0:
        return None  # rotated, skewed or mirrored left to right
    if matrix == _IDENTITY:
        return base
    cm = _one(operands.matrices, matrix)
    return None if cm is None else mult_matrix(cast(Matrix, cm), base)


def _path(obj: Any, operands: _Operands) -> list[tuple[Any, ...]] | None:
    """The path operators pdfminer records for pdfium's path ``obj``, with the stream's operands."""
    x, y = ctypes.c_float(), ctypes.c_float()
    segments: list[tuple[int, float, float, bool]] = []
    for i in range(pdfium_c.FPDFPath_CountSegments(obj)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind not in (_MOVE, _LINE) or not pdfium_c.FPDFPathSegment_GetPoint(segment, x, y):
            return None  # a Bézier curve (or a segment pdfium cannot describe)
        segments.append((kind, x.value, y.value, bool(pdfium_c.FPDFPathSegment_GetClose(segment))))
    path: list[tuple[Any, ...]] = []
    starts = [i for i, s in enumerate(segments) if s[0] == _MOVE]
    if not segments or starts[:1] != [0]:
        return None
    for begin, end in zip(starts, [*starts[1:], len(segments)], strict=True):
        subpath = _subpath(segments[begin:end], operands)
        if subpath is None:
            return None
        path.extend(subpath)
    return path


def _subpath(segments: list[tuple[int, float, float, bool]], operands: _Operands) -> list[tuple[Any, ...]] | None:
    """One subpath (a move and its lines) as pdfminer's operators, or None when not certain."""
    if any(closed for _, _, _, closed in segments[:-1]):
        return None  # lines after a close within one subpath
    readings = [r for r in (_as_rect(segments, operands), _as_lines(segments, operands)) if r is not None]
    if not readings or any(r != readings[0] for r in readings[1:]):
        return None  # no operands found for it, or a rectangle and lines that differ in their last bits
    return readings[0]


def _as_rect(segments: list[tuple[int, float, float, bool]], operands: _Operands) -> list[tuple[Any, ...]] | None:
    """The subpath as a ``re`` operator: pdfium draws x y w h re as m l l l l+close, in this order."""
    if len(segments) != 5 or not segments[4][3]:
        return None
    (_, ax, ay, _), (_, bx, by, _), (_, cx, cy, _), (_, dx, dy, _), (_, ex, ey, _) = segments
    if not (bx == cx and by == ay and dx == ax and dy == cy and (ex, ey) == (ax, ay)):
        return None
    found = _one(operands.rects, (ax, ay, cx, cy))
    if found is None:
        return None
    x, y, w, h = found
    return [("m", x, y), ("l", x + w, y), ("l", x + w, y + h), ("l", x, y + h), ("h",)]


def _as_lines(segments: list[tuple[int, float, float, bool]], operands: _Operands) -> list[tuple[Any, ...]] | None:
    """The subpath as ``m`` and ``l`` operators (and ``h`` when pdfium closed it)."""
    start = _one(operands.moves, segments[0][1:3])
    if start is None:
        return None
    out: list[tuple[Any, ...]] = [("m", *start)]
    for index, (_, x, y, closed) in enumerate(segments[1:], start=1):
        if closed and (x, y) == segments[0][1:3] and index > 1:
            # pdfium closes with a line back to the start, drawn or not; pdfminer's paint_path drops
            # such a line before ``h`` (a path of more than three operators), so both read alike
            out.append(("l", *start))
            continue
        point = _one(operands.lines, (x, y))
        if point is None:
            return None
        out.append(("l", *point))
    if segments[-1][3]:
        out.append(("h",))
    return out

"""Table cells: one token stream from every text presentation, parsed cells, and the result they land in.

Web scrapes and PDF text flatten tables differently: ``|``-separated rows, markdown tables, one cell
per line, or a row label followed by whitespace-separated numbers. :func:`tokenize` turns them all
into one stream of cells with source offsets. Blank, "/" and "—" cells are NULL, never 0.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from ingest.records import Check, Metric, TableCell
from ingest.text.normalize import TextView

__all__ = [
    "CACHE_SIZE",
    "DIGIT_RUN",
    "CellValue",
    "RowStart",
    "TableResult",
    "Token",
    "is_bar_cell",
    "parse_cell",
    "split_tokens",
    "tokenize",
    "view_token",
]

_NULL_MARKERS = frozenset({"", "/", "／", "-", "--", "—", "——", "\\", "无", "空", "/ "})
_NUMBER_CELL = re.compile(
    r"^(?P<sign>[+-]|增|减|增加|减少)?\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>万元|元|件|个|项)?(?P<note>.*)$"
)
_RAW_NUMBER = re.compile(r"^[\s+\-增减加少]*[0-9０-９.．]+\s*(?:万元|元|件|个|项)?")
_MD_SEPARATOR = re.compile(r"^\s*:?-{3,}:?\s*$")  # "---"; a "——" cell is a NULL marker
_NOTE_START = re.compile(r"^(?:[(（]|万元|元)")
_WORD = re.compile(r"\S+")
# Labels repeat across reports and every token of a table region is tried as a label: the pure
# per-text helpers below are cached, bounded because prose lines in the regions are mostly unique.
CACHE_SIZE = 8192
DIGIT_RUN = re.compile(r"\d+")
# A row label's own numbering printed as a word of its own (一、 / （七） / 1.): part of the label.
_NUMBERING_WORD = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）]|\d+[.、．])$")
# Table columns whose values may be negative (table 2's 本年增/减); every other cell is a count or an amount.
_SIGNED_COLUMNS = frozenset({"change"})
# Whether a word starts one of the table's row labels (given by the table's reader).
RowStart = Callable[[str], bool]


class Token(NamedTuple):
    """One table cell as the text presents it, with its span in the original text.

    A named tuple rather than a frozen dataclass: every cell of every table region is one, and
    tuple construction is several times cheaper.
    """

    text: str  # normalised, for parsing
    start: int
    end: int
    row: int  # tokens of one pipe row / text line share a row number
    piped: bool
    raw: str = ""  # the cell as printed in the original text, for evidence
    flat: bool = False  # cut out of a line holding several rows (a table flattened onto one line)


@dataclass(frozen=True)
class CellValue:
    """A parsed cell: NULL (value None) for blank and dash cells; a note for 22（其中修订16件）."""

    value: float | None
    unit: str | None
    note: str | None


_NULL_CELL = CellValue(None, None, None)


@dataclass
class TableResult:
    """Cells found in the standard tables, as metrics keyed by metric_keys.md, plus R1–R4 checks."""

    metrics: dict[str, Metric] = field(default_factory=dict)
    checks: list[Check] = field(default_factory=list)
    cells: list[TableCell] = field(default_factory=list)
    remapped: list[str] = field(default_factory=list)  # metric keys a second cell mapped to
    # T2 findings: layouts the table's arithmetic could not decide (cells left NULL), and how many
    # cells each non-labelled reading decided.
    undecided: list[str] = field(default_factory=list)
    refuted: bool = False
    decided: dict[str, int] = field(default_factory=dict)
    _keys: set[str] = field(default_factory=set)

    def finding(self, table: str, detail: str, refuted: bool) -> None:
        """A layout the arithmetic could not decide: its cells stay NULL (T2)."""
        self.undecided.append(f"{table}: {detail}")
        self.refuted = self.refuted or refuted

    def add(
        self,
        table: str,
        row_key: str,
        column_key: str,
        token: Token,
        cell: CellValue,
        section: str,
        how: str = "labelled",
    ) -> None:
        """Record a cell read by ``how`` (labelled | aligned | split | short_row); its metric when it holds a value.

        The first cell mapped to a key wins.
        """
        key = f"{table}.{row_key}.{column_key}"
        if key in self._keys:
            self.remapped.append(key)
            return
        rule = f"table.{table}.{how}"
        raw = token.raw
        # The note as printed (full-width brackets kept), not as normalised for parsing.
        note = _RAW_NUMBER.sub("", raw).strip() if cell.note else None
        self._keys.add(key)
        value = cell.value
        if value is not None and value < 0 and column_key not in _SIGNED_COLUMNS:
            # Only 本年增/减 may fall; a negative count is a cell read into the wrong column (a short
            # row padded with an empty cell, a sign from the next column): its value is not taken.
            self.finding(
                table, f"row {row_key} prints {raw!r} as {column_key}, a count cannot be negative; left NULL", True
            )
            value = None
        self.cells.append(
            TableCell(table, row_key, column_key, key, raw, value, note, cell.unit, token.start, token.end, rule)
        )
        if how != "labelled":
            self.decided[f"{table}.{how}"] = self.decided.get(f"{table}.{how}", 0) + 1
        if value is not None:  # a NULL cell never becomes a metric, so never a 0
            self.metrics[key] = Metric(
                key,
                value,
                "exact",
                raw,
                token.start,
                token.end,
                rule,
                section,
                cell.unit,
                "table",
                f"{table}/{row_key}/{column_key}",
            )


@lru_cache(maxsize=CACHE_SIZE)
def parse_cell(text: str) -> CellValue | None:
    """Parse a value cell; None when the text is not a value cell at all (a label)."""
    compact = text.strip()
    if compact in _NULL_MARKERS:
        return _NULL_CELL
    match = _NUMBER_CELL.match(compact)
    if match is None:
        return None
    note = match.group("note").strip() or None
    if note and not _NOTE_START.match(note):
        return None  # "2018年…" is prose, not a cell
    value = float(match.group("num"))
    if match.group("sign") in ("-", "减", "减少"):
        value = -value
    return CellValue(value, match.group("unit"), note)


def tokenize(view: TextView, start: int, end: int, row_start: RowStart | None = None) -> list[Token]:
    """Cells of the line view between two original offsets, in reading order.

    With ``row_start`` (the table's row labels), a line of space-separated words that holds several
    rows (a table flattened onto one line) is cut into its rows first (:func:`_flat_rows`); their
    tokens are ``flat``, so the reader can hold them to the row's cell count and the table's sums.
    """
    tokens: list[Token] = []
    pos = view.index_at(start)
    lines = view.text[pos : view.index_at(end)].split("\n")
    stripped_lines = [line.strip() for line in lines]
    if not lines[-1]:
        # The empty tail after a final line break (or of an empty region) is no line, though the
        # filler statistics below still count it.
        lines.pop()
    # Each is consulted only at its kind of filler line, which most regions lack.
    present = stripped_lines[: len(lines)]
    blank_is_cell = "" in present and _fillers_are_cells(stripped_lines, "")
    bar_is_cell = "|" in present and _fillers_are_cells(stripped_lines, "|")
    # Rows opened by a "|" (``| a | b |``) are bordered. Of the others, rows closed by a "|"
    # (``a | b |``) end in a border, rows without (``a | b``) end in a cell, so there ``a | 0 |``
    # ends in an empty cell. Most rows end in content, which tells the style.
    open_lines = [line for line in present if "|" in line and not line.startswith("|")]
    closed = 2 * sum(line.endswith("|") for line in open_lines) >= len(open_lines)
    row = 0
    bars = 0  # lone "|" lines seen since the last cell, when bars separate cells
    next_base = pos
    for index, (line, stripped) in enumerate(zip(lines, stripped_lines, strict=False)):
        base, next_base = next_base, next_base + len(line) + 1
        if not stripped:
            if _chrome_line(view, base, len(line)):
                # Page chrome (a footer) set off by blank lines on both sides: without it one break
                # would stand there, so the blank lines before it go with it.
                after = next((i for i, text in enumerate(stripped_lines[index + 1 :]) if text), 0)
                while after and tokens and _is_blank_line(view.original, tokens[-1]):
                    tokens.pop()
                    after -= 1
            elif blank_is_cell and tokens and not tokens[-1].piped:
                # One-cell-per-line scrape where every cell is one line: a blank line is a blank cell.
                tokens.append(_blank_token(view, base, row))
            continue
        if stripped == "|":
            if tokens and not tokens[-1].piped:
                if bar_is_cell:
                    tokens.append(_blank_token(view, base, row))  # "cell |" scrapes: a lone "|" is an empty cell
                else:
                    bars += 1  # "|" between every cell: a run of n bars holds n - 1 empty cells
                    if bars > 1:
                        tokens.append(_blank_token(view, base, row))
            continue
        bars = 0
        row += 1
        if "|" in line:
            cells = _split_pipes(line, closed or stripped.startswith("|"))
            # A row of blank cells, or a markdown separator row ("|---|---|").
            if all(not c for c, _ in cells) or (
                "---" in line and all(not c or _MD_SEPARATOR.match(c) for c, _ in cells)
            ):
                continue
            # "cell |" lines are one-cell-per-line scrapes with a stray pipe, not pipe rows.
            piped = len(cells) > 1
            for cell, offset in cells:
                tokens.append(_token(view, cell, base + offset, row, piped))
            continue
        words = list(_WORD.finditer(line))
        flat = _flat_rows(words, row_start) if row_start is not None else None
        if flat is None:
            tokens.extend(_word_row(view, line, base, words, row, False))
            continue
        for index, segment in enumerate(flat):
            if index:
                row += 1
            tokens.extend(_word_row(view, line, base, segment, row, True))
    return tokens


def _word_row(view: TextView, line: str, base: int, words: list[re.Match[str]], row: int, flat: bool) -> list[Token]:
    """The tokens of one row of whitespace-separated words (a text line, or one row of a flattened line)."""
    lead = len(words)
    while lead > 0 and parse_cell(words[lead - 1].group(0)) is not None:
        lead -= 1
    if len(words) > 1 and (lead <= 1 or len(words) - lead >= 2 or (flat and lead < len(words))):
        # PDF-style row: a label (one word, or several: "（三）不予公开 1、属于国家秘密") followed by
        # whitespace-separated numbers. A row cut from a flattened line is one whatever its count.
        tokens: list[Token] = []
        if lead > 1:
            label = line[words[0].start() : words[lead - 1].end()]
            tokens.append(_token(view, label, base + words[0].start(), row, True, flat))
            words = words[lead:]
        tokens.extend(_token(view, part.group(0), base + part.start(), row, True, flat) for part in words)
        return tokens
    text = line[words[0].start() : words[-1].end()]
    return [_token(view, text, base + words[0].start(), row, False, flat)]


def _flat_rows(words: list[re.Match[str]], row_start: RowStart) -> list[list[re.Match[str]]] | None:
    """A line holding several table rows (``一、本年新收… 5 2 0 0 0 0 7 二、上年结转… 0 0 …``) cut into them.

    Words after a number start a new row, and so does a word starting a known row label (its
    numbering word 一、/（七）/1. before it included) after other words: a label whose row printed
    no cells, or a heading before the first row, is then a row of its own rather than part of the
    next row's label. None when the line holds fewer than two runs of cells after words (a row as
    one line prints, or prose).
    """
    is_cell = [parse_cell(word.group(0)) is not None for word in words]
    runs = sum(1 for before, cell in pairwise(is_cell) if cell and not before)
    if runs < 2:
        return None
    starts = [0]
    for i in range(1, len(words)):
        if is_cell[i]:
            continue
        if is_cell[i - 1]:
            starts.append(i)
        elif row_start(words[i].group(0)):
            start = i - 1 if _NUMBERING_WORD.match(words[i - 1].group(0)) else i
            if start > starts[-1]:
                starts.append(start)
    return [words[a:b] for a, b in zip(starts, [*starts[1:], len(words)], strict=True)]


# What the line view leaves out of a line that is no page chrome: whitespace and invisible marks.
_NO_CONTENT = " \t\r\n\u3000\u00a0\ufeff\u200b\ufffd"


def _chrome_line(view: TextView, start: int, size: int) -> bool:
    """Whether a line blank in the view printed page chrome (a footer "第 2 页" the view dropped).

    Such a line is no empty cell: it stood between two cells, or after the last.
    """
    end = start + size
    o_start = view.offsets[start - 1] + 1 if start > 0 else 0
    o_end = view.offsets[end] if end < len(view.offsets) else len(view.original)
    return bool(view.original[o_start:o_end].strip(_NO_CONTENT))


def _fillers_are_cells(stripped_lines: list[str], filler: str) -> bool:
    """True when filler lines (blank, or a lone "|") stand for empty cells rather than separators.

    Some scrapes put a filler line between every cell; there fillers only separate. Elsewhere cells
    follow each other line by line and a filler line is an empty cell.
    """
    content = [bool(line) and line != filler for line in stripped_lines]
    separating = sum(
        1
        for before, line, after in zip(content, stripped_lines[1:-1], content[2:], strict=False)
        if before and after and line == filler
    )
    adjacent = sum(1 for before, after in pairwise(content) if before and after)
    return adjacent > 2 * separating


def _split_pipes(line: str, closed: bool = True) -> list[tuple[str, int]]:
    """A pipe row's cells: stripped text and its offset in the line (the cell's, when blank)."""
    cells: list[tuple[str, int]] = []
    cursor = 0
    for piece in line.split("|"):
        cell = piece.strip()
        # A stripped cell starts with its first non-space character: find() lands there.
        cells.append((cell, cursor + piece.find(cell) if cell else cursor))
        cursor += len(piece) + 1
    # A leading "|" (markdown) leaves an empty first piece and a closing "|" an empty last one; an
    # empty piece between two pipes is a printed empty cell (``| 规章 | 0 | 0 | |``), kept as one.
    if closed and len(cells) > 1 and not cells[-1][0]:
        cells.pop()
    if cells and not cells[0][0]:
        del cells[0]
    return cells


def _token(view: TextView, text: str, start: int, row: int, piped: bool, flat: bool = False) -> Token:
    """A token for stripped cell text starting at view index ``start``; a blank one is empty there."""
    if not text:
        o_start = view.span(start, start)[0]
        return Token("", o_start, o_start, row, piped, "")
    # Cell text lies inside the view, so its first and last characters have source offsets.
    o_start = view.offsets[start]
    o_end = view.offsets[start + len(text) - 1] + 1
    return Token(text, o_start, o_end, row, piped, view.original[o_start:o_end], flat)


def _is_blank_line(original: str, token: Token) -> bool:
    """Whether a token is a blank one-per-line cell printed as a blank line (not a lone "|")."""
    return not token.text and not token.piped and not is_bar_cell(original, token)


def is_bar_cell(original: str, token: Token) -> bool:
    """Whether a blank one-per-line cell was printed as a lone "|" (an empty cell for sure), not a blank line."""
    return not token.text and not token.piped and original[token.start : token.start + 1] == "|"


def _blank_token(view: TextView, base: int, row: int) -> Token:
    start = view.span(base, base + 1)[0]
    return Token("", start, start, row, False)


def view_token(view: TextView, start: int, end: int) -> Token:
    """A token for view indexes [start, end), with its original offsets and raw text."""
    o_start = view.offsets[start]
    o_end = view.offsets[end - 1] + 1
    return Token(view.text[start:end], o_start, o_end, 0, False, view.original[o_start:o_end])


def split_tokens(view: TextView, run: Token, values: Sequence[int]) -> list[Token]:
    """One token per value of a split digit run, each spanning its digits in the original text."""
    begin = view.index_at(run.start)
    tokens: list[Token] = []
    for value in values:
        size = len(str(value))
        tokens.append(view_token(view, begin, begin + size))
        begin += size
    return tokens

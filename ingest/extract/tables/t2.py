"""Table 2 (主动公开政府信息情况): rows found by their labels, or placed on the template's row sequence.

Pages print table 2 as labelled rows (``| 规章 | 0 | 0 | 3 |``), as label lines followed by label-less
value rows (``规章`` / ``行政规范性文件`` / ``| 0 | 0 | 3 |`` / ``| 2 | 0 | 15 |``), one cell per line, or
glued (``规章000行政规范性文件51050``). The template fixes the row sequence and each row's column count
but states no sums, so a value row is placed only where the counts leave one place for it; a row
printing fewer cells than its columns is not read by position (which cell is missing is unknown).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ingest.extract.tables.align import Item, ValueRow, align
from ingest.extract.tables.cells import (
    CACHE_SIZE,
    CellValue,
    TableResult,
    Token,
    is_bar_cell,
    parse_cell,
    tokenize,
    view_token,
)
from ingest.records import Section
from ingest.text.digit_runs import split_run
from ingest.text.normalize import TextView, squeeze

__all__ = ["Cells", "skeleton", "table2"]

# Table-2 rows in template order: label pattern → (key prefix, columns for 2021, columns for 2019).
_T2_ROWS: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    (r"^规章$", "regulations", ("made", "repealed", "in_force"), ("new_made", "new_published", "total_published")),
    (
        r"^(?:行政)?规范性文件$",
        "normative_docs",
        ("made", "repealed", "in_force"),
        ("new_made", "new_published", "total_published"),
    ),
    (r"^行政许可$", "licensing", ("decisions",), ("prev_items", "change", "decisions")),
    (r"^其他对外管理服务事项$", "other_services", (), ("prev_items", "change", "decisions")),
    (r"^行政处罚$", "punishment", ("decisions",), ("prev_items", "change", "decisions")),
    (r"^行政强制$", "coercion", ("decisions",), ("prev_items", "change", "decisions")),
    (r"^行政事业性收费$", "admin_fees", ("amount_wan_yuan",), ("prev_items", "change")),
    (r"^政府集中采购$", "procurement", (), ("projects", "amount")),
)
_T2_PATTERNS = tuple((re.compile(pattern), prefix, c21, c19) for pattern, prefix, c21, c19 in _T2_ROWS)
# A label longer than this is prose mentioning a row, not the row's label.
_MAX_LABEL = 60
# Glued rows: a row label directly followed by its digits (the last cell may be a decimal amount).
_GLUED_ROW = re.compile(
    r"(规章|(?:行政)?规范性文件|行政许可|其他对外管理服务事项|行政处罚|行政强制|行政事业性收费|政府集中采购)(\d+)(\.\d+)?"
)
# Digits followed by a counter or unit are prose (行政许可12项, 行政处罚3件), not a glued row.
_PROSE_AFTER = frozenset("件条项个次家人万元%％年月日余多")
_LABEL_NOTE = re.compile(r"(?<=.)[(（].*$")
Cells = list[tuple[Token, CellValue]]


@dataclass(frozen=True)
class _Row:
    """A template row of table 2: key prefix and its column names for the report's template."""

    prefix: str
    columns: tuple[str, ...]


def skeleton(template: str) -> tuple[_Row, ...]:
    """Table 2's rows for the template, in print order (rows the template lacks are left out)."""
    use_2019 = template == "standard_2019"
    rows = (_Row(prefix, c19 if use_2019 else c21) for _, prefix, c21, c19 in _T2_ROWS)
    return tuple(row for row in rows if row.columns)


@lru_cache(maxsize=CACHE_SIZE)
def _t2_row(text: str, use_2019: bool) -> str | None:
    """The table-2 row a label names, when the template's table has columns for it."""
    # A printed note after the label is not part of it: 规章(设区的市、自治州人民政府应提供相关数据).
    label = _LABEL_NOTE.sub("", squeeze(text))
    for pattern, prefix, cols_2021, cols_2019 in _T2_PATTERNS:
        if (cols_2019 if use_2019 else cols_2021) and pattern.search(label):
            return prefix
    return None


def table2(view: TextView, section: Section, template: str, result: TableResult) -> None:
    """Table 2's cells: labelled rows anchor, label-less rows are paired with label lines by count."""
    use_2019 = template == "standard_2019"
    tokens = tokenize(view, section.start, section.end, lambda word: _t2_row(word, use_2019) is not None)
    rows = skeleton(template)
    # The procurement amount's unit is printed in its column header: 采购总金额（万元）.
    amount_in_wan = any("采购总金额" in token.text and "万元" in token.text for token in tokens)
    items, printed, findings = _stream(tokens, rows, use_2019, view.original)
    for detail in findings:
        result.finding("t2", detail, False)
    labelled = {item.ident for item in items if isinstance(item, ValueRow) and item.label is not None}

    def referee(placement: dict[int, int]) -> bool | None:
        # No sums in table 2; a label-less row with more cells than the template row has columns is
        # not that row.
        for index, ident in placement.items():
            if ident not in labelled and len(printed[ident]) > len(rows[index].columns):
                return False
        return None

    alignment = align(items, len(rows), referee, [row.prefix for row in rows])
    for detail in alignment.findings:
        result.finding("t2", detail, alignment.failed)
    for index, (ident, how) in sorted(alignment.placed.items()):
        row, cells = rows[index], printed[ident]
        if any(token.flat for token, _ in cells):
            if len(cells) != len(row.columns):
                # Cut from a flattened line at its labels, where a blank cell leaves no trace: which
                # cells are missing or extra is unknown.
                result.finding(
                    "t2",
                    f"row {row.prefix} on a flattened line prints {len(cells)} cells for {len(row.columns)}; left NULL",
                    False,
                )
                continue
            how = "one_line" if how == "labelled" else how
        if len(cells) < len(row.columns) and cells and not view.original[cells[-1][0].end :].strip():
            # The text ends inside the row (a truncated page): the printed cells are the leading
            # columns, the last possibly cut mid-number (1 of 12), so it is not taken.
            cells, how = cells[:-1], "short_row"
        elif len(cells) < len(row.columns):
            if cells:  # a row that printed no cell at all has none to place
                result.finding(
                    "t2",
                    f"row {row.prefix} prints {len(cells)} of {len(row.columns)} cells; which is missing is unknown",
                    False,
                )
            continue
        for column, (token, cell) in zip(row.columns, cells, strict=False):
            name = _column_name(row.prefix, column, cell, amount_in_wan)
            result.add("t2", row.prefix, name, token, cell, section.kind, how)
    _glued_table2(view, section, rows, amount_in_wan, result)


def _column_name(prefix: str, column: str, cell: CellValue, amount_in_wan: bool) -> str:
    if prefix == "procurement" and column == "amount" and (cell.unit == "万元" or amount_in_wan):
        return "amount_wan_yuan"
    return column


@dataclass
class _Loose:
    """Cells printed one per line after label lines, with what the document says about blank lines."""

    labels: list[int]
    run: Cells
    blanks: int  # blank lines ending the run (not lone "|" cells): empty cells or a block break
    at_block_end: bool  # not followed by the next row's label


def _stream(
    tokens: list[Token], rows: Sequence[_Row], use_2019: bool, original: str
) -> tuple[list[Item], list[Cells], list[str]]:
    """Table 2 as labels (skeleton indexes) and value rows for :func:`align`, plus findings.

    A pipe or whitespace row of cells is one value row; a row led by a label that is not a table-2
    row (其他主动公开文件) is skipped whole. Cells printed one per line are one row when a single
    label precedes them; after several label lines they are cut in order by the labels' column
    counts, but only when they are exactly that many (otherwise which label owns which cells is not
    decided).
    """
    index_of = {row.prefix: i for i, row in enumerate(rows)}
    segments: list[int | tuple[Cells, int | None] | _Loose] = []
    pending: list[int] = []  # label lines since the last value row
    i = 0
    while i < len(tokens):
        token = tokens[i]
        prefix = _t2_row(token.text, use_2019) if len(_LABEL_NOTE.sub("", token.text)) <= _MAX_LABEL else None
        if prefix is not None and prefix in index_of:
            index = index_of[prefix]
            cells, j = _row_cells(tokens, i + 1, token.row) if token.piped else ([], i + 1)
            if cells:
                segments.append((cells, index))
                pending = []
            else:
                segments.append(index)
                pending.append(index)
            i = j
            continue
        if parse_cell(token.text) is None or not (token.text or token.piped or pending):
            i += 1
            while token.piped and parse_cell(token.text) is None and i < len(tokens) and tokens[i].row == token.row:
                i += 1  # the cells of a row whose label is no table-2 row
            continue
        if token.piped:
            cells, i = _row_cells(tokens, i, token.row)
            # A row of printed dashes (—— —— ——) is a row; blank cells alone are a header's filler.
            if any(cell.value is not None or tok.text for tok, cell in cells):
                segments.append((cells, None))
                pending = []
            continue
        run: Cells = []
        while i < len(tokens) and not tokens[i].piped and (cell := parse_cell(tokens[i].text)) is not None:
            run.append((tokens[i], cell))
            i += 1
        if not pending:
            continue  # loose numbers with no label before them (page numbers, stray figures)
        blanks = 0
        while blanks < len(run) and not run[-1 - blanks][0].text and not is_bar_cell(original, run[-1 - blanks][0]):
            blanks += 1
        at_end = i >= len(tokens) or _t2_row(tokens[i].text, use_2019) is None
        segments.append(_Loose(pending, run, blanks, at_end))
        pending = []
    return _items(segments, rows)


def _items(
    segments: list[int | tuple[Cells, int | None] | _Loose], rows: Sequence[_Row]
) -> tuple[list[Item], list[Cells], list[str]]:
    """Segments to align() items. A blank line ending a block (before a heading, not the next row's
    label) is an empty last cell or the break before what follows: the blank lines after the
    document's complete rows at block ends say how many lines a break takes; with no or mixed
    evidence none counts as a cell (a row missing one is short).
    """
    loose = [s for s in segments if isinstance(s, _Loose) and s.at_block_end]

    def widths(s: _Loose) -> int:
        return sum(len(rows[index].columns) for index in s.labels)

    # Blank lines after the complete rows that end blocks: the break's size, when they agree.
    breaks = {s.blanks for s in loose if len(s.run) - s.blanks == widths(s)}
    block_break = breaks.pop() if len(breaks) == 1 else None
    items: list[Item] = []
    printed: list[Cells] = []
    findings: list[str] = []

    def emit(cells: Cells, label: int | None = None) -> None:
        items.append(ValueRow(len(printed), label))
        printed.append(cells)

    for segment in segments:
        if isinstance(segment, int):
            items.append(segment)
            continue
        if isinstance(segment, tuple):
            emit(*segment)
            continue
        run = segment.run
        if segment.at_block_end:
            filled = len(run) - segment.blanks
            missing = widths(segment) - filled
            # Empty cells are the blank lines beyond the usual break, when they are exactly the
            # cells missing; any other count is not explained, and no blank line is taken.
            cells = segment.blanks - block_break if block_break is not None else 0
            run = run[: filled + (cells if cells == missing else 0)]
        sizes = [len(rows[index].columns) for index in segment.labels]
        if len(sizes) == 1:
            emit(run[: sizes[0]])
        elif len(run) == sum(sizes):
            start = 0
            for size in sizes:
                emit(run[start : start + size])
                start += size
        else:
            names = "/".join(rows[index].prefix for index in segment.labels)
            findings.append(
                f"{len(run)} cells one per line after the labels {names} ({sum(sizes)} columns);"
                " which label owns which cells is unknown; left NULL"
            )
    return items, printed, findings


def _row_cells(tokens: list[Token], start: int, row: int) -> tuple[Cells, int]:
    """The value cells of one pipe/whitespace row from ``start``, and the index after them."""
    cells: Cells = []
    j = start
    while j < len(tokens) and tokens[j].piped and tokens[j].row == row:
        parsed = parse_cell(tokens[j].text)
        if parsed is None:
            break
        cells.append((tokens[j], parsed))
        j += 1
    return cells, j


def _glued_table2(
    view: TextView, section: Section, rows: Sequence[_Row], amount_in_wan: bool, result: TableResult
) -> None:
    """Table-2 rows whose cells lost their separators (``规章000``): split when only one split fits.

    Table 2 has no sums, so a run splits only when cell widths alone (no leading zeros) leave one
    way; a decimal amount (the last cell of 收费金额 / 采购总金额) ends the run at its fraction. Read
    only where two or more rows are glued, so that prose (行政许可12项) is never taken for a row.
    """
    start, end = view.index_at(section.start), view.index_at(section.end)
    by_prefix = {row.prefix: row for row in rows}
    found: list[tuple[_Row, re.Match[str]]] = []
    for match in _GLUED_ROW.finditer(view.text, start, end):
        prefix = _glued_prefix(match.group(1), rows)
        after = view.text[match.end() : match.end() + 1]
        if prefix is None or after in _PROSE_AFTER or (after.isascii() and after.isalnum()):
            continue
        found.append((by_prefix[prefix], match))
    if len(found) < 2:
        return
    seen: set[str] = set()
    for row, match in found:
        if row.prefix in seen or any(key.startswith(f"t2.{row.prefix}.") for key in result.metrics):
            continue
        seen.add(row.prefix)
        digits, fraction = match.group(2), match.group(3) or ""
        is_amount = row.columns[-1].startswith("amount")
        if fraction and not is_amount:
            result.finding("t2", f"glued row {row.prefix} {match.group(0)!r}: a decimal in a count column", True)
            continue
        split = split_run(digits, len(row.columns))
        if split.values is None:
            result.finding("t2", f"glued row {row.prefix}: {split.reason}; left NULL", split.candidates == 0)
            continue
        begin = match.start(2)
        for position, (column, value) in enumerate(zip(row.columns, split.values, strict=True)):
            size = len(str(value)) + (len(fraction) if position == len(row.columns) - 1 else 0)
            token = view_token(view, begin, begin + size)
            begin += size
            number = float(f"{value}{fraction}") if position == len(row.columns) - 1 else float(value)
            cell = CellValue(number, None, None)
            name = _column_name(row.prefix, column, cell, amount_in_wan)
            result.add("t2", row.prefix, name, token, cell, section.kind, "split")


def _glued_prefix(label: str, rows: Sequence[_Row]) -> str | None:
    prefix = next((p for pattern, p, _, _ in _T2_PATTERNS if pattern.search(label)), None)
    return prefix if any(row.prefix == prefix for row in rows) else None

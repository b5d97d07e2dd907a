"""Standard-template tables 2, 3 and 4: one token stream from every text presentation, then cells.

Web scrapes and PDF text flatten tables differently: ``|``-separated rows, markdown tables, one cell
per line, or a row label followed by whitespace-separated numbers. :func:`tokenize` turns them all
into one stream of cells with source offsets; rows are then found by their labels and filled with
the value cells that follow. Blank, "/" and "—" cells are NULL, never 0.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from ingest.normalize import TextView, squeeze
from ingest.records import Check, CheckStatus, Metric, Section, TableCell

NULL_MARKERS = frozenset({"", "/", "／", "-", "--", "—", "——", "\\", "无", "空", "/ "})
_NUMBER_CELL = re.compile(
    r"^(?P<sign>[+-]|增|减|增加|减少)?\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>万元|元|件|个|项)?(?P<note>.*)$"
)
_RAW_NUMBER = re.compile(r"^[\s+\-增减加少]*[0-9０-９.．]+\s*(?:万元|元|件|个|项)?")
_MD_SEPARATOR = re.compile(r"^\s*:?-{3,}:?\s*$")  # "---"; a "——" cell is a NULL marker
_NOTE_START = re.compile(r"^(?:[(（]|万元|元)")
_WORD = re.compile(r"\S+")
_T3_NUMBERING = re.compile(r"^[一二三四五六七八九十]、|^\d+[.、]")
# Labels repeat across reports and every token of a table region is tried as a label: the pure
# per-text helpers below are cached, bounded because prose lines in the regions are mostly unique.
_CACHE_SIZE = 8192
T3_COLUMNS = (
    "natural_person",
    "commercial_enterprise",
    "research_institution",
    "social_welfare_org",
    "legal_service_org",
    "other_org",
    "total",
)
T4_BLOCKS = ("reconsideration", "litigation_direct", "litigation_after_reconsideration")
T4_COLUMNS = ("maintained", "corrected", "other", "pending", "total")
# Table-3 row labels, matched against the cell text with spaces and numbering removed.
T3_ROWS: tuple[tuple[str, str], ...] = (
    ("new_received", r"本年新收"),
    ("carried_over", r"上年结转"),
    ("granted", r"予以公开"),
    ("partially_granted", r"部分公开"),
    ("denied.state_secret", r"国家秘密"),
    ("denied.law_prohibited", r"禁止公开|止公开"),
    ("denied.three_safeties_one_stability", r"三安全一稳定"),
    ("denied.third_party_rights", r"第三方合法权益"),
    ("denied.internal_affairs", r"内部事务"),
    ("denied.process_info", r"过程性信息"),
    ("denied.enforcement_case_file", r"行政执法案卷"),
    ("denied.admin_query", r"行政查询事项"),
    ("unable.not_held", r"不掌握"),
    ("unable.needs_creation", r"另行制作|没有现成信息"),
    ("unable.unclear_after_correction", r"仍不明确"),
    ("not_processed.petition_complaint", r"信访举报投诉"),
    ("not_processed.duplicate", r"重复申请"),
    ("not_processed.publication", r"公开出版物"),
    ("not_processed.mass_repetitive", r"大量反复"),
    ("not_processed.confirm_or_reissue", r"确认或重新出具"),
    ("other.overdue_correction", r"逾期不补正"),
    ("other.overdue_fee", r"逾期未按收费通知|缴纳费用"),
    ("other.other", r"^(?:\(六\))?其他处理$|^其他$"),
    ("total_processed", r"^(?:\(七\))?总计$"),
    ("carried_forward", r"结转下年度"),
)
# Table-2 rows: label pattern → (key prefix, columns for 2021, columns for 2019).
T2_ROWS: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...] = (
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
_T2_PATTERNS = tuple((re.compile(pattern), prefix, c21, c19) for pattern, prefix, c21, c19 in T2_ROWS)
_T3_PATTERNS = tuple((key, re.compile(pattern)) for key, pattern in T3_ROWS)
_T3_ANY_ROW = re.compile("|".join(f"(?:{pattern})" for _, pattern in T3_ROWS))


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
    _keys: set[str] = field(default_factory=set)

    def add(self, table: str, row_key: str, column_key: str, token: Token, cell: CellValue, section: str) -> None:
        """Record a cell; its metric when it holds a value. The first cell mapped to a key wins."""
        key = f"{table}.{row_key}.{column_key}"
        if key in self._keys:
            self.remapped.append(key)
            return
        # The note as printed (full-width brackets kept), not as normalised for parsing.
        note = _RAW_NUMBER.sub("", token.raw).strip() if cell.note else None
        self._keys.add(key)
        self.cells.append(
            TableCell(table, row_key, column_key, key, token.raw, cell.value, note, cell.unit, token.start, token.end)
        )
        if cell.value is not None:  # a NULL cell never becomes a metric, so never a 0
            self.metrics[key] = Metric(
                key=key,
                value=cell.value,
                qualifier="exact",
                evidence=token.raw,
                start=token.start,
                end=token.end,
                rule=f"table.{table}",
                section=section,
                unit=cell.unit,
                source="table",
                table_ref=f"{table}/{row_key}/{column_key}",
            )


@lru_cache(maxsize=_CACHE_SIZE)
def parse_cell(text: str) -> CellValue | None:
    """Parse a value cell; None when the text is not a value cell at all (a label)."""
    compact = text.strip()
    if compact in NULL_MARKERS:
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


def tokenize(view: TextView, start: int, end: int) -> list[Token]:
    """Cells of the line view between two original offsets, in reading order."""
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
    row = 0
    bars = 0  # lone "|" lines seen since the last cell, when bars separate cells
    next_base = pos
    for line, stripped in zip(lines, stripped_lines, strict=False):
        base, next_base = next_base, next_base + len(line) + 1
        if not stripped:
            if blank_is_cell and tokens and not tokens[-1].piped:
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
            cells = _split_pipes(line)
            # A markdown separator row ("|---|---|"); without "---" the row has content, as
            # _split_pipes never leaves a blank first cell.
            if not cells or ("---" in line and all(not c or _MD_SEPARATOR.match(c) for c, _ in cells)):
                continue
            # "cell |" lines are one-cell-per-line scrapes with a stray pipe, not pipe rows.
            piped = len(cells) > 1
            for cell, offset in cells:
                tokens.append(_token(view, cell, base + offset, row, piped))
            continue
        parts = line.split()
        if len(parts) > 1 and all(parse_cell(p) is not None for p in parts[1:]):
            # PDF-style row: a label followed by whitespace-separated numbers.
            for part in _WORD.finditer(line):
                tokens.append(_token(view, part.group(0), base + part.start(), row, True))
            continue
        lead = len(line) - len(line.lstrip())
        tokens.append(_token(view, stripped, base + lead, row, False))
    return tokens


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


def _split_pipes(line: str) -> list[tuple[str, int]]:
    """A pipe row's cells: stripped text and its offset in the line (the cell's, when blank)."""
    cells: list[tuple[str, int]] = []
    cursor = 0
    for piece in line.split("|"):
        cell = piece.strip()
        cells.append((cell, cursor + len(piece) - len(piece.lstrip()) if cell else cursor))
        cursor += len(piece) + 1
    # A leading "|" (markdown) leaves an empty first piece; trailing pipes leave empty tails.
    if cells and not cells[0][0]:
        del cells[0]
    while cells and not cells[-1][0]:
        cells.pop()
    return cells


def _token(view: TextView, text: str, start: int, row: int, piped: bool) -> Token:
    """A token for stripped cell text starting at view index ``start``; a blank one is empty there."""
    if not text:
        o_start = view.span(start, start)[0]
        return Token("", o_start, o_start, row, piped, "")
    # Cell text lies inside the view, so its first and last characters have source offsets.
    o_start = view.offsets[start]
    o_end = view.offsets[start + len(text) - 1] + 1
    return Token(text, o_start, o_end, row, piped, view.original[o_start:o_end])


def _blank_token(view: TextView, base: int, row: int) -> Token:
    start = view.span(base, base + 1)[0]
    return Token("", start, start, row, False)


Row = tuple[str, Token, list[tuple[Token, CellValue]]]
# Decides whether a token labels a row (returning the row key), given the rows found so far.
LabelMatcher = Callable[[Token, list[Row]], str | None]


def _collect_rows(tokens: list[Token], match_label: LabelMatcher, width: int) -> list[Row]:
    """(row key, label token, value cells) for every labelled row with at least one number."""
    rows: list[Row] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        key = match_label(token, rows)
        if key is None:
            index += 1
            continue
        values: list[tuple[Token, CellValue]] = []
        cursor = index + 1
        while cursor < len(tokens) and len(values) < width:
            candidate = tokens[cursor]
            if token.piped and candidate.piped and candidate.row != token.row and len(values) > 0:
                break
            parsed = parse_cell(candidate.text)
            if parsed is None:
                break
            values.append((candidate, parsed))
            cursor += 1
        if any(v.value is not None for _, v in values):
            rows.append((key, token, values))
            index = cursor
        else:
            index += 1
    return rows


def _sections_of(sections: list[Section], kind: str) -> list[Section]:
    return [s for s in sections if kind in s.kind.split(",")]


def extract_tables(view: TextView, sections: list[Section], template: str) -> TableResult:
    """Cells of tables 2–4 of a standard-template report (nothing for narrative reports)."""
    result = TableResult()
    if template == "narrative":
        return result
    for section in _sections_of(sections, "proactive") or _table2_region(view, sections):
        _table2(view, section, template, result)
    applications = [s for s in _sections_of(sections, "applications") if "收到和处理" in s.heading]
    for section in applications or _sections_of(sections, "applications"):
        _table3(view, section, result)
    for section in _sections_of(sections, "review_litigation"):
        _table4(view, section, result)
    _derive_headlines(result)
    result.checks.extend(consistency_checks(result.metrics))
    if result.cells:
        # Our own invariant, not a source finding: one printed cell per table position.
        remapped = sorted(set(result.remapped))
        status: CheckStatus = "fail" if remapped else "pass"
        detail = ("mapped twice: " + ", ".join(remapped)) if remapped else f"{len(result.cells)} cells mapped once"
        result.checks.append(Check("T1_cell_mapped_once", status, detail, None, float(len(remapped))))
    return result


def _table2_region(view: TextView, sections: list[Section]) -> list[Section]:
    """Table 2 without its heading: from the first 第二十条第 row header to the next section."""
    found = view.text.find("第二十条第")
    if found < 0:
        return []
    start = view.offsets[found]
    end = min((s.start for s in sections if s.start > start), default=len(view.original))
    return [Section(ordinal=-1, heading="", kind="proactive", start=start, end=end)]


def _table2(view: TextView, section: Section, template: str, result: TableResult) -> None:
    tokens = tokenize(view, section.start, section.end)
    use_2019 = template == "standard_2019"

    def match(token: Token, _rows: list[Row]) -> str | None:
        return _t2_row(token.text, use_2019)

    # The procurement amount's unit is printed in its column header: 采购总金额（万元）.
    amount_in_wan = any("采购总金额" in token.text and "万元" in token.text for token in tokens)
    widths = {prefix: len(c19 if use_2019 else c21) for _, prefix, c21, c19 in T2_ROWS}
    for prefix, _label, values in _collect_rows(tokens, match, 3):
        columns = next(c19 if use_2019 else c21 for _, p, c21, c19 in T2_ROWS if p == prefix)
        for column, (token, cell) in zip(columns, values[: widths[prefix]], strict=False):
            name = column
            if prefix == "procurement" and column == "amount" and (cell.unit == "万元" or amount_in_wan):
                name = "amount_wan_yuan"
            result.add("t2", prefix, name, token, cell, section.kind)


def _table3(view: TextView, section: Section, result: TableResult) -> None:
    tokens = tokenize(view, section.start, section.end)

    def match(token: Token, rows: list[Row]) -> str | None:
        key, ends_in_other = _t3_row(token.text)
        if (
            key == "other.other"
            and ends_in_other
            and not any(r[0].startswith("other.") or r[0].startswith("not_processed.") for r in rows)
        ):
            return None
        return key

    for row_key, _label, values in _collect_rows(tokens, match, len(T3_COLUMNS)):
        for column, (token, cell) in zip(T3_COLUMNS, values, strict=False):
            result.add("t3", row_key, column, token, cell, section.kind)


@lru_cache(maxsize=_CACHE_SIZE)
def _t2_row(text: str, use_2019: bool) -> str | None:
    """The table-2 row a label names, when the template's table has columns for it."""
    label = squeeze(text)
    for pattern, prefix, cols_2021, cols_2019 in _T2_PATTERNS:
        if (cols_2019 if use_2019 else cols_2021) and pattern.search(label):
            return prefix
    return None


@lru_cache(maxsize=_CACHE_SIZE)
def _t3_row(text: str) -> tuple[str | None, bool]:
    """The table-3 row a label names (the first of T3_ROWS that matches), and whether it ends in 其他."""
    label = _T3_NUMBERING.sub("", squeeze(text))
    if _T3_ANY_ROW.search(label) is None:  # most texts are no label: one scan instead of one per row
        return None, False
    key = next(key for key, pattern in _T3_PATTERNS if pattern.search(label))
    return key, label.endswith("其他")


def _table4(view: TextView, section: Section, result: TableResult) -> None:
    tokens = tokenize(view, section.start, section.end)
    values: list[tuple[Token, CellValue]] = []
    for token in tokens:
        # A blank one-per-line cell counts only inside the run of numbers, never before it.
        parsed = parse_cell(token.text) if (token.text or token.piped or values) else None
        if parsed is None:
            if values and len(values) < 15 and any(v.value is not None for _, v in values):
                break
            values = [] if not values or all(v.value is None for _, v in values) else values
            continue
        values.append((token, parsed))
        if len(values) == 15:
            break
    if not any(v.value is not None for _, v in values):
        return
    for index, (token, cell) in enumerate(values[:15]):
        result.add("t4", T4_BLOCKS[index // 5], T4_COLUMNS[index % 5], token, cell, section.kind)


def _derive_headlines(result: TableResult) -> None:
    """Headline keys from table totals, so narrative and table years form one series."""
    cells = result.metrics
    if (cell := cells.get("t3.new_received.total")) is not None:
        cells["applications.received"] = _derived("applications.received", [cell])
    if (cell := cells.get("t4.reconsideration.total")) is not None:
        cells["reconsideration.total"] = _derived("reconsideration.total", [cell])
    direct = cells.get("t4.litigation_direct.total")
    after = cells.get("t4.litigation_after_reconsideration.total")
    if direct is not None and after is not None:
        cells["litigation.total"] = _derived("litigation.total", [direct, after])


def _derived(key: str, parts: list[Metric]) -> Metric:
    return Metric(
        key=key,
        value=sum(p.value for p in parts),
        qualifier="exact",
        evidence=" + ".join(p.evidence for p in parts),
        start=min(p.start for p in parts),
        end=max(p.end for p in parts),
        rule="table.derived_total",
        section=parts[0].section,
        unit=None,
        source="table",
        table_ref=",".join(p.table_ref or "" for p in parts),
    )


def _sum_check(rule: str, pairs: list[tuple[str, list[str], str]], cells: dict[str, Metric]) -> Check:
    """One check over several equations ``target = Σ parts``; fail lists the broken ones."""
    failures: list[str] = []
    assessed = 0
    expected_total = actual_total = 0.0
    for label, parts, target in pairs:
        if target not in cells or any(p not in cells for p in parts):
            continue
        assessed += 1
        expected = sum(cells[p].value for p in parts)
        actual = cells[target].value
        expected_total += expected
        actual_total += actual
        if abs(expected - actual) > 1e-6:
            failures.append(f"{label}: printed {actual:g}, parts sum to {expected:g}")
    if assessed == 0:
        return Check(rule, "not_assessable", "cells missing", None, None)
    if failures:
        return Check(rule, "fail", "; ".join(failures), expected_total, actual_total)
    return Check(rule, "pass", f"{assessed} equation(s) hold", expected_total, actual_total)


# R1–R4 over metric keys; the keys never change, so they are spelled out once at import.
# R1: 一 + 二 = 三(七) + 四, rearranged as 一 = 三(七) + 四 − 二 is not a sum; compare both sides.
_R1_EQUATIONS = [
    (
        col,
        [f"t3.new_received.{col}", f"t3.carried_over.{col}"],
        [f"t3.total_processed.{col}", f"t3.carried_forward.{col}"],
    )
    for col in T3_COLUMNS
]
_R2_EQUATIONS = [
    (col, [f"t3.{row}.{col}" for row, _ in T3_ROWS[2:-2]], f"t3.total_processed.{col}") for col in T3_COLUMNS
]
_R3_EQUATIONS = [(row, [f"t3.{row}.{col}" for col in T3_COLUMNS[:-1]], f"t3.{row}.total") for row, _ in T3_ROWS]
_R4_EQUATIONS = [
    (f"R4_{block}", [(block, [f"t4.{block}.{col}" for col in T4_COLUMNS[:-1]], f"t4.{block}.total")])
    for block in T4_BLOCKS
]


def consistency_checks(cells: dict[str, Metric]) -> list[Check]:
    """R1–R4 of metric_keys.md over the cells present (nothing when no table 3/4 was found)."""
    checks: list[Check] = []
    if any(key.startswith("t3.") for key in cells):
        r1 = [(col, lhs, rhs) for col, lhs, rhs in _R1_EQUATIONS if all(k in cells for k in lhs + rhs)]
        checks.append(_balance_check("R1", r1, cells))
        r2 = []
        for col, parts, target in _R2_EQUATIONS:
            present = [part for part in parts if part in cells]
            if present:
                r2.append((col, present, target))
        checks.append(_sum_check("R2", r2, cells))
        checks.append(_sum_check("R3", _R3_EQUATIONS, cells))
    if any(key.startswith("t4.") for key in cells):
        checks.extend(_sum_check(rule, equations, cells) for rule, equations in _R4_EQUATIONS)
    return checks


def _balance_check(rule: str, rows: list[tuple[str, list[str], list[str]]], cells: dict[str, Metric]) -> Check:
    if not rows:
        return Check(rule, "not_assessable", "cells missing", None, None)
    failures = []
    for col, lhs, rhs in rows:
        left = sum(cells[k].value for k in lhs)
        right = sum(cells[k].value for k in rhs)
        if abs(left - right) > 1e-6:
            failures.append(f"{col}: 一+二={left:g}, 三(七)+四={right:g}")
    if failures:
        return Check(rule, "fail", "; ".join(failures), None, None)
    return Check(rule, "pass", f"{len(rows)} column(s) balance", None, None)

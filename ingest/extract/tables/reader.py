"""Standard-template tables 2, 3 and 4: rows found by their labels (or placed on the template's row
sequence) in the token stream of :mod:`ingest.extract.tables.cells`, then the R1–R4 checks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from ingest.extract.tables.align import Item, ValueRow, align
from ingest.extract.tables.cells import (
    CACHE_SIZE,
    DIGIT_RUN,
    CellValue,
    TableResult,
    Token,
    is_bar_cell,
    parse_cell,
    split_tokens,
    tokenize,
    view_token,
)
from ingest.extract.tables.t2 import table2
from ingest.records import Check, CheckStatus, Metric, Section
from ingest.text.digit_runs import Identity, RunSplit, force_by_balance, split_grid, split_run
from ingest.text.normalize import TextView, squeeze
from ingest.vocabulary import APPLICANT_TYPES, T4_BLOCKS, T4_RESULTS

__all__ = ["T3_COLUMNS", "T3_HEADLINES", "T4_BLOCKS", "T4_COLUMNS", "TableResult", "extract_tables", "parse_cell"]

_T3_NUMBERING = re.compile(r"^[一二三四五六七八九十]、|^\d+[.、]")
# Column and block keys are the vocabulary's (written once for parser, generator, dbt and GX).
T3_COLUMNS = APPLICANT_TYPES
T4_COLUMNS = T4_RESULTS
# The template's printed sums, as the digit-run solver takes them: R3 (a table-3 row's 总计 is its six
# applicant columns summed), R4 (each table-4 block's 总计 is its four parts summed) and R1
# (一 + 二 − (七) − 四 = 0 in every column, a balance over four rows).
T3_ROW_IDENTITY = Identity(parts=tuple(range(len(T3_COLUMNS) - 1)), total=len(T3_COLUMNS) - 1)
T4_IDENTITIES = tuple(Identity(tuple(range(b, b + 4)), b + 4) for b in range(0, 5 * len(T4_BLOCKS), 5))
R1_ROWS = ("new_received", "carried_over", "total_processed", "carried_forward")
R1_SIGNS = (1, 1, -1, -1)
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
_T3_PATTERNS = tuple((key, re.compile(pattern)) for key, pattern in T3_ROWS)
_T3_2021_ONLY = frozenset({"other.overdue_correction", "other.overdue_fee"})
# A label longer than this is prose mentioning a row, not the row's label.
_MAX_LABEL = 60
# A label token ending in digits lost the separators between its label and its cells.
_GLUED_TAIL = re.compile(r"[^\d\s.．|]\d+$")
_SEPARATORS = " \t\n|"
_NUMBERING_DOTS = frozenset(".．、")
_T3_ANY_ROW = re.compile("|".join(f"(?:{pattern})" for _, pattern in T3_ROWS))
# Words that name a table-3 row but also head its columns (总计, 其他): no row starts at them inside a label.
_T3_HEADER_WORDS = frozenset({"总计", "其他"})
# Table-4 column headers a block heading is printed with when the table is flattened onto one line.
_T4_RESULT_HEADERS = re.compile("结果维持|结果纠正|其他结果|尚未审结|总计")
_T4_HEADED_BLOCK = re.compile(r"^(?:行政复议|(?:行政诉讼)?[(（]?(?:未经复议直接起诉|复议后起诉)[)）]?)$")

Row = tuple[str, Token, list[tuple[Token, CellValue]]]
# Decides whether a token labels a row (returning the row key), given the rows found so far.
Cells = list[tuple[Token, CellValue]]
LabelMatcher = Callable[[Token, list[Row]], str | None]


def _collect_rows(tokens: list[Token], match_label: LabelMatcher, width: int) -> list[Row]:
    """(row key, label token, value cells) for every labelled row with at least one number.

    A row cut from a flattened line keeps every cell it printed, so that its count can be checked.
    """
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
        while cursor < len(tokens) and (len(values) < width or token.flat):
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
        table2(view, section, template, result)
    applications = [s for s in _sections_of(sections, "applications") if "收到和处理" in s.heading]
    review = _sections_of(sections, "review_litigation")
    t4_region = [] if review else _table4_region(view, sections)
    for section in applications or _sections_of(sections, "applications") or _table3_region(view, sections, t4_region):
        _table3(view, section, template, result)
    for section in review or t4_region:
        _table4(view, section, result)
    _derive_headlines(result)
    result.checks.extend(consistency_checks(result.metrics))
    if result.cells:
        # Our own invariant, not a source finding: one printed cell per table position.
        remapped = sorted(set(result.remapped))
        status: CheckStatus = "fail" if remapped else "pass"
        detail = ("mapped twice: " + ", ".join(remapped)) if remapped else f"{len(result.cells)} cells mapped once"
        result.checks.append(Check("T1_cell_mapped_once", status, detail, None, float(len(remapped))))
    if (check := layout_check(result)) is not None:
        result.checks.append(check)
    return result


def layout_check(result: TableResult) -> Check | None:
    """T2: cells read other than by their printed label, and layouts the sums could not decide.

    fail when an identity refuted every reading, not_assessable when several readings fit, pass when
    every aligned, split or short row was decided; None for tables read by their labels alone.
    """
    if not result.undecided and not result.decided:
        return None
    how = ", ".join(f"{count} {name}" for name, count in sorted(result.decided.items()))
    if not result.undecided:
        return Check("T2_layout_decided", "pass", f"cells decided: {how}", None, None)
    status: CheckStatus = "fail" if result.refuted else "not_assessable"
    detail = "; ".join(result.undecided) + (f" (decided: {how})" if how else "")
    return Check("T2_layout_decided", status, detail, None, float(len(result.undecided)))


def _region(view: TextView, sections: list[Section], kind: str, found: int, stop: int | None) -> Section:
    """A table region from view index ``found`` to ``stop`` (a view index), else the next section."""
    start = view.offsets[found]
    if stop is not None:
        end = view.offsets[stop]
    else:
        end = min((s.start for s in sections if s.start > start), default=len(view.original))
    return Section(ordinal=-1, heading="", kind=kind, start=start, end=end)


def _table3_region(view: TextView, sections: list[Section], t4_region: list[Section]) -> list[Section]:
    """Table 3 without its section (one-line pages, a lost heading): from its column header 申请人情况,
    else its first row's label, to table 4."""
    text = view.text
    found = next((i for i in (text.find("申请人情况"), text.find("本年新收政府信息公开申请数量")) if i >= 0), -1)
    if found < 0:
        return []
    stop = view.index_at(t4_region[0].start) if t4_region else None
    if stop is not None and stop <= found:
        stop = None
    return [_region(view, sections, "applications", found, stop)]


def _table4_region(view: TextView, sections: list[Section]) -> list[Section]:
    """Table 4 without its section: from its block heading 行政复议 just before its column header
    结果维持 to the next section's heading (存在的主要问题…)."""
    text = view.text
    header = text.find("结果维持")
    if header < 0:
        return []
    heading = text.rfind("行政复议", max(0, header - 60), header)
    found = heading if heading >= 0 else header
    problems = [i for i in (text.find("存在的主要问题", header), text.find("主要问题及改进", header)) if i >= 0]
    if problems:
        # The numbering of that heading (五、) stays out of the region.
        stop = min(problems)
        while stop > found and text[stop - 1] in "一二三四五六七八九十、.．（）() \t":
            stop -= 1
        return [_region(view, sections, "review_litigation", found, stop)]
    return [_region(view, sections, "review_litigation", found, None)]


def _table2_region(view: TextView, sections: list[Section]) -> list[Section]:
    """Table 2 without its heading: from the first 第二十条第 row header to the next section."""
    found = view.text.find("第二十条第")
    if found < 0:
        return []
    start = view.offsets[found]
    end = min((s.start for s in sections if s.start > start), default=len(view.original))
    return [Section(ordinal=-1, heading="", kind="proactive", start=start, end=end)]


def _t3_starts_row(word: str) -> bool:
    """Whether a word starts a table-3 row label (总计 and 其他 alone head columns as well)."""
    return squeeze(word) not in _T3_HEADER_WORDS and _t3_row(word)[0] is not None


def _table3(view: TextView, section: Section, template: str, result: TableResult) -> None:
    tokens = tokenize(view, section.start, section.end, _t3_starts_row)
    skeleton = _t3_skeleton(template, tokens)

    def match(token: Token, rows: list[Row]) -> str | None:
        if _GLUED_TAIL.search(token.text):
            return None  # a label with its numbers glued on: read by _glued_table3
        key, ends_in_other = _t3_row(token.text)
        if (
            key == "other.other"
            and ends_in_other
            and not any(r[0].startswith("other.") or r[0].startswith("not_processed.") for r in rows)
        ):
            return None
        return key

    rows = _collect_rows(tokens, match, len(T3_COLUMNS))
    items, printed = _t3_items(tokens, match, skeleton)
    consumed = {id(token) for _, _, values in rows for token, _ in values}
    orphans = any(
        isinstance(item, ValueRow) and item.label is None and not any(id(t) in consumed for t, _ in printed[item.ident])
        for item in items
    )
    if orphans:
        entries = _aligned_table3(items, printed, skeleton, result)
    else:
        entries = [(key, values, "one_line" if label.flat else "labelled") for key, label, values in rows]
    for row_key, values, how in _flat_rows_checked(entries, skeleton, result):
        _t3_row_cells(row_key, values, how, section, result)
    _glued_table3(view, section, skeleton, result)


# A table-3 row as read: its key, its printed cells and how it was placed.
_Entry = tuple[str, Cells, str]


def _flat_rows_checked(entries: list[_Entry], skeleton: tuple[str, ...], result: TableResult) -> list[_Entry]:
    """The rows to take, without those cut from a flattened line that the table does not confirm.

    Cut from one line at its labels, a row's cells are the numbers up to the next label: a lost label
    or cell moves numbers between rows unseen. Such a row is taken only when it prints exactly one
    cell per column, its 总计 is its applicants summed (R3), and R1 and R2 hold where all their rows
    are printed; otherwise it is left NULL with a T2 finding, never read with another row's numbers.
    """
    width = len(T3_COLUMNS)
    kept: list[_Entry] = []
    for key, values, how in entries:
        if not any(token.flat for token, _ in values):
            kept.append((key, values, how))
        elif len(values) != width:
            result.finding(
                "t3", f"row {key} on a flattened line prints {len(values)} cells for {width}; left NULL", False
            )
        elif not _row_sum_holds([cell.value for _, cell in values]):
            result.finding("t3", f"row {key} on a flattened line breaks R3 (总计 ≠ sum of applicants); left NULL", True)
        else:
            kept.append((key, values, how))
    rows: dict[str, list[float | None]] = {}
    for key, values, _ in kept:
        if len(values) == width:
            rows.setdefault(key, [cell.value for _, cell in values])
    flat = {key for key, values, _ in kept if any(token.flat for token, _ in values)}
    suspect: set[str] = set()
    for rule, signs in _row_identities(skeleton):
        involved = set(signs) & flat
        if involved and _identity_broken(rows, signs):
            suspect |= involved
            result.finding(
                "t3", f"rows on a flattened line break {rule}; left NULL: {', '.join(sorted(involved))}", True
            )
    return [entry for entry in kept if entry[0] not in suspect]


def _row_identities(skeleton: tuple[str, ...]) -> list[tuple[str, dict[str, int]]]:
    """R1 (一 + 二 − (七) − 四 = 0) and R2 ((七) − the outcome rows = 0) as signed rows, column by column."""
    r1 = dict(zip(R1_ROWS, R1_SIGNS, strict=True))
    r2 = {key: -1 for key in skeleton[2:-2]} | {"total_processed": 1}
    return [("R1", r1), ("R2", r2)]


def _identity_broken(rows: dict[str, list[float | None]], signs: dict[str, int]) -> bool:
    """Whether a signed sum of rows is not 0 in a column where every row prints a number."""
    if any(key not in rows for key in signs):
        return False  # a row not printed (or not taken): the identity says nothing
    for column in range(len(T3_COLUMNS)):
        cells = [rows[key][column] for key in signs]
        if all(cell is not None for cell in cells):
            total = sum(sign * (cell or 0.0) for sign, cell in zip(signs.values(), cells, strict=True))
            if abs(total) > 1e-6:
                return True
    return False


def _t3_row_cells(
    row_key: str, values: list[tuple[Token, CellValue]], how: str, section: Section, result: TableResult
) -> None:
    """A table-3 row's cells; a row with fewer cells than columns is not read by position."""
    if len(values) < len(T3_COLUMNS):
        result.finding(
            "t3", f"row {row_key} prints {len(values)} of {len(T3_COLUMNS)} cells; which are missing is unknown", False
        )
        return
    for column, (token, cell) in zip(T3_COLUMNS, values, strict=False):
        result.add("t3", row_key, column, token, cell, section.kind, how)


def _t3_skeleton(template: str, tokens: list[Token]) -> tuple[str, ...]:
    """Table 3's row sequence: 2021 splits （六）其他处理 into three rows, 2019 has one."""
    keys = tuple(key for key, _ in T3_ROWS)
    if template == "standard_2021" or any(_t3_row(t.text)[0] in _T3_2021_ONLY for t in tokens):
        return keys
    return tuple(key for key in keys if key not in _T3_2021_ONLY)


def _t3_items(
    tokens: list[Token], match: LabelMatcher, skeleton: tuple[str, ...]
) -> tuple[list[Item], list[list[tuple[Token, CellValue]]]]:
    """Table 3 as a stream of labels (skeleton indexes) and value rows, for :func:`align`.

    A value row is a pipe or whitespace row of cells, or a run of one-per-line cells (cut into rows of
    seven). A label printed in the same pipe row as values labels that row.
    """
    width = len(T3_COLUMNS)
    index_of = {key: i for i, key in enumerate(skeleton)}
    parent_other = "other.overdue_correction" in index_of  # 2021: （六）其他处理 heads three rows
    items: list[Item] = []
    printed: list[list[tuple[Token, CellValue]]] = []
    seen: list[Row] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        key = match(token, seen) if len(token.text) <= _MAX_LABEL and "。" not in token.text else None
        if key is not None and parent_other and key == "other.other" and not _t3_row(token.text)[1]:
            key = None
        if key is not None and key in index_of:
            seen.append((key, token, []))
            cells: list[tuple[Token, CellValue]] = []
            j = i + 1
            while token.piped and j < len(tokens) and tokens[j].piped and tokens[j].row == token.row:
                parsed = parse_cell(tokens[j].text)
                if parsed is None:
                    break
                cells.append((tokens[j], parsed))
                j += 1
            if any(c.value is not None for _, c in cells):
                items.append(ValueRow(len(printed), index_of[key]))
                printed.append(cells)
                i = j
            else:
                items.append(index_of[key])
                i += 1
            continue
        parsed = parse_cell(token.text)
        if parsed is None or not (token.text or token.piped):
            i += 1
            continue
        j = i
        run: list[tuple[Token, CellValue]] = []
        while j < len(tokens) and (cell := parse_cell(tokens[j].text)) is not None:
            if tokens[j].piped != token.piped or (token.piped and tokens[j].row != token.row):
                break
            run.append((tokens[j], cell))
            j += 1
        i = j
        while token.piped and len(run) > width and not run[-1][0].text:
            run.pop()  # empty cells printed past the table's last column
        chunks = [run] if token.piped else [run[k : k + width] for k in range(0, len(run), width)]
        for chunk in chunks:
            if len(chunk) == width and any(c.value is not None for _, c in chunk):
                items.append(ValueRow(len(printed)))
                printed.append(chunk)
    return items, printed


def _aligned_table3(
    items: list[Item],
    printed: list[list[tuple[Token, CellValue]]],
    skeleton: tuple[str, ...],
    result: TableResult,
) -> list[_Entry]:
    """Table 3 with label-less value rows: placed on the template's rows where R1/R2 allow only one way."""
    index_of = {key: i for i, key in enumerate(skeleton)}
    outcome_rows = [index_of[key] for key in skeleton[2:-2]]
    edges = [index_of[key] for key in ("new_received", "carried_over", "total_processed", "carried_forward")]

    def values(ident: int) -> list[float | None]:
        return [cell.value for _, cell in printed[ident]]

    def referee(placement: dict[int, int]) -> bool | None:
        checked = False
        rows = {index: values(ident) for index, ident in placement.items()}
        for column in range(len(T3_COLUMNS)):
            if all(i in rows for i in outcome_rows) and edges[2] in rows:
                parts = [rows[i][column] for i in outcome_rows]
                total = rows[edges[2]][column]
                if total is not None and all(p is not None for p in parts):
                    checked = True
                    if abs(sum(p for p in parts if p is not None) - total) > 1e-6:
                        return False
            if all(i in rows for i in edges):
                new, carried, processed, forward = (rows[i][column] for i in edges)
                if new is not None and carried is not None and processed is not None and forward is not None:
                    checked = True
                    if abs(new + carried - processed - forward) > 1e-6:
                        return False
        return checked

    alignment = align(items, len(skeleton), referee, skeleton)
    for detail in alignment.findings:
        result.finding("t3", detail, alignment.failed)
    entries: list[_Entry] = []
    for index, (ident, how) in sorted(alignment.placed.items()):
        row = printed[ident]
        if how == "aligned" and not _row_sum_holds([cell.value for _, cell in row]):
            result.finding(
                "t3", f"row placed at {skeleton[index]} breaks R3 (总计 ≠ sum of applicants); left NULL", True
            )
            continue
        entries.append((skeleton[index], row, how))
    return entries


def _row_sum_holds(values: Sequence[float | int | None]) -> bool:
    """R3 for one row: 总计 equals the six applicant columns (unknown, so not broken, with a blank)."""
    if any(v is None for v in values):
        return True
    return abs(sum(v for v in values[:-1] if v is not None) - (values[-1] or 0.0)) < 1e-6


@lru_cache(maxsize=CACHE_SIZE)
def _t3_row(text: str) -> tuple[str | None, bool]:
    """The table-3 row a label names (the first of T3_ROWS that matches), and whether it ends in 其他."""
    label = _T3_NUMBERING.sub("", squeeze(text))
    if _T3_ANY_ROW.search(label) is None:  # most texts are no label: one scan instead of one per row
        return None, False
    key = next(key for key, pattern in _T3_PATTERNS if pattern.search(label))
    return key, label.endswith("其他")


def _table4(view: TextView, section: Section, result: TableResult) -> None:
    """Table 4: one row of 15 cells under a (often garbled) header, three 5-cell pieces, or a glued run."""
    tokens = tokenize(view, section.start, section.end, _t4_starts_row)
    groups: list[tuple[str | None, list[tuple[Token, CellValue]]]] = []  # (block heading before it, cells)
    values: list[tuple[Token, CellValue]] = []
    heading: str | None = None
    for token in tokens:
        # A blank one-per-line cell counts only inside the run of numbers, never before it.
        parsed = parse_cell(token.text) if (token.text or token.piped or values) else None
        if parsed is None:
            if any(v.value is not None for _, v in values):
                groups.append((heading, values))
                heading = None
            values = []
            heading = _t4_block(token.text) or heading
            continue
        values.append((token, parsed))
    if any(v.value is not None for _, v in values):
        groups.append((heading, values))
    if not groups:
        _glued_table4(view, section, result)
        return
    width = len(T4_BLOCKS) * len(T4_COLUMNS)
    flat = [len(cells) for _, cells in groups if any(token.flat for token, _ in cells)]
    if any(size not in (width, len(T4_COLUMNS)) for size in flat):
        # Cut from a flattened line at its block headings: a count that is no block's is a lost cell
        # or label, and which cells moved is unknown.
        sizes = "+".join(str(len(cells)) for _, cells in groups)
        result.finding("t4", f"value groups of {sizes} cells on a flattened line; left NULL", False)
        return
    if len(groups[0][1]) >= width:
        how = "one_line" if flat else "labelled"
        for index, (token, cell) in enumerate(groups[0][1][:width]):
            result.add("t4", T4_BLOCKS[index // 5], T4_COLUMNS[index % 5], token, cell, section.kind, how)
        return
    groups = [(block, _t4_piece(view.original, block, cells, result)) for block, cells in groups]
    pieces = [(block, cells) for block, cells in groups if len(cells) == len(T4_COLUMNS)]
    if len(pieces) != len(groups) or len(pieces) > len(T4_BLOCKS):
        sizes = "+".join(str(len(cells)) for _, cells in groups)
        result.finding(
            "t4", f"value groups of {sizes} cells fit neither one row of 15 nor 5-cell blocks; left NULL", False
        )
        return
    blocks = [block for block, _ in pieces]
    how = "one_line" if flat else "labelled"
    if None in blocks or len(set(blocks)) != len(blocks):
        if len(pieces) != len(T4_BLOCKS) or any(block is not None for block in blocks):
            result.finding("t4", f"{len(pieces)} blocks of 5 cells without a heading for each; left NULL", False)
            return
        blocks, how = list(T4_BLOCKS), "aligned"  # three unheaded blocks in the template's order
    for block, (_, cells) in zip(blocks, pieces, strict=True):
        numbers = [cell.value for _, cell in cells]
        if how == "aligned" and not _row_sum_holds(numbers):
            result.finding("t4", f"block placed at {block} breaks R4 (总计 ≠ sum of its parts); left NULL", True)
            continue
        for column, (token, cell) in zip(T4_COLUMNS, cells, strict=True):
            result.add("t4", block or "", column, token, cell, section.kind, how)


def _t4_piece(original: str, block: str | None, cells: Cells, result: TableResult) -> Cells:
    """A headed block's five cells when something trails them, else the cells as grouped.

    A blank line after the five is the break before what follows. One stray number after them (a
    page number, the next heading's numeral) is dropped when R4 holds on the first five and does
    not equally hold on the last five (then the stray could as well lead; left as is).
    """
    size = len(T4_COLUMNS)
    while len(cells) > size and not cells[-1][0].text and not is_bar_cell(original, cells[-1][0]):
        cells = cells[:-1]
    if block is None or len(cells) != size + 1:
        return cells

    def holds(part: Cells) -> bool:
        numbers = [cell.value for _, cell in part]
        return None not in numbers and _row_sum_holds(numbers)

    first, last = cells[:size], cells[1:]
    if not holds(first):
        return cells
    if holds(last) and [c.value for _, c in last] != [c.value for _, c in first]:
        result.finding("t4", f"block {block}: 6 cells, R4 holds on the first five and on the last five", False)
        return cells
    return first


def _t4_starts_row(word: str) -> bool:
    return _t4_block(word) is not None


def _t4_block(text: str) -> str | None:
    """The table-4 block a heading names (行政复议 / 未经复议直接起诉 / 复议后起诉), if any.

    A heading followed by its five column headers (行政复议 结果维持 … 总计, as a flattened table prints
    a block) names its block too.
    """
    label = squeeze(text)
    if len(label) > 20:
        label = _T4_RESULT_HEADERS.sub("", label)
        if not _T4_HEADED_BLOCK.match(label):
            return None
    if "未经复议" in label:
        return "litigation_direct"
    if "复议后起诉" in label:
        return "litigation_after_reconsideration"
    if label == "行政复议" or label.endswith("行政复议"):
        return "reconsideration"
    return None


def _glued_table4(view: TextView, section: Section, result: TableResult) -> None:
    """Table 4 printed as one run of digits (15 cells, 15–90 digits): split by the three R4 sums."""
    width = len(T4_BLOCKS) * len(T4_COLUMNS)
    start, end = view.index_at(section.start), view.index_at(section.end)
    runs = [m for m in DIGIT_RUN.finditer(view.text, start, end) if width <= len(m.group(0)) <= 6 * width]
    if len(runs) != 1:
        if runs:
            result.finding("t4", f"{len(runs)} digit runs long enough for table 4; none read", False)
        return
    run = view_token(view, *runs[0].span())
    split = split_run(run.text, width, T4_IDENTITIES)
    if split.values is None:
        result.finding("t4", f"glued row: {split.reason}; left NULL", split.candidates == 0)
        return
    for index, (token, value) in enumerate(zip(split_tokens(view, run, split.values), split.values, strict=True)):
        cell = CellValue(float(value), None, None)
        result.add("t4", T4_BLOCKS[index // 5], T4_COLUMNS[index % 5], token, cell, section.kind, "split")


# Headlines a table-3 total stands for (metric_keys.md): 一, 二 and (七) 总计.
T3_HEADLINES = (
    ("applications.received", "t3.new_received.total"),
    ("applications.carried_over", "t3.carried_over.total"),
    ("applications.processed", "t3.total_processed.total"),
)


def _derive_headlines(result: TableResult) -> None:
    """Headline keys from table totals, so narrative and table years form one series."""
    cells = result.metrics
    # metric_keys.md: received = 一 总计, carried_over = 二 总计, processed = (七) 总计.
    for headline, total in T3_HEADLINES:
        if (cell := cells.get(total)) is not None:
            cells[headline] = _derived(headline, [cell])
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


def _glued_table3(view: TextView, section: Section, skeleton: tuple[str, ...], result: TableResult) -> None:
    """Table-3 rows whose cells lost their separators (``1.属于国家秘密0000000``), split by the sums.

    Each label directly followed by a run of at least seven digits is a row; the rows are split
    jointly (R3 in every row, R2 down every column when all outcome rows are glued) and a row is
    taken only when its split is the only one.
    """
    width = len(T3_COLUMNS)
    glued: list[tuple[str, Token]] = []
    for key, token in _glued_rows(view, section, width):
        if key in skeleton and key not in {k for k, _ in glued} and not _has_row(result, "t3", key):
            glued.append((key, token))
    if not glued:
        return
    position = {key: i for i, (key, _) in enumerate(glued)}
    column_identities = []
    outcomes = skeleton[2:-2]
    if "total_processed" in position and all(key in position for key in outcomes):
        column_identities.append(Identity(tuple(position[key] for key in outcomes), position["total_processed"]))
    splits = list(split_grid([token.text for _, token in glued], width, [T3_ROW_IDENTITY], column_identities))
    _force_by_r1(glued, splits)
    for (key, token), split in zip(glued, splits, strict=True):
        if split.values is None:
            result.finding("t3", f"glued row {key}: {split.reason}; left NULL", split.candidates == 0)
            continue
        cells = split_tokens(view, token, split.values)
        for column, cell, value in zip(T3_COLUMNS, cells, split.values, strict=True):
            result.add("t3", key, column, cell, CellValue(float(value), None, None), section.kind, "split")


def _force_by_r1(glued: list[tuple[str, Token]], splits: list[RunSplit]) -> None:
    """R1 (一 + 二 = (七) + 四) decides one undecided row of the four when the other three are split."""
    position = {key: i for i, (key, _) in enumerate(glued)}
    if not all(key in position for key in R1_ROWS):
        return
    indexes = [position[key] for key in R1_ROWS]
    runs = [glued[i][1].text for i in indexes]
    decided = force_by_balance(runs, [splits[i] for i in indexes], R1_SIGNS, [T3_ROW_IDENTITY])
    for index, split in zip(indexes, decided, strict=True):
        splits[index] = split


def _has_row(result: TableResult, table: str, row_key: str) -> bool:
    prefix = f"{table}.{row_key}."
    return any(key.startswith(prefix) for key in result.metrics)


def _glued_rows(view: TextView, section: Section, width: int) -> list[tuple[str, Token]]:
    """(table-3 row key, digit-run token) for every label glued to a run of ``width`` or more digits."""
    start, end = view.index_at(section.start), view.index_at(section.end)
    text = view.text[start:end]
    rows: list[tuple[str, Token]] = []
    label_from = 0
    for match in DIGIT_RUN.finditer(text):
        run_start, run_end = match.span()
        if run_end - run_start < width or run_start == 0 or text[run_start - 1] in _SEPARATORS:
            label_from = run_end if run_end - run_start >= width else label_from
            continue
        # The label runs back to the previous row's digits or to a separator.
        head = text[label_from:run_start]
        cut = max(head.rfind(c) for c in _SEPARATORS)
        label = head[cut + 1 :]
        if text[run_end : run_end + 1] in _NUMBERING_DOTS:
            run_end -= 1  # "00000002.其他法律…": the last digit numbers the next row
        label_from = run_end
        key, _ = _t3_row(label) if len(label) <= _MAX_LABEL else (None, False)
        if key is None or run_end - run_start < width:
            continue
        rows.append((key, view_token(view, start + run_start, start + run_end)))
    return rows

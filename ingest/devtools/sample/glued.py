"""Which cells of a glued table a careful reader can recover: the truth side of ``ingest.text.digit_runs``.

A glued presentation prints every row's cells with no separator (``1.属于国家秘密0000000``). The reader
knows the template (column count and its sums) and that cells carry no leading zeros; a row is
recoverable exactly when that leaves one split. The split itself is ``ingest.text.digit_runs`` — the same
code the parser uses — so the truth says "unique or not" by the solver's own definition rather than a
second opinion. Everything here is pure: cell texts in, undecidable metric keys out.
"""

from __future__ import annotations

from collections.abc import Sequence

from ingest.extract.tables.reader import R1_ROWS, R1_SIGNS, T3_ROW_IDENTITY, T4_IDENTITIES
from ingest.text.digit_runs import Identity, force_by_balance, split_grid, split_run
from ingest.vocabulary import APPLICANT_TYPES, T4_BLOCKS, T4_RESULTS

__all__ = ["row_is_decidable", "t3_undecidable", "t4_undecidable"]

_T3_NOT_OUTCOMES = ("new_received", "carried_over", "total_processed", "carried_forward")


def t3_undecidable(row_keys: Sequence[str], rows: Sequence[Sequence[str]]) -> set[str]:
    """Metric keys of glued table-3 rows that no split can fix.

    ``row_keys`` are the rows' keys in print order (``new_received`` …) and ``rows`` their seven
    cell texts. Rows are split jointly: R3 inside every row and R2 ((七)总计 = the outcome rows
    summed) down every column; then R1 (一 + 二 = (七) + 四) decides one of its four rows when the
    other three are split — the template's printed sums, applied as the parser applies them.
    """
    runs = ["".join(cells) for cells in rows]
    outcomes = tuple(i for i, key in enumerate(row_keys) if key not in _T3_NOT_OUTCOMES)
    column = [Identity(parts=outcomes, total=list(row_keys).index("total_processed"))]
    splits = list(split_grid(runs, 7, [T3_ROW_IDENTITY], column))
    if all(key in row_keys for key in R1_ROWS):
        indexes = [list(row_keys).index(key) for key in R1_ROWS]
        decided = force_by_balance(
            [runs[i] for i in indexes], [splits[i] for i in indexes], R1_SIGNS, [T3_ROW_IDENTITY]
        )
        for index, split in zip(indexes, decided, strict=True):
            splits[index] = split
    undecidable: set[str] = set()
    for key, cells, split in zip(row_keys, rows, splits, strict=True):
        if split.values is None:
            undecidable.update(f"t3.{key}.{col}" for col in _T3_COLUMNS)
        elif split.values != tuple(int(c) for c in cells):
            raise AssertionError(f"unique split {split.values} of {key} is not the printed row {cells}")
    return undecidable


def t4_undecidable(cells: Sequence[str]) -> set[str]:
    """Keys of a glued table-4 row (15 cells, one run) when its split under R4 is not unique."""
    split = split_run("".join(cells), 15, T4_IDENTITIES)
    if split.values is not None:
        if split.values != tuple(int(c) for c in cells):
            raise AssertionError(f"unique split {split.values} is not the printed row {cells}")
        return set()
    return {f"t4.{block}.{col}" for block in _T4_BLOCKS for col in _T4_COLUMNS}


def row_is_decidable(cells: Sequence[str]) -> bool:
    """Whether a glued table-2 row (no identities) splits one way only.

    Cells are plain non-negative integers except that the last may be a decimal amount
    (``采购总金额``): its fraction ends the run, so only the digits before the point are split.
    """
    text = "".join(cells)
    digits = text.split(".", 1)[0]
    if not digits.isdigit():
        raise ValueError(f"a glued table-2 row must be plain numbers: {cells}")
    split = split_run(digits, len(cells))
    if split.values is None:
        return False
    if split.values != tuple(int(c.split(".", 1)[0]) for c in cells):
        raise AssertionError(f"unique split {split.values} is not the printed row {cells}")
    return True


_T3_COLUMNS = APPLICANT_TYPES
_T4_BLOCKS = T4_BLOCKS
_T4_COLUMNS = T4_RESULTS

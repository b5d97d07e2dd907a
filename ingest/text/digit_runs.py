"""Split glued digit runs (table cells that lost their separators) into their template's columns.

A page that printed ``1.属于国家秘密0000000`` or ``一、本年新收政府信息公开申请数量640020470`` lost the
cell boundaries but not the digits. The template fixes the number of columns and often some sums
(a 总计 column is the sum of the others; in table 4 each block's 总计 is the sum of its four parts),
so the boundaries can be recovered by enumerating the splits that satisfy those identities. Cells
never carry leading zeros (``05`` is not a cell, ``0`` is). A split is accepted only when it is the
only one; otherwise the caller gets ``None`` and a reason it can show to a reviewer.

Everything here is pure and bounded: the enumeration stops after ``_MAX_CANDIDATES`` splits or
``_MAX_NODES`` search steps and reports "too many candidates" instead of hanging on a long run.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Identity", "RunSplit", "force_by_balance", "split_grid", "split_run"]

# Enough to tell "unique" from "ambiguous" and to keep a few rows' alternatives for grid search;
# any real table row that has more candidates than this is hopeless anyway.
_MAX_CANDIDATES = 1000
# Search steps per run; a 17-digit run into 15 columns needs a few hundred.
_MAX_NODES = 200_000
# Joint solutions examined by split_grid before it gives up on disambiguating.
_MAX_GRID_SOLUTIONS = 1000
_MAX_GRID_NODES = 200_000
_EXAMPLES = 3


@dataclass(frozen=True)
class Identity:
    """``sum(values[i] for i in parts) == values[total]``."""

    parts: tuple[int, ...]
    total: int


@dataclass(frozen=True)
class RunSplit:
    """Result of splitting one run: the unique split, or ``None`` with the reason it is not unique."""

    values: tuple[int, ...] | None
    candidates: int
    reason: str


@dataclass
class _Enumeration:
    found: list[tuple[int, ...]]
    complete: bool  # False when a cap stopped the search before it saw every split


class _BudgetError(Exception):
    """Raised inside the search when a cap is reached."""


def split_run(digits: str, n: int, identities: Sequence[Identity] = (), max_width: int = 6) -> RunSplit:
    """Split ``digits`` into ``n`` non-negative integers satisfying ``identities``; unique or ``None``."""
    _check_args(digits, n, identities, max_width)
    enum = _enumerate(digits, n, identities, max_width)
    return _result(digits, n, identities, enum)


def split_grid(
    runs: Sequence[str],
    n: int,
    row_identities: Sequence[Identity],
    column_identities: Sequence[Identity],
) -> tuple[RunSplit, ...]:
    """Split several glued rows jointly; ``column_identities`` relate rows (indexes are rows).

    Each row must split into ``n`` columns satisfying ``row_identities``; a column identity must
    hold in every column. A row whose own split is ambiguous is taken when every joint solution
    gives it the same values. Rows are never made worse than their own ``split_run`` result: if no
    joint solution exists (a printed total that does not add up), each row keeps its own result.
    """
    for run in runs:
        _check_args(run, n, row_identities, 6)
    _check_identities(column_identities, len(runs))
    enums = [_enumerate(run, n, row_identities, 6) for run in runs]
    singles = [_result(run, n, row_identities, enum) for run, enum in zip(runs, enums, strict=True)]
    if not column_identities or all(s.values is not None for s in singles):
        return tuple(singles)
    return _joint(runs, n, row_identities, column_identities, enums, singles)


# --- single run -------------------------------------------------------------------------------


def _check_args(digits: str, n: int, identities: Sequence[Identity], max_width: int) -> None:
    if not (digits == "" or (digits.isascii() and digits.isdigit())):
        raise ValueError(f"not a digit run: {digits!r}")
    if n < 1 or max_width < 1:
        raise ValueError("n and max_width must be positive")
    _check_identities(identities, n)


def _check_identities(identities: Sequence[Identity], size: int) -> None:
    for ident in identities:
        indexes = (*ident.parts, ident.total)
        if not ident.parts or len(set(indexes)) != len(indexes) or not all(0 <= i < size for i in indexes):
            raise ValueError(f"bad identity for {size} columns: {ident}")


def _enumerate(digits: str, n: int, identities: Sequence[Identity], max_width: int) -> _Enumeration:
    """Depth-first search over cell boundaries, pruned by length bounds and the identities."""
    length = len(digits)
    # For each column, the identities it completes (its index is the identity's highest): its value
    # is then forced, which turns the search at that column from branching into a single check.
    closing: list[list[Identity]] = [[] for _ in range(n)]
    # Identities whose total comes before some of its parts: a running sum may not exceed the total.
    partial: list[list[Identity]] = [[] for _ in range(n)]
    for ident in identities:
        closing[max(*ident.parts, ident.total)].append(ident)
        for p in ident.parts:
            if ident.total < p < max(ident.parts):
                partial[p].append(ident)
    values = [0] * n
    found: list[tuple[int, ...]] = []
    nodes = 0

    def forced(col: int) -> int | None:
        """The value the identities force at ``col`` (-1 if they contradict), or None if free."""
        value: int | None = None
        for ident in closing[col]:
            if col == ident.total:
                v = sum(values[p] for p in ident.parts)
            else:
                v = values[ident.total] - sum(values[p] for p in ident.parts if p != col)
            if v < 0 or (value is not None and v != value):
                return -1
            value = v
        return value

    def visit(col: int, pos: int) -> None:
        nonlocal nodes
        nodes += 1
        if nodes > _MAX_NODES:
            raise _BudgetError
        if col == n:
            if pos == length:
                found.append(tuple(values))
                if len(found) >= _MAX_CANDIDATES:
                    raise _BudgetError
            return
        left = n - col - 1  # columns after this one
        rest = length - pos
        want = forced(col)
        if want == -1:
            return
        if want is not None:
            text = str(want)
            if (
                len(text) > max_width
                or not digits.startswith(text, pos)
                or not left <= rest - len(text) <= left * max_width
            ):
                return
            widths: range | tuple[int] = (len(text),)
        else:
            if digits[pos : pos + 1] == "0":
                widths = range(1, 2)  # a zero cell is exactly "0": no leading zeros
            else:
                widths = range(max(1, rest - left * max_width), min(max_width, rest - left) + 1)
        for width in widths:
            values[col] = int(digits[pos : pos + width])
            if any(sum(values[p] for p in ident.parts if p <= col) > values[ident.total] for ident in partial[col]):
                continue
            visit(col + 1, pos + width)
        values[col] = 0

    if not n <= length <= n * max_width:
        return _Enumeration([], True)
    try:
        visit(0, 0)
    except _BudgetError:
        return _Enumeration(found, False)
    return _Enumeration(found, True)


def _result(digits: str, n: int, identities: Sequence[Identity], enum: _Enumeration) -> RunSplit:
    count = len(enum.found)
    where = f"{digits!r} into {n} columns"
    if not enum.complete:
        return RunSplit(None, count, f"{where}: too many candidates (stopped after {count} splits)")
    if count == 1:
        return RunSplit(enum.found[0], 1, "")
    if count == 0:
        what = "satisfies the identities" if identities else "fits (no leading zeros, cell width)"
        return RunSplit(None, 0, f"{where}: no split {what}")
    return RunSplit(None, count, f"{where}: {count} splits satisfy the identities ({_examples(enum.found)})")


def _examples(splits: Sequence[tuple[int, ...]]) -> str:
    shown = " / ".join(",".join(map(str, s)) for s in splits[:_EXAMPLES])
    return shown + (" / …" if len(splits) > _EXAMPLES else "")


# --- grid -------------------------------------------------------------------------------------


def _joint(
    runs: Sequence[str],
    n: int,
    row_identities: Sequence[Identity],
    column_identities: Sequence[Identity],
    enums: Sequence[_Enumeration],
    singles: Sequence[RunSplit],
) -> tuple[RunSplit, ...]:
    """Backtrack over rows' candidate splits; a row is taken when all joint solutions agree on it."""
    rows = len(runs)
    # Rows whose enumeration was capped are "open": they take no part in the search except where
    # an identity forces their values outright (checked against their run directly).
    cands: list[list[tuple[int, ...]] | None] = [e.found if e.complete else None for e in enums]
    # Fixed rows first, then the least ambiguous, open rows last (so identities can force them).
    order = sorted(range(rows), key=lambda r: (cands[r] is None, len(cands[r] or ()), r))
    rank = {r: i for i, r in enumerate(order)}
    closing: dict[int, list[Identity]] = {r: [] for r in range(rows)}
    for ident in column_identities:
        closing[max((*ident.parts, ident.total), key=rank.__getitem__)].append(ident)
    assigned: list[tuple[int, ...] | None] = [None] * rows
    # Cells are non-negative, so a column identity whose rows all have candidate lists also bounds
    # its partial assignments: the assigned rows plus the least (most) the others can still print
    # must reach (not pass) the total. Checked after each row, it cuts a search that would otherwise
    # only learn at the identity's last row that hundreds of thousands of combinations fail.
    # (An identity through a row with no candidate at all fails without help: that row has no option.)
    bounded = [ident for ident in column_identities if all(cands[r] for r in (*ident.parts, ident.total))]
    low = {r: tuple(map(min, zip(*options, strict=True))) for r, options in enumerate(cands) if options}
    high = {r: tuple(map(max, zip(*options, strict=True))) for r, options in enumerate(cands) if options}
    touching: dict[int, list[Identity]] = {r: [] for r in range(rows)}
    for ident in bounded:
        for r in (*ident.parts, ident.total):
            touching[r].append(ident)

    def feasible(row: int) -> bool:
        """Whether every bounded identity through ``row`` can still hold in every column."""
        for ident in touching[row]:
            for c in range(n):
                least = most = 0
                for p in ident.parts:
                    value = assigned[p]
                    least += value[c] if value is not None else low[p][c]
                    most += value[c] if value is not None else high[p][c]
                total = assigned[ident.total]
                if total is not None:
                    if not least <= total[c] <= most:
                        return False
                elif least > high[ident.total][c] or most < low[ident.total][c]:
                    return False
        return True

    seen: list[set[tuple[int, ...]]] = [set() for _ in range(rows)]
    solutions = 0
    nodes = 0

    def forced(row: int) -> tuple[int, ...] | bool | None:
        """Values forced at ``row`` by a closing identity; False on contradiction, None when free."""
        value: tuple[int, ...] | None = None
        for ident in closing[row]:
            known = {r: assigned[r] for r in (*ident.parts, ident.total) if r != row}
            rows_known = {r: v for r, v in known.items() if v is not None}
            if len(rows_known) < len(known):
                continue  # an open row in the identity: it cannot be checked
            if row == ident.total:
                v = tuple(sum(rows_known[p][c] for p in ident.parts) for c in range(n))
            else:
                tot = rows_known[ident.total]
                v = tuple(tot[c] - sum(rows_known[p][c] for p in ident.parts if p != row) for c in range(n))
            if min(v) < 0 or (value is not None and v != value):
                return False
            value = v
        return value

    def visit(i: int) -> None:
        nonlocal solutions, nodes
        nodes += 1
        if nodes > _MAX_GRID_NODES:
            raise _BudgetError
        if i == rows:
            solutions += 1
            for r in range(rows):
                if assigned[r] is not None:
                    seen[r].add(assigned[r])  # type: ignore[arg-type]
            if solutions >= _MAX_GRID_SOLUTIONS:
                raise _BudgetError
            return
        row = order[i]
        want = forced(row)
        if want is False:
            return
        options = cands[row]
        if options is None:
            if isinstance(want, tuple):
                if "".join(map(str, want)) != runs[row] or not _holds(want, row_identities):
                    return
                options = [want]
            else:
                options = [None]  # type: ignore[list-item]  # open and unforced: a wildcard
        elif isinstance(want, tuple):
            options = [want] if want in options else []
        for option in options:
            assigned[row] = option
            if touching[row] and not feasible(row):
                continue
            visit(i + 1)
        assigned[row] = None

    try:
        visit(0)
    except _BudgetError:
        # Cannot prove agreement; keep each row's own result.
        return _noted(singles, "; joint search stopped: too many candidate combinations")
    if solutions == 0:
        return _noted(singles, "; no joint split satisfies the column identities")
    out: list[RunSplit] = []
    for r, single in enumerate(singles):
        if single.values is not None or not seen[r]:
            out.append(single)
        elif len(seen[r]) == 1:
            out.append(RunSplit(next(iter(seen[r])), 1, ""))
        else:
            found = sorted(seen[r])
            out.append(
                RunSplit(
                    None,
                    len(found),
                    f"{runs[r]!r} into {n} columns: {len(found)} splits satisfy the row and column identities"
                    f" ({_examples(found)})",
                )
            )
    return tuple(out)


def _noted(singles: Sequence[RunSplit], note: str) -> tuple[RunSplit, ...]:
    return tuple(s if s.values is not None else RunSplit(None, s.candidates, s.reason + note) for s in singles)


def _holds(values: tuple[int, ...], identities: Sequence[Identity]) -> bool:
    return all(sum(values[p] for p in ident.parts) == values[ident.total] for ident in identities)


def force_by_balance(
    runs: Sequence[str],
    splits: Sequence[RunSplit],
    signs: Sequence[int],
    row_identities: Sequence[Identity] = (),
) -> tuple[RunSplit, ...]:
    """Decide the one undecided row of a signed balance over rows, when every other row is split.

    A balance is ``sum(signs[i] * row_i) == 0`` in every column, e.g. table 3's R1
    (一 + 二 − (七) − 四 = 0, signs 1, 1, −1, −1 over those four rows' ``runs``). Identities with
    one total (:class:`Identity`) cannot say it, so it is applied after :func:`split_grid`: the
    forced row is taken only when its values are non-negative, satisfy ``row_identities`` and print
    exactly the row's digits. Anything else leaves ``splits`` as they were.
    """
    if not len(runs) == len(splits) == len(signs):
        raise ValueError("runs, splits and signs must have the same length")
    open_rows = [i for i, split in enumerate(splits) if split.values is None]
    if len(open_rows) != 1:
        return tuple(splits)
    missing = open_rows[0]
    known = [split.values for split in splits if split.values is not None]
    width = len(known[0]) if known else 0
    forced = tuple(
        -signs[missing] * sum(signs[i] * (split.values or ())[column] for i, split in enumerate(splits) if i != missing)
        for column in range(width)
    )
    if not forced or min(forced) < 0 or "".join(map(str, forced)) != runs[missing]:
        return tuple(splits)
    if not _holds(forced, row_identities):
        return tuple(splits)
    decided = list(splits)
    decided[missing] = RunSplit(forced, 1, "")
    return tuple(decided)

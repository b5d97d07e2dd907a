"""Align a table's value rows to its template's fixed row sequence, with the table's sums as referee.

PDF and web conversions often print row labels as prose lines and the numbers as label-less rows
(``| 0 | 0 | 0 | 0 | 0 | 0 | 0 |``), sometimes interleaved with labelled rows. The template fixes the
row sequence (the *skeleton*), so value rows can be placed in order between the rows whose label is
certain (*anchors*). A placement is taken only when it is the only one left after the identities
(a caller-supplied check, e.g. R1/R2 of table 3) have refuted the others; a row whose place the
arithmetic cannot decide stays unplaced (NULL) and the reason is reported.

Pure: works on skeleton indexes and row ids, so the caller keeps its own tokens and evidence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import combinations

__all__ = ["Item", "ValueRow", "align"]

# Placements examined before giving up: C(25, 3) is 2,300; a table with more freedom than this is
# not decidable by its sums anyway.
_MAX_PLACEMENTS = 20_000


@dataclass(frozen=True)
class ValueRow:
    """A printed row of values; ``label`` is the skeleton index of a label printed in the same row."""

    ident: int  # the caller's id for the row
    label: int | None = None


# A stream item: a label printed without values (its skeleton index), or a row of values.
Item = int | ValueRow
# Given skeleton index -> row id for a whole table, False when an identity is broken, True when one
# was checked and holds, None when none could be checked.
_Referee = Callable[[dict[int, int]], bool | None]


@dataclass
class _Alignment:
    """Placed rows (skeleton index -> (row id, how: 'labelled' | 'aligned')) and what stayed open."""

    placed: dict[int, tuple[int, str]] = field(default_factory=dict)
    findings: list[str] = field(default_factory=list)
    failed: bool = False  # an identity refuted every placement (vs. several placements left)


@dataclass
class _Deferred:
    """Value rows whose labels did not pair with them one to one: placed by enumeration."""

    labels: list[int]
    rows: list[ValueRow]
    lower: int  # the anchor before them (exclusive)
    upper: int = -1  # the anchor after them (exclusive), set once known


def align(items: Sequence[Item], size: int, referee: _Referee, names: Sequence[str]) -> _Alignment:
    """Place value rows on a skeleton of ``size`` rows (``names`` label them in findings).

    A row printed with its label is placed there. A run of labels followed by a run of as many value
    rows pairs them in order. Any other value rows are placed in order into the free rows between the
    surrounding anchors (or among the labels printed just before them), every placement is put to the
    referee, and a row is placed only where every unrefuted placement puts it.
    """
    result = _Alignment()
    anchors: dict[int, tuple[int, str]] = {}
    deferred: list[_Deferred] = []
    pending: list[int] = []
    run: list[ValueRow] = []
    floor = -1  # labels at or below the last anchor are out of order (page headers, prose)

    def flush() -> None:
        nonlocal floor
        if run:
            if len(pending) == len(run):
                how = "labelled" if len(run) == 1 else "aligned"
                for index, row in zip(pending, run, strict=True):
                    anchors[index] = (row.ident, how)
                floor = pending[-1]
                for entry in deferred:
                    if entry.upper < 0:
                        entry.upper = pending[0]
            else:
                deferred.append(_Deferred(list(pending), list(run), floor))
                floor = max(pending, default=floor)
        pending.clear()
        run.clear()

    for item in items:
        if isinstance(item, int):
            if run:
                flush()
            if item > (pending[-1] if pending else floor):
                pending.append(item)
            continue
        if item.label is None:
            run.append(item)
            continue
        flush()
        if item.label <= floor:
            continue  # a repeated or out-of-order labelled row: not placeable
        anchors[item.label] = (item.ident, "labelled")
        floor = item.label
        for entry in deferred:
            if entry.upper < 0:
                entry.upper = item.label
    flush()
    for entry in deferred:
        if entry.upper < 0:
            entry.upper = size
    result.placed.update(anchors)
    aligned = [index for index, (_, how) in anchors.items() if how == "aligned"]
    if not deferred:
        if aligned and referee({i: ident for i, (ident, _) in anchors.items()}) is False:
            _refuted(result, aligned, names, "the rows paired with their labels break R1/R2")
        return result
    _place_deferred(result, anchors, deferred, referee, names)
    return result


def _refuted(result: _Alignment, indexes: Sequence[int], names: Sequence[str], why: str) -> None:
    for index in indexes:
        result.placed.pop(index, None)
    result.failed = True
    result.findings.append(f"{why}; left NULL: {_span(sorted(indexes), names)}")


def _span(indexes: Sequence[int], names: Sequence[str]) -> str:
    return ", ".join(names[i] for i in indexes) if len(indexes) <= 3 else f"{names[indexes[0]]} … {names[indexes[-1]]}"


def _slots(entry: _Deferred, anchors: dict[int, tuple[int, str]]) -> list[int]:
    if len(entry.labels) > len(entry.rows):
        return [i for i in entry.labels if i not in anchors]  # the printed labels say which rows
    return [i for i in range(entry.lower + 1, entry.upper) if i not in anchors]


def _placements(entries: Sequence[_Deferred], slots: Sequence[list[int]], start: int = 0) -> Iterator[dict[int, int]]:
    """Every order-preserving placement of each entry's rows into its slots, entries in order."""
    if not entries:
        yield {}
        return
    first, rest = entries[0], entries[1:]
    free = [i for i in slots[0] if i >= start]
    for chosen in combinations(free, len(first.rows)):
        head = {index: row.ident for index, row in zip(chosen, first.rows, strict=True)}
        after = chosen[-1] + 1 if chosen else start
        for tail in _placements(rest, slots[1:], after):
            yield head | tail


def _place_deferred(
    result: _Alignment,
    anchors: dict[int, tuple[int, str]],
    deferred: list[_Deferred],
    referee: _Referee,
    names: Sequence[str],
) -> None:
    base = {index: ident for index, (ident, _) in anchors.items()}
    slots = [_slots(entry, anchors) for entry in deferred]
    rows = sum(len(entry.rows) for entry in deferred)
    touched = sorted({i for s in slots for i in s})
    aligned = sorted(i for i, (_, how) in anchors.items() if how == "aligned")
    if any(len(entry.rows) > len(s) for entry, s in zip(deferred, slots, strict=True)):
        where = _span(touched, names) if touched else "after the last labelled row"
        _refuted(result, aligned, names, f"{rows} unlabelled value row(s) do not fit the free rows ({where})")
        return
    survivors: list[dict[int, int]] = []
    for count, placement in enumerate(_placements(deferred, slots)):
        if count >= _MAX_PLACEMENTS:
            _refuted(
                result, aligned, names, f"too many placements of {rows} unlabelled row(s) in {_span(touched, names)}"
            )
            return
        if referee(base | placement) is not False:
            survivors.append(placement)
    if not survivors:
        _refuted(
            result,
            aligned,
            names,
            f"no placement of {rows} unlabelled row(s) in {_span(touched, names)} satisfies R1/R2",
        )
        return
    undecided: list[int] = []
    for index in touched:
        placed = {p.get(index) for p in survivors}
        if len(placed) == 1 and (ident := placed.pop()) is not None:
            result.placed[index] = (ident, "aligned")
        elif len(placed) > 1:
            undecided.append(index)
    if undecided:
        result.findings.append(
            f"{rows} unlabelled value row(s), {len(survivors)} placements fit the sums;"
            f" left NULL: {_span(undecided, names)}"
        )

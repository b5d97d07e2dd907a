"""Real-world flattenings of the standard tables that the three base presentations do not show.

Each layout renders tables 2, 3 and 4 of a standard-template report the way some real pages print
them, and adjusts the truth to what a careful reader can recover from that print:

- ``labels_apart``: row labels as prose lines, then the value rows without labels, in order
  (``| 0 | 0 | … |`` or ``0 0 0 …``). Everything stays recoverable by position.
- ``labels_interleaved``: rows in order; some keep their label, others print it on the line
  before a label-less value row.
- ``glued``: the whole report on one line, every table row's cells glued to each other and to
  the label (``1.属于国家秘密0000000``, table 4 as one run of 15 digits). A row whose digits split
  more than one way under the template identities is undecidable (see :mod:`ingest.devtools.sample.glued`).
- ``one_line``: the whole report on one line, as a web page without line breaks stores it: a
  table's cells and rows separated by spaces (or ideographic spaces), rows running together
  (``规章 0 0 3 行政规范性文件 2 0 15 …``). A blank cell leaves no trace there, so a row printing one
  (but not only blanks) is undecidable; every other cell is recoverable between the row labels.
- ``t4_pieces``: table 4 as three sub-tables under their own headings, five columns each.
- ``t4_garbled``: table 4's header broken over many lines above one row of 15 values.
- ``short_rows``: a table-2 row printed with fewer values than its columns (an empty cell lost
  without a separator); no stated rule says which column is missing, so the row is undecidable.

A layout draws only from its own random stream, so the report's figures and prose are those the
base presentation would print for the same seed and index.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from random import Random

from ingest.devtools.sample.doc import Value
from ingest.devtools.sample.glued import row_is_decidable, t3_undecidable, t4_undecidable
from ingest.devtools.sample.rand import pick, rint
from ingest.devtools.sample.render import render_table
from ingest.extract.tables.reader import T3_HEADLINES

__all__ = ["LAYOUTS", "LAYOUT_SHARES", "Layout", "Metrics", "Rows", "pick_layout", "split_row", "t2_keys"]

Rows = list[list[str]]
Metrics = dict[str, dict[str, Value | str]]

LAYOUTS = ("labels_apart", "labels_interleaved", "glued", "one_line", "t4_pieces", "t4_garbled", "short_rows")
# Share of standard-template reports per layout in the "mixed" sample; the rest keep a base
# presentation (pipe / cell_per_line / markdown, a third each of the remaining 75%).
LAYOUT_SHARES: dict[str, float] = {
    "labels_apart": 0.04,
    "labels_interleaved": 0.04,
    "glued": 0.03,
    "one_line": 0.03,
    "t4_pieces": 0.04,
    "t4_garbled": 0.03,
    "short_rows": 0.04,
}

_VALUE = re.compile(r"^(?:[+-]?\d+(?:\.\d+)?|/|—|——|)$")
# A spaced value row that reads as a page footer ("— 3 —"), which readers drop as page furniture.
_FOOTER_LIKE = re.compile(r"^[-—–]+ \d{1,3} [-—–]+$")
_T4_RESULTS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
_T4_PIECE_HEADINGS = ("行政复议", "行政诉讼（未经复议直接起诉）", "复议后起诉")
# Table-2 row label -> key prefix and its columns per template (metric_keys.md, table 2).
_T2_COLUMNS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "规章": ("regulations", ("made", "repealed", "in_force"), ("new_made", "new_published", "total_published")),
    "行政规范性文件": ("normative_docs", ("made", "repealed", "in_force"), ()),
    "规范性文件": ("normative_docs", (), ("new_made", "new_published", "total_published")),
    "行政许可": ("licensing", ("decisions",), ("prev_items", "change", "decisions")),
    "其他对外管理服务事项": ("other_services", (), ("prev_items", "change", "decisions")),
    "行政处罚": ("punishment", ("decisions",), ("prev_items", "change", "decisions")),
    "行政强制": ("coercion", ("decisions",), ("prev_items", "change", "decisions")),
    "行政事业性收费": ("admin_fees", ("amount_wan_yuan",), ("prev_items", "change")),
    "政府集中采购": ("procurement", (), ("projects", "amount")),
}


def pick_layout(rng: Random) -> str | None:
    """A layout for a standard report of the mixed sample, or None to keep the base presentation."""
    r = rng.random()
    for name, share in LAYOUT_SHARES.items():
        if r < share:
            return name
        r -= share
    return None


def split_row(row: list[str]) -> tuple[list[str], list[str]]:
    """(label cells, value cells): labels lead, values are numbers, blanks and dashes."""
    n = 0
    while n < len(row) and not _VALUE.match(row[n]):
        n += 1
    return row[:n], row[n:]


def t2_keys(label: str, version: str, metrics: Mapping[str, object]) -> list[str]:
    """Metric keys of a table-2 row's cells, in column order."""
    prefix, c21, c19 = _T2_COLUMNS[label]
    keys = [f"t2.{prefix}.{col}" for col in (c21 if version == "standard_2021" else c19)]
    if prefix == "procurement" and "t2.procurement.amount_wan_yuan" in metrics:
        keys[-1] = "t2.procurement.amount_wan_yuan"
    return keys


@dataclass
class Layout:
    """One report's layout: its own random stream, the base it falls back on, and what it hides."""

    name: str
    rng: Random
    base: str  # "pipe" or "cell_per_line": how tables this layout leaves alone are printed
    style: int
    version: str
    spaced_rows: bool = False  # value rows as "0 0 0" rather than "| 0 | 0 | 0 |"
    undecidable: set[str] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)

    @classmethod
    def make(cls, name: str, rng: Random, base: str, version: str) -> Layout:
        base = "pipe" if base == "markdown" else base  # a layout's report is plain text (.txt)
        return cls(name, rng, base, rint(rng, 3), version, spaced_rows=rng.random() < 0.5)

    @property
    def plain_table2(self) -> bool:
        """Glued rows can only be split when every cell is a bare number: no signs, no blanks."""
        return self.name == "glued"

    def render(self, kind: str, rows: Rows, metrics: Metrics) -> str:
        """A table ("t2", "t3" or "t4") as this layout prints it; metrics lose what it hides."""
        if self.name in ("labels_apart", "labels_interleaved"):
            return self._labels(rows, interleaved=self.name == "labels_interleaved")
        if self.name == "glued":
            return self._glued(kind, rows, metrics)
        if self.name == "one_line":
            return self._one_line(kind, rows, metrics)
        if self.name == "t4_pieces" and kind == "t4":
            return self._t4_pieces(rows)
        if self.name == "t4_garbled" and kind == "t4":
            return self._t4_garbled(rows)
        if self.name == "short_rows" and kind == "t2":
            rows = self._shorten(rows, metrics)
        return render_table(rows, self.base, self.style)

    # --- labels apart --------------------------------------------------------------------------

    def _value_row(self, values: list[str], spaced: bool) -> str:
        return " ".join(values) if spaced else "| " + " | ".join(values) + " |"

    def _labels(self, rows: Rows, interleaved: bool) -> str:
        split = [split_row(r) for r in rows]
        # "0  12" cannot show a blank cell, and "— 3 —" is a page footer to any reader: a table with
        # either is printed with pipes.
        spaced = self.spaced_rows and all(
            all(values) and not _FOOTER_LIKE.match(" ".join(values)) for _, values in split
        )
        if not interleaved:
            labels = [cell for cells, _ in split for cell in cells]
            values = [self._value_row(v, spaced) for _, v in split if v]
            return "\n".join(labels + values)
        lines: list[str] = []
        for cells, values in split:
            if not values:
                lines.extend(cells)
            elif self.rng.random() < 0.5:
                lines.append(self._value_row([*cells, *values], spaced))
            else:
                lines.extend(cells)
                lines.append(self._value_row(values, spaced))
        return "\n".join(lines)

    # --- glued ---------------------------------------------------------------------------------

    def _glued(self, kind: str, rows: Rows, metrics: Metrics) -> str:
        split = [split_row(r) for r in rows]
        data = [(cells, values) for cells, values in split if values]
        hidden: set[str] = set()
        if kind == "t3":
            keys = _t3_keys(self.version)
            hidden = t3_undecidable(keys, [values for _, values in data])
        elif kind == "t4":
            hidden = t4_undecidable(data[0][1])
            if hidden:
                hidden |= {"reconsideration.total", "litigation.total"}
        else:
            for cells, values in data:
                if not row_is_decidable(values):
                    hidden.update(t2_keys(cells[-1], self.version, metrics))
        self._hide(hidden, metrics)
        return "".join("".join(r) for r in rows)

    # --- one line --------------------------------------------------------------------------------

    @property
    def separator(self) -> str:
        """What a one-line page has where the line breaks and cell borders were."""
        return "\u3000\u3000" if self.style == 2 else " "

    def _one_line(self, kind: str, rows: Rows, metrics: Metrics) -> str:
        """Rows as space-separated cells; the report's line breaks become the separator too."""
        if kind == "t2":
            for cells, values in (split_row(r) for r in rows):
                if cells and values and any(values) and not all(values):
                    hidden = set(t2_keys(cells[-1], self.version, metrics))
                    self.notes.append(f"table 2 row {cells[-1]} prints a blank cell that leaves no trace on one line")
                    self._hide(hidden, metrics)
        return "\n".join(self.separator.join(cell for cell in row if cell) for row in rows)

    # --- table 4 -------------------------------------------------------------------------------

    def _t4_pieces(self, rows: Rows) -> str:
        values = rows[-1]
        parts = []
        for b, heading in enumerate(_T4_PIECE_HEADINGS):
            parts.append(heading)
            parts.append(render_table([list(_T4_RESULTS), values[5 * b : 5 * b + 5]], self.base, self.style))
        return "\n".join(parts)

    def _t4_garbled(self, rows: Rows) -> str:
        form = rint(self.rng, 3)
        if form == 0:  # every header cell wrapped after two characters
            head = [w[i : i + 2] for r in rows[:-1] for w in r for i in range(0, len(w), 2)]
        elif form == 1:  # header rows as space-joined lines, the group row split in two
            head = ["行政复议", "行政诉讼"] + [" ".join(r) for r in rows[1:-1]]
        else:  # the repeated result headers as one long line, wrapped mid-word
            text = "".join(cell for r in rows[:-1] for cell in r)
            cut = rint(self.rng, 3, 9)
            head = [text[i : i + cut] for i in range(0, len(text), cut)]
        return "\n".join([*head, self._value_row(rows[-1], self.spaced_rows)])

    # --- short rows ----------------------------------------------------------------------------

    def _shorten(self, rows: Rows, metrics: Metrics) -> Rows:
        """Drop one value from one multi-column row whose cells all hold numbers."""
        candidates = [
            i for i, r in enumerate(rows) if len(split_row(r)[1]) >= 2 and all(split_row(r)[1]) and split_row(r)[0]
        ]
        if not candidates or (self.undecidable and self.rng.random() < 0.5):
            return rows
        i = pick(self.rng, candidates)
        labels, values = split_row(rows[i])
        drop = rint(self.rng, len(values))
        keys = t2_keys(labels[-1], self.version, metrics)
        self._hide(set(keys), metrics)
        self.notes.append(f"table 2 row {labels[-1]} prints {len(values) - 1} of {len(values)} cells")
        out = [list(r) for r in rows]
        out[i] = labels + values[:drop] + values[drop + 1 :]
        return out

    def _hide(self, keys: set[str], metrics: Metrics) -> None:
        """Cells a reader cannot place: no truth value, listed as undecidable (must come out NULL)."""
        # A headline derived from a hidden total is hidden with it (the warehouse derives it alone).
        keys = keys | {headline for headline, total in T3_HEADLINES if total in keys}
        self.undecidable |= keys
        for key in keys:
            metrics.pop(key, None)


def _t3_keys(version: str) -> list[str]:
    # Lazy: standard imports this module.
    from ingest.devtools.sample.standard import t3_row_keys

    return t3_row_keys(version)

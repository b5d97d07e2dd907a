"""Orchestration: one deterministic synthetic report per (seed, index), written in the corpus layout.

``generate(n, seed, out)`` writes ``out/texts/sample_<i>.txt|.md`` and ``out/gold/sample_<i>.json``
(the layout of ``shared/corpus/seeds``). Report i depends only on (seed, i), so the first k reports
are the same whatever n is.

    python -m ingest.devtools.sample 2000 --seed 7 --out /tmp/sample
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from random import Random
from typing import Any

from ingest.devtools.sample.agencies import pick_agency
from ingest.devtools.sample.doc import Doc
from ingest.devtools.sample.layouts import LAYOUTS, Layout, pick_layout
from ingest.devtools.sample.narrative import build_narrative
from ingest.devtools.sample.rand import pick, rint
from ingest.devtools.sample.render import (
    FULLWIDTH_DIGITS,
    PRESENTATIONS,
    bottom_chrome,
    title_block,
    top_chrome,
    with_page_footers,
)
from ingest.devtools.sample.standard import build_standard

__all__ = ["ALL_PRESENTATIONS", "SampleReport", "ensure_sample", "generate", "main", "make_report", "report_id"]

# Template mix and the report years each template covers.
_TEMPLATE_MIX: tuple[tuple[float, str, int, int], ...] = (
    (0.40, "narrative", 2008, 2018),
    (0.65, "standard_2019", 2019, 2020),
    (1.00, "standard_2021", 2021, 2025),
)


@dataclass(frozen=True, slots=True)
class SampleReport:
    """One synthetic report: its text, file extension and truth (gold) record."""

    id: str
    text: str
    ext: str
    gold: dict[str, Any]


def report_id(i: int) -> str:
    return f"sample_{i:06d}"


# Values of ``presentation`` besides a single presentation's name.
_MIXED = "mixed"  # the default: the base presentations and every layout at its share (LAYOUT_SHARES)
_BASE = "base"  # the long-standing mix: the base presentations only, no layouts
ALL_PRESENTATIONS = (*PRESENTATIONS, *LAYOUTS)


def make_report(i: int, seed: int, presentation: str | None = None) -> SampleReport:
    """Build report i for seed, in memory (same result on every call and every machine).

    ``presentation`` None (or ``"mixed"``) is every presentation at its share: prose for narrative
    reports, and for standard ones the base presentations (pipe, cell_per_line, markdown) and the
    real-world layouts of :mod:`ingest.devtools.sample.layouts` (LAYOUT_SHARES). ``"base"`` is the
    long-standing mix without layouts; a presentation's name makes every report a standard-template
    report in that presentation. A layout draws from its own stream, so a report's figures and
    prose do not depend on which of these was asked for, and a report the mix leaves in its base
    presentation is byte for byte the one ``"base"`` gives.
    """
    presentation = _MIXED if presentation is None else presentation
    if presentation not in (_MIXED, _BASE, *ALL_PRESENTATIONS):
        raise ValueError(
            f"unknown presentation {presentation!r}; one of {_MIXED}, {_BASE}, {', '.join(ALL_PRESENTATIONS)}"
        )
    rng = Random(f"{seed}:{i}")
    layout_rng = Random(f"{seed}:{i}:layout")
    r = rng.random()
    if presentation not in (_MIXED, _BASE) and r < _TEMPLATE_MIX[0][0]:
        r = _TEMPLATE_MIX[0][0] + r * (1 - _TEMPLATE_MIX[0][0]) / _TEMPLATE_MIX[0][0]  # a standard report instead
    template, first, last = next((t, a, b) for p, t, a, b in _TEMPLATE_MIX if r < p)
    year = rint(rng, first, last + 1)
    doc = Doc(rng=rng, year=year, agency=pick_agency(rng, year))
    doc.spaced_numbers = rng.random() < 0.08
    doc.indent = pick(rng, ("", "", "", "　　", "    "))
    base = "prose" if template == "narrative" else pick(rng, PRESENTATIONS)
    name: str | None = None
    if template != "narrative":
        if presentation in PRESENTATIONS:
            base = presentation
        elif presentation == _MIXED:
            name = pick_layout(layout_rng)
        elif presentation != _BASE:
            name = presentation
    layout = None if name is None else Layout.make(name, layout_rng, base, template)
    presentation = base if layout is None else layout.name
    markdown = presentation == "markdown"
    title_shown = rng.random() < 0.95

    if template == "narrative":
        build_narrative(doc, title_shown)
    else:
        build_standard(doc, template, base, title_shown, layout)
    glued = layout is not None and layout.name == "glued"
    one_line = layout is not None and layout.name == "one_line"
    if layout is not None:
        doc.notes.append(f"tables printed {layout.name} (else {layout.base})")
        doc.notes.extend(layout.notes)

    blocks: list[str] = []
    if rng.random() < 0.25:
        blocks.extend(top_chrome(rng, doc.agency.name, year))
    if title_shown:
        blocks.append(title_block(rng, doc.agency.name, year, markdown))
    else:
        doc.notes.append("no title line: body and year named in the preamble")
    if rng.random() < 0.15 and not (glued or one_line):  # web pages: no page footers between the rows
        blocks.extend(with_page_footers(rng, doc.blocks))
        doc.notes.append("page footers between blocks")
    else:
        blocks.extend(doc.blocks)
    if rng.random() < 0.4:
        blocks.extend(bottom_chrome(rng, doc.agency.name, year))
    # A glued page had its markup stripped with nothing put in its place: one line, no breaks; a
    # one-line page put a space (or two ideographic ones) in place of every break and cell border.
    if glued:
        text = "".join(blocks).replace("\n", "")
    elif one_line and layout is not None:
        text = layout.separator.join(blocks).replace("\n", layout.separator)
    else:
        text = ("\n\n" if rng.random() < 0.4 else "\n").join(blocks) + "\n"

    metrics = doc.metrics
    if rng.random() < 0.1:
        # Translate text and quotes together so every quote stays a substring.
        text = text.translate(FULLWIDTH_DIGITS)
        for entry in metrics.values():
            quote = entry.get("quote")
            if isinstance(quote, str):
                entry["quote"] = quote.translate(FULLWIDTH_DIGITS)
        doc.notes.append("full-width digits")
    if doc.spaced_numbers:
        doc.notes.append("prose figures printed with spaces around them")

    a = doc.agency
    rid = report_id(i)
    gold: dict[str, Any] = {
        "id": rid,
        "report_year": year,
        "agency_name": a.name,
        "agency_type": a.agency_type,
        "province": a.province,
        "city": a.city,
        "county": a.county,
        "admin_level": a.admin_level,
        "template": template,
        "period_start": doc.period_start,
        "period_end": doc.period_end,
        "presentation": presentation,
        "metrics": metrics,
        "categories": doc.categories,
        "findings": doc.findings,
        "notes": "synthetic (ingest.devtools.sample); " + ("; ".join(doc.notes) or "plain"),
    }
    if layout is not None:
        # Only layout reports carry these, so samples without layouts keep their bytes.
        gold["base_presentation"] = layout.base
        gold["undecidable"] = sorted(layout.undecidable)
    return SampleReport(rid, text, ".md" if markdown else ".txt", gold)


def _metrics_json(metrics: dict[str, dict[str, Any]]) -> str:
    """The metrics object, one metric a line.

    Written by hand because it is most of the cost of a standard report (200-odd table cells):
    keys and qualifiers come from fixed ASCII vocabularies and table-cell quotes are bare digits, so
    only prose quotes go through the json module; values are ints or floats, whose repr is JSON.
    """
    lines = []
    for key, entry in metrics.items():
        quote = entry.get("quote")
        if quote is None:
            tail = ""
        elif quote.isdigit():
            tail = f', "quote": "{quote}"'
        else:
            tail = f', "quote": {json.dumps(quote, ensure_ascii=False)}'
        lines.append(f'  "{key}": {{"value": {entry["value"]!r}, "qualifier": "{entry["qualifier"]}"{tail}}}')
    return "{\n" + ",\n".join(lines) + "\n }" if lines else "{}"


def _gold_json(gold: dict[str, Any]) -> str:
    """Truth as JSON: one top-level field a line and one metric a line (diffable, still fast)."""
    lines = []
    for key, value in gold.items():
        body = _metrics_json(value) if key == "metrics" else json.dumps(value, ensure_ascii=False)
        lines.append(f' "{key}": {body}')
    return "{\n" + ",\n".join(lines) + "\n}\n"


_WRITE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_TRUNC


def _write(path: Path, body: str) -> None:
    # os-level writes: at 100,000 reports open()'s text-layer overhead is a large share of the run.
    data = memoryview(body.encode("utf-8"))
    fd = os.open(path, _WRITE_FLAGS, 0o644)
    try:
        while data:
            data = data[os.write(fd, data) :]
    finally:
        os.close(fd)


def generate(n: int, seed: int, out: Path, presentation: str | None = None) -> list[Path]:
    """Write n reports and their truth under out/texts and out/gold; return the text paths.

    ``presentation`` is passed to :func:`make_report` (None: every presentation at its share).
    """
    texts, golds = out / "texts", out / "gold"
    texts.mkdir(parents=True, exist_ok=True)
    golds.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    # Reports create no reference cycles, so the cyclic collector only costs time here (about 7%).
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        for i in range(n):
            rep = make_report(i, seed, presentation)
            path = texts / (rep.id + rep.ext)
            _write(path, rep.text)
            _write(golds / (rep.id + ".json"), _gold_json(rep.gold))
            paths.append(path)
    finally:
        if gc_was_enabled:
            gc.enable()
    return paths


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write deterministic synthetic disclosure reports.")
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument(
        "--presentation",
        choices=(_MIXED, _BASE, *ALL_PRESENTATIONS),
        help="every standard report in this presentation; 'mixed' (the default) for all at their shares,"
        " 'base' for pipe, cell_per_line and markdown only",
    )
    args = parser.parse_args(argv)
    start = time.perf_counter()
    generate(args.n, args.seed, args.out, args.presentation)
    elapsed = time.perf_counter() - start
    print(f"{args.n} reports in {elapsed:.2f}s ({args.n / elapsed:,.0f} reports/s) -> {args.out}")


if __name__ == "__main__":
    main()


def ensure_sample(out: Path, n: int = 200, seed: int = 20260101) -> Path:
    """The sample corpus's texts folder under ``out``, generated first when it is not there."""
    texts = out / "texts"
    if not texts.is_dir():
        generate(n, seed, out)
    return texts

"""Coverage of a corpus without metric gold: what the parser resolves, per template, and where it falls short.

For folders of reports nobody labelled figure by figure (``../shared/corpus/wild``): per template, the
share of reports with year, agency and region resolved; for standard-template reports, whether tables
2–4 came out complete (every cell of the template version) and whose identities hold (R1–R4 pass);
how many values each extraction rule produced; and the files that fall short, with what is missing.
Given a ``meta.jsonl`` (report_year, agency_name, template, province read off each page's title), the
metadata is scored against it with :func:`ingest.devtools.evaluate.score_case`, the same comparison as
``govinfo eval``, with one difference: agency names are compared in simplified characters on both
sides, since meta writes a traditional page's name now as printed (與兒街鎮人民政府), now simplified
(鹤山市公安局 for 鶴山市公安局), and either is the same name. Nothing else is loosened.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ingest import SEEDS_DIR
from ingest.devtools.evaluate import GoldCase, Score, field_floor_failures, score_case
from ingest.extract.tables.reader import T4_BLOCKS
from ingest.records import TEMPLATES, FileResult
from ingest.text.normalize import line_view

__all__ = [
    "FIELD_ALIASES",
    "IDENTITY_RULES",
    "META_FIELDS",
    "SHARES",
    "CoverageReport",
    "FileCoverage",
    "MetaScore",
    "by_template",
    "floor_failures",
    "format_report",
    "identity_problems",
    "measure",
    "meta_as_gold",
    "missing_cells",
    "rule_counts",
    "score_meta",
    "shares",
    "simplified",
    "template_slots",
]

_METRIC_KEYS_CSV = SEEDS_DIR / "metric_keys.csv"
_STANDARD_VERSIONS = ("standard_2019", "standard_2021")
IDENTITY_RULES = ("R1", "R2", "R3", *(f"R4_{block}" for block in T4_BLOCKS))
META_FIELDS = ("report_year", "agency_name", "template", "province")
# Short names accepted by --min-field / --min-share (the issue speaks of year, agency, region).
FIELD_ALIASES = {"year": "report_year", "agency": "agency_name", "region": "province"}
SHARES = ("year", "agency", "region", "tables_complete", "identities_hold")
_QUARANTINED = "quarantined"


@lru_cache(maxsize=2)
def template_slots(version: str) -> tuple[tuple[str, ...], ...]:
    """The cells of tables 2–4 a template version prints, from ``seeds/metric_keys.csv``.

    Each slot is a tuple of interchangeable keys: an amount cell is keyed ``…amount`` or
    ``…amount_wan_yuan`` depending on the unit its header prints, and either fills the slot.
    """
    with _METRIC_KEYS_CSV.open(encoding="utf-8", newline="") as handle:
        keys = [
            row["key"]
            for row in csv.DictReader(handle)
            if row["key"].split(".")[0] in ("t2", "t3", "t4") and row["template"] in ("standard", version)
        ]
    present = set(keys)
    slots: list[tuple[str, ...]] = []
    for key in keys:
        if key.endswith("_wan_yuan") and key.removesuffix("_wan_yuan") in present:
            continue  # folded into the slot of its unit-less twin
        twin = key + "_wan_yuan"
        slots.append((key, twin) if twin in present else (key,))
    return tuple(slots)


def missing_cells(template: str | None, printed: Iterable[str]) -> list[str]:
    """Template cells absent from ``printed`` (metric keys of the table cells read, NULL cells included).

    A ``standard`` report (version not visible) is measured against the version it comes closest to.
    """
    have = set(printed)
    versions = [template] if template in _STANDARD_VERSIONS else list(_STANDARD_VERSIONS)
    gaps = [[slot[0] for slot in template_slots(v) if not have.intersection(slot)] for v in versions]
    return min(gaps, key=len)


def identity_problems(checks: Mapping[str, str]) -> list[str]:
    """R1–R4 checks that did not pass (``checks`` maps rule → status); absent ones count as not held."""
    return [f"{rule} {checks.get(rule, 'absent')}" for rule in IDENTITY_RULES if checks.get(rule) != "pass"]


@dataclass(frozen=True)
class FileCoverage:
    """What one file resolved, and what it lacks."""

    path: str
    template: str  # the parsed template, or "quarantined"
    year: bool
    agency: bool
    region: bool
    tables_complete: bool | None  # None where the template has no tables (narrative, quarantined)
    identities_hold: bool | None
    missing: tuple[str, ...]
    rules: Counter[str] = field(default_factory=Counter)

    def value(self, name: str) -> bool | None:
        """One of :data:`SHARES` for this file."""
        result: bool | None = getattr(self, name)
        return result


def _table_summary(template: str, missing: list[str]) -> str:
    """``t2 absent, t3 12/175 cells missing`` (a whole table absent said once, not cell by cell)."""
    versions = [template] if template in _STANDARD_VERSIONS else list(_STANDARD_VERSIONS)
    size = Counter(slot[0].split(".")[0] for slot in template_slots(versions[0]))
    gaps = Counter(key.split(".")[0] for key in missing)
    parts = [
        f"{table} absent" if gaps[table] >= size[table] else f"{table} {gaps[table]}/{size[table]} cells missing"
        for table in sorted(gaps)
    ]
    return ", ".join(parts)


def _identity_summary(problems: list[str]) -> str:
    if all(problem.endswith(" absent") for problem in problems) and len(problems) == len(IDENTITY_RULES):
        return "R1–R4 not assessed (no table 3/4 cells)"
    return "R1–R4 not holding: " + ", ".join(problems)


def _file_coverage(result: FileResult) -> FileCoverage:
    """Coverage of one parsed (or quarantined) file."""
    report = result.report
    if result.status == "quarantined" or report is None:
        return FileCoverage(result.source_path, _QUARANTINED, False, False, False, None, None, (result.error or "",))
    template = report.template or "narrative"
    missing: list[str] = []
    if report.report_year is None:
        missing.append("year")
    if not report.agency_name:
        missing.append("agency")
    if not report.province:
        missing.append("region")
    complete: bool | None = None
    holds: bool | None = None
    if template != "narrative":
        gaps = missing_cells(template, (cell.metric_key for cell in report.table_cells))
        complete = not gaps
        if gaps:
            missing.append(_table_summary(template, gaps))
        problems = identity_problems({check.rule: check.status for check in report.checks})
        holds = not problems
        if problems:
            missing.append(_identity_summary(problems))
    return FileCoverage(
        path=result.source_path,
        template=template,
        year=report.report_year is not None,
        agency=bool(report.agency_name),
        region=bool(report.province),
        tables_complete=complete,
        identities_hold=holds,
        missing=tuple(missing),
        rules=Counter(metric.rule for metric in report.metrics.values()),
    )


def shares(files: list[FileCoverage]) -> dict[str, float | None]:
    """Share of ``files`` with each of :data:`SHARES` (over the files where it applies; None if none)."""
    out: dict[str, float | None] = {}
    for name in SHARES:
        values = [v for f in files if (v := f.value(name)) is not None]
        out[name] = sum(values) / len(values) if values else None
    return out


def by_template(files: list[FileCoverage]) -> dict[str, dict[str, Any]]:
    """Per template (and ``all``): file count and :func:`shares`."""
    groups: dict[str, list[FileCoverage]] = {}
    for item in files:
        groups.setdefault(item.template, []).append(item)
    order = [t for t in (*TEMPLATES, _QUARANTINED) if t in groups]
    table = {name: {"files": len(groups[name]), **shares(groups[name])} for name in order}
    table["all"] = {"files": len(files), **shares(files)}
    return table


def rule_counts(files: list[FileCoverage]) -> Counter[str]:
    """Metric values per extraction rule over all files."""
    total: Counter[str] = Counter()
    for item in files:
        total.update(item.rules)
    return total


def _load_meta(path: Path) -> dict[str, dict[str, Any]]:
    """meta.jsonl rows keyed by the resolved path of the file each describes (``file``, relative to it)."""
    rows: dict[str, dict[str, Any]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            rows[str((path.parent / row["file"]).resolve())] = row
    return rows


def simplified(name: Any) -> Any:
    """A name in simplified characters (character-level OpenCC table, as the parser's views use)."""
    return line_view(name).text if isinstance(name, str) else name


def meta_as_gold(meta: Mapping[str, Any], predicted_template: str | None) -> dict[str, Any]:
    """The meta row as a gold dict for :func:`score_case`: only the fields it states (not null).

    ``standard`` says the template era without the version, on either side: meta ``standard`` matches
    any standard template, and a parsed ``standard`` (the version is not visible in the text: the gold
    convention of ``../shared/corpus``, e.g. a 2019 report cut before its table 2) matches meta's
    ``standard_2019`` / ``standard_2021``. A version against the other version, or an era against the
    other era, is wrong. :attr:`MetaScore.template_strict` counts exact agreement as well.
    """
    gold = {name: meta[name] for name in META_FIELDS if meta.get(name) is not None}
    both_standard = {gold.get("template"), predicted_template} <= {"standard", *_STANDARD_VERSIONS}
    if "template" in gold and both_standard and "standard" in (gold["template"], predicted_template):
        gold["template"] = predicted_template
    return gold


@dataclass
class MetaScore:
    """Accuracy of the metadata against meta.jsonl, and the disagreements."""

    score: Score = field(default_factory=Score)
    unmatched: list[str] = field(default_factory=list)  # files without a meta row
    disagreements: list[str] = field(default_factory=list)
    template_strict: list[int] = field(default_factory=lambda: [0, 0])  # exact matches, rows scored

    def accuracy(self, name: str) -> float | None:
        """Accuracy of a field (``template_strict``: the parsed template equals meta's exactly)."""
        if name == "template_strict":
            hits, total = self.template_strict
            return hits / total if total else None
        return self.score.accuracy(FIELD_ALIASES.get(name, name))


def score_meta(results: Iterable[tuple[Path, dict[str, Any]]], meta: Mapping[str, Mapping[str, Any]]) -> MetaScore:
    """Score ``(path, extract JSON)`` pairs against meta rows keyed as :func:`_load_meta` keys them."""
    scored = MetaScore()
    for path, predicted in results:
        row = meta.get(str(path.resolve()))
        if row is None:
            scored.unmatched.append(str(path))
            continue
        gold = meta_as_gold(row, predicted.get("template"))
        if "agency_name" in gold:  # traditional and simplified forms of one name are the same name
            gold["agency_name"] = simplified(gold["agency_name"])
            predicted = {**predicted, "agency_name": simplified(predicted.get("agency_name"))}
        if row.get("template") is not None:
            scored.template_strict[0] += predicted.get("template") == row["template"]
            scored.template_strict[1] += 1
        score_case(GoldCase(str(row.get("id", path.stem)), path, gold), predicted, set(), scored.score)
        wrong = [
            f"{name} {predicted.get(name)!r} (meta {gold[name]!r})"
            for name in gold
            if predicted.get(name) != gold[name]
        ]
        if wrong:
            scored.disagreements.append(f"{path}: " + "; ".join(wrong))
    return scored


@dataclass
class CoverageReport:
    """Everything ``govinfo coverage`` prints."""

    files: list[FileCoverage]
    meta: MetaScore | None = None

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "files": len(self.files),
            "by_template": by_template(self.files),
            "rules": dict(sorted(rule_counts(self.files).items())),
            "short": [
                {"path": f.path, "template": f.template, "missing": list(f.missing)} for f in self.files if f.missing
            ],
        }
        if self.meta is not None:
            out["meta"] = {
                "accuracy": {name: self.meta.accuracy(name) for name in (*META_FIELDS, "template_strict")},
                "scored": {name: self.meta.score.field_total[name] for name in META_FIELDS},
                "unmatched": self.meta.unmatched,
                "disagreements": self.meta.disagreements,
            }
        return out


def measure(paths: Iterable[Path], meta_path: Path | None = None) -> CoverageReport:
    """Parse every report file under ``paths`` (the ingest pipeline's discovery and parse) and measure it."""
    from ingest.land.pipeline import discover, process_file  # the pipeline imports the whole parser

    meta_rows = _load_meta(meta_path) if meta_path else None
    skip = meta_path.resolve() if meta_path else None
    files: list[FileCoverage] = []
    predictions: list[tuple[Path, dict[str, Any]]] = []
    for path in discover(paths):
        if path.suffix == ".jsonl" or "gold" in path.parts or path.resolve() == skip:
            continue  # labels beside the texts, not reports
        result = process_file(path)
        files.append(_file_coverage(result))
        predictions.append((path, result.as_json()))
    meta = score_meta(predictions, meta_rows) if meta_rows is not None else None
    return CoverageReport(files, meta)


def _pct(value: float | None) -> str:
    return "    -" if value is None else f"{value:5.3f}"


def format_report(report: CoverageReport, max_listed: int = 50) -> str:
    """A readable report; files falling short are listed up to ``max_listed`` (all in ``--json``)."""
    lines = [f"files: {len(report.files)}", "", "template          files   year  agency region  tables identities"]
    for name, row in by_template(report.files).items():
        cells = " ".join(_pct(row[s]) for s in SHARES)
        lines.append(f"  {name:<15} {row['files']:5d}  {cells}")
    lines += ["  (tables: tables 2–4 complete for the template version; identities: R1–R4 all pass)", ""]
    lines.append("values per rule:")
    lines += [f"  {rule:<36} {count:6d}" for rule, count in sorted(rule_counts(report.files).items())]
    short = [f for f in report.files if f.missing]
    lines += ["", f"files falling short: {len(short)}"]
    lines += [f"  {f.path} [{f.template}]: {'; '.join(f.missing)}" for f in short[:max_listed]]
    if len(short) > max_listed:
        lines.append(f"  … {len(short) - max_listed} more (--json lists all)")
    if report.meta is not None:
        score = report.meta.score
        lines += ["", "metadata against meta.jsonl (rows where meta states the field):"]
        for name in META_FIELDS:
            accuracy = score.accuracy(name)
            if accuracy is not None:
                lines.append(f"  {name:<14} {accuracy:6.3f}  ({score.field_hits[name]}/{score.field_total[name]})")
        strict = report.meta.accuracy("template_strict")
        if strict is not None:
            hits, total = report.meta.template_strict
            lines.append(
                f"  {'template exact':<14} {strict:6.3f}  ({hits}/{total}; a parsed 'standard' never matches a version)"
            )
        if report.meta.unmatched:
            lines.append(f"  files without a meta row: {len(report.meta.unmatched)}")
        lines.append(f"  disagreements: {len(report.meta.disagreements)}")
        lines += [f"    {item}" for item in report.meta.disagreements[:max_listed]]
        if len(report.meta.disagreements) > max_listed:
            lines.append(f"    … {len(report.meta.disagreements) - max_listed} more (--json lists all)")
    return "\n".join(lines)


def floor_failures(report: CoverageReport, min_fields: list[str], min_shares: list[str]) -> list[str]:
    """Floors missed: ``FIELD=ACC`` against meta.jsonl, ``SHARE=VALUE`` over all files."""
    meta = report.meta
    failures = field_floor_failures(meta.accuracy if meta is not None else lambda _: None, min_fields)
    overall = shares(report.files)
    for item in min_shares:
        name, _, floor = item.partition("=")
        share = overall.get(name)
        if share is None or share < float(floor):
            failures.append(f"{name} share {share} is below the floor {floor}")
    return failures

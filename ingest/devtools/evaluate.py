"""Accuracy against gold labels: per-field accuracy and metric precision / recall / F1.

A gold file states only what its text states, so a predicted metric the gold lacks is a false
positive — and a predicted 0 there is a *false zero*, the worst error (it invents a fact). Keys that
a gold set never labels anywhere are outside its annotation scope: they are listed, not scored.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest.land.pipeline import process_file

__all__ = ["GoldCase", "Score", "evaluate", "field_floor_failures", "floor_failures", "format_score", "score_case"]

_FIELDS = ("report_year", "agency_name", "agency_type", "province", "city", "county", "admin_level", "template")


@dataclass
class GoldCase:
    """One labelled report: its file and its gold JSON."""

    case_id: str
    path: Path
    gold: dict[str, Any]


@dataclass
class Score:
    """Counts behind the printed numbers (kept so tests can assert on them)."""

    cases: int = 0
    field_hits: Counter[str] = field(default_factory=Counter)
    field_total: Counter[str] = field(default_factory=Counter)
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    false_zeros: list[str] = field(default_factory=list)
    unscored: Counter[str] = field(default_factory=Counter)
    category_tp: int = 0
    category_fp: int = 0
    category_fn: int = 0
    errors: list[str] = field(default_factory=list)

    @staticmethod
    def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    def metric_prf(self, family: str | None = None) -> tuple[float, float, float]:
        """Precision, recall, F1 over all metrics or one family (``headline``, ``t2``, ``t3``, ``t4``)."""
        keys = set(self.tp) | set(self.fp) | set(self.fn)
        chosen = [k for k in keys if family is None or _family(k) == family]
        return self._f1(
            sum(self.tp[k] for k in chosen), sum(self.fp[k] for k in chosen), sum(self.fn[k] for k in chosen)
        )

    def category_prf(self) -> tuple[float, float, float]:
        return self._f1(self.category_tp, self.category_fp, self.category_fn)

    def accuracy(self, name: str) -> float | None:
        total = self.field_total[name]
        return self.field_hits[name] / total if total else None


def _family(key: str) -> str:
    prefix = key.split(".")[0]
    return prefix if prefix in ("t2", "t3", "t4") else "headline"


def _load_gold(dirs: list[Path]) -> list[GoldCase]:
    """Gold cases from corpus-layout folders (``gold/*.json`` beside ``texts/`` or ``files/``)."""
    cases: list[GoldCase] = []
    for root in dirs:
        candidates = [root] if (root / "gold").is_dir() else sorted(p for p in root.iterdir() if (p / "gold").is_dir())
        for folder in candidates:
            for gold_path in sorted((folder / "gold").glob("*.json")):
                stem = gold_path.stem
                matches = [p for sub in ("texts", "files") for p in sorted((folder / sub).glob(f"{stem}.*"))]
                if matches:
                    gold = json.loads(gold_path.read_text(encoding="utf-8"))
                    cases.append(GoldCase(f"{folder.name}/{stem}", matches[0], gold))
    return cases


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(float(a), float(b), rel_tol=0, abs_tol=1e-6)
    return bool(a == b)


def score_case(case: GoldCase, predicted: dict[str, Any], labelled_keys: set[str], score: Score) -> None:
    """Add one case's comparison to ``score``."""
    gold = case.gold
    score.cases += 1
    if predicted.get("status") != "ok":
        score.errors.append(f"{case.case_id}: {predicted.get('error')}")
    for name in _FIELDS:
        if name in gold:
            score.field_total[name] += 1
            score.field_hits[name] += int(predicted.get(name) == gold[name])
    gold_metrics: dict[str, Any] = gold.get("metrics", {})
    pred_metrics: dict[str, Any] = predicted.get("metrics", {})
    for key, pm in pred_metrics.items():
        if key not in labelled_keys:
            score.unscored[key] += 1
            continue
        gm = gold_metrics.get(key)
        if gm is not None and _same(pm["value"], gm["value"]) and pm["qualifier"] == gm["qualifier"]:
            score.tp[key] += 1
            continue
        score.fp[key] += 1
        if gm is None and _same(pm["value"], 0):
            score.false_zeros.append(f"{case.case_id}: {key}=0 from {pm['evidence']!r}")
    for key, gm in gold_metrics.items():
        pm = pred_metrics.get(key)
        if pm is None or not (_same(pm["value"], gm["value"]) and pm["qualifier"] == gm["qualifier"]):
            score.fn[key] += 1
    if "categories" in gold:
        gold_cats = [tuple(c) for c in gold["categories"]]
        pred_cats = [(c["label"], c["count"], c["percent"]) for c in predicted.get("categories", [])]
        matched = 0
        remaining = list(pred_cats)
        for label, count, percent in gold_cats:
            hit = next(
                (
                    p
                    for p in remaining
                    if p[0] == label
                    and _same(p[1], count)
                    and (p[2] is None) == (percent is None)
                    and (percent is None or _same(p[2], percent))
                ),
                None,
            )
            if hit is not None:
                remaining.remove(hit)
                matched += 1
        score.category_tp += matched
        score.category_fn += len(gold_cats) - matched
        score.category_fp += len(remaining)


def evaluate(
    dirs: list[Path], templates: set[str] | None = None
) -> tuple[Score, list[tuple[GoldCase, dict[str, Any]]]]:
    """Extract every gold case's file and score it (only gold templates in ``templates`` if given)."""
    cases = _load_gold(dirs)
    score = Score()
    by_folder: dict[str, set[str]] = {}
    for case in cases:
        folder = case.case_id.split("/")[0]
        by_folder.setdefault(folder, set()).update(case.gold.get("metrics", {}))
    results = []
    for case in cases:
        if templates is not None and case.gold.get("template") not in templates:
            continue
        predicted = process_file(case.path).as_json()
        score_case(case, predicted, by_folder[case.case_id.split("/")[0]], score)
        results.append((case, predicted))
    return score, results


def format_score(score: Score) -> str:
    """A readable report of a :class:`Score`."""
    lines = [f"cases: {score.cases}", "", "field accuracy:"]
    for name in _FIELDS:
        acc = score.accuracy(name)
        if acc is not None:
            lines.append(f"  {name:<14} {acc:6.3f}  ({score.field_hits[name]}/{score.field_total[name]})")
    lines.append("")
    lines.append("metrics            precision  recall     f1    tp    fp    fn")
    for family in (None, "headline", "t2", "t3", "t4"):
        keys = [k for k in set(score.tp) | set(score.fp) | set(score.fn) if family is None or _family(k) == family]
        if not keys:
            continue
        p, r, f = score.metric_prf(family)
        tp, fp, fn = (sum(c[k] for k in keys) for c in (score.tp, score.fp, score.fn))
        lines.append(f"  {family or 'all':<16} {p:9.3f} {r:7.3f} {f:6.3f} {tp:5d} {fp:5d} {fn:5d}")
    p, r, f = score.category_prf()
    lines.append(
        f"  {'categories':<16} {p:9.3f} {r:7.3f} {f:6.3f} {score.category_tp:5d} "
        f"{score.category_fp:5d} {score.category_fn:5d}"
    )
    lines.append("")
    lines.append(f"false zeros (0 where the gold states nothing): {len(score.false_zeros)}")
    lines.extend(f"  {item}" for item in score.false_zeros)
    if score.unscored:
        listed = ", ".join(f"{k} ({n})" for k, n in sorted(score.unscored.items()))
        lines.append(f"not scored (key never labelled in that gold set): {listed}")
    if score.errors:
        lines.append(f"quarantined gold files: {len(score.errors)}")
        lines.extend(f"  {item}" for item in score.errors)
    return "\n".join(lines)


def floor_failures(
    score: Score, min_f1: float | None = None, max_false_zeros: int | None = None, min_fields: Sequence[str] = ()
) -> list[str]:
    """The accuracy floors a score misses: overall metric F1, false zeros, ``FIELD=ACC`` per field."""
    failures = []
    _, _, f1 = score.metric_prf()
    if min_f1 is not None and f1 < min_f1:
        failures.append(f"metric F1 {f1:.3f} is below the floor {min_f1}")
    if max_false_zeros is not None and len(score.false_zeros) > max_false_zeros:
        failures.append(f"{len(score.false_zeros)} false zeros, more than {max_false_zeros}")
    return failures + field_floor_failures(score.accuracy, min_fields)


def field_floor_failures(accuracy: Callable[[str], float | None], min_fields: Sequence[str]) -> list[str]:
    """The ``FIELD=ACC`` floors missed, given each field's accuracy (None: not scored, a miss)."""
    failures = []
    for item in min_fields:
        name, _, floor = item.partition("=")
        value = accuracy(name)
        if value is None or value < float(floor):
            failures.append(f"{name} accuracy {value} is below the floor {floor}")
    return failures

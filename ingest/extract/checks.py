"""Consistency rules evaluated per report (findings, not failures: the printed values are kept)."""

from __future__ import annotations

import math

from ingest.extract.tables.reader import TableResult
from ingest.records import Category, Check, CheckStatus, Metric

__all__ = ["category_checks", "narrative_vs_table_checks", "table_checks"]


def category_checks(categories: list[Category], total: Metric | None) -> list[Check]:
    """C1: category counts sum to the headline total; C2: printed percents match count/total.

    Printed percents may be truncated rather than rounded, so C2 accepts |printed - share| < 1.
    An approximate or at-least headline cannot be summed against (not_assessable).
    """
    if not categories:
        return []
    counted = float(sum(c.count for c in categories))
    checks: list[Check] = []
    if total is None:
        checks.append(Check("C1_category_sum", "not_assessable", "no headline total stated", None, counted))
    elif total.qualifier != "exact":
        plausible = counted <= total.value * 1.05 or total.qualifier == "at_least"
        status: CheckStatus = "not_assessable" if plausible else "fail"
        detail = f"categories sum to {counted:g}; headline is {total.qualifier} {total.value:g}"
        checks.append(Check("C1_category_sum", status, detail, total.value, counted))
    else:
        status = "pass" if math.isclose(counted, total.value) else "fail"
        detail = f"categories sum to {counted:g}, headline total {total.value:g}"
        checks.append(Check("C1_category_sum", status, detail, total.value, counted))
    printed = [c for c in categories if c.percent is not None]
    if printed and total is not None and total.value > 0:
        bad = [c for c in printed if abs((c.percent or 0.0) - 100.0 * c.count / total.value) >= 1.0]
        detail = (
            "printed percents match count/total"
            if not bad
            else "; ".join(
                f"{c.label}: printed {c.percent:g}%, computed {100.0 * c.count / total.value:.2f}%" for c in bad
            )
        )
        checks.append(Check("C2_category_percent", "fail" if bad else "pass", detail, None, float(len(bad))))
    return checks


def table_checks(table: TableResult) -> list[Check]:
    """R1–R4 over the standard tables (not_assessable where the cells are missing)."""
    return list(table.checks)


_R6_KEYS = ("applications.received", "reconsideration.total", "litigation.total")


def narrative_vs_table_checks(prose: dict[str, Metric], table: dict[str, Metric]) -> list[Check]:
    """R6: a figure the prose states agrees with the same figure derived from the tables.

    Only assessed when both state it (an exact prose figure; 约/余 figures are compared as bounds).
    """
    pairs = [(key, prose[key], table[key]) for key in _R6_KEYS if key in prose and key in table]
    if not pairs:
        return []
    broken: list[str] = []
    for key, said, printed in pairs:
        agrees = {
            "exact": math.isclose(said.value, printed.value),
            "approx": abs(said.value - printed.value) <= 0.1 * max(said.value, 1.0),
            "at_least": printed.value >= said.value,
            "at_most": printed.value <= said.value,
        }[said.qualifier]
        if not agrees:
            broken.append(f"{key}: prose {said.evidence!r} says {said.value:g}, table total is {printed.value:g}")
    status: CheckStatus = "fail" if broken else "pass"
    detail = "; ".join(broken) or f"{len(pairs)} figure(s) agree"
    return [Check("R6_narrative_vs_table", status, detail, None, float(len(broken)))]

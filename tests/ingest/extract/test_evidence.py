"""No invented values: every extracted figure's evidence holds its digits, or states its zero.

The checker reads numbers out of the evidence on its own (NFKC for full-width digits, thousands
separators, a 万 multiplier, Chinese numerals that contain a digit or 十), so it does not trust the
parser's grammar to vouch for the parser. It runs over every file of every corpus folder, texts and
PDFs, through :func:`ingest.land.pipeline.process_file`; the hand-built cases at the top show it fails.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from pathlib import Path

import pytest

from ingest.land.pipeline import discover, process_file
from ingest.records import Metric
from ingest.text.normalize import line_view
from ingest.text.numbers import parse_chinese_numeral

_FOLDERS = ("seeds", "real", "pdf", "wild")
_ARABIC = re.compile(r"-?\d+(?:,\d{3})*(?:\.\d+)?")
_CN_RUN = re.compile(r"[零〇一二两三四五六七八九十百千万亿]+")
_CN_DIGIT = re.compile(r"[零〇一二两三四五六七八九十]")
# A zero is stated by a negation or a printed zero, never by silence.
_ZERO_STATEMENT = re.compile(r"未|没有|无|零|〇|不存在|(?<![\d.])0(?![\d.])")


def _normalised(evidence: str) -> str:
    """Half-width, simplified (萬 → 万, 無 → 无), with digits split by a line break joined again."""
    text = unicodedata.normalize("NFKC", line_view(evidence).text)
    return re.sub(r"(?<=\d)\s+(?=[\d万亿])", "", text)


def numbers_in(evidence: str) -> set[float]:
    """Every value the evidence prints, as the number grammar would read it."""
    text = _normalised(evidence)
    values: set[float] = set()
    for match in _ARABIC.finditer(text):
        value = float(match.group().replace(",", ""))
        values.add(value)
        following = text[match.end() : match.end() + 2].lstrip("余多")[:1]  # 19万余次, 20余万条
        if following == "万":
            values.add(value * 10_000)
        elif following == "亿":
            values.add(value * 100_000_000)
    for match in _CN_RUN.finditer(text):
        run = match.group()
        # Every sub-run that is a numeral in its own right (三件, 一百零五); a run of units alone
        # (万元's 万, 千家万户) is no number.
        for i in range(len(run)):
            for j in range(i + 1, len(run) + 1):
                piece = run[i:j]
                if _CN_DIGIT.search(piece):
                    parsed = parse_chinese_numeral(piece)
                    if parsed is not None:
                        values.add(float(parsed))
    return values


def evidence_problem(value: float | None, evidence: str, rule: str = "") -> str | None:
    """Why ``evidence`` does not support ``value``; None when it does."""
    if value is None:
        return None
    if rule == "table.derived_total":  # a + b: the sum of the parts' printed values
        parts = [numbers_in(part) for part in evidence.split(" + ")]
        if all(parts) and any(math.isclose(value, sum(combo)) for combo in itertools.product(*parts)):
            return None
        return f"{value:g} is not the sum of the parts in {evidence!r}"
    if value == 0 and _ZERO_STATEMENT.search(_normalised(evidence)):
        return None
    if any(math.isclose(value, found, rel_tol=0, abs_tol=1e-6) for found in numbers_in(evidence)):
        return None
    return f"{value:g} is not printed in {evidence!r}"


@pytest.mark.parametrize(
    ("value", "evidence", "supported"),
    [
        pytest.param(454, "2018年新增主动公开政府信息454条", True, id="digits in evidence"),
        pytest.param(3, "收到政府信息公开申请三件", True, id="chinese numeral"),
        pytest.param(1722, "累计主动公开政府信息１，７２２条", True, id="full-width digits and separator"),
        pytest.param(500000, "网站访问量50万人次", True, id="万 multiplier"),
        pytest.param(0, "本年度没有收到政府信息公开申请", True, id="zero statement"),
        pytest.param(10000, "本年收费金额（单位：万元）", False, id="violation: a unit header is no figure"),
        pytest.param(0, "本年度收到政府信息公开申请", False, id="violation: zero without a statement"),
        pytest.param(45, "新增主动公开政府信息454条", False, id="violation: digits of another value"),
        pytest.param(3, "1 + 2", False, id="violation: plain evidence that only sums"),
    ],
)
def test_checker(value: float, evidence: str, supported: bool) -> None:
    assert (evidence_problem(value, evidence) is None) is supported


def test_checker_derived_total() -> None:
    assert evidence_problem(3, "1 + 2", "table.derived_total") is None
    assert evidence_problem(4, "1 + 2", "table.derived_total") is not None


def _corpus_files(corpus: Path) -> list[Path]:
    files: list[Path] = []
    for folder in _FOLDERS:
        for sub in ("texts", "files"):
            if (corpus / folder / sub).is_dir():
                files.extend(discover([corpus / folder / sub]))
    return files


def _problems(metric_values: list[tuple[str, float | None, str, str]]) -> list[str]:
    out = []
    for what, value, evidence, rule in metric_values:
        problem = evidence_problem(value, evidence, rule)
        if problem is not None:
            out.append(f"{what} ({rule}): {problem}")
    return out


def test_every_value_in_every_corpus_has_its_digits(corpus: Path) -> None:
    files = _corpus_files(corpus)
    assert len(files) > 400  # seeds, real, pdf and wild all found
    problems: list[str] = []
    for path in files:
        result = process_file(path)
        report = result.report
        if report is None:
            continue
        name = f"{path.parent.parent.name}/{path.name}"
        items: list[tuple[str, float | None, str, str]] = []
        metric: Metric
        for key, metric in report.metrics.items():
            items.append((f"{name} {key}", metric.value, metric.evidence, metric.rule))
        for fact in report.facts:
            items.append((f"{name} fact {fact.label}", fact.value, fact.evidence, fact.rule))
        for cell in report.table_cells:
            items.append((f"{name} cell {cell.metric_key}", cell.value, cell.raw_text, cell.rule))
        problems.extend(_problems(items))
    assert not problems, f"{len(problems)} value(s) without their digits:\n" + "\n".join(problems[:60])

"""Nothing counted is thrown away: every number the seed reports print is a metric, a category
or a labelled fact — dates, phone numbers, postcodes, document numbers and list numbering excepted."""

from __future__ import annotations

import re

import pytest

from ingest.extract.report import extract_report
from ingest.records import Report
from tests.conftest import corpus_case
from tests.ingest.extract.test_extract import SEEDS

_NUMBER = re.compile(r"[0-9０-９]+(?:[.．,][0-9０-９]+)*")


def _excluded(text: str, start: int, end: int) -> str | None:
    """Why a number is not a counted figure (None when it is one)."""
    after = text[end : end + 3].lstrip(" ")
    before = text[max(0, start - 16) : start]
    if after[:1] in ("年", "月", "日", "时", "号") or re.match(r"[-/]\d", text[end : end + 2]):
        return "date or document number"
    if before.endswith("第"):
        return "ordinal"
    if re.search(r"电话|联系|传真|邮编|邮政编码|地址", before) or re.match(r"\d{7,}", text[start:end]):
        return "phone, postcode or address"
    if re.search(r"[A-Za-z@./:]", text[max(0, start - 1) : start] + text[end : end + 1]):
        return "url or email"
    if re.search(r"《[^》]*$", before):
        return "inside a cited title"
    if re.search(r"(?:^|[\n。；;\s])\s*[(（]?$", before) and re.match(r"\s*[、.．)）]", text[end : end + 2]):
        return "list numbering"
    if re.match(r"[”\"]?\s*(?:热线|交办)", text[end : end + 4]) or before.endswith(("“", '"')):
        return "name of a hotline"
    return None


def _covered(report: Report, start: int) -> bool:
    spans = [(m.start, m.end) for m in report.metrics.values()]
    spans += [(c.start, c.end) for c in report.categories]
    spans += [(f.start, f.end) for f in report.facts]
    return any(s <= start < e for s, e in spans)


@pytest.mark.parametrize("case_id", [pytest.param(case, id=case) for case in SEEDS])
def test_every_printed_number_is_kept(case_id: str) -> None:
    text, _ = corpus_case("seeds", case_id)
    report = extract_report(text)
    uncovered = [
        f"{match.group(0)} in {text[max(0, match.start() - 15) : match.end() + 5]!r}"
        for match in _NUMBER.finditer(text)
        if _excluded(text, match.start(), match.end()) is None and not _covered(report, match.start())
    ]
    assert uncovered == []


@pytest.mark.parametrize(
    ("text", "label", "channel", "kind", "value", "qualifier", "unit"),
    [
        pytest.param(
            "二、主动公开\n共发布微信消息500余条。",
            "共发布微信消息",
            "wechat",
            "posts",
            500,
            "at_least",
            "条",
            id="wechat posts",
        ),
        pytest.param(
            "二、主动公开\n今年共受理新区“12345”交办件111件。",
            "今年共受理新区“12345”交办件",
            "hotline",
            "hotline_cases",
            111,
            "exact",
            "件",
            id="hotline cases",
        ),
        pytest.param(
            "一、概述\n培训信息员260余人次。",
            "培训信息员",
            None,
            "training",
            260,
            "at_least",
            "人次",
            id="training person-times",
        ),
        pytest.param(
            "二、主动公开\n向图书馆、档案馆等查阅场所报送信息137条。",
            "向图书馆、档案馆等查阅场所报送信息",
            "archives",
            "submissions",
            137,
            "exact",
            "条",
            id="submissions to archives",
        ),
        pytest.param(
            "二、主动公开\n网站点击率已突破50万人次。",
            "网站点击率已突破",
            "website",
            "visits",
            500000,
            "exact",
            "人次",
            id="万 multiplies",
        ),
        pytest.param("三、依申请公开\n办结率100%。", "办结率", None, "rate", 100, "exact", "%", id="a rate"),
    ],
)
def test_labelled_fact(
    text: str, label: str, channel: str | None, kind: str, value: float, qualifier: str, unit: str
) -> None:
    facts = extract_report(text).facts
    assert len(facts) == 1
    fact = facts[0]
    assert (fact.label, fact.channel, fact.kind, fact.value, fact.qualifier, fact.unit) == (
        label,
        channel,
        kind,
        value,
        qualifier,
        unit,
    )
    assert text[fact.start : fact.end] == fact.evidence


def test_headline_figures_are_not_duplicated_as_facts() -> None:
    report = extract_report(
        "二、主动公开政府信息情况\n2018年新增主动公开政府信息454条，其中，概况信息3条，占0.6%；其他信息451条，占99.3%。"
    )
    assert report.metrics["proactive.items_new"].value == 454
    assert report.facts == []

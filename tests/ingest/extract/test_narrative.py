"""Narrative rules on sentences written from the corpus's own phrasings.

Each case is a short report fragment with a heading, so the section-aware rules see what they see
in a full report. Expected values were read off the fragment, not off the code's output.
"""

from __future__ import annotations

import pytest

from ingest.extract.report import extract_report


def _metrics(text: str) -> dict[str, tuple[float, str]]:
    report = extract_report(text)
    return {key: (m.value, m.qualifier) for key, m in report.metrics.items()}


@pytest.mark.parametrize(
    ("text", "key", "expected"),
    [
        pytest.param(
            "二、主动公开政府信息情况\n2018年新增主动公开政府信息454条。",
            "proactive.items_new",
            (454, "exact"),
            id="new items",
        ),
        pytest.param(
            "二、主动公开政府信息情况\n截止12月底，市教育局主\n\n动公开政府信息近 3000 条。",
            "proactive.items_new",
            (3000, "approx"),
            id="approx total across a page break",
        ),
        pytest.param(
            "一、总体情况\n在门户网站主动公开8大类、16条目录,公开信息 400余条,其中,政务动态153条。",
            "proactive.items_new",
            (400, "at_least"),
            id="目录 count is not the total",
        ),
        pytest.param(
            "二、主动公开政府信息情况\n累计主动公开政府信息已达1722条。2018年新增主动公开政府信息454条。",
            "proactive.items_cumulative",
            (1722, "exact"),
            id="cumulative",
        ),
        pytest.param(
            "二、主动公开政府信息情况\n对重要政策进行解读。全年解读政策9条。",
            "proactive.interpretations",
            (9, "exact"),
            id="interpretations",
        ),
        pytest.param(
            "三、依申请公开情况\n全年共收到政府信息公开申请15件，均已按时答复。",
            "applications.received",
            (15, "exact"),
            id="applications count",
        ),
        pytest.param(
            "三、依申请公开情况\n2023年共收到依申请公开12件。",
            "applications.received",
            (12, "exact"),
            id="applications count, short form",
        ),
        pytest.param(
            "三、政府信息依申请公开情况\n2018年，区教育局没有收到政府信息公开申请。",
            "applications.received",
            (0, "exact"),
            id="没有收到 is zero",
        ),
        pytest.param(
            "五、政府信息公开申请的办理情况\n2017年，区教育局未收到此类申请。",
            "applications.received",
            (0, "exact"),
            id="未收到此类申请 in the applications section",
        ),
        pytest.param(
            "一、总体情况\n2022年宜城市教育局未收到依申请公开信息。",
            "applications.received",
            (0, "exact"),
            id="zero with a year in the clause",
        ),
        pytest.param(
            "四、收费情况\n2018年，区教育局信息公开没有收费。", "fees.collected_yuan", (0, "exact"), id="没有收费"
        ),
        pytest.param(
            "四、收费情况\n全镇没有向依申请公开对象收取复印、传真、递送等任何费用。",
            "fees.collected_yuan",
            (0, "exact"),
            id="fee zero mentioning applications is about fees",
        ),
        pytest.param(
            "四、收费情况\n本年度收取信息处理费120元。", "fees.collected_yuan", (120, "exact"), id="fee amount"
        ),
        pytest.param(
            "五、行政复议和诉讼情况\n本年度发生行政复议2件，行政诉讼1件。",
            "reconsideration.total",
            (2, "exact"),
            id="reconsideration count",
        ),
        pytest.param(
            "五、行政复议和诉讼情况\n本年度发生行政复议2件，行政诉讼1件。",
            "litigation.total",
            (1, "exact"),
            id="litigation count",
        ),
        pytest.param("收费及减免情况：无。", "fees.collected_yuan", (0, "exact"), id="form style 无"),
    ],
)
def test_figure(text: str, key: str, expected: tuple[float, str]) -> None:
    assert _metrics(text).get(key) == expected


@pytest.mark.parametrize(
    ("text", "zeros"),
    [
        pytest.param(
            "七、行政复议、诉讼情况\n2017年，没有发生针对区教育局有关信息公开工作的行政复议、诉讼和申诉情况。",
            {"reconsideration.total", "litigation.total", "complaints.total"},
            id="three zeros in one sentence",
        ),
        pytest.param(
            "五、行政复议情况\n2018年，区教育局没有收到政府信息公开的行政复议申请，也没有提起行政诉讼。",
            {"reconsideration.total", "litigation.total"},
            id="two clauses, two zeros",
        ),
        pytest.param(
            "一、概述\n全乡未发生因政府信息公开申请提起的行政复议和行政诉讼案件。",
            {"reconsideration.total", "litigation.total"},
            id="两 zeros, not an application zero",
        ),
    ],
)
def test_combined_zero_statements(text: str, zeros: set[str]) -> None:
    metrics = _metrics(text)
    assert {key for key, value in metrics.items() if value == (0, "exact")} == zeros


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        pytest.param(
            "二、主动公开政府信息情况\n共发布微信消息500余条，更新微博动态800余条。",
            "proactive.items_new",
            id="wechat posts are not the headline total",
        ),
        pytest.param(
            "二、主动公开政府信息情况\n受理12345热线交办件111件，办结率100%。",
            "applications.received",
            id="hotline cases are not applications",
        ),
        pytest.param(
            "二、主动公开\n受理网上咨询、建议和投诉 259 余件。",
            "applications.received",
            id="consultations are not applications",
        ),
        pytest.param(
            "六、存在问题\n涉及政府信息公开的行政复议未被复议机关撤销。",
            "reconsideration.total",
            id="negated outcome is not a zero count",
        ),
        pytest.param(
            "二、主动公开政府信息情况\n在子网站中公开各项信息累计3000多条。",
            "proactive.items_cumulative",
            id="sub-site cumulative without 主动公开 is not the body's cumulative",
        ),
        pytest.param(
            "二、主动公开政府信息情况\n依据第二十条第(一)项公开规章。",
            "proactive.items_new",
            id="article number is not a count",
        ),
        pytest.param(
            "二、主动公开政府信息情况\n本年度主动公开政府信息的工作稳步推进。",
            "applications.received",
            id="unstated figure stays absent",
        ),
    ],
)
def test_not_extracted(text: str, absent: str) -> None:
    assert absent not in _metrics(text)


def test_evidence_points_into_original_text() -> None:
    text = "二、主动公开政府信息情况\n2018年新增主动公开政府信息４５４条，其中，概况信息3条，占0.6%。"
    report = extract_report(text)
    metric = report.metrics["proactive.items_new"]
    assert text[metric.start : metric.end] == metric.evidence
    assert metric.evidence.endswith("４５４条")
    assert metric.value == 454


@pytest.mark.parametrize(
    ("text", "key", "expected"),
    [
        pytest.param(
            "三、依申请公开情况\n本年度收到申请5件，上年结转政府信息公开申请2件。",
            "applications.carried_over",
            (2, "exact"),
            id="carried over from last year",
        ),
    ],
)
def test_more_figures(text: str, key: str, expected: tuple[float, str]) -> None:
    assert _metrics(text).get(key) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "三、依申请公开情况\n2019年，我局没有收到政府信息公开申请的行", id="cut inside a subordinate clause"
        ),
        pytest.param("三、依申请公开情况\n2019年，我局没有收到政府信息公开申请", id="cut where the sentence may go on"),
    ],
)
def test_clause_cut_off_by_the_end_of_the_text_gives_no_zero(text: str) -> None:
    assert "applications.received" not in _metrics(text)


def test_the_same_clause_with_its_full_stop_is_a_zero() -> None:
    assert _metrics("三、依申请公开情况\n2019年，我局没有收到政府信息公开申请。")["applications.received"] == (
        0,
        "exact",
    )


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "六、其他需要报告的事项\n第二十条第（八）项\n信息内容 | 本年收费金额（单位：万元）\n行政事业性收费 | /",
            id="table-2 fee header (单位：万元) with a null cell is no disclosure fee",
        ),
        pytest.param(
            "四、收费及减免情况\n本年收费金额（单位：万元）",
            id="a fee header alone in the fee section is no fee",
        ),
        pytest.param(
            "四、政府信息公开收费及减免情况\n本年度政府信息公开收费金额（单位：元）如下。",
            id="a yuan unit header without its figure is no fee",
        ),
        pytest.param(
            "二、主动公开政府信息情况\n本年收费金额（单位：万元）：无。",
            id="table-2 fee header stated as none is no disclosure-fee zero",
        ),
    ],
)
def test_header_without_figure_gives_no_fee(text: str) -> None:
    assert "fees.collected_yuan" not in _metrics(text)


@pytest.mark.parametrize(
    ("text", "zeros"),
    [
        pytest.param(
            "五、因政府信息公开申请行政复议、提起行政诉讼情况\n2012年，我局未发生因政府信息公开申请行政复议的情况。",
            {"reconsideration.total"},
            id="复议 named: reconsideration 0, no litigation or complaints zero",
        ),
        pytest.param(
            "四、收费及减免情况\n2013年，我局政府信息公开工作没有收取任何费用。",
            {"fees.collected_yuan"},
            id="a fee statement says nothing about lawsuits or applications",
        ),
        pytest.param(
            "五、行政复议和行政诉讼情况\n全年未发生因政府信息公开工作引发的投诉、行政复议和行政诉讼等情况。",
            {"complaints.total", "reconsideration.total", "litigation.total"},
            id="投诉 in the negated list: complaints 0 too",
        ),
        pytest.param(
            "四、收费及减免情况\n（二）与行政复议、行政诉讼有关的费用支出：无。",
            set(),
            id="expenses about lawsuits are neither a lawsuit count nor a fee",
        ),
        pytest.param(
            "四、收费及减免情况\n2016年未产生政府信息公开事务诉讼相关的费用支出。",
            set(),
            id="诉讼 qualifying an expense is no litigation zero",
        ),
        pytest.param(
            "三、依申请公开情况\n对于本机关无法提供申请人所需信息的，均告知申请人。",
            set(),
            id="无法提供 negates an ability, not the applications received",
        ),
        pytest.param(
            "五、行政复议和行政诉讼情况\n行政诉讼 未经复议直接起诉 尚未审结。",
            set(),
            id="table-4 column labels 未经复议 / 尚未审结 state no zero",
        ),
        pytest.param(
            "三、依申请公开情况\n本年度没有现成信息需要另行制作的情形。",
            set(),
            id="没有现成信息 is an outcome wording, not no applications",
        ),
    ],
)
def test_zeros_only_where_stated(text: str, zeros: set[str]) -> None:
    metrics = _metrics(text)
    assert {key for key, value in metrics.items() if value == (0, "exact")} == zeros


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        pytest.param(
            "一、总体情况\n（一）主动公开情况。2023年共收到依申请公开12件，予以公开5件，没有现成信息需另行制作1件。",
            "proactive.items_new",
            id="an application outcome in a proactive section is not the proactive total",
        ),
        pytest.param(
            "一、总体情况\n（一）主动公开工作情况。发布相关政策文件，全年共制发行政规范性文件82件。",
            "proactive.items_new",
            id="documents issued (制发) are not items disclosed",
        ),
    ],
)
def test_not_the_proactive_total(text: str, absent: str) -> None:
    assert absent not in _metrics(text)

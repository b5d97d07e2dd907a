"""Standard tables in every text presentation give the same cells; blanks are NULL, not 0."""

from __future__ import annotations

import pytest

from ingest.extract import extract_report
from ingest.tables import parse_cell

HEAD = "XX县教育局2022年政府信息公开工作年度报告\n一、总体情况\n本年度工作稳步推进。\n"
T3_LABELS = [
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    "(一)予以公开",
    "(七)总计",
    "四、结转下年度继续办理",
]
T3_ROWS = [
    [1, 0, 0, 0, 0, 0, 1],
    [0, 0, 0, 0, 0, 0, 0],
    [1, 0, 0, 0, 0, 0, 1],
    [1, 0, 0, 0, 0, 0, 1],
    [0, 0, 0, 0, 0, 0, 0],
]
T4 = [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]


def _t2_pipe() -> str:
    return (
        "二、主动公开政府信息情况\n第二十条第(一)项 | | |\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数\n"
        "规章 | 0 | 0 | 3\n行政规范性文件 | 2 | / | 15\n"
    )


def _render(style: str) -> str:
    t3 = ["三、收到和处理政府信息公开申请情况"]
    t4 = ["四、政府信息公开行政复议、行政诉讼情况", "行政复议", "行政诉讼"]
    if style == "pipe":
        t3 += [f"{label} | " + " | ".join(map(str, row)) + " |" for label, row in zip(T3_LABELS, T3_ROWS, strict=True)]
        t4 += ["结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计", " | ".join(map(str, T4))]
    elif style == "markdown":
        t3 += [
            "| 项目 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |",
            "|---|---|---|---|---|---|---|---|",
        ]
        t3 += [
            f"| {label} | " + " | ".join(map(str, row)) + " |" for label, row in zip(T3_LABELS, T3_ROWS, strict=True)
        ]
        t4 += [
            "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |",
            "|---|---|---|---|---|",
            "| " + " | ".join(map(str, T4)) + " |",
        ]
    elif style == "cell_per_line":
        for label, row in zip(T3_LABELS, T3_ROWS, strict=True):
            t3 += [label, *map(str, row)]
        t4 += ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", *map(str, T4)]
    elif style == "whitespace":
        t3 += [f"{label} " + " ".join(map(str, row)) for label, row in zip(T3_LABELS, T3_ROWS, strict=True)]
        t4 += ["结果维持 结果纠正 其他结果 尚未审结 总计", " ".join(map(str, T4))]
    return HEAD + _t2_pipe() + "\n".join(t3) + "\n" + "\n".join(t4) + "\n五、存在的主要问题及改进情况\n无。\n"


@pytest.mark.parametrize("style", [pytest.param(s, id=s) for s in ("pipe", "markdown", "cell_per_line", "whitespace")])
def test_every_presentation_gives_the_same_cells(style: str) -> None:
    report = extract_report(_render(style))
    values = {key: m.value for key, m in report.metrics.items()}
    assert report.template == "standard_2021"
    assert values["t3.new_received.natural_person"] == 1
    assert values["t3.new_received.total"] == 1
    assert values["t3.carried_forward.total"] == 0
    assert values["t4.reconsideration.maintained"] == 1
    assert values["t4.reconsideration.total"] == 1
    assert values["t4.litigation_after_reconsideration.total"] == 0
    assert values["applications.received"] == 1
    assert values["reconsideration.total"] == 1
    assert values["litigation.total"] == 0
    assert values["t2.regulations.in_force"] == 3
    assert values["t2.normative_docs.made"] == 2
    assert "t2.normative_docs.repealed" not in values  # "/" is NULL, not 0
    cells = [m for m in report.metrics.values() if m.source == "table" and m.rule != "table.derived_total"]
    text = _render(style)
    assert all(text[m.start : m.end] == m.evidence for m in cells)
    statuses = {c.rule: c.status for c in report.checks}
    assert statuses["R1"] == "pass"
    assert statuses["R3"] == "pass"
    assert statuses["R4_reconsideration"] == "pass"


def test_broken_printed_total_is_a_finding() -> None:
    text = _render("pipe").replace(
        " | ".join(map(str, T4)), "1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0"
    )
    report = extract_report(text)
    assert report.metrics["t4.reconsideration.total"].value == 0  # printed value kept
    statuses = {c.rule: c.status for c in report.checks}
    assert statuses["R4_reconsideration"] == "fail"
    assert statuses["R4_litigation_direct"] == "pass"


@pytest.mark.parametrize(
    ("cell", "value", "note"),
    [
        pytest.param("0", 0.0, None, id="zero"),
        pytest.param("26.55", 26.55, None, id="decimal"),
        pytest.param("-3", -3.0, None, id="negative change"),
        pytest.param("增72", 72.0, None, id="增 prefix"),
        pytest.param("22（其中修订16件）", 22.0, "（其中修订16件）", id="value with a note"),
        pytest.param("160.5964万元", 160.5964, None, id="amount with unit"),
        pytest.param("/", None, None, id="slash is null"),
        pytest.param("—", None, None, id="dash is null"),
        pytest.param("", None, None, id="blank is null"),
    ],
)
def test_parse_cell(cell: str, value: float | None, note: str | None) -> None:
    parsed = parse_cell(cell)
    assert parsed is not None
    assert parsed.value == value
    assert parsed.note == note


def test_label_is_not_a_cell() -> None:
    assert parse_cell("行政许可") is None
    assert parse_cell("2018年新增") is None


def test_bar_separated_cells_with_empty_cells_and_no_table_heading() -> None:
    # As a real scrape prints it (corpus real/096): every cell followed by a lone "|" line, empty
    # cells as extra "|" lines, and no "二、主动公开政府信息情况" heading before table 2.
    lines = [
        "XX旗教育局政府信息公开工作报告",
        "一、建立组织管理体系。我局结合实际开展工作。",
        "第二十条第(五)项",
        "|",
        "信息内容",
        "|",
        "上一年项目数量",
        "|",
        "本年增/减",
        "|",
        "处理决定数量",
        "|",
        "行政许可",
        "|",
        "126",
        "|",
        "增72",
        "|",
        "142",
        "|",
        "其他对外管理服务事项",
        "|",
        "|",
        "|",
        "|",
        "行政处罚",
        "|",
        "|",
        "7",
        "|",
        "|",
        "三、收到和处理政府信息公开申请情况",
        "无。",
    ]
    report = extract_report("\n".join(lines))
    values = {key: m.value for key, m in report.metrics.items() if key.startswith("t2.")}
    assert report.template == "standard_2019"
    assert values == {
        "t2.licensing.prev_items": 126,
        "t2.licensing.change": 72,
        "t2.licensing.decisions": 142,
        "t2.punishment.change": 7,
    }


def test_every_printed_cell_is_kept_with_raw_text_and_note() -> None:
    text = _render("pipe").replace("行政规范性文件 | 2 | / | 15", "行政规范性文件 | 22（其中修订16件） | / | 15")
    report = extract_report(text)
    cells = {c.metric_key: c for c in report.table_cells}
    made = cells["t2.normative_docs.made"]
    assert (made.value, made.note, made.raw_text) == (22, "（其中修订16件）", "22（其中修订16件）")
    repealed = cells["t2.normative_docs.repealed"]
    assert (repealed.value, repealed.raw_text) == (None, "/")  # printed NULL cell kept, value NULL
    assert "t2.normative_docs.repealed" not in report.metrics
    assert all(text[c.start : c.end] == c.raw_text for c in report.table_cells if c.raw_text)
    assert {c.rule: c.status for c in report.checks}["T1_cell_mapped_once"] == "pass"


@pytest.mark.parametrize(
    ("prose", "status"),
    [
        pytest.param("本年度共收到政府信息公开申请1件。", "pass", id="prose agrees with table 3"),
        pytest.param("本年度共收到政府信息公开申请5件。", "fail", id="prose disagrees with table 3"),
    ],
)
def test_r6_narrative_against_table(prose: str, status: str) -> None:
    text = _render("pipe").replace("本年度工作稳步推进。", prose)
    report = extract_report(text)
    assert report.metrics["applications.received"].value == 1  # the table wins, the prose is checked
    assert {c.rule: c.status for c in report.checks}["R6_narrative_vs_table"] == status


@pytest.mark.parametrize("style", [pytest.param(s, id=s) for s in ("pipe", "markdown", "cell_per_line", "whitespace")])
def test_cell_offsets_index_the_original_when_the_view_drops_characters(style: str) -> None:
    # The line view drops the CR of CRLF and zero-width marks; cell spans must still quote the original.
    text = _render(style).replace("\n", "\r\n").replace("0", "\u200b0")
    report = extract_report(text)
    assert report.metrics["t3.new_received.total"].value == 1
    assert report.metrics["t4.reconsideration.maintained"].value == 1
    printed = [c for c in report.table_cells if c.raw_text]
    assert len(printed) > 50
    assert all(text[c.start : c.end] == c.raw_text and "\u200b" not in c.raw_text for c in printed)

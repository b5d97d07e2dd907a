"""Standard tables in every text presentation give the same cells; blanks are NULL, not 0."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ingest.extract.report import extract_report
from ingest.extract.tables.reader import parse_cell

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
    # 二、上年结转 总计 0 and (七)总计 1 are the carried-over and processed headlines (metric_keys.md).
    assert values["applications.carried_over"] == 0
    assert values["applications.processed"] == 1
    assert report.metrics["applications.processed"].rule == "table.derived_total"
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


# --- layouts the arithmetic must decide: label-less rows, glued digits, table 4 in pieces ---------

T3_2021 = [  # (label as printed, values); R1, R2 and R3 hold
    ("一、本年新收政府信息公开申请数量", [5, 1, 0, 0, 0, 0, 6]),
    ("二、上年结转政府信息公开申请数量", [1, 0, 0, 0, 0, 0, 1]),
    ("（一）予以公开", [2, 0, 0, 0, 0, 0, 2]),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", [1, 0, 0, 0, 0, 0, 1]),
    ("1.属于国家秘密", [0] * 7),
    ("2.其他法律行政法规禁止公开", [0] * 7),
    ("3.危及“三安全一稳定”", [0] * 7),
    ("4.保护第三方合法权益", [0, 1, 0, 0, 0, 0, 1]),
    ("5.属于三类内部事务信息", [0] * 7),
    ("6.属于四类过程性信息", [0] * 7),
    ("7.属于行政执法案卷", [0] * 7),
    ("8.属于行政查询事项", [0] * 7),
    ("1.本机关不掌握相关政府信息", [1, 0, 0, 0, 0, 0, 1]),
    ("2.没有现成信息需要另行制作", [0] * 7),
    ("3.补正后申请内容仍不明确", [0] * 7),
    ("1.信访举报投诉类申请", [0] * 7),
    ("2.重复申请", [1, 0, 0, 0, 0, 0, 1]),
    ("3.要求提供公开出版物", [0] * 7),
    ("4.无正当理由大量反复申请", [0] * 7),
    ("5.要求行政机关确认或重新出具已获取信息", [0] * 7),
    ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", [0] * 7),
    ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", [0] * 7),
    ("3.其他", [0] * 7),
    ("（七）总计", [5, 1, 0, 0, 0, 0, 6]),
    ("四、结转下年度继续办理", [1, 0, 0, 0, 0, 0, 1]),
]
T3_HEAD = [
    "三、收到和处理政府信息公开申请情况",
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况",
    "自然人 | 法人或其他组织 | 总计",
    "商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他",
]
T4_TAIL = [
    "四、政府信息公开行政复议、行政诉讼情况",
    "行政复议 | 行政诉讼",
    "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉",
    "0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
    "五、存在的主要问题及改进情况",
    "无。",
]


def _pipe_row(values: list[int], label: str = "") -> str:
    return "| " + (f"{label} | " if label else "") + " | ".join(map(str, values)) + " |"


def _t3_report(lines: list[str], t4: list[str] | None = None) -> str:
    return HEAD + _t2_pipe() + "\n".join(T3_HEAD + lines + (t4 or T4_TAIL)) + "\n"


def _labelled(rows: range) -> list[str]:
    return [_pipe_row(T3_2021[i][1], T3_2021[i][0]) for i in rows]


def _t3_values(text: str) -> tuple[dict[str, float], dict[str, str], dict[str, str]]:
    report = extract_report(text)
    values = {k: m.value for k, m in report.metrics.items() if k.startswith("t3.")}
    rules = {k: m.rule for k, m in report.metrics.items() if k.startswith("t3.")}
    checks = {c.rule: c.status for c in report.checks}
    return values, rules, checks


# Labels 2–4 of （三）不予公开 printed as prose lines, their three value rows after them without labels.
INTERLEAVED = [
    *_labelled(range(0, 5)),
    T3_2021[5][0],
    T3_2021[6][0],
    T3_2021[7][0],
    _pipe_row([0] * 7),
    _pipe_row([0] * 7),
    _pipe_row([0, 1, 0, 0, 0, 0, 1]),
    *_labelled(range(8, 25)),
]


def test_label_less_rows_pair_with_the_labels_printed_before_them() -> None:
    values, rules, checks = _t3_values(_t3_report(INTERLEAVED))
    # The third label-less row (0 1 0 0 0 0 1) is 4.保护第三方合法权益, not the first one.
    assert values["t3.denied.third_party_rights.commercial_enterprise"] == 1
    assert values["t3.denied.third_party_rights.total"] == 1
    assert values["t3.denied.law_prohibited.total"] == 0
    assert values["t3.denied.three_safeties_one_stability.total"] == 0
    assert rules["t3.denied.third_party_rights.total"] == "table.t3.aligned"
    assert rules["t3.denied.state_secret.total"] == "table.t3.labelled"
    assert checks["R2"] == "pass"
    assert checks["T2_layout_decided"] == "pass"


@pytest.mark.parametrize(
    "style",
    [
        pytest.param(lambda v: _pipe_row(v), id="label-less pipe rows between labelled rows"),
        pytest.param(lambda v: " ".join(map(str, v)), id="label-less whitespace rows between labelled rows"),
    ],
)
def test_label_less_rows_fill_the_gap_between_anchors(style: Callable[[list[int], str], str]) -> None:
    # Rows 4.–6. of （三） lost their labels entirely: three rows for the three free template rows.
    lines = [*_labelled(range(0, 7)), *(style(T3_2021[i][1]) for i in (7, 8, 9)), *_labelled(range(10, 25))]
    values, rules, checks = _t3_values(_t3_report(lines))
    assert values["t3.denied.third_party_rights.total"] == 1
    assert values["t3.denied.internal_affairs.total"] == 0
    assert values["t3.denied.process_info.natural_person"] == 0
    assert rules["t3.denied.process_info.total"] == "table.t3.aligned"
    assert checks["T2_layout_decided"] == "pass"


def test_fewer_label_less_rows_than_labels_is_ambiguous() -> None:
    # Labels 2.–4. printed, but only two value rows: which label lost its row the sums cannot tell.
    lines = [line for line in INTERLEAVED if line != _pipe_row([0] * 7)] + []
    lines.insert(lines.index(_pipe_row([0, 1, 0, 0, 0, 0, 1])), _pipe_row([0] * 7))
    values, _rules, checks = _t3_values(_t3_report(lines))
    for row in ("law_prohibited", "three_safeties_one_stability", "third_party_rights"):
        assert f"t3.denied.{row}.total" not in values
    assert values["t3.denied.state_secret.total"] == 0  # labelled rows are kept
    assert checks["T2_layout_decided"] == "not_assessable"


def test_aligned_rows_that_break_r2_stay_null() -> None:
    # The printed （七）总计 (7) is not the sum of the outcome rows (6): the alignment cannot be verified.
    total_row = _pipe_row(T3_2021[23][1], T3_2021[23][0])
    broken = [_pipe_row([6, 1, 0, 0, 0, 0, 7], "（七）总计") if line == total_row else line for line in INTERLEAVED]
    values, _rules, checks = _t3_values(_t3_report(broken))
    assert "t3.denied.third_party_rights.total" not in values
    assert values["t3.total_processed.total"] == 7  # a labelled row keeps its printed value
    assert checks["T2_layout_decided"] == "fail"
    assert checks["R2"] == "fail"


def _glued(label: str, values: list[int]) -> str:
    return label + "".join(map(str, values))


def test_glued_rows_are_split_by_the_row_and_column_sums() -> None:
    rows = [list(v) for _, v in T3_2021]
    rows[0] = [12, 1, 0, 0, 0, 0, 13]  # 一: "121000013", two 2-digit cells
    rows[2] = [9, 0, 0, 0, 0, 0, 9]
    rows[23] = [12, 1, 0, 0, 0, 0, 13]  # （七）
    rows[1] = rows[24] = [0] * 7
    lines = [_glued(label, row) for (label, _), row in zip(T3_2021, rows, strict=True)]
    # Two rows glued on one line: "…00000002.其他…", the 2 numbers the next row.
    lines[4:6] = [lines[4] + lines[5]]
    values, rules, checks = _t3_values(_t3_report(lines))
    assert [values[f"t3.new_received.{c}"] for c in ("natural_person", "commercial_enterprise", "total")] == [12, 1, 13]
    assert values["t3.granted.total"] == 9
    assert values["t3.denied.law_prohibited.total"] == 0
    assert values["t3.denied.third_party_rights.commercial_enterprise"] == 1
    assert values["t3.total_processed.total"] == 13
    assert rules["t3.total_processed.total"] == "table.t3.split"
    assert checks["R1"] == "pass"
    assert checks["T2_layout_decided"] == "pass"


@pytest.mark.parametrize(
    ("run", "status"),
    [
        # 10,1,0,0,0,0,11 and 1,0,10,0,0,0,11 both print "101000011" and both add up.
        pytest.param("101000011", "not_assessable", id="glued row with two splits that add up"),
        # 8 digits into 7 cells: 11|0|0|0|0|1|1, 1|1|0|0|0|0|11 … none has 总计 = sum of the six.
        pytest.param("11000011", "fail", id="glued row with no split that adds up"),
    ],
)
def test_undecidable_glued_row_stays_null(run: str, status: str) -> None:
    lines = _labelled(range(1, 25))
    lines.insert(0, "一、本年新收政府信息公开申请数量" + run)
    values, _rules, checks = _t3_values(_t3_report(lines))
    assert not any(k.startswith("t3.new_received.") for k in values)
    assert values["t3.carried_over.total"] == 1
    assert checks["T2_layout_decided"] == status


def _t4(lines: list[str]) -> str:
    head = ["四、政府信息公开行政复议、行政诉讼情况", *lines, "五、存在的主要问题及改进情况", "无。"]
    return _t3_report(_labelled(range(25)), head)


T4_HEADER = "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计"


def test_table4_in_three_headed_pieces() -> None:
    lines = ["行政复议", T4_HEADER, "2 | 1 | 0 | 0 | 3", "行政诉讼（未经复议直接起诉）", T4_HEADER, "1 | 0 | 0 | 0 | 1"]
    lines += ["行政诉讼（复议后起诉）", T4_HEADER, "0 | 0 | 0 | 1 | 1"]
    report = extract_report(_t4(lines))
    values = {k: m.value for k, m in report.metrics.items()}
    assert values["t4.reconsideration.maintained"] == 2
    assert values["t4.reconsideration.total"] == 3
    assert values["t4.litigation_direct.total"] == 1
    assert values["t4.litigation_after_reconsideration.pending"] == 1
    assert values["litigation.total"] == 2
    assert report.metrics["t4.litigation_direct.total"].rule == "table.t4.labelled"


@pytest.mark.parametrize(
    ("run", "expected", "status"),
    [
        # 2,1,0,0,3 | 0,0,0,1,1 | 0,0,0,0,0: fifteen digits, one per cell.
        pytest.param("210030001100000", (3, 1, 0), "pass", id="glued table 4 run of 15 digits"),
        # 10,1,0,0,11 and 1,0,10,0,11 both print "1010011" and both satisfy R4.
        pytest.param("10100110000000000", None, "not_assessable", id="glued table 4 run with two splits"),
    ],
)
def test_table4_glued_run(run: str, expected: tuple[int, int, int] | None, status: str) -> None:
    report = extract_report(
        _t4(["行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉" + run])
    )
    values = {k: m.value for k, m in report.metrics.items()}
    if expected is None:
        assert not any(k.startswith("t4.") for k in values)
    else:
        blocks = ("reconsideration", "litigation_direct", "litigation_after_reconsideration")
        assert tuple(values[f"t4.{b}.total"] for b in blocks) == expected
        assert report.metrics["t4.reconsideration.total"].rule == "table.t4.split"
    assert {c.rule: c.status for c in report.checks}["T2_layout_decided"] == status


def test_short_table3_row_is_not_read_by_position() -> None:
    # As a scrape cut it (corpus real/083): 2.其他法律行政法规禁止公开 with 4 of its 7 cells.
    lines = _labelled(range(25))
    lines[5] = "| 2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 |"
    values, _rules, checks = _t3_values(_t3_report(lines))
    assert not any(k.startswith("t3.denied.law_prohibited.") for k in values)
    assert values["t3.denied.state_secret.total"] == 0
    assert checks["T2_layout_decided"] == "not_assessable"


# --- table 2: labels apart, short rows, glued rows ---------------------------------------------

T2_HEAD_2021 = [
    "二、主动公开政府信息情况",
    "第二十条第（一）项",
    "信息内容",
    "本年制发件数",
    "本年废止件数",
    "现行有效件数",
]
T2_REST_2021 = [
    "第二十条第（五）项",
    "信息内容 | 本年处理决定数量",
    "行政许可 | 161",
    "第二十条第（六）项",
    "信息内容 | 本年处理决定数量",
    "行政处罚 | 12",
    "行政强制 | 0",
    "第二十条第（八）项",
    "信息内容 | 本年收费金额（单位：万元）",
    "行政事业性收费 | 0",
]


def _t2_report(t2: list[str]) -> str:
    return HEAD + "\n".join(t2 + T3_HEAD + _labelled(range(25)) + T4_TAIL) + "\n"


def _t2(text: str) -> tuple[dict[str, float], dict[str, str], dict[str, str]]:
    report = extract_report(text)
    values = {k: m.value for k, m in report.metrics.items() if k.startswith("t2.")}
    rules = {k: m.rule for k, m in report.metrics.items() if k.startswith("t2.")}
    checks = {c.rule: c.status for c in report.checks}
    return values, rules, checks


@pytest.mark.parametrize(
    "rows",
    [
        pytest.param(["| 0 | 0 | 3 |", "| 2 | / | 15 |"], id="label lines then label-less pipe rows"),
        pytest.param(["0 0 3", "2 / 15"], id="label lines then label-less whitespace rows"),
        pytest.param(["0", "0", "3", "2", "/", "15"], id="label lines then cells one per line, as many as columns"),
    ],
)
def test_table2_label_lines_pair_with_value_rows_in_order(rows: list[str]) -> None:
    values, rules, checks = _t2(_t2_report([*T2_HEAD_2021, "规章", "行政规范性文件", *rows, *T2_REST_2021]))
    assert values["t2.regulations.made"] == 0
    assert values["t2.regulations.in_force"] == 3
    assert values["t2.normative_docs.made"] == 2
    assert "t2.normative_docs.repealed" not in values  # "/" is NULL
    assert values["t2.normative_docs.in_force"] == 15
    assert values["t2.licensing.decisions"] == 161  # labelled rows read as before
    assert rules["t2.normative_docs.in_force"] == "table.t2.aligned"
    assert checks["T2_layout_decided"] == "pass"


def test_table2_single_column_label_lines_then_one_value_each() -> None:
    # 行政处罚 / 行政强制 printed as lines, then "12" and "0": one cell for each one-column row.
    rest = [*T2_REST_2021[:4], "信息内容", "本年处理决定数量", "行政处罚", "行政强制", "12", "0", *T2_REST_2021[7:]]
    t2 = [*T2_HEAD_2021, "规章 | 0 | 0 | 3", "行政规范性文件 | 2 | 0 | 15", *rest]
    values, _rules, checks = _t2(_t2_report(t2))
    assert values["t2.punishment.decisions"] == 12
    assert values["t2.coercion.decisions"] == 0
    assert checks["T2_layout_decided"] == "pass"


def test_table2_label_less_row_fills_the_one_free_row_between_labelled_rows() -> None:
    # 行政规范性文件 lost its label: one value row between 规章 and 行政许可, one free template row.
    values, rules, checks = _t2(_t2_report([*T2_HEAD_2021, "规章 | 0 | 0 | 3", "| 2 | 0 | 15 |", *T2_REST_2021]))
    assert values["t2.normative_docs.in_force"] == 15
    assert rules["t2.normative_docs.in_force"] == "table.t2.aligned"
    assert checks["T2_layout_decided"] == "pass"


@pytest.mark.parametrize(
    "rows",
    [
        # Two label lines, one value row: 规章's or 行政规范性文件's? No sums in table 2 to say.
        pytest.param(["| 2 | 0 | 15 |"], id="fewer value rows than label lines"),
        # Four cells one per line after two three-column labels: whose cells are they?
        pytest.param(["2", "0", "15", "3"], id="cells one per line fewer than the labels' columns"),
    ],
)
def test_table2_label_lines_the_counts_do_not_decide_stay_null(rows: list[str]) -> None:
    values, _rules, checks = _t2(_t2_report([*T2_HEAD_2021, "规章", "行政规范性文件", *rows, *T2_REST_2021]))
    assert not any(k.startswith(("t2.regulations.", "t2.normative_docs.")) for k in values)
    assert values["t2.licensing.decisions"] == 161
    assert checks["T2_layout_decided"] == "not_assessable"


def test_short_table2_row_is_not_read_by_position() -> None:
    # | 规章 | 22 | 235 | under three columns: 制发/废止/现行有效 — which one is missing is unknown
    # (现行有效 ≥ 本年制发 holds for 22,235 as made/in_force and as repealed/in_force alike).
    t2 = [*T2_HEAD_2021, "| 规章 | 22 | 235 |", "| 行政规范性文件 | 2 | 0 | 15 |", *T2_REST_2021]
    values, _rules, checks = _t2(_t2_report(t2))
    assert not any(k.startswith("t2.regulations.") for k in values)
    assert values["t2.normative_docs.in_force"] == 15
    assert checks["T2_layout_decided"] == "not_assessable"


def test_printed_empty_cell_between_pipes_is_a_null_cell_not_a_missing_one() -> None:
    t2 = [*T2_HEAD_2021, "| 规章 | 0 | 0 | |", "| 行政规范性文件 | 2 | 0 | 15 |", *T2_REST_2021]
    report = extract_report(_t2_report(t2))
    values = {k: m.value for k, m in report.metrics.items()}
    assert (values["t2.regulations.made"], values["t2.regulations.repealed"]) == (0, 0)
    assert "t2.regulations.in_force" not in values
    cells = {c.metric_key: c for c in report.table_cells}
    assert cells["t2.regulations.in_force"].value is None  # kept as a printed NULL cell
    assert "T2_layout_decided" not in {c.rule for c in report.checks}


def test_pipe_rows_without_a_closing_border_end_in_a_cell() -> None:
    # "a | b" rows: the empty piece after the last pipe of "行政规范性文件 | 2 | 0 | " is an empty cell.
    t2 = [*T2_HEAD_2021, "规章 | 0 | 0 | 3", "行政规范性文件 | 2 | 0 | ", *T2_REST_2021]
    values, _rules, checks = _t2(_t2_report(t2))
    assert (values["t2.normative_docs.made"], values["t2.normative_docs.repealed"]) == (2, 0)
    assert "t2.normative_docs.in_force" not in values
    assert "T2_layout_decided" not in checks


def test_text_cut_inside_a_table2_row_keeps_its_leading_cells() -> None:
    # As a truncated scrape ends (corpus real/084): the cells printed are the first columns; the last
    # one may be cut mid-number, so only those before it are taken.
    text = HEAD + "\n".join([*T2_HEAD_2021, "规章 |", "0 |", "1"]) + "\n"
    values, rules, checks = _t2(text)
    assert values == {"t2.regulations.made": 0}  # the 1 could be 12
    assert rules["t2.regulations.made"] == "table.t2.short_row"
    assert checks["T2_layout_decided"] == "pass"


def test_table2_label_with_a_printed_note_is_its_row() -> None:
    t2 = [
        *T2_HEAD_2021[:2],
        "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数",
        "规章(设区的市、自治州人民政府应提供相关数据) | 0 | 0 | 0 |",
        "行政规范性文件(行政机关制定发布的决定、公告、通告、意见、通知等公文) | 1 | 1 | 1 |",
        "其他主动公开文件(含以本单位名义正式签发的文件) | 7 | 7 | 7 |",
        *T2_REST_2021,
    ]
    values, _rules, checks = _t2(_t2_report(t2))
    assert values["t2.regulations.in_force"] == 0
    assert values["t2.normative_docs.made"] == 1
    assert 7 not in values.values()  # the row of another kind is not table 2's
    assert "T2_layout_decided" not in checks


GLUED_T2 = (
    "二、主动公开政府信息情况第二十条第(一)项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件{docs}"
    "第二十条第(五)项信息内容本年处理决定数量行政许可161第二十条第(六)项信息内容本年处理决定数量行政处罚0行政强制3"
    "第二十条第(八)项信息内容本年收费金额（单位：万元）行政事业性收费12.5"
)


@pytest.mark.parametrize(
    ("docs", "expected", "status"),
    [
        # "100" into three cells: only 1|0|0 (no leading zeros).
        pytest.param("100", (1, 0, 0), "pass", id="glued table 2 rows with one split each"),
        # "2015": 2|0|15 and 20|1|5 both fit; table 2 has no sums to choose.
        pytest.param("2015", None, "not_assessable", id="glued table 2 row with two splits"),
    ],
)
def test_glued_table2_rows(docs: str, expected: tuple[int, int, int] | None, status: str) -> None:
    values, rules, checks = _t2(
        HEAD.replace("\n", "") + GLUED_T2.format(docs=docs) + "三、收到和处理政府信息公开申请情况"
    )
    assert (values["t2.regulations.made"], values["t2.regulations.in_force"]) == (0, 0)
    assert values["t2.licensing.decisions"] == 161
    assert values["t2.coercion.decisions"] == 3
    assert values["t2.admin_fees.amount_wan_yuan"] == 12.5  # the fraction ends the run
    assert rules["t2.licensing.decisions"] == "table.t2.split"
    docs_values = tuple(values.get(f"t2.normative_docs.{c}") for c in ("made", "repealed", "in_force"))
    assert docs_values == (expected or (None, None, None))
    assert checks["T2_layout_decided"] == status


def test_prose_figures_after_a_row_name_are_not_a_glued_row() -> None:
    text = _t2_report([*T2_HEAD_2021, "规章 | 0 | 0 | 3", "行政规范性文件 | 2 | 0 | 15", *T2_REST_2021])
    text = text.replace("本年度工作稳步推进。", "本年度办理行政许可12项，行政处罚3件。")
    values, _rules, _checks = _t2(text)
    assert values["t2.licensing.decisions"] == 161
    assert values["t2.punishment.decisions"] == 12


def test_one_line_report_yields_tables_3_and_4_and_their_headline_totals() -> None:
    # The whole page on one line (a scrape that lost every line break), table cells glued.
    t3 = "".join(_glued(label, values) for label, values in T3_2021)
    t4 = "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉210030001100000"
    text = (
        HEAD.replace("\n", "")
        + GLUED_T2.format(docs="100")
        + "三、收到和处理政府信息公开申请情况"
        + "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"
        + t3
        + "四、政府信息公开行政复议、行政诉讼情况"
        + t4
        + "五、存在的主要问题及改进情况无。"
    )
    report = extract_report(text)
    values = {k: m.value for k, m in report.metrics.items()}
    assert values["t3.new_received.total"] == 6
    assert values["t3.denied.third_party_rights.commercial_enterprise"] == 1
    assert values["t3.carried_forward.total"] == 1
    assert values["t4.reconsideration.total"] == 3
    assert (values["applications.received"], values["reconsideration.total"], values["litigation.total"]) == (6, 3, 1)
    assert {c.rule: c.status for c in report.checks}["T2_layout_decided"] == "pass"


# --- table 4: a stray number after a headed block ------------------------------------------------


@pytest.mark.parametrize(
    ("last_block", "expected", "status"),
    [
        # 0 0 0 1 1 then the page number 12: R4 holds on the first five (0+0+0+1 = 1), not on the last.
        pytest.param(["0", "0", "0", "1", "1", "12"], (0, 1, 1), None, id="page number after the last block"),
        # 1 0 0 0 1 1: R4 holds on 1,0,0,0,1 and on 0,0,0,1,1 — the stray could lead or trail.
        pytest.param(["1", "0", "0", "0", "1", "1"], None, "not_assessable", id="six cells R4 fits both ways"),
    ],
)
def test_table4_headed_block_with_a_stray_number(
    last_block: list[str], expected: tuple[int, int, int] | None, status: str | None
) -> None:
    header = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    lines = [
        "行政复议",
        *header,
        "2",
        "1",
        "0",
        "0",
        "3",
        "行政诉讼（未经复议直接起诉）",
        *header,
        "1",
        "0",
        "0",
        "0",
        "1",
    ]
    lines += ["复议后起诉", *header, *last_block]
    report = extract_report(_t4(lines))
    values = {k: m.value for k, m in report.metrics.items()}
    after = "t4.litigation_after_reconsideration"
    if expected is None:
        assert not any(k.startswith(after) for k in values)
    else:
        assert (values[f"{after}.maintained"], values[f"{after}.pending"], values[f"{after}.total"]) == expected
        assert values["litigation.total"] == 2
    assert values.get("t4.reconsideration.total") == (3 if expected else None)
    assert {c.rule: c.status for c in report.checks}.get("T2_layout_decided") == status


# --- tables flattened onto one line with space-separated cells (web pages without line breaks) ----

ONE_LINE_HEAD = "XX县教育局2022年政府信息公开工作年度报告 一、总体情况 本年度工作稳步推进。"
ONE_LINE_T2 = (
    "二、主动公开政府信息情况 第二十条第(一)项 信息内容 本年制发件数 本年废止件数 现行有效件数"
    " 规章 0 0 0 行政规范性文件 2 0 15"
    " 第二十条第(五)项 信息内容 本年处理决定数量 行政许可 161"
    " 第二十条第(六)项 信息内容 本年处理决定数量 行政处罚 12 行政强制 0"
    " 第二十条第(八)项 信息内容 本年收费金额（单位：万元） 行政事业性收费 3.5"
)
ONE_LINE_T3_HEAD = (
    "三、收到和处理政府信息公开申请情况 （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    " 申请人情况 自然人 法人或其他组织 总计 商业企业 科研机构 社会公益组织 法律服务机构 其他"
)
# Table 3 of T3_2021 as one line: "三、本年度办理结果" heads （一）, the group labels （三）不予公开 … precede
# their first item, so several labels stand between two rows' numbers.
ONE_LINE_T3_ROWS = [
    "一、本年新收政府信息公开申请数量 5 1 0 0 0 0 6",
    "二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1",
    "三、本年度办理结果 （一）予以公开 2 0 0 0 0 0 2",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形） 1 0 0 0 0 0 1",
    "（三）不予公开 1.属于国家秘密 0 0 0 0 0 0 0",
    "2.其他法律行政法规禁止公开 0 0 0 0 0 0 0",
    "3.危及“三安全一稳定” 0 0 0 0 0 0 0",
    "4.保护第三方合法权益 0 1 0 0 0 0 1",
    "5.属于三类内部事务信息 0 0 0 0 0 0 0",
    "6.属于四类过程性信息 0 0 0 0 0 0 0",
    "7.属于行政执法案卷 0 0 0 0 0 0 0",
    "8.属于行政查询事项 0 0 0 0 0 0 0",
    "（四）无法提供 1.本机关不掌握相关政府信息 1 0 0 0 0 0 1",
    "2.没有现成信息需要另行制作 0 0 0 0 0 0 0",
    "3.补正后申请内容仍不明确 0 0 0 0 0 0 0",
    "（五）不予处理 1.信访举报投诉类申请 0 0 0 0 0 0 0",
    "2.重复申请 1 0 0 0 0 0 1",
    "3.要求提供公开出版物 0 0 0 0 0 0 0",
    "4.无正当理由大量反复申请 0 0 0 0 0 0 0",
    "5.要求行政机关确认或重新出具已获取信息 0 0 0 0 0 0 0",
    "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0",
    "3.其他 0 0 0 0 0 0 0",
    "（七）总计 5 1 0 0 0 0 6",
    "四、结转下年度继续办理 1 0 0 0 0 0 1",
]
ONE_LINE_T4 = (
    "四、政府信息公开行政复议、行政诉讼情况 行政复议 行政诉讼 结果维持 结果纠正 其他结果 尚未审结 总计"
    " 未经复议直接起诉 复议后起诉 结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计"
    " 2 1 0 0 3 1 0 0 0 1 0 0 0 1 1"
)
ONE_LINE_T4_PIECES = (
    "四、政府信息公开行政复议、行政诉讼情况 行政复议 结果维持 结果纠正 其他结果 尚未审结 总计 2 1 0 0 3"
    " 行政诉讼（未经复议直接起诉） 结果维持 结果纠正 其他结果 尚未审结 总计 1 0 0 0 1"
    " 复议后起诉 结果维持 结果纠正 其他结果 尚未审结 总计 0 0 0 1 1"
)
ONE_LINE_TAIL = "五、存在的主要问题及改进情况 无。 六、其他需要报告的事项 无。"
ONE_LINE_SEPARATORS = [pytest.param(" ", id="space"), pytest.param("\u3000\u3000", id="ideographic spaces")]


def _one_line(sep: str, t2: str = ONE_LINE_T2, t3: list[str] | None = None, t4: str = ONE_LINE_T4) -> str:
    parts = [ONE_LINE_HEAD, t2, ONE_LINE_T3_HEAD, *(ONE_LINE_T3_ROWS if t3 is None else t3), t4, ONE_LINE_TAIL]
    return " ".join(parts).replace(" ", sep)


def _replaced(rows: list[str], old: str, new: str) -> list[str]:
    assert sum(row == old for row in rows) == 1
    return [new if row == old else row for row in rows]


@pytest.mark.parametrize("sep", ONE_LINE_SEPARATORS)
def test_one_line_tables_are_cut_into_their_rows(sep: str) -> None:
    text = _one_line(sep)
    assert "\n" not in text
    report = extract_report(text)
    values = {k: m.value for k, m in report.metrics.items()}
    checks = {c.rule: c.status for c in report.checks}
    assert report.template == "standard_2021"
    # Table 2: 规章 0 0 0 · 行政规范性文件 2 0 15 · 行政许可 161 · 行政处罚 12 · 行政强制 0 · 行政事业性收费 3.5.
    assert [values[f"t2.normative_docs.{c}"] for c in ("made", "repealed", "in_force")] == [2, 0, 15]
    assert values["t2.regulations.in_force"] == 0
    assert (values["t2.licensing.decisions"], values["t2.punishment.decisions"]) == (161, 12)
    assert (values["t2.coercion.decisions"], values["t2.admin_fees.amount_wan_yuan"]) == (0, 3.5)
    # Table 3: every row as printed, the numbering 一、/（七）/1. part of the label, never a cell.
    assert [values[f"t3.new_received.{c}"] for c in ("natural_person", "commercial_enterprise", "total")] == [5, 1, 6]
    assert values["t3.carried_over.natural_person"] == 1
    assert values["t3.granted.total"] == 2
    assert values["t3.partially_granted.total"] == 1
    assert values["t3.denied.state_secret.total"] == 0
    assert values["t3.denied.third_party_rights.commercial_enterprise"] == 1
    assert values["t3.unable.not_held.total"] == 1
    assert values["t3.not_processed.petition_complaint.total"] == 0
    assert values["t3.not_processed.duplicate.natural_person"] == 1
    assert values["t3.other.overdue_correction.total"] == 0
    assert values["t3.other.other.total"] == 0
    assert values["t3.total_processed.total"] == 6
    assert values["t3.carried_forward.total"] == 1
    assert sum(key.startswith("t3.") for key in values) == 25 * 7
    assert report.metrics["t3.granted.total"].rule == "table.t3.one_line"
    # Table 4: the header, then 2 1 0 0 3 | 1 0 0 0 1 | 0 0 0 1 1.
    assert (values["t4.reconsideration.maintained"], values["t4.reconsideration.total"]) == (2, 3)
    assert (values["t4.litigation_direct.total"], values["t4.litigation_after_reconsideration.pending"]) == (1, 1)
    assert (values["applications.received"], values["reconsideration.total"], values["litigation.total"]) == (6, 3, 2)
    assert all(text[m.start : m.end] == m.evidence for m in report.metrics.values() if m.rule != "table.derived_total")
    assert (checks["R1"], checks["R2"], checks["R3"], checks["T2_layout_decided"]) == ("pass",) * 4


def test_one_line_table4_in_headed_blocks() -> None:
    values = {k: m.value for k, m in extract_report(_one_line(" ", t4=ONE_LINE_T4_PIECES)).metrics.items()}
    # 行政复议 … 2 1 0 0 3 · 行政诉讼（未经复议直接起诉） … 1 0 0 0 1 · 复议后起诉 … 0 0 0 1 1
    assert (values["t4.reconsideration.maintained"], values["t4.reconsideration.corrected"]) == (2, 1)
    assert values["t4.reconsideration.total"] == 3
    assert values["t4.litigation_direct.maintained"] == 1
    assert values["t4.litigation_after_reconsideration.pending"] == 1
    assert values["litigation.total"] == 2


@pytest.mark.parametrize(
    ("t2", "t3", "t4", "null", "kept", "status"),
    [
        pytest.param(
            ONE_LINE_T2.replace("规章 0 0 0", "规章 0 0"),
            None,
            ONE_LINE_T4,
            ["t2.regulations."],
            {"t2.normative_docs.in_force": 15, "t3.new_received.total": 6},
            "not_assessable",
            id="table 2 row whose blank cell left no trace",
        ),
        pytest.param(
            ONE_LINE_T2.replace("规章 0 0 0 行政规范性文件 2 0 15", "规章 行政规范性文件 0 0 0 2 0 15"),
            None,
            ONE_LINE_T4,
            ["t2.regulations.", "t2.normative_docs."],
            {"t2.licensing.decisions": 161},
            "not_assessable",
            id="table 2 labels before all their cells",
        ),
        pytest.param(
            ONE_LINE_T2,
            _replaced(ONE_LINE_T3_ROWS, "2.重复申请 1 0 0 0 0 0 1", "2.重复申请 1 0 0 0 0 1"),
            ONE_LINE_T4,
            ["t3.not_processed.duplicate."],
            {"t3.not_processed.publication.total": 0, "t3.total_processed.total": 6},
            "not_assessable",
            id="table 3 row with six cells",
        ),
        pytest.param(
            ONE_LINE_T2,
            _replaced(
                ONE_LINE_T3_ROWS, "二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1", "1 0 0 0 0 0 1"
            ),  # the label of 二 lost: its numbers run on after 一's
            ONE_LINE_T4,
            ["t3.new_received.", "t3.carried_over."],
            {"t3.granted.total": 2, "t3.carried_forward.total": 1},
            "not_assessable",
            id="table 3 row label lost",
        ),
        pytest.param(
            ONE_LINE_T2,
            _replaced(ONE_LINE_T3_ROWS, "3.要求提供公开出版物 0 0 0 0 0 0 0", "3.要求提供公开出版物 0 0 0 0 0 0 1"),
            ONE_LINE_T4,
            ["t3.not_processed.publication."],
            {"t3.not_processed.duplicate.total": 1},
            "fail",
            id="table 3 row breaking R3",
        ),
        pytest.param(
            ONE_LINE_T2,
            # R3 holds in every row, but 一 + 二 (6 + 1) ≠ (七) + 四 (6 + 2): which row is off is unknown.
            _replaced(ONE_LINE_T3_ROWS, "四、结转下年度继续办理 1 0 0 0 0 0 1", "四、结转下年度继续办理 2 0 0 0 0 0 2"),
            ONE_LINE_T4,
            ["t3.new_received.", "t3.carried_over.", "t3.total_processed.", "t3.carried_forward."],
            {"t3.granted.total": 2, "t3.unable.not_held.total": 1},
            "fail",
            id="table 3 rows breaking R1",
        ),
        pytest.param(
            ONE_LINE_T2,
            None,
            ONE_LINE_T4_PIECES.replace("2 1 0 0 3", "2 1 3"),
            ["t4."],
            {"t3.new_received.total": 6},
            "not_assessable",
            id="table 4 block with three cells",
        ),
    ],
)
def test_one_line_rows_the_print_does_not_confirm_stay_null(
    t2: str, t3: list[str] | None, t4: str, null: list[str], kept: dict[str, float], status: str
) -> None:
    report = extract_report(_one_line(" ", t2, t3, t4))
    values = {k: m.value for k, m in report.metrics.items()}
    assert not [key for key in values if key.startswith(tuple(null))]
    assert {key: values.get(key) for key in kept} == kept
    assert {c.rule: c.status for c in report.checks}["T2_layout_decided"] == status


@pytest.mark.parametrize(
    ("docs", "brk", "expected"),
    [
        # Blocks follow each other without blank lines; 行政规范性文件 2, 0 and an empty cell, then the
        # footer line (blank once the view drops it): the one blank line is the empty cell.
        pytest.param(
            ["2", "0", "", "第 2 页"], [], (2, 0, None), id="footer right after a row ending in an empty cell"
        ),
        # Blocks end in one blank line; a footer set off by blank lines is a block of its own: the
        # blank lines are breaks, so the row printed two cells of three.
        pytest.param(["2", "0", "", "- 2 -", ""], [""], None, id="footer between blank lines after a short row"),
    ],
)
def test_page_footer_among_cells_one_per_line(
    docs: list[str], brk: list[str], expected: tuple[int, int, None] | None
) -> None:
    rest = ["第二十条第（五）项", "信息内容", "本年处理决定数量", "行政许可", "161", *brk, "第二十条第（六）项"]
    rest += ["信息内容", "本年处理决定数量", "行政处罚", "12", "行政强制", "0", *brk]
    t2 = [*T2_HEAD_2021, "规章", "0", "0", "3", "行政规范性文件", *docs, *rest]
    values, _rules, checks = _t2(_t2_report(t2))
    assert (values["t2.regulations.in_force"], values["t2.licensing.decisions"]) == (3, 161)
    got = tuple(values.get(f"t2.normative_docs.{c}") for c in ("made", "repealed", "in_force"))
    assert got == (expected or (None, None, None))
    assert checks.get("T2_layout_decided") == (None if expected else "not_assessable")


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        # As the PDF reader gives a short row its renderer padded with an empty cell (rows ending in
        # content, so the last "|" closes an empty cell): -5 lands in 上一年项目数量, a count, so it
        # is not a value; 本年增/减 may fall.
        pytest.param("其他对外管理服务事项 | -5 | 0 | ", {"change": 0.0}, id="negative count left null"),
        pytest.param(
            "其他对外管理服务事项 | 7 | -5 | 3",
            {"prev_items": 7.0, "change": -5.0, "decisions": 3.0},
            id="negative change kept",
        ),
    ],
)
def test_a_negative_count_is_not_taken(row: str, expected: dict[str, float]) -> None:
    text = (
        "XX县民政局2019年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第(五)项\n"
        "信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量\n行政许可 | 1 | -3 | 71\n"
        f"{row}\n三、收到和处理政府信息公开申请情况\n"
    )
    report = extract_report(text)
    values = {k.rsplit(".", 1)[1]: m.value for k, m in report.metrics.items() if k.startswith("t2.other_services.")}
    assert values == expected
    cells = {c.column_key: c.raw_text for c in report.table_cells if c.row_key == "other_services"}
    assert cells["prev_items"] in ("-5", "7")  # the printed text is kept either way
    checks = {c.rule: c.status for c in report.checks}
    assert checks.get("T2_layout_decided") == ("fail" if "prev_items" not in expected else None)

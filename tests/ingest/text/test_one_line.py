"""Reports stored as one single line (web pages without line breaks, e.g. wild/w0096).

Each fixture is a list of paragraphs: joined by line breaks it is the report as printed, joined by
spaces it is the same report as a one-line page stores it. Sections and headline figures must not
depend on the line breaks. Expected values are read off the fixture text by hand.
"""

from __future__ import annotations

import pytest

from ingest.extract.report import extract_report
from ingest.records import Report
from ingest.text.normalize import line_view
from ingest.text.sections import split_sections

# A narrative report (2008-2018 style) with the traps of running text: a table of contents that
# lists the section titles with numerals, 一是/二是 enumerations, "一、二级" inside a sentence,
# (一)/(二) sub-items that are not sections.
NARRATIVE = [
    "大河县民政局2017年政府信息公开工作年度报告",
    "本报告根据《中华人民共和国政府信息公开条例》编制，全文包括：一、概述；二、主动公开政府信息情况；三、依申请公开政府信息情况；"
    "四、收费及减免情况；五、因政府信息公开申请行政复议、提起行政诉讼的情况；六、存在的主要问题及改进措施。"
    "本报告所列数据的统计期限自2017年1月1日起至2017年12月31日止。",
    "一、概述",
    "2017年，我局高度重视政府信息公开工作，一是健全工作机制，二是规范公开流程，三是加强公示栏建设。一、二级公示栏全年更新36次。",
    "二、主动公开政府信息情况",
    "(一)公开的主要内容",
    "2017年，我局共主动公开政府信息156条，其中机构职能信息12条，业务工作信息98条，其他信息46条。",
    "(二)公开形式",
    "主要通过县政府门户网站、政务公开栏等渠道公开。",
    "三、依申请公开政府信息情况",
    "2017年，我局共收到政府信息公开申请3件，均已按期答复。",
    "四、收费及减免情况",
    "2017年，我局未收取任何政府信息公开费用。",
    "五、因政府信息公开申请行政复议、提起行政诉讼的情况",
    "2017年，我局未发生因政府信息公开申请行政复议、提起行政诉讼的情况。",
    "六、存在的主要问题及改进措施",
    "主要问题：一是公开内容不够全面；二是更新不够及时。下一步，我局将加强业务培训。",
]
NARRATIVE_SECTIONS = [
    ("preamble", ""),
    ("overview", "概述"),
    ("proactive", "主动公开政府信息情况"),
    ("applications", "依申请公开政府信息情况"),
    ("fees", "收费及减免情况"),
    ("review_litigation", "因政府信息公开申请行政复议、提起行政诉讼的情况"),
    ("problems", "存在的主要问题及改进措施"),
]
NARRATIVE_HEADLINE = {
    "proactive.items_new": 156,  # 共主动公开政府信息156条
    "applications.received": 3,  # 共收到政府信息公开申请3件
    "fees.collected_yuan": 0,  # 未收取任何政府信息公开费用
    "reconsideration.total": 0,  # 未发生…行政复议、提起行政诉讼
    "litigation.total": 0,
}

# A 2021-template report: six fixed headings, (一)…(五) sub-heads in 总体情况, tables flattened to
# space-separated rows whose row labels (一、本年新收…, 四、结转下年度…) reuse the heading numerals.
STANDARD_2021 = [
    "南江市北湖区财政局2022年政府信息公开工作年度报告",
    "本报告依据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》要求编制。"
    "本报告中所列数据统计期限自2022年1月1日起至2022年12月31日止。",
    "一、总体情况",
    "2022年，区财政局坚持以公开为常态、不公开为例外，推进财政信息公开。",
    "(一)主动公开",
    "全年通过区政府门户网站主动公开政府信息215条，其中预决算信息64条。",
    "(二)依申请公开",
    "全年共收到政府信息公开申请7件，均在法定期限内答复。",
    "(三)政府信息管理",
    "一是加强公开前保密审查；二是及时清理规范性文件。",
    "二、主动公开政府信息情况",
    "第二十条第(一)项",
    "信息内容 本年制发件数 本年废止件数 现行有效件数",
    "规章 0 0 0",
    "行政规范性文件 2 0 15",
    "三、收到和处理政府信息公开申请情况",
    "一、本年新收政府信息公开申请数量 5 2 0 0 0 0 7",
    "二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0",
    "四、结转下年度继续办理 0 0 0 0 0 0 0",
    "四、政府信息公开行政复议、行政诉讼情况",
    "行政复议 结果维持 结果纠正 其他结果 尚未审结 总计 0 0 0 0 0",
    "五、存在的主要问题及改进情况",
    "一是公开内容的深度还不够；二是解读形式比较单一。下一步，我局将丰富解读形式。",
    "六、其他需要报告的事项",
    "本机关依申请提供政府信息未收取任何费用。",
]
STANDARD_SECTIONS = [
    ("preamble", ""),
    ("overview", "总体情况"),
    ("proactive", "主动公开政府信息情况"),
    ("applications", "收到和处理政府信息公开申请情况"),
    ("review_litigation", "政府信息公开行政复议、行政诉讼情况"),
    ("problems", "存在的主要问题及改进情况"),
    ("other", "其他需要报告的事项"),
]

# Separators a one-line page leaves where the line breaks were.
ONE_LINE_SEPARATORS = [
    pytest.param(" ", id="space"),
    pytest.param("\u3000\u3000", id="ideographic spaces"),
]


def _sections(text: str) -> list[tuple[str, str]]:
    return [(s.kind, s.heading) for s in split_sections(line_view(text))]


def _headline(report: Report, keys: list[str]) -> dict[str, float | None]:
    return {key: (report.metrics[key].value if key in report.metrics else None) for key in keys}


@pytest.mark.parametrize("sep", [pytest.param("\n", id="with line breaks"), *ONE_LINE_SEPARATORS])
@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(NARRATIVE, NARRATIVE_SECTIONS, id="narrative"),
        pytest.param(STANDARD_2021, STANDARD_SECTIONS, id="standard 2021"),
    ],
)
def test_sections_do_not_depend_on_line_breaks(
    paragraphs: list[str], expected: list[tuple[str, str]], sep: str
) -> None:
    assert _sections(sep.join(paragraphs)) == expected


@pytest.mark.parametrize("sep", ONE_LINE_SEPARATORS)
def test_narrative_headline_figures_on_one_line(sep: str) -> None:
    keys = list(NARRATIVE_HEADLINE)
    printed = extract_report("\n".join(NARRATIVE))
    one_line = extract_report(sep.join(NARRATIVE))
    assert _headline(printed, keys) == NARRATIVE_HEADLINE
    assert _headline(one_line, keys) == NARRATIVE_HEADLINE
    # Each figure is read from the same sentence, in the same section.
    for key in keys:
        assert one_line.metrics[key].evidence == printed.metrics[key].evidence
        assert one_line.metrics[key].section == printed.metrics[key].section


@pytest.mark.parametrize("sep", ONE_LINE_SEPARATORS)
def test_standard_2021_prose_figures_on_one_line(sep: str) -> None:
    printed = extract_report("\n".join(STANDARD_2021))
    one_line = extract_report(sep.join(STANDARD_2021))
    # 主动公开政府信息215条 (总体情况 prose); 未收取任何费用 (section 六).
    expected = {"proactive.items_new": 215, "fees.collected_yuan": 0}
    assert _headline(printed, list(expected)) == expected
    assert _headline(one_line, list(expected)) == expected


@pytest.mark.parametrize("sep", ONE_LINE_SEPARATORS)
def test_standard_2021_table_figures_on_one_line(sep: str) -> None:
    # Table 3, row 一、本年新收政府信息公开申请数量, column 总计: 7.
    assert extract_report(sep.join(STANDARD_2021)).metrics["applications.received"].value == 7
    assert extract_report("\n".join(STANDARD_2021)).metrics["applications.received"].value == 7


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # w0096's shape: headings after "。 " and the section body after a space.
        pytest.param(
            "大英县民政局2017年政府信息公开工作年度报告。 一、概述 2017年我局开展了以下工作。"
            " 二、主动公开政府信息情况 (一)公开内容",
            [("preamble", ""), ("overview", "概述"), ("proactive", "主动公开政府信息情况")],
            id="headings after sentence end and space",
        ),
        pytest.param(
            "现将2020年政府信息公开工作报告如下: 一、概述2020年我乡坚持公开为常态。"
            "二、主动公开政府信息情况2020年共公开260条。",
            [("preamble", ""), ("overview", "概述"), ("proactive", "主动公开政府信息情况")],
            id="heading after colon, title glued to the body",
        ),
        pytest.param(
            "我局工作取得成效。一是主动公开政府信息情况良好，二是依申请公开情况正常。",
            [("preamble", "")],
            id="一是/二是 enumeration is not a heading",
        ),
        pytest.param(
            "我局工作取得成效。 一、二级公示栏情况良好，三级公示栏正在建设。",
            [("preamble", "")],
            id="一、二级 is not a heading",
        ),
        pytest.param(
            "全文包括: 一、概述; 二、主动公开政府信息情况; 三、依申请公开政府信息情况。本报告所列数据截至年底。",
            [("preamble", "")],
            id="table of contents listing the titles is not a heading",
        ),
        pytest.param(
            "工作概况如下。 (一)主动公开 全年公开信息10条。 (二)公开的主要内容 包括机构信息。",
            [("preamble", "")],
            id="(一) sub-items without a section title are not headings",
        ),
        pytest.param(
            "报告如下。 3.依申请公开情况 全年收到申请2件。",
            [("preamble", ""), ("applications", "依申请公开情况")],
            id="arabic-numbered section title mid-line",
        ),
    ],
)
def test_mid_line_headings(text: str, expected: list[tuple[str, str]]) -> None:
    assert _sections(text) == expected

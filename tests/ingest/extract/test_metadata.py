"""Report year and agency name on real corpus reports, one case per distractor kind.

Expected values were read off the source texts (see each case's comment), not copied from output.
"""

from __future__ import annotations

import pytest

from ingest.extract.agency.names import agency_from_contact, agency_from_sentences
from ingest.extract.contacts import extract_contact
from ingest.extract.report import extract_report
from ingest.text.normalize import flat_view
from tests.conftest import corpus_case


@pytest.mark.parametrize(
    ("folder", "case_id", "agency_name"),
    [
        # title line: 遂宁市安居区教育局2018年政府信息公开工作年度报告
        pytest.param("seeds", "000_fcbd5fe76b18fee4", "遂宁市安居区教育局", id="title"),
        # 索引号 | 公开方式 | 发布机构 | header row, the name in the row below
        pytest.param("real", "026", "凉州区张义镇人民政府", id="chrome-publisher-column"),
        # title says only 林业局; the 发布机构 cell is spam (BET3365…林业服务中心) and must not win
        pytest.param("real", "031", "林业局", id="spam-chrome-title-wins"),
        # no title; 请与池州市公安局办公室联系 → the body, not its office
        pytest.param("real", "043", "池州市公安局", id="contact-office-stripped"),
        # 本报告由南平市人民政府信息公开工作领导小组办公室…编制 (the contact line says 南平市政府…)
        pytest.param("real", "011", "南平市人民政府", id="compiler-office-stripped"),
        # 直接与丽水市人民政府办公室政府信息公开中心联系
        pytest.param("real", "085", "丽水市人民政府", id="contact-nested-office"),
        # only in its own rules 《铜仁市教育局网上信息公开审查制度》; cited 《省政务公开领导小组办公室关于…》 ignored
        pytest.param("real", "003", "铜仁市教育局", id="own-document-titles"),
        # title 区教育和体育局; body 现将2016年安州区教育和体育局政府信息公开年度报告向社会公布
        pytest.param("real", "055", "安州区教育和体育局", id="generic-title-completed-from-body"),
        # title 县教育和科学技术局; body 编制大竹县教科局2019年度政府信息公开工作年度报告
        pytest.param("real", "061", "大竹县教科局", id="generic-title-body-abbreviation"),
        # 县教育体育局 only; the one county named is 元谋县 (《元谋县人民政府办公室关于…》)
        pytest.param("real", "084", "元谋县教育体育局", id="generic-title-composed-with-county"),
        # title 惠安县东岭镇2010年…; signature line 东岭镇人民政府 + date under it
        pytest.param("real", "025", "东岭镇人民政府", id="signature-under-title"),
        # title 西长安街街道2015年…; 请与西长安街街道办事处联系
        pytest.param("real", "016", "西长安街街道办事处", id="title-expanded-by-contact"),
        # no title: 2025年中仓街道积极推动… (中仓街道办事处 appears only inside an object phrase)
        pytest.param("real", "019", "中仓街道", id="sentence-subject"),
        # 2025年度,建章路街道全面… and 2025年度,建章路街道办事处未接收到… → the fuller form
        pytest.param("real", "014", "建章路街道办事处", id="sentence-subject-fuller-form"),
        # line start: 绍兴市卫生健康委是主管全市医疗卫生健康事业的市政府职能部门 (also 市卫生健康委)
        pytest.param("real", "089", "绍兴市卫生健康委", id="subject-at-line-start"),
        # traditional characters: 2022年,撫遠市自然資源局不斷… — kept as printed
        pytest.param("real", "083", "撫遠市自然資源局", id="traditional-as-printed"),
        # 杭锦后旗教育局编制了本报告
        pytest.param("real", "096", "杭锦后旗教育局", id="compiled-this-report"),
        # 七里乡政府规范性文件 (no title; the township names itself only in passing)
        pytest.param("real", "050", "七里乡", id="township-mention"),
        # traditional fragment of the ministry's report: 2016年,教育部沒有因信息公開收取…
        pytest.param("real", "052", "教育部", id="national-ministry"),
        # 我局 only, 在县委、县政府的领导下 → no name invented
        pytest.param("real", "057", None, id="never-named"),
        # 我局 + 縣政府《關于做好2021年…》 + 縣財政局 → bare level words are not a name
        pytest.param("real", "080", None, id="never-named-bare-level-words"),
    ],
)
def test_agency_name(folder: str, case_id: str, agency_name: str | None) -> None:
    text, _ = corpus_case(folder, case_id)
    assert extract_report(text).agency_name == agency_name


@pytest.mark.parametrize(
    ("case_id", "year"),
    [
        # stale site header 2019年12月3日星期二 above the 2023 title
        pytest.param("110", 2023, id="stale-page-header-date"),
        # published 2018 (URL) but the title says 城厢区教育局2008年度…
        pytest.param("029", 2008, id="old-report-published-later"),
        # 2019 policy document title cited; the report covers 2020 (统计期限…2020年)
        pytest.param("084", 2020, id="cited-document-year"),
        # 縣政府《關于做好2021年政府信息公開工作年度報告…》 then 現將我局2021年…
        pytest.param("080", 2021, id="traditional-notice-title"),
        # garbled period 20201月1日 / 202012月31日, title 团结乡2020年…
        pytest.param("045", 2020, id="garbled-dates"),
        # no year anywhere in the excerpt
        pytest.param("096", None, id="year-not-stated"),
    ],
)
def test_report_year(case_id: str, year: int | None) -> None:
    text, gold = corpus_case("real", case_id)
    assert gold["report_year"] == year
    assert extract_report(text).report_year == year


def test_contact_office_is_not_the_body() -> None:
    flat = flat_view("如对本报告有疑问，请与大竹县教科局办公室联系，联系电话：0818-6221343。").text
    assert agency_from_contact(flat) == "大竹县教科局"


def test_cited_national_law_is_not_a_subject() -> None:
    flat = flat_view("2008年5月1日，《中华人民共和国政府信息公开条例》正式实施。2019年，我局将继续…").text
    assert agency_from_sentences(flat, flat) == []


@pytest.mark.parametrize(
    "case_id",
    [
        # （地址：遂宁市安居区安居大道中段282号，邮编：629000，电话：8663213，电子邮箱：ajjyj@126.com）
        pytest.param("000_fcbd5fe76b18fee4", id="full-contact-line"),
        # （地址：淄博市张店区政务中心；邮编：255000；电话：0533-2869953）; site www.zhangdian.gov.cn
        pytest.param("001_fc3ba926d9542043", id="semicolons-bare-www"),
        # （联系电话：0712-2327166） only
        pytest.param("002_c4c302884bd04f07", id="phone-only"),
    ],
)
def test_contact_matches_seed_gold(case_id: str) -> None:
    text, gold = corpus_case("seeds", case_id)
    contact = extract_contact(flat_view(text))
    got = {k: v for k, v in vars(contact).items() if v is not None}
    assert got == gold["contact"]


@pytest.mark.parametrize(
    "case_id",
    [
        # mentions 举报电话 / 监督电话 with no number: not a phone
        pytest.param("003_7d896b86eb139f0b", id="phone-word-without-number"),
        # no contact line at all
        pytest.param("004_41da7047456a66e7", id="no-contact"),
    ],
)
def test_contact_absent_is_null(case_id: str) -> None:
    text, gold = corpus_case("seeds", case_id)
    assert gold.get("contact") is None
    report = extract_report(text)
    contact = (report.contact_address, report.contact_postcode, report.contact_phone, report.contact_email)
    assert contact == (None, None, None, None)
    assert report.contact_website is None


def test_year_named_after_a_closed_citation() -> None:
    # no title line; 《…条例》 is closed before 现公布三里屯街道2012年政府信息公开工作年度报告, and the
    # closing plans sentence starts with the next year (2013年，我街道将…)
    text = (
        "根据《中华人民共和国政府信息公开条例》要求，现公布三里屯街道2012年政府信息公开工作年度报告。"
        "\n一、工作开展情况\n本街道建立信息公开工作台账。\n2013年，我街道将健全考核监督机制。\n"
    )
    report = extract_report(text)
    assert report.report_year == 2012
    assert report.agency_name == "三里屯街道"


# Page-chrome shapes from web pages (fixtures written in the shape the wild corpus shows; expected values
# read off each fixture's text).
_BODY = "根据《中华人民共和国政府信息公开条例》要求，现公布本年度报告。\n一、概述\n我局认真贯彻落实《条例》。\n"


@pytest.mark.parametrize(
    ("text", "year", "agency"),
    [
        pytest.param(
            "首页 > 政府信息公开 > 泾县人民政府(办公室) > 政府信息公开年报\n2011年政府信息公开工作年度报告\n" + _BODY,
            2011,
            "泾县人民政府",
            id="breadcrumb-step-names-body",
        ),
        pytest.param(
            "所在位置: 首页 > 各乡镇信息公开 > 对坊乡 > 年度报告 > 信息公开年度报告\n"
            "2016年政府信息公开工作年度报告\n" + _BODY,
            2016,
            "对坊乡",
            id="breadcrumb-township",
        ),
        pytest.param(
            "2019年度政府信息公开工作年度报告\n来源：山东省科学技术厅 发布时间：2020-01-20 浏览次数：12\n" + _BODY,
            2019,
            "山东省科学技术厅",
            id="source-line",
        ),
        pytest.param(
            "索引号: | 113308247743941119/2024-122331 | 公开方式: | 主动公开 |\n"
            "发布单位: | 中村乡 | 有效性: |\n"
            "根据《条例》规定，开化县中村乡人民政府编制本报告。2023年，我乡高度重视信息公开工作。\n",
            2023,
            "开化县中村乡人民政府",
            id="publisher-cell-short-name-fuller-in-text",
        ),
        pytest.param(
            "名称 宿迁市应急管理局2020年政府信息公开工作年度报告\n" + _BODY,
            2020,
            "宿迁市应急管理局",
            id="name-box-label",
        ),
        pytest.param(
            "标 题 | 西藏自治区国有资产监督管理委员会2025年政府信息公开工作年度报告\n" + _BODY,
            2025,
            "西藏自治区国有资产监督管理委员会",
            id="spaced-title-box-label",
        ),
        pytest.param(
            "当前位置:首页 > 政府信息公开 > 政府信息公开年报 > 江西省\n江西省2019年政府信息公开工作年度报告\n" + _BODY,
            2019,
            "江西省",
            id="title-names-a-place",
        ),
        pytest.param(
            "政府信息公开\n贵阳市2020年政府信息公开工作年度报告\n贵阳市人民政府\n"
            "来源: 市政府办公厅 发布时间: 2021-03-05\n" + _BODY,
            2020,
            "贵阳市人民政府",
            id="title-place-government-in-page-head",
        ),
        pytest.param(
            "首页/ 政府信息公开 / 政府信息公开年报 / 正文\n公安局2019年政府信息公开年度工作报告\n"
            "一、总体情况\n2019年白水县公安局在县委、县政府的领导下，认真贯彻落实《条例》。\n",
            2019,
            "白水县公安局",
            id="title-without-place-placed-in-body",
        ),
        pytest.param(
            "工作年度报告 大英县民政局2017年政府信息公开工作年度报告(以下简称年报)是根据《中华人民共和国政府"
            "信息公开条例》规定进行编制。本报告所列数据的统计期限自2017年1月1日起至2017年12月31日止。 一、概述 "
            "2017年我单位政府信息公开主要开展了以下工作。",
            2017,
            "大英县民政局",
            id="whole-page-on-one-line",
        ),
        pytest.param(
            "首頁 > 政府信息公開 > 年報\n2008年度與兒街鎮人民政府信息公開年度報告\n根據《條例》，現將報告公布如下。\n",
            2008,
            "與兒街鎮人民政府",
            id="traditional-street-town",
        ),
        pytest.param(
            "標(biāo) 題 | 西藏自治區(qū)民委2023年政府信息公開(kāi)工作年度報(bào)告 | ||\n"
            "索引號(hào) | 000014349/2024-00459 | 文 號(hào) | |\n根據(jù)《條例》,現(xiàn)將報告公布如下。\n",
            2023,
            "西藏自治區民委",
            id="pinyin-glosses-dropped",
        ),
        pytest.param(
            "本报告根据《条例》要求,由北京市大兴区北京市大兴区发展和改革委员会编制的2013年度政府信息公开年度报告。\n",
            2013,
            "北京市大兴区发展和改革委员会",
            id="doubled-region-prefix",
        ),
        pytest.param(
            "五龙洞镇人民政府西甲直播:2016年度政府信息公开工作年度报告的函\n县信息办:\n"
            "2016年,我镇继续优化镇政府信息公开门户网站。\n",
            2016,
            "五龙洞镇人民政府",
            id="title-body-name-before-injected-words",
        ),
        pytest.param(
            "根据《条例》要求,特向社会公布2019年度莆田市公安局城厢分局政府信息公开工作年度报告。"
            "如对本报告有疑问,请与城厢公安分局政府信息公开办公室联系。\n",
            2019,
            "莆田市公安局城厢分局",
            id="year-first-named-report-over-contact",
        ),
        pytest.param(
            "依据《条例》和2011年度湖南省参事室信息公开工作情况编制,现将2011年度信息公开工作情况报告如下。\n",
            2011,
            "湖南省参事室",
            id="year-first-work-situation",
        ),
        pytest.param(
            "退役軍人事務局信息公開工作年度報告\n2021年,完成梅河口市退役軍人事務局信息公開工作。\n",
            2021,
            "梅河口市退役軍人事務局",
            id="verb-before-placed-name",
        ),
        pytest.param(
            "乌拉特中旗巴音乌兰苏木2021年政府信息公开工作年度报告\n一、总体情况\n2021年，我苏木认真落实《条例》。\n",
            2021,
            "乌拉特中旗巴音乌兰苏木",
            id="sumu-township",
        ),
    ],
)
def test_agency_from_page_chrome(text: str, year: int, agency: str) -> None:
    report = extract_report(text)
    assert (report.report_year, report.agency_name) == (year, agency)


@pytest.mark.parametrize(
    "text",
    [
        # 年我局 / 公开我局: a clause ending in 我局 points back at an unnamed body
        pytest.param(
            "根据《条例》要求，公开我局2020年度政府信息公开工作年度报告。\n一、总体情况\n", id="self-reference"
        ),
        # （一）鎮: a numbered heading is not a name
        pytest.param("一、概述\n(一)鎮政府信息公開工作開展情況\n", id="numbered-heading"),
        # 在国务院… / 按照市政府…: a preposition or verb and no place after it is a phrase, not a name
        pytest.param("2012年,在国务院全面加强透明政府建设的形势下,本市推进公开。\n", id="preposition-phrase"),
        pytest.param("按照市政府要求,编制本报告。\n", id="verb-bare-government"),
        # 海南省各级政府重视…: governments at every level are not one body
        pytest.param("一、概述\n海南省各级政府重视政府信息公开工作。\n", id="every-level-governments"),
        # 《四川省政府信息公开规定》: a cited provincial rule, not the body's own
        pytest.param("根据《四川省政府信息公开规定》的要求，结合我局实际编制本报告。\n", id="cited-provincial-rules"),
    ],
)
def test_no_name_from_pointers_or_citations(text: str) -> None:
    assert extract_report(text).agency_name is None


@pytest.mark.parametrize(
    ("text", "template"),
    [
        # a 2012 report whose headings resemble the template's: no template before the 2019 report year
        pytest.param(
            "某县2012年政府信息公开工作年度报告\n一、概述\n二、收到和处理政府信息公开申请情况\n",
            "narrative",
            id="pre-2019-lookalike-headings",
        ),
        # written to the format notice (国办公开办函〔2019〕60号), no table columns seen yet
        pytest.param(
            "根据《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》"
            "(国办公开办函〔2019〕60号)要求编制本报告。统计期限自2020年1月1日至2020年12月31日。\n一、概述\n",
            "standard",
            id="format-notice-cited",
        ),
        # 2019年 … 新修订的《中华人民共和国政府信息公开条例》: the revised Regulations' era
        pytest.param(
            "2019年,杭州市公安局全面贯彻落实新修订的《中华人民共和国政府信息公开条例》。\n",
            "standard",
            id="revised-regulations",
        ),
    ],
)
def test_template_era_from_citations(text: str, template: str) -> None:
    assert extract_report(text).template == template

"""Region resolution, agency type and admin level: corpus reports and each ambiguity kind.

Expected places were read off the source texts (names, telephone codes, credit codes) and checked
against GB/T 2260 codes in seeds/regions.csv; they are not copied from the resolver's output.
"""

from __future__ import annotations

import csv

import pytest

from ingest.extract.agency.regions import REGIONS_CSV, gazetteer, resolve_region
from ingest.extract.agency.types import AGENCY_TYPES_CSV, agency_type, agency_type_patterns, classify_agency, identify
from ingest.extract.report import extract_report
from ingest.text.normalize import flat_view
from tests.conftest import corpus_case

Place = tuple[str | None, str | None, str | None, str | None, str | None]  # province, city, county, code, level


@pytest.mark.parametrize(
    ("folder", "case_id", "expected"),
    [
        # 遂宁市安居区教育局: city + county in the name
        pytest.param(
            "seeds", "000_fcbd5fe76b18fee4", ("四川省", "遂宁市", "安居区", "510904", "county"), id="city-and-county"
        ),
        # 张店区教育局: county alone, unique name
        pytest.param(
            "seeds", "001_fc3ba926d9542043", ("山东省", "淄博市", "张店区", "370303", "county"), id="county-alone"
        ),
        # 孝感市教育局: prefecture-level city, county null
        pytest.param("seeds", "002_c4c302884bd04f07", ("湖北省", "孝感市", None, "420900", "city"), id="city-level"),
        # 南安市教育局: a county-level city inside 泉州市
        pytest.param(
            "seeds", "004_41da7047456a66e7", ("福建省", "泉州市", "南安市", "350583", "county"), id="county-level-city"
        ),
        # 天津市南开区教育局: municipality district, city null
        pytest.param("real", "110", ("天津市", None, "南开区", "120104", "county"), id="municipality-district"),
        # 上海市财政局: a municipality's bureau is provincial
        pytest.param("real", "099", ("上海市", None, None, "310000", "province"), id="municipality-bureau"),
        # 温泉县教育局: county of an autonomous prefecture (自治州, not a 市)
        pytest.param(
            "real",
            "059",
            ("新疆维吾尔自治区", "博尔塔拉蒙古自治州", "温泉县", "652723", "county"),
            id="autonomous-prefecture",
        ),
        # 沙县教育局 (2018): 沙县 became 沙县区 in 2021; the former name maps to its successor's code
        pytest.param("real", "060", ("福建省", "三明市", "沙县", "350427", "county"), id="former-name"),
        # 柳州市柳江區教育局: traditional characters
        pytest.param(
            "real", "074", ("广西壮族自治区", "柳州市", "柳江区", "450206", "county"), id="traditional-characters"
        ),
        # 吉林市财政局: the city 吉林市, not the province 吉林省
        pytest.param("real", "101", ("吉林省", "吉林市", None, "220200", "city"), id="city-named-like-province"),
        # 朝阳市自然资源局: Liaoning's 朝阳市, not a 朝阳区
        pytest.param("real", "081", ("辽宁省", "朝阳市", None, "211300", "city"), id="city-named-like-district"),
        # 永嘉县枫林镇: township → its county
        pytest.param("real", "023", ("浙江省", "温州市", "永嘉县", "330324", "township"), id="township-in-name"),
        # 东岭镇人民政府, title 惠安县东岭镇…: the county from the text
        pytest.param("real", "025", ("福建省", "泉州市", "惠安县", "350521", "township"), id="township-county-in-text"),
        # 团结乡: the text never names its county (many 团结乡 exist) → no place
        pytest.param("real", "045", (None, None, None, None, "township"), id="township-place-unstated"),
        # 林业局 + 索引号 12370305MB2887776R (credit code: 370305 = 临淄区)
        pytest.param("real", "031", ("山东省", "淄博市", "临淄区", "370305", "county"), id="credit-code"),
        # body never named (我局); the text names 略陽縣人民政府網站 and 縣政府
        pytest.param(
            "real", "080", ("陕西省", "汉中市", "略阳县", "610727", "county"), id="unnamed-body-county-in-text"
        ),
        # 苏银产业园管理委员会 under 银川市: development zone, no admin level
        pytest.param("real", "120", ("宁夏回族自治区", "银川市", None, "640100", None), id="development-zone"),
        # 教育部: national body, no region even though the text mentions places
        pytest.param("real", "052", (None, None, None, None, "national"), id="national"),
    ],
)
def test_report_place(folder: str, case_id: str, expected: Place) -> None:
    text, _ = corpus_case(folder, case_id)
    report = extract_report(text)
    got = (report.province, report.city, report.county, report.region_code, report.admin_level)
    assert got == expected
    if report.region_code is not None:
        assert report.region_code in gazetteer().by_code


@pytest.mark.parametrize(
    ("name", "text", "code"),
    [
        # a parent name in the text
        pytest.param("鼓楼区教育局", "在南京市教育局的指导下，鼓楼区教育局…", "320106", id="parent-city-named"),
        # the parent in the name itself
        pytest.param("长春市朝阳区教育局", "", "220104", id="parent-in-name"),
        # the province named
        pytest.param("鼓楼区教育局", "按照河南省政府信息公开工作要求…", "410204", id="province-named"),
        # telephone area code 0591 = 福州
        pytest.param("鼓楼区教育局", "请与鼓楼区教育局办公室联系（电话：0591-87654321）。", "350102", id="area-code"),
        # postcode 475000 = 开封
        pytest.param("鼓楼区教育局", "地址：鼓楼区中山路，邮编：475000。", "410204", id="postcode"),
        # 海南州 is 海南藏族自治州 in Qinghai, not Hainan province
        pytest.param("海南州教育局", "", "632500", id="hainan-prefecture-alias"),
        # 博州 = 博尔塔拉蒙古自治州 (unique first-character alias)
        pytest.param("博州温泉县教育局", "", "652723", id="prefecture-short-alias"),
    ],
)
def test_same_name_resolved_from_context(name: str, text: str, code: str) -> None:
    assert resolve_region(name, flat_view(text).text).code == code


@pytest.mark.parametrize(
    ("name", "text", "codes"),
    [
        pytest.param(
            "鼓楼区教育局", "我局高度重视政府信息公开工作。", {"320106", "320302", "350102", "410204"}, id="gulou"
        ),
        pytest.param("朝阳区教育委员会", "", {"110105", "220104"}, id="chaoyang"),
        # two provinces named, each holding one candidate: still ambiguous
        pytest.param(
            "城中区人民政府", "学习广西壮族自治区和青海省的经验。", {"450202", "630103"}, id="conflicting-context"
        ),
    ],
)
def test_ambiguous_is_recorded_not_guessed(name: str, text: str, codes: set[str]) -> None:
    resolution = resolve_region(name, flat_view(text).text)
    assert resolution.code is None and resolution.province is None
    assert resolution.ambiguous
    assert {r.code for r in resolution.candidates} == codes


def test_ambiguous_report_gets_check_row() -> None:
    text = "鼓楼区教育局2020年政府信息公开工作年度报告\n一、总体情况\n2020年，我局认真贯彻落实《条例》。\n"
    report = extract_report(text)
    assert report.agency_name == "鼓楼区教育局"
    assert report.region_code is None
    assert report.admin_level == "county"  # where is unclear, the level is not
    checks = [c for c in report.checks if c.rule == "G1_region_ambiguous"]
    assert len(checks) == 1
    assert checks[0].status == "not_assessable"
    for code in ("320106", "320302", "350102", "410204"):
        assert code in checks[0].detail


def test_resolved_report_has_no_ambiguity_check() -> None:
    text, _ = corpus_case("seeds", "000_fcbd5fe76b18fee4")
    assert not [c for c in extract_report(text).checks if c.rule == "G1_region_ambiguous"]


def test_ocr_slip_canonical_name() -> None:
    # 沐阳 for 沭阳 (domain.md): the printed name is kept, the canonical one resolves
    flat = flat_view("沐阳县教育局2019年政府信息公开工作年度报告。在沭阳县人民政府的领导下…").text
    identity = identify("沐阳县教育局", flat)
    assert identity.canonical_name == "沭阳县教育局"
    assert (identity.province, identity.city, identity.county, identity.region_code) == (
        "江苏省",
        "宿迁市",
        "沭阳县",
        "321322",
    )


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("沐阳县教育局认真贯彻落实《条例》。", id="no-context"),
        # 宿迁市 holds both 沭阳县 and 泗阳县, each one character from 沐阳县: not guessed
        pytest.param("在宿迁市教育局指导下，沐阳县教育局…", id="two-candidates-under-named-city"),
    ],
)
def test_ocr_slip_not_corrected_without_evidence(text: str) -> None:
    identity = identify("沐阳县教育局", text)
    assert identity.canonical_name == "沐阳县教育局"
    assert identity.region_code is None


@pytest.mark.parametrize(
    ("name", "kind", "level"),
    [
        pytest.param("遂宁市安居区教育局", "education", "county", id="education-county"),
        pytest.param("大竹县教科局", "education", "county", id="education-abbreviation"),
        pytest.param("池州市公安局", "public_security", "city", id="public-security-city"),
        pytest.param("城口县卫生健康委员会", "health", "county", id="health"),
        pytest.param("朝阳市自然资源局", "natural_resources", "city", id="natural-resources"),
        pytest.param("上海市财政局", "finance", "province", id="finance-municipality"),
        pytest.param("思明区嘉莲街道办事处", "street_office", "township", id="street-office"),
        pytest.param("东岭镇人民政府", "township", "township", id="township"),
        pytest.param("淮安市洪泽区人民政府", "government", "county", id="government"),
        pytest.param("山西省人民政府外事办公室", "other", "province", id="office-under-government"),
        pytest.param("苏银产业园管理委员会", "development_zone", None, id="development-zone"),
        pytest.param("人力资源和社会保障部", "human_resources", "national", id="national-ministry"),
        pytest.param("国家卫生健康委", "health", "national", id="national-commission"),
        pytest.param("区教育和体育局", "education", "county", id="generic-district-bureau"),
    ],
)
def test_classify(name: str, kind: str, level: str | None) -> None:
    result = classify_agency(name)
    assert (result.agency_type, result.admin_level) == (kind, level)


def test_agency_types_come_from_the_seed() -> None:
    with AGENCY_TYPES_CSV.open(encoding="utf-8") as handle:
        seeded = [row["agency_type"] for row in sorted(csv.DictReader(handle), key=lambda r: int(r["priority"]))]
    assert [kind for kind, _ in agency_type_patterns()] == seeded
    assert seeded[-1] == "other"
    assert agency_type("某某市档案馆") == "other"


def test_gazetteer_seed_is_consistent() -> None:
    gaz = gazetteer()
    with REGIONS_CSV.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    current = [r for r in rows if not r["valid_to"]]
    assert len(current) == len(gaz.by_code) > 3000
    for row in rows:
        if row["parent_code"]:
            assert row["parent_code"] in gaz.by_code, row
        assert row["code"] in gaz.by_code, row  # former names point at a current unit


# Development and pilot zones named after the unit that holds them; places reporting under their own
# name; township offices from page chrome. Codes checked against seeds/regions.csv (GB/T 2260).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 西宁 is the short name of 西宁市 (630100), which the text also names
        pytest.param(
            "西宁经济技术开发区2019年政府信息公开工作年度报告\n在西宁市委、市政府的领导下，我区认真贯彻《条例》。\n",
            ("青海省", "西宁市", None, "630100", None),
            id="zone-short-city-name",
        ),
        # 广东从化: province short name + 从化 (从化区, 440117, under 广州市, which the text names)
        pytest.param(
            "广东从化经济开发区管理委员会2020年政府信息公开工作年度报告\n来源：广州市人民政府 发布时间：2021-01-20\n"
            "一、总体情况\n",
            ("广东省", "广州市", "从化区", "440117", None),
            id="zone-province-and-county-short-names",
        ),
        # 中国(河北)自由贸易试验区…: the province in brackets (130000)
        pytest.param(
            "中国(河北)自由贸易试验区雄安片区管理委员会2023年政府信息公开工作年度报告\n一、总体情况\n",
            ("河北省", None, None, "130000", None),
            id="zone-province-in-brackets",
        ),
        # 天津市西青区 (120111): a municipality district reporting under its name; city null
        pytest.param(
            "天津市西青区2014年政府信息公开工作年度报告\n一、概述\n",
            ("天津市", None, "西青区", "120111", "county"),
            id="place-as-agency-municipality-district",
        ),
        # 发布单位 | 中村乡, and 开化县中村乡人民政府 in the text: township, county 开化县 (330824)
        pytest.param(
            "发布单位: | 中村乡 | 有效性: |\n"
            "根据《条例》规定，开化县中村乡人民政府编制本报告。2023年，我乡认真落实。\n",
            ("浙江省", "衢州市", "开化县", "330824", "township"),
            id="township-from-publisher-cell",
        ),
    ],
)
def test_place_from_page_chrome(text: str, expected: Place) -> None:
    report = extract_report(text)
    got = (report.province, report.city, report.county, report.region_code, report.admin_level)
    assert got == expected


def test_zone_short_name_needs_the_text_to_agree() -> None:
    # 桃园 is the short name of Taiwan's 桃园市 too: without the text pointing at it, no place
    assert resolve_region("桃园开发区管委会", flat_view("我区认真贯彻落实《条例》。").text).code is None


@pytest.mark.parametrize(
    ("name", "kind", "level"),
    [
        pytest.param("江西省", "government", "province", id="province-as-agency"),
        pytest.param("重庆市奉节县", "government", "county", id="county-as-agency"),
        pytest.param("乌拉特中旗巴音乌兰苏木", "township", "township", id="sumu"),
        pytest.param("西宁经济技术开发区", "development_zone", None, id="development-zone-no-level"),
    ],
)
def test_classify_places_and_zones(name: str, kind: str, level: str | None) -> None:
    result = classify_agency(name)
    assert (result.agency_type, result.admin_level) == (kind, level)


def test_bare_autonomous_region_takes_the_one_province_named() -> None:
    # 自治区人民政府办公厅 with 新疆维吾尔自治区 the only province-level unit the text names
    text = "根据《条例》,新疆维吾尔自治区形成了年度报告。本报告由自治区人民政府办公厅汇总14个地州市的情况。"
    place = identify("自治区人民政府办公厅", flat_view(text).text)
    assert (place.province, place.admin_level) == ("新疆维吾尔自治区", "province")

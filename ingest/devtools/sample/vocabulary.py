"""Fixed word lists the synthetic reports are built from: places, bodies, labels and prose fragments.

Places are real (province, city, county) triples so that the truth's region fields can be checked
against a gazetteer; townships and street offices are real ones inside those counties. Prose
fragments are written for this generator (no report text is copied) and carry no digits, so the
only numbers in a synthetic report are the ones the generator puts there on purpose.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "ACTIONS",
    "APPLICATION_OUTCOMES",
    "BODY_KINDS",
    "CATEGORY_SETS",
    "CITY_ALIASES",
    "COUNTIES",
    "EXTRA_CITIES",
    "FOCUS",
    "IMPROVEMENTS",
    "MUNICIPALITIES",
    "OPENERS",
    "PROBLEMS",
    "RESULTS",
    "SLOGANS",
    "STANDARD_OVERVIEW_TOPICS",
    "SUBHEADINGS",
    "TOWNS",
    "BodyKind",
]

MUNICIPALITIES: frozenset[str] = frozenset({"北京市", "天津市", "上海市", "重庆市"})

# (province, city, county). City is None for districts of the four municipalities (corpus README).
# Names are chosen to be stable over 2008-2025 so a body is named the same in every report year;
# same-name traps are kept on purpose (朝阳区 ×2 vs 朝阳市, 鼓楼区 ×2, 海南藏族自治州 in Qinghai).
COUNTIES: tuple[tuple[str, str | None, str], ...] = (
    ("四川省", "遂宁市", "安居区"),
    ("四川省", "遂宁市", "船山区"),
    ("四川省", "成都市", "武侯区"),
    ("四川省", "绵阳市", "涪城区"),
    ("四川省", "眉山市", "洪雅县"),
    ("山东省", "淄博市", "张店区"),
    ("山东省", "淄博市", "临淄区"),
    ("山东省", "青岛市", "市南区"),
    ("山东省", "威海市", "荣成市"),
    ("山东省", "济南市", "历下区"),
    ("湖北省", "孝感市", "孝南区"),
    ("湖北省", "黄石市", "大冶市"),
    ("湖北省", "武汉市", "江岸区"),
    ("湖北省", "宜昌市", "夷陵区"),
    ("福建省", "泉州市", "南安市"),
    ("福建省", "泉州市", "惠安县"),
    ("福建省", "泉州市", "泉港区"),
    ("福建省", "厦门市", "思明区"),
    ("福建省", "福州市", "永泰县"),
    ("福建省", "福州市", "鼓楼区"),
    ("福建省", "南平市", "延平区"),
    ("福建省", "莆田市", "城厢区"),
    ("浙江省", "温州市", "永嘉县"),
    ("浙江省", "舟山市", "定海区"),
    ("浙江省", "绍兴市", "越城区"),
    ("浙江省", "杭州市", "西湖区"),
    ("浙江省", "丽水市", "莲都区"),
    ("江苏省", "宿迁市", "沭阳县"),
    ("江苏省", "连云港市", "连云区"),
    ("江苏省", "南京市", "鼓楼区"),
    ("江苏省", "苏州市", "昆山市"),
    ("广东省", "广州市", "天河区"),
    ("广东省", "清远市", "佛冈县"),
    ("广东省", "潮州市", "湘桥区"),
    ("广东省", "深圳市", "南山区"),
    ("河南省", "南阳市", "卧龙区"),
    ("河南省", "郑州市", "金水区"),
    ("河南省", "洛阳市", "西工区"),
    ("河北省", "邢台市", "临西县"),
    ("河北省", "石家庄市", "长安区"),
    ("陕西省", "榆林市", "府谷县"),
    ("陕西省", "汉中市", "略阳县"),
    ("陕西省", "西安市", "雁塔区"),
    ("甘肃省", "天水市", "麦积区"),
    ("甘肃省", "天水市", "清水县"),
    ("甘肃省", "武威市", "凉州区"),
    ("云南省", "楚雄彝族自治州", "元谋县"),
    ("云南省", "昆明市", "西山区"),
    ("辽宁省", "朝阳市", "建平县"),
    ("辽宁省", "沈阳市", "和平区"),
    ("吉林省", "长春市", "朝阳区"),
    ("黑龙江省", "哈尔滨市", "南岗区"),
    ("广西壮族自治区", "柳州市", "城中区"),
    ("广西壮族自治区", "南宁市", "青秀区"),
    ("湖南省", "长沙市", "岳麓区"),
    ("湖南省", "株洲市", "醴陵市"),
    ("江西省", "赣州市", "章贡区"),
    ("江西省", "九江市", "修水县"),
    ("安徽省", "合肥市", "蜀山区"),
    ("安徽省", "芜湖市", "镜湖区"),
    ("贵州省", "遵义市", "汇川区"),
    ("山西省", "太原市", "小店区"),
    ("内蒙古自治区", "巴彦淖尔市", "杭锦后旗"),
    ("新疆维吾尔自治区", "博尔塔拉蒙古自治州", "温泉县"),
    ("青海省", "海南藏族自治州", "共和县"),
    ("宁夏回族自治区", "银川市", "兴庆区"),
    ("北京市", None, "朝阳区"),
    ("北京市", None, "通州区"),
    ("北京市", None, "西城区"),
    ("天津市", None, "南开区"),
    ("上海市", None, "浦东新区"),
    ("上海市", None, "徐汇区"),
    ("重庆市", None, "城口县"),
    ("重庆市", None, "渝中区"),
)

# Prefecture-level cities that only appear as city-level bodies (no county of theirs is listed).
EXTRA_CITIES: tuple[tuple[str, str], ...] = (("海南省", "三亚市"),)

# Short forms of autonomous prefectures as they appear inside body names (海南州 is in Qinghai).
CITY_ALIASES: dict[str, str] = {
    "海南藏族自治州": "海南州",
    "楚雄彝族自治州": "楚雄州",
    "博尔塔拉蒙古自治州": "博州",
}

# (province, city, county, township or street office) — real units inside the listed counties.
TOWNS: tuple[tuple[str, str | None, str, str], ...] = (
    ("浙江省", "温州市", "永嘉县", "枫林镇"),
    ("浙江省", "温州市", "永嘉县", "岩头镇"),
    ("福建省", "泉州市", "惠安县", "东岭镇"),
    ("福建省", "泉州市", "南安市", "水头镇"),
    ("福建省", "泉州市", "南安市", "官桥镇"),
    ("福建省", "厦门市", "思明区", "嘉莲街道"),
    ("福建省", "厦门市", "思明区", "鹭江街道"),
    ("甘肃省", "武威市", "凉州区", "张义镇"),
    ("北京市", None, "通州区", "中仓街道"),
    ("北京市", None, "通州区", "于家务回族乡"),
    ("北京市", None, "西城区", "西长安街街道"),
    ("北京市", None, "朝阳区", "三里屯街道"),
    ("江苏省", "苏州市", "昆山市", "周庄镇"),
    ("江苏省", "苏州市", "昆山市", "千灯镇"),
    ("江苏省", "南京市", "鼓楼区", "湖南路街道"),
    ("浙江省", "杭州市", "西湖区", "北山街道"),
    ("广东省", "广州市", "天河区", "石牌街道"),
    ("广东省", "深圳市", "南山区", "蛇口街道"),
    ("上海市", None, "浦东新区", "陆家嘴街道"),
    ("上海市", None, "浦东新区", "张江镇"),
    ("重庆市", None, "渝中区", "解放碑街道"),
    ("湖南省", "长沙市", "岳麓区", "橘子洲街道"),
    ("河南省", "郑州市", "金水区", "经八路街道"),
)


@dataclass(frozen=True, slots=True)
class BodyKind:
    """A kind of government department, with its name at each level and the years it existed."""

    agency_type: str
    local: str  # county- or city-level name, e.g. 教育局
    provincial: str | None  # provincial department, e.g. 教育厅 (None: the local name is used)
    national: str | None  # ministry or national bureau
    first_year: int = 2008
    last_year: int = 2025
    municipal: str | None = None  # name used by the four municipalities and their districts
    weight: int = 1  # relative frequency among the kinds alive in a year


# Department names follow the 2013 and 2018 reorganisations, so a 2010 report names a 卫生局 and
# a 2022 one a 卫生健康委员会; the truth agency_type is the same for both.
BODY_KINDS: tuple[BodyKind, ...] = (
    # Education bureaus are over-represented, as in the project's real corpus.
    BodyKind("education", "教育局", "教育厅", "教育部", municipal="教育委员会", weight=4),
    BodyKind("education", "教育和体育局", None, None, first_year=2012),
    BodyKind("education", "教育体育局", None, None, first_year=2012),
    BodyKind("public_security", "公安局", "公安厅", "公安部"),
    BodyKind("finance", "财政局", "财政厅", "财政部"),
    BodyKind("human_resources", "人力资源和社会保障局", "人力资源和社会保障厅", "人力资源和社会保障部"),
    BodyKind("natural_resources", "国土资源局", "国土资源厅", "国土资源部", last_year=2018),
    BodyKind("natural_resources", "自然资源局", "自然资源厅", "自然资源部", first_year=2019),
    BodyKind("health", "卫生局", "卫生厅", "卫生部", last_year=2012),
    BodyKind(
        "health",
        "卫生和计划生育委员会",
        "卫生和计划生育委员会",
        "国家卫生和计划生育委员会",
        first_year=2013,
        last_year=2018,
    ),
    BodyKind("health", "卫生健康委员会", "卫生健康委员会", "国家卫生健康委员会", first_year=2019),
    BodyKind("health", "卫生健康局", None, None, first_year=2019),
    BodyKind(
        "market_regulation",
        "工商行政管理局",
        "工商行政管理局",
        "国家工商行政管理总局",
        last_year=2018,
    ),
    BodyKind(
        "market_regulation",
        "市场监督管理局",
        "市场监督管理局",
        "国家市场监督管理总局",
        first_year=2019,
    ),
    BodyKind("other", "民政局", "民政厅", "民政部"),
    BodyKind("other", "交通运输局", "交通运输厅", "交通运输部"),
    BodyKind("other", "住房和城乡建设局", "住房和城乡建设厅", "住房和城乡建设部"),
    BodyKind("other", "水利局", "水利厅", "水利部"),
    BodyKind("other", "林业局", "林业厅", None, last_year=2018),
    BodyKind("other", "环境保护局", "环境保护厅", "环境保护部", last_year=2018),
    BodyKind("other", "生态环境局", "生态环境厅", "生态环境部", first_year=2019),
    BodyKind("other", "统计局", "统计局", "国家统计局"),
    BodyKind("other", "司法局", "司法厅", "司法部"),
)

# Proactive-disclosure category label sets; one set is used per report so labels read coherently.
CATEGORY_SETS: tuple[tuple[str, ...], ...] = (
    ("概况信息", "计划总结信息", "规范性文件信息", "工作动态信息", "人事信息", "财政信息", "行政执法信息", "其他信息"),
    ("机构职能类", "政策法规类", "规划计划类", "业务工作类", "人事信息类", "财务信息类", "公告公示类", "其他类"),
    ("工作动态", "通知公告", "政策文件", "财政预决算", "人事任免", "招考录用", "重点领域信息", "其他"),
    ("机构概况", "法规文件", "发展规划", "统计数据", "应急管理", "行政执法", "民生事项"),
)

# Labels for the (non-headline) outcome breakdown of narrative applications.
APPLICATION_OUTCOMES: tuple[str, ...] = ("同意公开", "部分公开", "不予公开", "信息不存在", "告知另行申请")

# Focus areas per agency type: flavour for filler sentences.
FOCUS: dict[str, tuple[str, ...]] = {
    "education": ("招生入学", "学生资助", "教育收费", "校园安全", "教师招聘", "义务教育均衡发展"),
    "public_security": ("户籍办理", "出入境服务", "交通管理", "警务公开", "治安管理"),
    "finance": ("财政预决算", "政府债务", "惠民补贴资金", "政府采购", "专项资金管理"),
    "human_resources": ("就业创业", "社会保险", "人事考试", "劳动保障监察", "职称评审"),
    "natural_resources": ("国土空间规划", "土地征收", "矿业权出让", "不动产登记", "耕地保护"),
    "health": ("医疗服务", "疾病预防控制", "公共卫生", "医疗机构监管", "健康扶贫"),
    "market_regulation": ("食品安全", "企业登记", "价格监督", "特种设备安全", "消费维权"),
    "government": ("重大建设项目", "财政预决算", "社会救助", "征地拆迁", "公共资源配置", "乡村振兴"),
    "township": ("惠农补贴", "社会救助", "村务公开", "人居环境整治", "集体资产管理"),
    "street_office": ("社区服务", "社会救助", "民生实事", "基层治理", "养老服务"),
    "other": ("行政审批", "政策执行", "民生保障", "监管执法", "公共服务"),
}

OPENERS: tuple[str, ...] = (
    "{self}高度重视政府信息公开工作",
    "{self}把政务公开作为转变作风、提升效能的重要抓手",
    "{self}认真贯彻落实《条例》各项要求",
    "按照上级关于政务公开工作的统一部署，{self}扎实推进各项工作",
    "{self}坚持以公开为常态、不公开为例外",
    "在上级部门的指导下，{self}稳步推进政务公开",
    "{self}紧扣年度政务公开工作要点",
    "{self}将信息公开工作列入年度目标管理",
)

ACTIONS: tuple[str, ...] = (
    "调整充实了政务公开工作领导小组",
    "明确了分管领导和具体经办人员",
    "健全信息发布前的保密审查机制",
    "完善政府信息公开指南和目录",
    "规范依申请公开的受理、登记、答复流程",
    "强化政策解读和社会关切回应",
    "加强政务新媒体的日常管理",
    "推进重点领域信息公开",
    "落实信息公开考核评议制度",
    "定期开展网站栏目自查",
    "及时清理更新过期信息",
    "把信息公开纳入日常督查事项",
    "做好建议提案办理结果公开",
    "加强与上级部门的沟通衔接",
    "优化政务公开专栏的栏目设置",
    "建立信息公开工作台账",
)

RESULTS: tuple[str, ...] = (
    "公开质量稳步提升",
    "群众的知情权、参与权和监督权得到保障",
    "公开工作逐步走向规范化、制度化",
    "信息发布的时效性明显增强",
    "社会公众的满意度有所提高",
    "为各项业务工作顺利开展提供了支撑",
    "形成了分工明确、运转顺畅的工作格局",
)

SLOGANS: tuple[str, ...] = ("公开为常态、不公开为例外", "谁制作、谁公开", "依法、及时、准确、便民", "应公开尽公开")

PROBLEMS: tuple[str, ...] = (
    "公开内容的深度和广度还不够",
    "信息更新的及时性有待提高",
    "工作人员的业务水平参差不齐",
    "政策解读的形式比较单一",
    "主动回应社会关切的意识还需增强",
    "公开栏目的分类还不够科学",
    "基层单位对公开工作的重视程度不一",
    "信息公开与政务服务的融合还不够紧密",
)

IMPROVEMENTS: tuple[str, ...] = (
    "进一步加强业务培训",
    "拓宽信息公开渠道",
    "丰富政策解读形式",
    "完善信息发布审核流程",
    "加大重点领域信息公开力度",
    "健全考核监督机制",
    "提升公开栏目的规范化水平",
    "强化依申请公开办理的规范性",
)

SUBHEADINGS: tuple[str, ...] = (
    "加强领导，落实责任",
    "完善制度，规范管理",
    "突出重点，深化公开",
    "强化服务，提高质量",
    "拓宽渠道，方便查询",
    "加强监督，严格考核",
)

STANDARD_OVERVIEW_TOPICS: tuple[str, ...] = (
    "主动公开",
    "依申请公开",
    "政府信息管理",
    "平台建设",
    "监督保障",
)

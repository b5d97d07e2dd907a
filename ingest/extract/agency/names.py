"""The reporting body's name: where a report gives it and which candidate is the body.

A report names the body that wrote it in its title (遂宁市安居区教育局2018年政府信息公开工作年度报告), in the
page chrome (发布机构, 来源:, the breadcrumb), in sentences (本报告由…编制, 请与…联系, 2022年宜城市教育局全面…),
in the names of its own rules, or in a signature. :func:`choose_agency` reads these in that order and returns
the name in simplified characters (completed with its place where the report prints that elsewhere); the
name as printed is quoted back by :mod:`ingest.extract.metadata`.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cached_property, lru_cache

from ingest.extract.agency.regions import complete_name, parse_prefix, unique_unit_ending
from ingest.extract.agency.types import agency_type
from ingest.text.normalize import squeeze

__all__ = [
    "AGENCY_SUFFIXES",
    "REPORT_WORDS",
    "TITLE_END",
    "YEAR",
    "agency_from_body",
    "agency_from_breadcrumb",
    "agency_from_chrome",
    "agency_from_contact",
    "agency_from_documents",
    "agency_from_labels",
    "agency_from_sentences",
    "agency_from_signature",
    "agency_from_title",
    "agency_from_township_mention",
    "choose_agency",
]

AGENCY_SUFFIXES = (
    "管理委员会",
    "委员会",
    "办事处",
    "人民政府",
    "办公室",
    "参事室",
    "研究室",
    "管委会",
    "政府",
    "街道",
    "委",
    "局",
    "厅",
    "部",
    "署",
    "院",
    "乡",
    "镇",
    "中心",
    "苏木",
    "开发区",
    "高新区",
    "实验区",
    "试验区",
    "总队",
    "支队",
    "大队",
)
_SUFFIX_ALT = "|".join(AGENCY_SUFFIXES)
# How a report names itself (政府信息公开…年度报告, 2020年度): the title finder reads the same words.
REPORT_WORDS = r"(?:政府信息公开|政务公开|信息公开)"
TITLE_END = r"(?:年度报告|工作报告|年报|报告|落实情况)"
YEAR = r"(?P<year>(?:19|20)\d{2})\s*年度?"
# Leading verbs and labels that precede an agency name inside a title or sentence.
_LEAD_RE = re.compile(
    r".*(?:公布|制定了|制定|编制了|编制|印发|关于|根据|现将|标题|标\s*题|名\s*称|中文名|来源|首页|位置|正文|政府信息公开年报"
    r"|报告|年报)[:：|]?"
)
# Page chrome and numbering that can lead a candidate (（一）, 1.), and names that only point back at the
# reporting body (年我局, 公开我局): neither is a body's name.
_NUMBERING_RE = re.compile(r"^(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、])")
_SELF_REFERENCE_RE = re.compile(r"[我本该](?:局|委|厅|办|处|院|部|署|中心|乡|镇|街道|单位)$")
_AGENCY_RE = re.compile(rf"[\u4e00-\u9fff（）()]{{2,30}}?(?:{_SUFFIX_ALT})$")
_YEAR_RE = re.compile(YEAR)
_TITLE_LABEL_RE = re.compile(r"^.*?(?:标\s*题|名\s*称|中文名)[:：|\s]*")
_BEFORE_REPORT_WORDS_RE = re.compile(rf"(.*?){REPORT_WORDS}")
_NAMED_REPORT_RE = re.compile(rf"([\u4e00-\u9fff（）()]{{2,30}}?){YEAR}{REPORT_WORDS}[^。]{{0,12}}?{TITLE_END}")
# 由云南省人民防空办公室(以上简称省人防办)编制: a short-name note may stand between the body and 编制.
_COMPILED_BY_BODY_RE = re.compile(
    rf"由([\u4e00-\u9fff]{{2,20}}?(?:{_SUFFIX_ALT}))(?:[(（][^()（）]{{1,20}}[)）])?(?:[\u4e00-\u9fff]{{0,12}})编制"
)
_CHROME_LABEL_RE = re.compile(r"^.*发布机构\s*[:：]?")
_DATE_LINE_RE = re.compile(r"(?:19|20)\d{2}年\d{1,2}月\d{1,2}日")
_STEM_END_RE = re.compile(r"(?:人民政府|政府|办事处)$")
_SELF_TOWNSHIP_RE = re.compile(r"[我本][乡镇]")
_TOWNSHIP_GOVERNMENT_RE = re.compile(r"[乡镇]政府")
_TOWNSHIP_NAME_RE = re.compile(r"([\u4e00-\u9fff]{2}[乡镇])(?:人民)?政府")
_TOWNSHIP_RULES_RE = re.compile(r"《([\u4e00-\u9fff]{2}[乡镇])")
_INLINE_SPACE_RE = re.compile(r"[^\S\n]+")
# Prepositions and verbs that a sentence puts before a name (在国务院…, 完成梅河口市…, 按照市政府…); only
# words no township name starts with (对坊乡, 向阳镇 are names), since townships are not in the gazetteer.
_LEADING_WORDS_RE = re.compile(r"^(?:在|完成|继续|按照|根据|依据|优化|推进|加强|落实|深化|配合|会同|组织|指导|督促)+")
# 各级政府 (governments at every level), 依申请公开 (a procedure): words no body's name contains.
_NOT_IN_NAME_RE = re.compile(r"各级|依申请")
# 2019年度莆田市公安局城厢分局政府信息公开工作年度报告, 2011年度湖南省参事室信息公开工作情况: the year first.
_YEAR_FIRST_REPORT_RE = re.compile(
    rf"(?:公布|发布|编制|现将|和){YEAR}(?P<name>[\u4e00-\u9fff（）()]{{2,30}}?){REPORT_WORDS}"
    r"(?:工作)?(?:年度)?(?:报告|年报|情况)"
)


@lru_cache(maxsize=16384)  # the same candidates recur within a report and across reports
def _clean_agency(candidate: str) -> str | None:
    candidate = squeeze(candidate)
    if candidate.endswith("关于"):  # XX关于2020年度政府信息公开工作的年度报告
        candidate = candidate[:-2]
    candidate = _LEAD_RE.sub("", candidate)
    candidate = _NUMBERING_RE.sub("", candidate.strip("|:：•·-—_#* 　\t"))
    if _SELF_REFERENCE_RE.search(candidate):
        return None
    if candidate.count("(") + candidate.count("（") != candidate.count(")") + candidate.count("）"):
        return None  # a cut through a bracket (一)鎮: part of a heading, not a name
    if candidate.startswith(("我", "本")):  # 我县教育局 → 县教育局 (completed from the text later)
        candidate = candidate[1:]
    if _NOT_IN_NAME_RE.search(candidate):
        return None
    if _is_phrase(candidate):
        return None
    lead = _LEADING_WORDS_RE.match(candidate)
    if lead and not parse_prefix(candidate)[0]:
        candidate = candidate[lead.end() :]  # 完成梅河口市退役军人事务局: the verb before a placed name
    candidate = _undouble_prefix(candidate)
    if _AGENCY_RE.fullmatch(candidate) is None or candidate in ("政府", "人民政府", "本局", "我局"):
        return None
    return candidate


def _is_phrase(candidate: str) -> bool:
    """A verb or preposition leads and no place follows it (在国务院, 继续优化镇, 按照市政府)."""
    lead = _LEADING_WORDS_RE.match(candidate)
    if lead is None or parse_prefix(candidate)[0]:
        return False
    return not parse_prefix(candidate[lead.end() :])[0]


def _undouble_prefix(name: str) -> str:
    """北京市大兴区北京市大兴区发展和改革委员会 → 北京市大兴区发展和改革委员会 (the places printed twice)."""
    parts, _ = parse_prefix(name)
    names = [part for part, _ in parts]
    for size in range(len(names) // 2, 0, -1):
        if names[:size] == names[size : 2 * size]:
            return name[len("".join(names[:size])) :]
    return name


_STRONG_END_RE = re.compile(r"(?:人民政府|办事处|委员会|局|厅)")


def _leading_body(before: str) -> str | None:
    """五龙洞镇人民政府西甲直播: (关于 replaced by injected words): the body name that starts the title."""
    for match in reversed(list(_STRONG_END_RE.finditer(before))):
        if match.end() < len(before) and (agency := _clean_agency(before[: match.end()])):
            return agency
    return None


def agency_from_title(lines: list[str], title_index: int, title: str) -> str | None:
    """The agency as the title writes it: before the year, before 政府信息公开, or on the line above."""
    body = _TITLE_LABEL_RE.sub("", title)
    match = _YEAR_RE.search(body)
    if match:
        before = body[: match.start()]
        after = body[match.end() :]
        agency = _clean_agency(before)
        if agency:
            return agency
        place = _LEAD_RE.sub("", before).strip("|:：•·-—_#* ")
        if place and _is_place(place):  # the place's government reports under the place's name
            return place
        inner = _BEFORE_REPORT_WORDS_RE.match(after)
        if inner and (agency := _clean_agency(inner.group(1))):
            return agency
        # 2008年度與兒街鎮人民政府信息公開年度報告: the 政府 of 人民政府 was read as 政府信息公开's
        people = inner is not None and inner.group(1).endswith("人民") and after.startswith("政府", inner.end(1))
        if inner and people and (agency := _clean_agency(inner.group(1) + "政府")):
            return agency
    inner = _BEFORE_REPORT_WORDS_RE.match(body)
    if inner and (agency := _clean_agency(inner.group(1))):
        return agency
    if match and (agency := _leading_body(body[: match.start()])):
        return agency
    for back in range(title_index - 1, max(-1, title_index - 3), -1):
        previous = squeeze(lines[back])
        if previous and len(previous) <= 30 and (agency := _clean_agency(previous)):
            return agency
    return None


def agency_from_body(flat: str) -> str | None:
    """Fallbacks: a sentence naming the report (现公布XX2025年政府信息公开…报告), or the signature."""
    for match in _NAMED_REPORT_RE.finditer(flat[:1500]):
        if agency := _clean_agency(match.group(1)):
            return agency
    for match in _YEAR_FIRST_REPORT_RE.finditer(flat[:1500]):
        name = match["name"]  # the office's own report keeps the office (济南市人民政府办公室)
        if name.startswith(_NOT_A_BODY_START) or _BARE_GOVERNMENT_RE.fullmatch(name):
            continue
        if agency := _clean_agency(name):
            return agency
    compiler = _COMPILED_BY_BODY_RE.search(flat[:800])
    if compiler and (agency := _clean_agency(compiler.group(1))):
        return agency
    for match in _COMPILED_BY_RE.finditer(flat):
        if agency := _acceptable(match["name"]):
            return agency
    return None


def agency_from_signature(lines: list[str]) -> str | None:
    """The last lines of a report often sign it with the agency name."""
    for line in reversed(lines[-4:]):
        compact = squeeze(line)
        if compact and len(compact) <= 30 and (agency := _clean_agency(compact)):
            return agency
    return None


# A body followed by the internal office a contact line or compiler names instead of the body itself
# (a bureau's or ministry's 办公厅 is its general office; a government's 办公厅 is a body of its own).
_OFFICE_SPLIT_RE = re.compile(
    r"(?P<body>.+?(?:局|委员会|委|政府|办事处|乡|镇|厅|部|街道))"
    r"(?:办公室|(?<=[局部署])办公厅|党政(?:综合)?办(?:公室)?|综合办(?:公室)?)?"
    r"(?:(?:政府|政务)?(?:信息|政务)公开(?:工作)?(?:领导小组)?(?:办公室|受理中心|中心|办))?"
)
_SUBJECT_NEXT = (
    "政府信息公开|政务公开|信息公开|全面|积极|始终|认真|不断|未|没有|没|无|编制|制定|是|坚持|深入|严格|按照|围绕"
    "|高度|进一步|共|继续|切实|在|把|以|将|对|通过|依法|紧紧|主动|加强|着力|持续|扎实|立足|结合|根据|大力|注重|聚焦"
    "|收到|受理|及时|全年|累计|新增|重视|贯彻|落实|推进|做好|公开|共计"
)
_SUBJECT_RE = re.compile(
    rf"(?:^|[。；;!！?？]|(?:19|20)\d{{2}}年度?[,，、]?)(?P<name>[\u4e00-\u9fff（）()]{{2,30}}?)(?={_SUBJECT_NEXT})",
    re.MULTILINE,
)
_OWN_DOC_RE = re.compile(
    r"《(?P<name>[\u4e00-\u9fff]{2,20}?(?:局|委|委员会|政府|办事处|乡|镇|厅|街道))"
    r"[^》《]{0,30}?(?:制度|目录|指南|办法|机制|方案|规范|细则|规定)》"
)
_GENERIC_START = "区县市省旗州"
_COMPILED_BY_RE = re.compile(
    r"本(?:年度)?(?:报告|年报)由(?P<name>[\u4e00-\u9fff]{2,40}?)(?:根据|依据|按照|编制|汇总|负责)"
)
_CONTACT_RE = re.compile(r"(?:请与|请联系|直接与|可与|请向)(?P<name>[\u4e00-\u9fff（）()]{2,40}?)(?:联系|[,，(（:：])")
_COMPILER_SUBJECT_RE = re.compile(r"(?:^|[,，。])(?P<name>[\u4e00-\u9fff]{2,30}?)编制了?本(?:年度)?(?:报告|年报)")
_BARE_GOVERNMENT_RE = re.compile(r"[省市县区乡镇]?(?:委|政府|人民政府)")
_NOT_A_BODY_START = ("中华人民共和国", "国务院办公厅", "我", "本", "该", "各", "全")
# Every name _acceptable returns ends in an agency suffix, and ends where its candidate ends unless
# _clean_agency dropped a trailing 关于 or _strip_office an office ending in 办/中心/办公室.
_ACCEPTABLE_ENDINGS = (*AGENCY_SUFFIXES, "办", "关于")
_EXPANSIONS = ("办事处", "人民政府")
_HEAD_CHARS = 400  # the page head: title, the line under it, source / publisher chrome


def _strip_office(name: str) -> str:
    """池州市公安局办公室 → 池州市公安局; 丽水市人民政府办公室政府信息公开中心 → 丽水市人民政府."""
    match = _OFFICE_SPLIT_RE.fullmatch(name)
    return match["body"] if match else name


@lru_cache(maxsize=16384)  # the same candidates recur within a report and across reports
def _acceptable(name: str | None) -> str | None:
    """A candidate that names a body (not 我局, not a national law's issuer, not a bare 县政府)."""
    if not name:
        return None
    name = _strip_office(name)
    if name.startswith(_NOT_A_BODY_START) or _BARE_GOVERNMENT_RE.fullmatch(name):
        return None
    return _clean_agency(name)


def agency_from_chrome(lines: list[str]) -> str | None:
    """The 发布机构 field of web-page chrome (inline, or in the row under a pipe-table header)."""
    for index, line in enumerate(lines[:15]):
        if "发布机构" not in line:
            continue
        cells = [c.strip() for c in line.split("|")]
        position = next(i for i, c in enumerate(cells) if "发布机构" in c)
        inline = _CHROME_LABEL_RE.sub("", cells[position]).strip()
        candidates = [inline] if inline else []
        if not inline and position + 1 < len(cells) and cells[position + 1] and "：" not in cells[position + 1]:
            candidates.append(cells[position + 1])
        if index + 1 < len(lines):
            below = [c.strip() for c in lines[index + 1].split("|")]
            if position < len(below):
                candidates.append(below[position])
        for candidate in candidates:
            if agency := _acceptable(squeeze(candidate)):
                return agency
    return None


# 来源: / 信息来源： / 发布单位: | 市公安局 — the value runs to the next chrome label or the line end.
_SOURCE_LABEL_RE = re.compile(
    r"(?:信息来源|文章来源|来\s*源|发布单位|发文机关|发布部门)\s*[:：]\s*\|?\s*"
    r"(?P<value>[\u4e00-\u9fff（）()]{2,40}?)"
    r"(?=\s|$|\||网站|发布|时间|日期|作者|浏览|点击|访问|字号|【|\d)",
    re.MULTILINE,
)
# 首页 > 政府信息公开 > 泾县人民政府(办公室) > 政府信息公开年报 (also >>, /, », ›)
_BREADCRUMB_RE = re.compile(r"首页\s*(?:>>?|/|»|›|＞)(?P<trail>[^\n。]{2,160})")
_CRUMB_SPLIT_RE = re.compile(r"\s*(?:>>?|/|»|›|＞)\s*")
_TRAILING_OFFICE_RE = re.compile(r"[(（](?:办公室|办公厅|本级|机关)[)）]$")


def _chrome_value(value: str) -> str | None:
    """A body named in a chrome field, or a place standing for its government (河北省)."""
    value = _TRAILING_OFFICE_RE.sub("", squeeze(value))
    if not value or "公开" in value or "年报" in value or "报告" in value:
        return None
    return _acceptable(value) or (value if _is_place(value) else None)


def _is_place(name: str) -> bool:
    """The whole name is gazetteer units (江西省, 天津市西青区): a place standing for its government."""
    parts, end = parse_prefix(name)
    return bool(parts) and end == len(name)


def agency_from_labels(text: str) -> str | None:
    """The body a 来源: / 发布单位: chrome field names (inline or in the next pipe cell)."""
    for match in _SOURCE_LABEL_RE.finditer(text[:3000]):
        if agency := _chrome_value(match["value"]):
            return agency
    return None


def agency_from_breadcrumb(text: str) -> str | None:
    """The deepest breadcrumb step that names a body or a place (首页 > … > 对坊乡 > 年度报告)."""
    for match in _BREADCRUMB_RE.finditer(text[:3000]):
        steps = [step for step in _CRUMB_SPLIT_RE.split(match["trail"].strip()) if step]
        for step in reversed(steps):
            if agency := _chrome_value(step):
                return agency
    return None


def agency_from_contact(flat: str) -> str | None:
    """The body a reader is told to contact (请与XX办公室联系 → XX)."""
    for match in _CONTACT_RE.finditer(flat):
        if agency := _acceptable(match["name"]):
            return agency
    return None


def agency_from_sentences(flat: str, line_text: str) -> list[str]:
    """Bodies named as the subject of a sentence (2022年宜城市教育局全面…) or as the report's compiler."""
    return _sentence_agencies(flat, _compact_lines(line_text))


def _compact_lines(line_text: str) -> str:
    """The lines with their whitespace removed (line breaks kept)."""
    return _INLINE_SPACE_RE.sub("", line_text)


def _sentence_agencies(flat: str, compact_lines: str) -> list[str]:
    found: list[str] = []
    found += [a for m in _COMPILER_SUBJECT_RE.finditer(flat) if (a := _acceptable(m["name"]))]
    for text in (flat, compact_lines):
        for match in _SUBJECT_RE.finditer(text):
            name = match["name"]
            if not name.endswith(_ACCEPTABLE_ENDINGS):
                continue  # no tail of it can be accepted (most subjects are 我们, 全年…)
            # the longest body name ending the captured text (drop leading verbs such as 结合)
            for start in range(len(name) - 1):
                if _is_phrase(name[start:]):
                    break  # 在国务院…, 按照市政府: a phrase, and no tail of it is the subject
                if agency := _acceptable(name[start:]):
                    found.append(agency)
                    break
    return found


def agency_from_documents(flat: str) -> str | None:
    """The body that issued its own rules (《铜仁市教育局网上信息公开审查制度》), if one stands out."""
    names = Counter(
        a
        for m in _OWN_DOC_RE.finditer(flat)
        if "关于" not in m[0]
        # 《四川省政府信息公开规定》: the 政府 belongs to 政府信息公开, the rules are a province's, not the body's
        and not (m["name"].endswith("政府") and flat.startswith("信息公开", m.end("name")))
        and (a := _acceptable(m["name"]))
    )
    return names.most_common(1)[0][0] if names else None


def agency_from_township_mention(flat: str) -> str | None:
    """A township that names itself only in passing (七里乡政府规范性文件 → 七里乡)."""
    if not _SELF_TOWNSHIP_RE.search(flat) and not _TOWNSHIP_GOVERNMENT_RE.search(flat):
        return None
    # Most township names are two characters plus 乡/镇 (no township list to check longer ones against).
    names = Counter(m[1] for m in _TOWNSHIP_NAME_RE.finditer(flat))
    names.update(m[1] for m in _TOWNSHIP_RULES_RE.finditer(flat))
    return names.most_common(1)[0][0] if names else None


def _is_generic(name: str) -> bool:
    """区教育和体育局, 县教育体育局: a name that starts with a bare level word instead of a place."""
    return name[0] in _GENERIC_START and not parse_prefix(name)[0]


def _has_place(name: str) -> bool:
    return bool(parse_prefix(name)[0])


def _signature_under_title(lines: list[str], title_index: int) -> str | None:
    """A body name on the line under the title, followed by a date line (a signature block)."""
    if title_index + 2 >= len(lines):
        return None
    name = squeeze(lines[title_index + 1])
    date = squeeze(lines[title_index + 2])
    if _DATE_LINE_RE.fullmatch(date) and len(name) <= 20:
        return _acceptable(name)
    return None


def _stem(name: str) -> str:
    return _STEM_END_RE.sub("", name)


class _Candidates:
    """The names the body and contact lines give, and the sentence subjects (read only when needed).

    Reading sentence subjects is the slowest source and most reports are decided by their title, so
    they are read only when the choice depends on them.
    """

    def __init__(self, flat: str, line_text: str) -> None:
        self.flat = flat
        self.line_text = line_text
        self.body = agency_from_body(flat)
        self.contact = agency_from_contact(flat)

    @cached_property
    def compact_lines(self) -> str:
        return _compact_lines(self.line_text)

    @cached_property
    def sentences(self) -> list[str]:
        return _sentence_agencies(self.flat, self.compact_lines)

    def others(self) -> list[str]:
        return [a for a in (self.body, self.contact, *self.sentences) if a]

    def includes(self, name: str) -> bool:
        """Whether ``name`` is among :meth:`others`.

        A sentence subject is a substring of the text it was read from, so a name the text does not
        contain needs no sentence reading.
        """
        if name in (self.body, self.contact):
            return True
        return (name in self.flat or name in self.compact_lines) and name in self.sentences


def choose_agency(lines: list[str], line_text: str, flat: str, title_hit: tuple[int, str] | None) -> str | None:
    """The reporting body's name (simplified), from the title first, then chrome, body, contact and rules.

    ``title_hit`` is the title line's index among ``lines`` and its text (as the title finder returns it).
    """
    title_agency = agency_from_title(lines, *title_hit) if title_hit else None
    candidates = _Candidates(flat, line_text)
    chosen: str | None
    if title_agency and title_hit:
        chosen = title_agency
        signature = _signature_under_title(lines, title_hit[0])
        if signature and _stem(signature) in title_agency and signature != title_agency:
            return signature
    else:
        chosen = agency_from_chrome(lines) or agency_from_labels(line_text) or agency_from_breadcrumb(line_text)
        chosen = chosen or candidates.body or candidates.contact
        if not chosen and (sentences := candidates.sentences):
            counts = Counter(sentences)
            placed = [name for name in counts if _has_place(name)]
            chosen = max(placed, key=lambda n: counts[n]) if placed else counts.most_common(1)[0][0]
        chosen = chosen or agency_from_documents(flat) or agency_from_township_mention(flat)
        chosen = chosen or agency_from_signature(lines)
    if not chosen:
        return None
    # the fullest form the report also uses (西长安街街道 → 西长安街街道办事处)
    for longer in (chosen + suffix for suffix in _EXPANSIONS):
        if candidates.includes(longer):
            return longer
    if _is_generic(chosen):
        return _complete(chosen, candidates.others(), flat) or chosen
    if _is_place(chosen):
        # 贵阳市2020年…报告 with 贵阳市人民政府 in the page head: the place's government is the body
        government = chosen + "人民政府"
        return government if government in flat[:_HEAD_CHARS] else chosen
    if not _has_place(chosen):
        # 公安局 in the title (中村乡 in the chrome), 白水县公安局 (开化县中村乡人民政府) in the chrome or a
        # sentence: the placed form of the same body
        chrome = (agency_from_chrome(lines), agency_from_labels(line_text), agency_from_breadcrumb(line_text))
        endings = (chosen, *(chosen + suffix for suffix in _EXPANSIONS))
        for other in (*chrome, *candidates.others()):
            if other and other != chosen and other.endswith(endings) and _has_place(other):
                return other
    return chosen


def _complete(generic: str, others: list[str], flat: str) -> str | None:
    """区教育和体育局 → 安州区教育和体育局 (as printed elsewhere, or another placed name of the same kind)."""
    completed = complete_name(generic, flat)
    if completed:
        return completed
    kind = agency_type(generic)
    for other in others:
        if _has_place(other) and other[-1] == generic[-1] and agency_type(other) == kind:
            return other
    place = unique_unit_ending(flat, generic[0])
    return place + generic[1:] if place else None

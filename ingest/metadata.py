"""Report-level facts: title, report year, agency name, statistics period, template version."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ingest.normalize import TextView
from ingest.records import Template

AGENCY_SUFFIXES = (
    "管理委员会",
    "委员会",
    "办事处",
    "人民政府",
    "办公室",
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
    "总队",
    "支队",
    "大队",
)
_SUFFIX_ALT = "|".join(AGENCY_SUFFIXES)
_REPORT_WORDS = r"(?:政府信息公开|政务公开|信息公开)"
_TITLE_END = r"(?:年度报告|工作报告|年报|报告|落实情况)"
_YEAR = r"(?P<year>(?:19|20)\d{2})\s*年度?"
# Leading verbs and labels that precede an agency name inside a title or sentence.
_LEAD_RE = re.compile(
    r".*(?:公布|制定了|制定|编制了|编制|印发|关于|根据|现将|标题|标\s*题|中文名|来源|首页|政府信息公开年报)[:：|]?"
)
_AGENCY_RE = re.compile(rf"[\u4e00-\u9fff（）()]{{2,30}}?(?:{_SUFFIX_ALT})$")
_STANDARD_HEADINGS = ("收到和处理政府信息公开申请情况", "政府信息公开行政复议、行政诉讼情况", "主动公开政府信息情况")


@dataclass(frozen=True)
class Metadata:
    """What the report says about itself."""

    title: str | None
    report_year: int | None
    agency_name: str | None
    period_start: str | None
    period_end: str | None
    year_rule: str | None


def _clean_agency(candidate: str) -> str | None:
    candidate = re.sub(r"\s+", "", candidate)
    candidate = re.sub(r"关于$", "", candidate)  # XX关于2020年度政府信息公开工作的年度报告
    candidate = _LEAD_RE.sub("", candidate)
    candidate = candidate.strip("|:：•·-—_#* 　\t")
    candidate = re.sub(r"^(?:我|本)", "", candidate)
    if _AGENCY_RE.fullmatch(candidate) is None or candidate in ("政府", "本局", "我局"):
        return None
    return candidate


def find_title(lines: list[str]) -> tuple[int, str] | None:
    """Index and text of the title line among the first lines (it names the report and a year)."""
    for index, line in enumerate(lines[:25]):
        compact = re.sub(r"\s+", "", line)
        if len(compact) > 90 or not re.search(r"(?:19|20)\d{2}年", compact):
            continue
        joined = compact + (re.sub(r"\s+", "", lines[index + 1]) if index + 1 < len(lines) else "")
        if re.search(_REPORT_WORDS, joined) and re.search(_TITLE_END, joined):
            if "条例" in compact or "通知" in compact[:4]:
                continue
            return index, compact
    return None


def agency_from_title(lines: list[str], title_index: int, title: str) -> str | None:
    """The agency as the title writes it: before the year, before 政府信息公开, or on the line above."""
    body = re.sub(r"^.*?(?:标题|中文名)[:：|]*", "", title)
    match = re.search(_YEAR, body)
    if match:
        before = body[: match.start()]
        after = body[match.end() :]
        agency = _clean_agency(before)
        if agency:
            return agency
        inner = re.match(rf"(.*?){_REPORT_WORDS}", after)
        if inner and (agency := _clean_agency(inner.group(1))):
            return agency
    inner = re.match(rf"(.*?){_REPORT_WORDS}", body)
    if inner and (agency := _clean_agency(inner.group(1))):
        return agency
    for back in range(title_index - 1, max(-1, title_index - 3), -1):
        previous = re.sub(r"\s+", "", lines[back])
        if previous and len(previous) <= 30 and (agency := _clean_agency(previous)):
            return agency
    return None


def agency_from_body(flat: str) -> str | None:
    """Fallbacks: a sentence naming the report (现公布XX2025年政府信息公开…报告), or the signature."""
    pattern = rf"([\u4e00-\u9fff]{{2,30}}?){_YEAR}{_REPORT_WORDS}[^。]{{0,12}}?{_TITLE_END}"
    for match in re.finditer(pattern, flat[:1500]):
        if agency := _clean_agency(match.group(1)):
            return agency
    compiler = re.search(rf"由([\u4e00-\u9fff]{{2,20}}?(?:{_SUFFIX_ALT}))(?:[\u4e00-\u9fff]{{0,12}})编制", flat[:800])
    if compiler and (agency := _clean_agency(compiler.group(1))):
        return agency
    return None


def agency_from_signature(lines: list[str]) -> str | None:
    """The last lines of a report often sign it with the agency name."""
    for line in reversed(lines[-4:]):
        compact = re.sub(r"\s+", "", line)
        if compact and len(compact) <= 30 and (agency := _clean_agency(compact)):
            return agency
    return None


def statistics_period(flat: str) -> tuple[str | None, str | None]:
    """Start and end dates of the statistics period (统计期限自…起至…止), ISO strings."""
    match = re.search(
        r"统计(?:期限|时间|时限|期间|区间|范围)[^。]{0,12}?(?P<y1>(?:19|20)\d{2})年(?P<m1>\d{1,2})月(?P<d1>\d{1,2})日"
        r"[^。]{0,8}?至(?P<y2>(?:19|20)\d{2})年(?P<m2>\d{1,2})月(?P<d2>\d{1,2})日",
        flat,
    )
    if match:
        return (
            f"{match['y1']}-{int(match['m1']):02d}-{int(match['d1']):02d}",
            f"{match['y2']}-{int(match['m2']):02d}-{int(match['d2']):02d}",
        )
    cutoff = re.search(r"截[止至](?P<y>(?:19|20)\d{2})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日", flat)
    if cutoff:
        return None, f"{cutoff['y']}-{int(cutoff['m']):02d}-{int(cutoff['d']):02d}"
    return None, None


def report_year(flat: str, title: str | None, period_start: str | None) -> tuple[int | None, str | None]:
    """The year the statistics cover, and the rule that decided it."""
    if title and (match := re.search(_YEAR, title)):
        return int(match["year"]), "title"
    if period_start:
        return int(period_start[:4]), "statistics_period"
    match = re.search(rf"{_YEAR}{_REPORT_WORDS}(?:工作)?(?:年度)?(?:报告|年报)", flat[:2000])
    if match and "《" not in flat[max(0, match.start() - 30) : match.start()]:
        return int(match["year"]), "report_named"
    match = re.search(r"(?:^|[。\n])\s*(?P<year>(?:19|20)\d{2})年度?[,，]", flat)
    if match:
        return int(match["year"]), "sentence_start"
    counts = Counter(
        int(m["year"])
        for m in re.finditer(r"(?P<year>(?:19|20)\d{2})年(?!\d{1,2}月\d{1,2}日起?施行)", _drop_citations(flat))
    )
    if counts:
        return counts.most_common(1)[0][0], "most_frequent_year"
    return None, None


def _drop_citations(flat: str) -> str:
    return re.sub(r"《[^》]{0,80}》|〔[^〕]{0,10}〕|\[[^\]]{0,10}\]", "", flat)


def detect_template(line_text: str, flat: str, year: int | None) -> Template:
    """narrative | standard_2019 | standard_2021 | standard, from the table-2 columns and headings."""
    if re.search(r"本年制发件数|本年废止件数|现行有效件数|逾期不补正|逾期未按收费通知", flat):
        return "standard_2021"
    if re.search(r"本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量", flat):
        return "standard_2019"
    standard_heads = sum(1 for heading in _STANDARD_HEADINGS if heading in flat)
    if year is not None and year >= 2019 and (standard_heads >= 2 or "总体情况" in flat[:3000]):
        return "standard"
    if "收到和处理政府信息公开申请情况" in flat or "政府信息公开行政复议、行政诉讼情况" in flat:
        return "standard"
    return "narrative"


def extract_metadata(lines_view: TextView, flat_view: TextView) -> Metadata:
    """Title, year, agency and period of one report."""
    lines = lines_view.text.split("\n")
    non_empty = [line for line in lines if line.strip()]
    flat = flat_view.text
    title_hit = find_title(non_empty)
    title = title_hit[1] if title_hit else None
    agency = agency_from_title(non_empty, *title_hit) if title_hit else None
    agency = agency or agency_from_body(flat) or agency_from_signature(non_empty)
    if agency and (found := flat.find(agency)) >= 0:
        # Keep the name as printed (traditional characters, original spacing removed).
        agency = re.sub(r"\s+", "", flat_view.quote(found, found + len(agency)))
    period_start, period_end = statistics_period(flat)
    year, rule = report_year(flat, title, period_start)
    return Metadata(title, year, agency, period_start, period_end, rule)

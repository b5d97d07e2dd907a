"""Split a report into top-level sections by its headings, whatever their numbering.

Narrative reports number headings inconsistently (一、 2、 三、 6、) and merge or rename sections;
standard reports have six fixed headings. A heading is recognised by a numbering prefix plus a
topic keyword, not by its number, so out-of-order or mixed numbering is tolerated.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.normalize import TextView
from ingest.records import Section

_CN_NUM = "一二三四五六七八九十"
# Top-level numbering: 一、 / 2、 / 第三部分, at a line start or right after a sentence end (web
# scrapes run headings into the previous paragraph). "1." is a list item, never a section.
_HEADING_RE = re.compile(
    rf"(?:^[ \t#*]*(?:(?P<ar>\d{{1,2}})\s*[、.](?!\d)|[(](?P<paren>[{_CN_NUM}]{{1,3}})[)]"
    rf"|第[{_CN_NUM}]{{1,3}}部分[、:：]?)"
    rf"|(?:^|(?<=[。；;]))[ \t#*]*(?P<cn>[{_CN_NUM}]{{1,3}})\s*[、.,，])"
    r"\s*(?P<title>[^\n。；;]{2,60})",
    re.MULTILINE,
)

# Topic keywords → section kind; a heading may carry several kinds (merged sections).
_KIND_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("overview", ("概述", "总体情况", "基本情况", "概况")),
    ("proactive", ("主动公开",)),
    ("applications", ("依申请", "申请公开", "收到和处理", "申请的办理", "申请办理", "申请情况", "申请的情况")),
    ("fees", ("收费", "减免")),
    ("review_litigation", ("复议", "诉讼", "申诉")),
    ("problems", ("存在的主要问题", "存在问题", "主要问题", "改进", "不足", "工作措施", "下一步", "下阶段")),
    (
        "other",
        (
            "其他需要报告",
            "其他事项",
            "其他需要说明",
            "组织领导",
            "制度建设",
            "保密审查",
            "监督检查",
            "发布解读",
            "回应",
            "事业单位",
            "工作情况",
            "主要做法",
        ),
    ),
)


_KIND_RES = tuple((kind, re.compile("|".join(words))) for kind, words in _KIND_KEYWORDS)
_TITLE_CUT_RE = re.compile(r"[。;；]|\s+")
_SECTION_TITLE_ENDS = tuple("情况 概述 措施 打算 改进 事项 不足 问题及改进 问题和改进 存在的主要问题 存在问题".split())


def heading_kinds(title: str) -> list[str]:
    """Kinds a heading title belongs to, in keyword order (empty when it is no known topic)."""
    return list(_heading_kinds(title))


@lru_cache(maxsize=4096)  # reports share most of their heading titles
def _heading_kinds(title: str) -> tuple[str, ...]:
    kinds = [kind for kind, words in _KIND_RES if words.search(title)]
    # "主动公开" inside an applications heading (e.g. 依申请公开) is not proactive.
    if "applications" in kinds and "proactive" in kinds and "主动公开" not in title.replace("依申请公开", ""):
        kinds.remove("proactive")
    return tuple(kinds)


def split_sections(view: TextView) -> list[Section]:
    """Sections of the report, with offsets into the original text; ordinal 0 is the preamble."""
    text = view.text
    heads: list[tuple[int, str, str]] = []
    for match in _HEADING_RE.finditer(text):
        raw_title = match.group("title").strip().rstrip("*#").strip()
        title = _TITLE_CUT_RE.split(raw_title, maxsplit=1)[0].strip()
        if len(title) > 40 or title.endswith(("。", "；", ";")):
            continue
        kinds = _heading_kinds(title)
        if not kinds:
            continue
        if (match.group("ar") is not None or match.group("paren") is not None) and not _looks_like_section_title(title):
            continue  # 1. / (一) lines are usually list items; accept only clear section titles
        heads.append((match.start(), title, ",".join(kinds)))
    sections: list[Section] = []
    starts = [h[0] for h in heads] + [len(text)]
    first = starts[0]
    if first > 0:
        sections.append(_section(view, 0, "", "preamble", 0, first))
    for index, (start, title, kind) in enumerate(heads, start=1):
        sections.append(_section(view, index, title, kind, start, starts[index]))
    if not sections:
        sections.append(_section(view, 0, "", "preamble", 0, len(text)))
    return sections


def _looks_like_section_title(title: str) -> bool:
    """A whole-section title ends like one (…情况, …措施, …打算), unlike a list item (…的问题)."""
    if "，" in title or "," in title:
        return False
    return title.endswith(_SECTION_TITLE_ENDS)


def _section(view: TextView, ordinal: int, title: str, kind: str, start: int, end: int) -> Section:
    o_start, o_end = view.span(start, end) if end > start else (view.span(start, start + 1)[0],) * 2
    return Section(ordinal=ordinal, heading=title, kind=kind, start=o_start, end=o_end)

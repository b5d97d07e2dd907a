"""Split a report into top-level sections by its headings, whatever their numbering.

Narrative reports number headings inconsistently (一、 2、 三、 6、) and merge or rename sections;
standard reports have six fixed headings. A heading is recognised by a numbering prefix plus a
topic keyword, not by its number, so out-of-order or mixed numbering is tolerated.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.records import Section
from ingest.text.normalize import TextView

__all__ = ["split_sections"]

_CN_NUM = "一二三四五六七八九十"
# Top-level numbering: 一、 / 2、 / 第三部分, at a line start or right after a sentence end (web
# scrapes run headings into the previous paragraph). "1." is a list item, never a section.
# Pages stored as one line also put headings after a plain space or a colon ("…如下: 一、概述 …")
# and sub-headings "(一)" mid-line: those match the ``mid*`` groups and must pass the stricter
# test of _mid_line_title (a whole section-title phrase, not followed by a list separator).
_HEADING_RE = re.compile(
    rf"(?:^[ \t#*]*(?:(?P<ar>\d{{1,2}})\s*[、.](?!\d)|[(](?P<paren>[{_CN_NUM}]{{1,3}})[)]"
    rf"|第[{_CN_NUM}]{{1,3}}部分[、:：]?)"
    rf"|(?:^|(?<=[。；;]))[ \t#*]*(?P<cn>[{_CN_NUM}]{{1,3}})\s*[、.,，]"
    rf"|(?<=[。；;!?: \t])[ \t#*]*(?:(?P<midcn>[{_CN_NUM}]{{1,3}})[、.,，]|(?P<midar>\d{{1,2}})[、.](?!\d)"
    rf"|[(](?P<midparen>[{_CN_NUM}]{{1,3}})[)]))"
    # The title is looked at, not consumed: a title running on (one-line pages) must not swallow
    # the next heading.
    r"(?=\s*(?P<title>[^\n。；;]{2,60}))",
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


@lru_cache(maxsize=4096)  # reports share most of their heading titles
def _heading_kinds(title: str) -> tuple[str, ...]:
    """Kinds a heading title belongs to, in keyword order (empty when it is no known topic)."""
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
        head = _heading(text, match)
        if head is not None:
            heads.append((match.start(), *head))
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


def _heading(text: str, match: re.Match[str]) -> tuple[str, str] | None:
    """(title, kinds) of a heading candidate, or None when it is no section heading."""
    # The title group stops at a full stop or semicolon; the phrase tests look past it for list separators.
    raw_title = text[match.start("title") : match.start("title") + 80].split("\n", 1)[0]
    mid_line = any(match.group(g) is not None for g in ("midcn", "midar", "midparen"))
    line_start = match.start() == 0 or text[match.start() - 1] == "\n"
    if not line_start:
        # Run into a paragraph (one-line pages): the line break that ended the title is gone,
        # so the title is the section-title phrase at the start of what follows.
        # After a semicolon a topic that ends with a full stop is the last item of a list.
        in_list = text[match.start() - 1] in ";；"
        phrase = _mid_line_title(raw_title, in_list)
        if phrase is not None:
            return phrase, ",".join(_heading_kinds(phrase))
        if mid_line or _is_list_item(raw_title, in_list):
            return None
    title = _TITLE_CUT_RE.split(raw_title.strip().rstrip("*#").strip(), maxsplit=1)[0].strip()
    if len(title) > 40 or title.endswith(("。", "；", ";")):
        return None
    kinds = _heading_kinds(title)
    if not kinds:
        return None
    if (match.group("ar") is not None or match.group("paren") is not None) and not _looks_like_section_title(title):
        return None  # 1. / (一) lines are usually list items; accept only clear section titles
    return title, ",".join(kinds)


_ENDS_ALT = "|".join(sorted(_SECTION_TITLE_ENDS, key=len, reverse=True))
# A section-title phrase: up to 30 characters ending like a section title, optionally extended by
# 及/和/与 + another such phrase (存在的主要问题 + 及改进措施). Digits only in a leading year
# (2020年政务公开工作情况): the body usually opens with one. No clause punctuation inside.
_TITLE_PHRASE_RE = re.compile(
    rf"(?:\d{{4}}年度?)?(?![\s\d,，:：、。;；()（）])[^\s\d,，:：。;；]{{0,30}}?(?:{_ENDS_ALT})+"
    rf"(?:[及和与][^\s\d,，:：、。;；]{{0,14}}?(?:{_ENDS_ALT})+)?"
)
# After a real heading comes its body; after an item of a list of topics comes the next item.
_LIST_NEXT_RE = re.compile(r"\s*[、,，;；]")
_LIST_END_RE = re.compile(r"\s*[、,，;；。]")


def _mid_line_title(raw_title: str, in_list: bool) -> str | None:
    """The section-title phrase at the start of ``raw_title`` when it is a clear section title."""
    raw = raw_title.lstrip("*# \t")
    match = _TITLE_PHRASE_RE.match(raw)
    if match is None or _is_list_item(raw, in_list) or not _heading_kinds(match.group()):
        return None
    return match.group()


def _is_list_item(raw_title: str, in_list: bool) -> bool:
    """A topic in a list run into a sentence (全文包括: 一、概述; 二、主动公开情况; …), not a heading."""
    raw = raw_title.lstrip("*# \t")
    match = _TITLE_PHRASE_RE.match(raw)
    if match is None:
        return False
    return (_LIST_END_RE if in_list else _LIST_NEXT_RE).match(raw, match.end()) is not None


def _looks_like_section_title(title: str) -> bool:
    """A whole-section title ends like one (…情况, …措施, …打算), unlike a list item (…的问题)."""
    if "，" in title or "," in title:
        return False
    return title.endswith(_SECTION_TITLE_ENDS)


def _section(view: TextView, ordinal: int, title: str, kind: str, start: int, end: int) -> Section:
    o_start, o_end = view.span(start, end) if end > start else (view.span(start, start + 1)[0],) * 2
    return Section(ordinal=ordinal, heading=title, kind=kind, start=o_start, end=o_end)

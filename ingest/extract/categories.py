"""Proactive-disclosure category breakdowns: 其中，概况信息3条，占0.6%；计划总结信息49条…"""

from __future__ import annotations

import re

from ingest.records import Category, Metric
from ingest.text.clauses import Sentence
from ingest.text.normalize import TextView
from ingest.text.numbers import parse_number

__all__ = ["extract_categories"]

_ITEM_RE = re.compile(
    r"(?P<label>[^，,；;。0-9%]{2,30}?)(?P<num>\d+)\s*(?:条|篇|件|项|个)"
    r"(?:[,，]?[(（]?(?:占|比例|约占)[^0-9%，,；;。]{0,8}(?P<pct>\d+(?:\.\d+)?)%[)）]?)?"
)
_SEPARATORS = "，,；;、 和及"
_LABEL_TAIL_RE = re.compile(r"[：:]")
_LABEL_LEAD_RE = re.compile(r"^(?:以及|和|及|包括|有|为)")
_TOTAL_LABEL_RE = re.compile(r"累计|共计|合计|总计|年$")
_CHANNEL_START_RE = re.compile(r"(?:通过|在|向|经)")
_CHANNEL_VERB_RE = re.compile(r"公布|公示|发布|推送|报送")
_SUBTOTAL_RE = re.compile(r"其中[,，:：]?")
_DIGIT_RE = re.compile(r"\d")
_PROACTIVE_LIST_RE = re.compile(r"(?:主动)?公开的(?:政府)?信息中[,，:：]?")


def _clean_label(label: str) -> str:
    label = _LABEL_TAIL_RE.split(label)[-1]
    label = _LABEL_LEAD_RE.sub("", label.strip(_SEPARATORS))
    return label.strip(_SEPARATORS)


def _parse_list(view: TextView, start: int, end: int) -> list[Category]:
    """Parse consecutive ``label N条[，占X%]`` items from ``start``; stops at the first non-item."""
    text = view.text
    items: list[Category] = []
    pos = start
    while pos < end:
        while pos < end and text[pos] in _SEPARATORS:
            pos += 1
        match = _ITEM_RE.match(text, pos, end)
        if match is None:
            break
        label = _clean_label(match.group("label"))
        count = parse_number(match.group("num"))
        if not label or count is None or _TOTAL_LABEL_RE.search(label):
            break
        if _CHANNEL_START_RE.match(label) or (len(label) >= 10 and _CHANNEL_VERB_RE.search(label)):
            break  # 通过…平台公示行政许可信息306条 is another channel's count, not a category
        pct = match.group("pct")
        o_start, o_end = view.span(match.start(), match.end())
        items.append(
            Category(
                label=label,
                count=int(count),
                percent=float(pct) if pct is not None else None,
                evidence=view.original[o_start:o_end],
                start=o_start,
                end=o_end,
            )
        )
        pos = match.end()
    return items


def extract_categories(view: TextView, sentences: list[Sentence], items_new: Metric | None) -> list[Category]:
    """The breakdown of the headline total: the 其中 list right after it, else a 主动公开的信息中 list."""
    text = view.text
    candidates: list[int] = []
    if items_new is not None:
        # The next 其中 after the total, in the same section, with no other figure in between
        # (it may open the following sentence: 近3000条。内容涵盖…各类信息。其中，…).
        flat_end = view.index_at(items_new.end)
        section_end = next((s.end for s in sentences if s.start <= flat_end <= s.end), len(text))
        total_section = _section_of(sentences, flat_end)
        for sentence in sentences:
            if sentence.start >= flat_end and sentence.section == total_section:
                section_end = sentence.end
        trigger = _SUBTOTAL_RE.search(text[flat_end:section_end])
        if trigger and not _DIGIT_RE.search(text[flat_end : flat_end + trigger.start()]):
            candidates.append(flat_end + trigger.end())
    for sentence in sentences:
        if "proactive" in sentence.kinds or text.find("主动公开", sentence.start, sentence.end) >= 0:
            for trigger in _PROACTIVE_LIST_RE.finditer(text[sentence.start : sentence.end]):
                candidates.append(sentence.start + trigger.end())
    for start in candidates:
        end = next((s.end for s in sentences if s.start <= start < s.end), len(text))
        items = _parse_list(view, start, end)
        if len(items) >= 2:
            return items
    return []


def _section_of(sentences: list[Sentence], pos: int) -> str | None:
    return next((s.section for s in sentences if s.start <= pos <= s.end), None)

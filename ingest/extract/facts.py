"""Labelled facts: every counted figure in the prose that is not a headline metric or a category.

A report's prose carries many counts besides the headline ones — website and WeChat posts, hotline
cases, training sessions, consultations, submissions to archives, application outcomes, rates. They
are kept as labelled facts (label as printed, a normalised channel and kind where a keyword tells,
value, qualifier, unit, provenance) so nothing the report states is thrown away.
"""

from __future__ import annotations

import re

from ingest.records import Category, Fact, Metric
from ingest.text.clauses import Clause
from ingest.text.normalize import TextView

__all__ = ["CHANNELS", "KINDS", "extract_facts"]

# Where the figure was published or received; first match wins.
CHANNELS: tuple[tuple[str, str], ...] = (
    ("wechat", r"微信|公众号"),
    ("weibo", r"微博"),
    ("hotline", r"热线|12345|12315"),
    ("new_media", r"抖音|头条|快手|新媒体|客户端|APP|app"),
    ("archives", r"档案馆|图书馆|查阅场所|查阅点"),
    ("press", r"日报|晚报|报纸|电视|广播|媒体|报刊"),
    ("website", r"网站|门户|网上|网页|专栏|子站|平台"),
    ("in_person", r"当面|现场|窗口"),
    ("mail", r"信函|邮寄|传真"),
)
# What is counted; first match wins (order matters: 培训…人次 before 人次).
KINDS: tuple[tuple[str, str], ...] = (
    ("cumulative", r"累计|历年"),
    ("application_outcome", r"同意公开|予以公开|部分公开|不予公开|信息不存在|不属于|不掌握|无法提供|不予处理|转办"),
    ("applications", r"申请"),
    ("training", r"培训"),
    ("meetings", r"会议|会$|座谈"),
    ("interpretations", r"解读"),
    ("consultations", r"咨询"),
    ("complaints", r"投诉|举报|信访"),
    ("proposals", r"建议|提案|议案"),
    ("hotline_cases", r"交办|工单"),
    ("submissions", r"报送|上报|录用|采用"),
    ("visits", r"点击|访问|浏览|阅读"),
    ("rate", r"率"),
    ("posts", r"发布|推送|更新|公开|公布|发送|刊登|转载"),
)
_FACT_UNITS = tuple("人次 条 件 篇 项 次 个 份 起 宗 期 场 类 批 元 万元 所 幅 名 人 家 户 张 册 栏目 大类 %".split())
_LEAD_TRIM = "，,；;、 。"


def _kind(label: str, unit: str) -> str | None:
    if unit == "%":
        return "rate"
    if unit in ("元", "万元"):
        return "amount"
    return next((kind for kind, pattern in KINDS if re.search(pattern, label)), None)


def _channel(label: str) -> str | None:
    return next((channel for channel, pattern in CHANNELS if re.search(pattern, label)), None)


def extract_facts(
    view: TextView, clauses: list[Clause], metrics: dict[str, Metric], categories: list[Category]
) -> list[Fact]:
    """Every counted figure with a unit (or a percent) not already a metric or a category."""
    text = view.text
    used_ends = {m.end for m in metrics.values() if m.source == "text"}
    category_spans = [(c.start, c.end) for c in categories]
    facts: list[Fact] = []
    for clause in clauses:
        sentence, c_start = clause.sentence, clause.start
        for qty in clause.quantities:
            unit = qty.unit
            if unit is None and text.startswith("%", qty.end):
                unit = "%"
                end = qty.end + 1
            else:
                end = qty.end
            if unit not in _FACT_UNITS:
                continue
            if not text[qty.num_start].isdigit() and qty.value <= 1:
                continue  # 一项工作 / 一次 are idioms far more often than counts
            o_start, o_end = view.span(c_start, end)
            num_start, _ = view.span(qty.num_start, qty.num_end)
            if o_end in used_ends or any(s <= num_start < e for s, e in category_spans):
                continue
            label = text[c_start : qty.start].strip(_LEAD_TRIM)[-30:]
            quoted_label = view.quote(c_start, qty.start).strip() if qty.start > c_start else ""
            facts.append(
                Fact(
                    label=(quoted_label.split()[-1] if quoted_label.split() else label)[-30:],
                    channel=_channel(label),
                    kind=_kind(label, unit or ""),
                    value=qty.value,
                    qualifier=qty.qualifier,
                    unit=unit or "",
                    evidence=view.original[o_start:o_end],
                    start=o_start,
                    end=o_end,
                    rule="fact.counted_phrase",
                    section=sentence.section,
                )
            )
    return facts

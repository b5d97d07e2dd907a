"""Prose that carries no headline figure: filler, problems and plans, and counted distractors.

Distractors are sentences with numbers that must *not* become headline metrics (WeChat posts,
hotline cases, trainings, consultations, proposals, next year's plans, the 2008 effective date).
"""

from __future__ import annotations

from ingest.devtools.sample.doc import Doc
from ingest.devtools.sample.rand import pick, rint, sample
from ingest.devtools.sample.vocabulary import (
    ACTIONS,
    FOCUS,
    IMPROVEMENTS,
    OPENERS,
    PROBLEMS,
    RESULTS,
    SLOGANS,
    SUBHEADINGS,
)

__all__ = [
    "CN_NUMERALS",
    "distractor",
    "filler_paragraph",
    "period_sentence",
    "plans_paragraph",
    "problems_paragraph",
    "regulation_citation",
    "subheading",
]

CN_NUMERALS = "一二三四五六七八九十"


def _filler_sentence(doc: Doc) -> str:
    """One sentence about disclosure work in general, with no figures in it."""
    rng = doc.rng
    form = rint(rng, 5)
    if form == 0:
        opener = pick(rng, OPENERS).format(self=doc.me())
        a, b = sample(rng, ACTIONS, 2)
        return f"{opener}，{a}，{b}，{pick(rng, RESULTS)}。"
    if form == 1:
        a, b, c = sample(rng, ACTIONS, 3)
        return f"一是{a}；二是{b}；三是{c}。"
    if form == 2:
        focus = pick(rng, FOCUS[doc.agency.agency_type])
        return f"围绕{focus}等社会关注事项，{doc.me()}{pick(rng, ACTIONS)}，{pick(rng, RESULTS)}。"
    if form == 3:
        return f"坚持“{pick(rng, SLOGANS)}”的原则，{pick(rng, ACTIONS)}，{pick(rng, RESULTS)}。"
    a, b = sample(rng, ACTIONS, 2)
    return f"{doc.me()}{a}，并{b}，{pick(rng, RESULTS)}。"


def filler_paragraph(doc: Doc, sentences: int = 2) -> str:
    return "".join(_filler_sentence(doc) for _ in range(sentences))


def subheading(doc: Doc, ordinal: int) -> str:
    """A numbered sub-heading inside a section, in one of several numbering styles."""
    style = rint(doc.rng, 4)
    title = pick(doc.rng, SUBHEADINGS)
    if style == 0:
        return f"（{CN_NUMERALS[ordinal]}）{title}。"
    if style == 1:
        return f"({ordinal + 1}) {title}"
    if style == 2:
        return f"{ordinal + 1}．{title}。"
    return f"（{ordinal + 1}）{title}"


def problems_paragraph(doc: Doc) -> str:
    a, b = sample(doc.rng, PROBLEMS, 2)
    lead = pick(doc.rng, ("一是", "主要表现在", "", "一方面"))
    return f"{doc.me()}的政府信息公开工作取得了一定成效，但也存在一些不足：{lead}{a}，{b}。"


def plans_paragraph(doc: Doc) -> str:
    """Next year's plan: a distractor year in a sentence that reads like the report year's."""
    a, b, c = sample(doc.rng, IMPROVEMENTS, 3)
    nxt = doc.year + 1
    form = rint(doc.rng, 3)
    if form == 0:
        return f"{nxt}年，{doc.me()}将针对上述问题，{a}，{b}，{c}。"
    if form == 1:
        return f"下一步，{doc.me()}将在{nxt}年重点做好以下工作：{a}；{b}；{c}。"
    return f"在新的一年里，{doc.me()}将{a}，{b}，推动{nxt}年政务公开工作再上新台阶。"


def regulation_citation(doc: Doc) -> str:
    """The Regulations' effective date(s): years that are not the report year."""
    if doc.year >= 2019 and doc.rng.random() < 0.6:
        return "新修订的《中华人民共和国政府信息公开条例》自2019年5月15日起施行，" + _filler_sentence(doc)
    return "《中华人民共和国政府信息公开条例》自2008年5月1日起施行以来，" + _filler_sentence(doc)


def distractor(doc: Doc) -> str:
    """A sentence with a counted figure that is not any headline metric."""
    rng = doc.rng
    n = doc.num
    form = rint(rng, 9)
    if form == 0:
        return f"通过政务微信公众号发布信息{n(rint(rng, 5, 60) * 10)}余条，阅读量持续增长。"
    if form == 1:
        return f"全年政务微博发布信息{n(rint(rng, 20, 900))}条，粉丝数稳步增加。"
    if form == 2:
        return f"受理12345热线交办件{n(rint(rng, 3, 400))}件，办结率达到百分之百。"
    if form == 3:
        return f"组织开展业务培训{n(rint(rng, 1, 6))}次，培训各类人员{n(rint(rng, 2, 40) * 10)}余人次。"
    if form == 4:
        return f"全年接受群众咨询{n(rint(rng, 5, 300))}人次，均给予了耐心解答。"
    if form == 5:
        return f"召开政务公开专题会议{n(rint(rng, 2, 8))}次，研究部署相关工作。"
    if form == 6:
        return f"办理人大代表建议{n(rint(rng, 1, 30))}件、政协委员提案{n(rint(rng, 1, 30))}件，办理结果均已按要求公开。"
    if form == 7:
        return f"公开目录设置一级栏目{n(rint(rng, 6, 15))}个、二级栏目{n(rint(rng, 15, 60))}个。"
    return f"按要求公开了{doc.year}年度部门预算和{doc.year - 1}年度部门决算，接受社会监督。"


def period_sentence(doc: Doc) -> str | None:
    """The statistics period sentence (sometimes omitted); sets the truth period when stated."""
    rng = doc.rng
    y = doc.year
    r = rng.random()
    if r < 0.3:
        return None
    start = f"{y}-01-01"
    if y == 2008 and rng.random() < 0.5:
        # The first reports covered only the months since the Regulations took effect.
        text = "本年度报告中所列数据的统计期限自2008年5月1日起至2008年12月31日止"
        start = "2008-05-01"
    else:
        text = pick(
            rng,
            (
                f"本年度报告中所列数据的统计期限自{y}年1月1日起至{y}年12月31日止",
                f"报告中所列数据统计期限为{y}年1月1日至{y}年12月31日",
                f"数据统计时限为{y}年1月1日起至12月31日止",
                f"本报告所列数据的统计期限从{y}年1月1日到{y}年12月31日",
                f"本报告内容涵盖{y}年1月1日至12月31日期间的政府信息公开工作情况",
            ),
        )
    doc.period_start, doc.period_end = start, f"{y}-12-31"
    return text

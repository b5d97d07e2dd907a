"""Narrative (2008–2018 style) report bodies: free prose, inconsistent section numbering.

Each figure below is independently present or absent (absent = no truth row, never 0). ``{n}`` is
the number (ASCII or full-width; PDF-style reports print it with a space either side, " 454 "),
``{Y}`` the report year, ``{me}`` a self-reference (我局/本局/区教育局/我镇/我街道 …). The quote
in the truth file is exactly the phrasing shown (after ``{…}`` substitution).

proactive.items_new
    exact:    {Y}年新增主动公开政府信息{n}条 · 全年主动公开政府信息{n}条 · 新增主动公开信息共计{n}条 ·
              本年度共主动公开政府信息{n}条 · {me}主动公开各类政府信息{n}条 · 全年共公开政府信息{n}条 ·
              通过门户网站主动公开政府信息共{n}条
    approx:   主动公开政府信息近{n}条 · 全年主动公开政府信息约{n}条 · 主动公开各类信息{n}条左右
    at_least: 主动公开政府信息{n}余条 · 全年公开政府信息{n}多条 · 主动公开政府信息{n}条以上
    categories (only after an exact total; counts sum to it), right after the total:
              其中，{label}{c}条，占{p}%；{label}{c}条，占{p}%；…   (percent truncated, 1 or 2 decimals)
              其中：{label}{c}条（占{p}%），{label}{c}条（占{p}%），…
              其中{label}{c}条、{label}{c}条、…  /  其中{label}{c}条，{label}{c}条，…   (no percent → null)
proactive.items_cumulative
    exact:    累计主动公开政府信息{n}条 · 累计主动公开政府信息已达{n}条 · 历年累计主动公开政府信息{n}条 ·
              截至{Y}年底，累计主动公开政府信息{n}条
    at_least: 累计公开政府信息{n}余条
proactive.interpretations
    exact:    解读政策{n}条 · 发布政策解读{n}篇 · 全年解读政策{n}条 · 发布政策解读材料{n}篇 · 开展政策解读{n}次
applications.received
    exact:    共收到政府信息公开申请{n}件 · 全年受理政府信息公开申请{n}件 · 收到依申请公开政府信息申请{n}件 ·
              {me}共受理依申请公开{n}件 · 共收到公民、法人和其他组织提出的政府信息公开申请{n}件
    zero:     未收到政府信息公开申请 · 没有收到政府信息公开申请 · {me}未收到公民、法人或其他组织提出的政府信息公开申请 ·
              共受理政府信息公开申请{0}件 · 全年未受理依申请公开政府信息事项
    (a non-headline outcome breakdown may follow: 其中同意公开{a}件、部分公开{b}件、不予公开{c}件)
fees.collected_yuan
    exact:    收取信息处理费{n}元 · 收取检索、复制、邮寄费用共计{n}元 · 共收取政府信息公开相关费用{n}元
    zero:     政府信息公开没有收费 · 未收取任何费用 · 未收取检索、复制、邮寄等费用 · 没有发生收费及减免情况 ·
              收取信息公开费用{0}元
reconsideration.total / litigation.total / complaints.total
    all three zero (one quote for the three keys):
              没有发生因政府信息公开申请提起行政复议、行政诉讼和申诉的情况 ·
              未发生因政府信息公开引起的行政复议、行政诉讼和申诉案件 ·
              没有因政府信息公开工作而出现行政复议、行政诉讼或申诉情况
    reconsideration + litigation zero (complaints absent):
              未发生因政府信息公开申请提起的行政复议和行政诉讼案件 ·
              没有发生针对{me}政府信息公开事务的行政复议、行政诉讼 · 未接到有关政府信息公开的行政复议、行政诉讼案件
    both counted in one sentence: 因政府信息公开申请引发行政复议{a}件、行政诉讼{b}件
              (quotes: 行政复议{a}件 / 行政诉讼{b}件)
    separately, each present or absent:
      reconsideration  zero: 没有收到政府信息公开的行政复议申请 · 未发生政府信息公开行政复议案件
                       n:    因政府信息公开申请提起行政复议{n}件 · 收到政府信息公开行政复议申请{n}件
      litigation       zero: 也没有提起行政诉讼 (only right after a reconsideration clause) ·
                             未发生政府信息公开行政诉讼案件 · 没有被提起政府信息公开行政诉讼
                       n:    被提起政府信息公开行政诉讼{n}件 · 政府信息公开行政诉讼案件{n}起
      complaints       zero: 未收到有关政府信息公开的申诉 · 没有发生政府信息公开申诉情况
                       n:    收到政府信息公开申诉{n}件 · 政府信息公开投诉、申诉{n}件

Standard-template reports (:mod:`ingest.devtools.sample.standard`) add prose figures outside the tables:
    proactive.items_new (section 一): 本年度主动公开政府信息{n}条 · 全年通过门户网站主动公开政府信息{n}条 ·
              {me}共主动公开各类政府信息{n}条 · 主动公开政府信息{n}余条 (at_least)
    fees.collected_yuan (section 六, sometimes 五):
              n:    全年收取政府信息公开信息处理费{n}元 · {me}本年度收取信息处理费{n}元 ·
                    全年收取检索、复制、邮寄等费用{n}元 (2019 template)
              zero: 本年度未收取信息处理费 · {me}未收取任何信息处理费 · 全年收取政府信息公开信息处理费{0}元 ·
                    本年度未收取检索、复制、邮寄等费用 · {me}依申请提供政府信息未收取任何费用
    Table figures: every numeric cell of tables 2/3/4 (quote = the cell text); table-2 cells may be
    blank, "/", "—" or "——" (no truth). 2019 procurement amount is t2.procurement.amount_wan_yuan
    when its header reads 采购总金额（万元）, t2.procurement.amount otherwise.

Distractors that must stay out of the headline keys (see :mod:`ingest.devtools.sample.filler`): 微信公众号发布
信息{n}余条, 政务微博发布信息{n}条, 受理12345热线交办件{n}件, 培训…{n}余人次, 接受群众咨询{n}人次,
召开…专题会议{n}次, 人大代表建议{n}件, 栏目{n}个, next year's plans ({Y+1}年，…将…), 2008年5月1日起施行,
the statistics period, page chrome (索引号, dates, page footers).
"""

from __future__ import annotations

from ingest.devtools.sample.doc import Doc
from ingest.devtools.sample.filler import (
    CN_NUMERALS,
    distractor,
    filler_paragraph,
    period_sentence,
    plans_paragraph,
    problems_paragraph,
    regulation_citation,
    subheading,
)
from ingest.devtools.sample.rand import pick, rint, sample
from ingest.devtools.sample.vocabulary import APPLICATION_OUTCOMES, CATEGORY_SETS

__all__ = ["build_narrative"]

# (text before the quote, quote) — both are format strings over n, Y, me.
_ITEMS_EXACT = (
    ("", "{Y}年新增主动公开政府信息{n}条"),
    ("", "全年主动公开政府信息{n}条"),
    ("{Y}年，{me}", "新增主动公开信息共计{n}条"),
    ("", "本年度共主动公开政府信息{n}条"),
    ("{Y}年度，", "{me}主动公开各类政府信息{n}条"),
    ("", "全年共公开政府信息{n}条"),
    ("{me}", "通过门户网站主动公开政府信息共{n}条"),
)
_ITEMS_APPROX = (
    ("{Y}年，{me}", "主动公开政府信息近{n}条"),
    ("", "全年主动公开政府信息约{n}条"),
    ("本年度共", "主动公开各类信息{n}条左右"),
)
_ITEMS_AT_LEAST = (
    ("{Y}年，{me}", "主动公开政府信息{n}余条"),
    ("", "全年公开政府信息{n}多条"),
    ("本年度", "主动公开政府信息{n}条以上"),
)
_CUMULATIVE = (
    ("", "累计主动公开政府信息{n}条", "exact"),
    ("通过政府信息公开目录系统", "累计主动公开政府信息已达{n}条", "exact"),
    ("", "历年累计主动公开政府信息{n}条", "exact"),
    ("", "截至{Y}年底，累计主动公开政府信息{n}条", "exact"),
    ("{me}", "累计公开政府信息{n}余条", "at_least"),
)
_INTERPRETATIONS = (
    ("{me}", "解读政策{n}条"),
    ("围绕重要政策文件，", "发布政策解读{n}篇"),
    ("", "全年解读政策{n}条"),
    ("{me}", "发布政策解读材料{n}篇"),
    ("结合工作实际，", "开展政策解读{n}次"),
)
_RECEIVED = (
    ("{Y}年，{me}", "共收到政府信息公开申请{n}件"),
    ("", "全年受理政府信息公开申请{n}件"),
    ("{Y}年度，", "收到依申请公开政府信息申请{n}件"),
    ("", "{me}共受理依申请公开{n}件"),
    ("本年度", "共收到公民、法人和其他组织提出的政府信息公开申请{n}件"),
)
_RECEIVED_ZERO = (
    ("{Y}年，{me}", "未收到政府信息公开申请"),
    ("本年度", "没有收到政府信息公开申请"),
    ("", "{me}未收到公民、法人或其他组织提出的政府信息公开申请"),
    ("{Y}年", "共受理政府信息公开申请{n}件"),
    ("", "全年未受理依申请公开政府信息事项"),
)
_FEES = (
    ("", "收取信息处理费{n}元"),
    ("全年", "收取检索、复制、邮寄费用共计{n}元"),
    ("{me}", "共收取政府信息公开相关费用{n}元"),
)
_FEES_ZERO = (
    ("{Y}年，{me}", "政府信息公开没有收费"),
    ("{me}提供政府信息时", "未收取任何费用"),
    ("{me}在依申请公开工作中", "未收取检索、复制、邮寄等费用"),
    ("本年度", "没有发生收费及减免情况"),
    ("全年", "收取信息公开费用{n}元"),
)
_REVIEW_ZERO_3 = (
    "没有发生因政府信息公开申请提起行政复议、行政诉讼和申诉的情况",
    "未发生因政府信息公开引起的行政复议、行政诉讼和申诉案件",
    "没有因政府信息公开工作而出现行政复议、行政诉讼或申诉情况",
)
_REVIEW_ZERO_2 = (
    "未发生因政府信息公开申请提起的行政复议和行政诉讼案件",
    "没有发生针对{me}政府信息公开事务的行政复议、行政诉讼",
    "未接到有关政府信息公开的行政复议、行政诉讼案件",
)
_RECON_ZERO = ("没有收到政府信息公开的行政复议申请", "未发生政府信息公开行政复议案件")
_RECON_N = ("因政府信息公开申请提起行政复议{n}件", "收到政府信息公开行政复议申请{n}件")
_LIT_ZERO = ("未发生政府信息公开行政诉讼案件", "没有被提起政府信息公开行政诉讼")
_LIT_N = ("被提起政府信息公开行政诉讼{n}件", "政府信息公开行政诉讼案件{n}起")
_COMP_ZERO = ("未收到有关政府信息公开的申诉", "没有发生政府信息公开申诉情况")
_COMP_N = ("收到政府信息公开申诉{n}件", "政府信息公开投诉、申诉{n}件")

_HEADINGS: dict[str, tuple[str, ...]] = {
    "overview": ("概述", "基本情况", "总体情况", "政府信息公开工作概述", "工作开展情况"),
    "proactive": ("主动公开政府信息情况", "政府信息主动公开情况", "主动公开情况"),
    "application": ("依申请公开政府信息情况", "政府信息依申请公开情况", "依申请公开办理情况"),
    "fees": ("政府信息公开的收费及减免情况", "收费及减免情况", "政府信息公开收费情况"),
    "review": (
        "因政府信息公开申请行政复议、提起行政诉讼的情况",
        "行政复议和行政诉讼情况",
        "政府信息公开申诉、行政复议和行政诉讼情况",
    ),
    "application+fees": ("依申请公开及收费减免情况", "政府信息依申请公开办理及收费情况"),
    "problems": ("存在的主要问题及改进措施", "存在的不足和改进措施", "主要问题和下一步工作打算"),
    "other": ("其他需要报告的事项", "政府信息公开咨询处理情况"),
}


def _fill(doc: Doc, template: str, n: int | float | None = None) -> str:
    return template.format(n=doc.num(n) if n is not None else "", Y=doc.year, me=doc.me())


def _say(doc: Doc, lead: str, quote: str, n: int | float | None) -> tuple[str, str]:
    """Sentence opening plus quote, formatted; returns (text, quote)."""
    q = _fill(doc, quote, n)
    return _fill(doc, lead) + q, q


def _heading(doc: Doc, ordinal: int, title: str, style: int) -> str:
    """Section heading with deliberately inconsistent numbering (一、 2、 三、 (四) 5. …)."""
    if doc.rng.random() < 0.25:
        style = rint(doc.rng, 4)
    space = " " if doc.rng.random() < 0.2 else ""
    if style == 0:
        return f"{CN_NUMERALS[ordinal]}、{space}{title}"
    if style == 1:
        return f"{ordinal + 1}、{space}{title}"
    if style == 2:
        return f"（{CN_NUMERALS[ordinal]}）{title}"
    return f"{ordinal + 1}.{space}{title}"


def _items_total(doc: Doc) -> int:
    """Scale of the year's proactive output, by level of the body."""
    scale = {"national": 5000, "province": 3000, "city": 1500, "county": 600, "township": 150}
    top = scale.get(doc.agency.admin_level, 600)
    return max(3, int(doc.rng.random() ** 2 * top))


def _categories(doc: Doc, total: int) -> str:
    """A 其中 breakdown of an exact total: counts summing to it, percents truncated as printed."""
    rng = doc.rng
    labels = list(pick(rng, CATEGORY_SETS))
    k = min(len(labels), max(2, min(total, rint(rng, 3, len(labels) + 1))))
    labels = labels[:k] if rng.random() < 0.5 else sample(rng, labels, k)
    weights = [rng.random() + 0.05 for _ in labels]
    scale = sum(weights)
    counts = [int(total * w / scale) for w in weights]
    counts[-1] += total - sum(counts)  # remainder to the last (often "其他") label
    form = rint(rng, 4)  # 0/1: with percents; 2/3: counts only (percent null in the truth)
    decimals = pick(rng, (1, 1, 1, 2)) if form < 2 else 0
    parts: list[str] = []
    for label, c in zip(labels, counts, strict=True):
        pct: float | None
        if decimals == 1:
            pct = c * 1000 // total / 10  # truncated, not rounded, as offices print them
            p = f"{pct:.1f}"
        elif decimals == 2:
            pct = c * 10000 // total / 100
            p = f"{pct:.2f}"
        else:
            pct, p = None, ""
        cs = doc.num(c)
        if form == 0:
            parts.append(f"{label}{cs}条，占{p}%")
        elif form == 1:
            parts.append(f"{label}{cs}条（占{p}%）")
        else:
            parts.append(f"{label}{cs}条")
        doc.categories.append([label, c, pct])
    if form == 0:
        return "其中，" + "；".join(parts)
    if form == 1:
        return "其中：" + "，".join(parts)
    return "其中" + ("、" if form == 2 else "，").join(parts)


def _proactive(doc: Doc) -> list[str]:
    rng = doc.rng
    sentences: list[str] = []
    total: int | None = None
    if rng.random() < 0.85:
        total = _items_total(doc)
        r = rng.random()
        if r < 0.7:
            lead, quote = pick(rng, _ITEMS_EXACT)
            text, q = _say(doc, lead, quote, total)
            doc.metric("proactive.items_new", total, q)
            if total >= 10 and rng.random() < 0.45:
                text += "，" + _categories(doc, total)
            sentences.append(text + "。")
        else:
            # Round figures: "近3000条", "400余条".
            total = max(10, total // 100 * 100 if total >= 200 else total // 10 * 10)
            approx = r < 0.82
            lead, quote = pick(rng, _ITEMS_APPROX if approx else _ITEMS_AT_LEAST)
            text, q = _say(doc, lead, quote, total)
            doc.metric("proactive.items_new", total, q, "approx" if approx else "at_least")
            sentences.append(text + "，内容涵盖工作动态、通知公告、政策文件等方面。")
    if rng.random() < 0.3:
        lead, quote, qual = pick(rng, _CUMULATIVE)
        cum = (total or _items_total(doc)) * rint(rng, 2, 9) + rint(rng, 0, 50)
        if qual == "at_least":
            cum = cum // 100 * 100 or 100
        text, q = _say(doc, lead, quote, cum)
        doc.metric("proactive.items_cumulative", cum, q, qual)
        # Cumulative before the year's figure is as common as after it.
        pos = 0 if rng.random() < 0.5 else len(sentences)
        sentences.insert(pos, text + "。")
    if rng.random() < 0.3:
        lead, quote = pick(rng, _INTERPRETATIONS)
        k = rint(rng, 1, 40)
        text, q = _say(doc, lead, quote, k)
        doc.metric("proactive.interpretations", k, q)
        sentences.append(text + "，以图文、视频等形式解读重要政策。")
    if rng.random() < 0.5:
        sentences.append(distractor(doc))
    if not sentences or rng.random() < 0.5:
        sentences.insert(0, filler_paragraph(doc, 1))
    return _paragraphs(doc, sentences)


def _paragraphs(doc: Doc, sentences: list[str]) -> list[str]:
    """Group sentences into one or two paragraphs."""
    if len(sentences) > 2 and doc.rng.random() < 0.5:
        cut = rint(doc.rng, 1, len(sentences))
        return ["".join(sentences[:cut]), "".join(sentences[cut:])]
    return ["".join(sentences)]


def _application(doc: Doc) -> list[str]:
    rng = doc.rng
    sentences: list[str] = []
    if rng.random() < 0.85:
        if rng.random() < 0.5:
            lead, quote = pick(rng, _RECEIVED_ZERO)
            text, q = _say(doc, lead, quote, 0)
            doc.metric("applications.received", 0, q)
            sentences.append(text + "。")
        else:
            top = 200 if doc.agency.admin_level in ("national", "province", "city") else 25
            n = 1 + int(rng.random() ** 2 * top)
            lead, quote = pick(rng, _RECEIVED)
            text, q = _say(doc, lead, quote, n)
            doc.metric("applications.received", n, q)
            if rng.random() < 0.4:
                text += "，" + _outcomes(doc, n)
            sentences.append(text + "，均在法定期限内予以答复。")
    if rng.random() < 0.35:
        sentences.append(distractor(doc))
    if not sentences:
        sentences.append(filler_paragraph(doc, 1))
    return ["".join(sentences)]


def _outcomes(doc: Doc, n: int) -> str:
    """How the year's applications were answered: counts that sum to n but are not headline keys."""
    labels = APPLICATION_OUTCOMES[: rint(doc.rng, 2, len(APPLICATION_OUTCOMES) + 1)]
    counts = [0] * len(labels)
    for _ in range(n):
        counts[0 if doc.rng.random() < 0.6 else rint(doc.rng, len(labels))] += 1
    parts = [f"{label}{doc.num(c)}件" for label, c in zip(labels, counts, strict=True) if c]
    return "其中" + "、".join(parts)


def _fees(doc: Doc) -> list[str] | None:
    rng = doc.rng
    if rng.random() >= 0.65:
        return None
    if rng.random() < 0.8:
        lead, quote = pick(rng, _FEES_ZERO)
        text, q = _say(doc, lead, quote, 0)
        doc.metric("fees.collected_yuan", 0, q)
    else:
        n = rint(rng, 1, 60) * 5
        lead, quote = pick(rng, _FEES)
        text, q = _say(doc, lead, quote, n)
        doc.metric("fees.collected_yuan", n, q)
    return [text + "。"]


def _review(doc: Doc) -> list[str] | None:
    """Reconsideration / litigation / complaints statements (combined or separate)."""
    rng = doc.rng
    r = rng.random()
    lead = pick(rng, ("", f"{doc.year}年，", "本年度，", f"{doc.me()}"))
    if r < 0.2:
        return None
    if r < 0.4:
        q = _fill(doc, pick(rng, _REVIEW_ZERO_3))
        for key in ("reconsideration.total", "litigation.total", "complaints.total"):
            doc.metric(key, 0, q)
        return [lead + q + "。"]
    if r < 0.6:
        q = _fill(doc, pick(rng, _REVIEW_ZERO_2))
        doc.metric("reconsideration.total", 0, q)
        doc.metric("litigation.total", 0, q)
        return [lead + q + "。"]
    if r < 0.68:
        a, b = rint(rng, 0, 4), rint(rng, 1, 4)
        qa, qb = f"行政复议{doc.num(a)}件", f"行政诉讼{doc.num(b)}件"
        doc.metric("reconsideration.total", a, qa)
        doc.metric("litigation.total", b, qb)
        return [f"{lead}因政府信息公开申请引发{qa}、{qb}，均已依法办理。"]
    clauses: list[str] = []
    recon_zero = False
    if rng.random() < 0.8:
        if rng.random() < 0.75:
            q = pick(rng, _RECON_ZERO)
            doc.metric("reconsideration.total", 0, q)
            recon_zero = True
        else:
            n = rint(rng, 1, 5)
            q = _fill(doc, pick(rng, _RECON_N), n)
            doc.metric("reconsideration.total", n, q)
        clauses.append(q)
    if rng.random() < 0.8:
        if rng.random() < 0.8:
            q = "也没有提起行政诉讼" if recon_zero and rng.random() < 0.5 else pick(rng, _LIT_ZERO)
            doc.metric("litigation.total", 0, q)
        else:
            n = rint(rng, 1, 4)
            q = _fill(doc, pick(rng, _LIT_N), n)
            doc.metric("litigation.total", n, q)
        clauses.append(q)
    if rng.random() < 0.5:
        if rng.random() < 0.85:
            q = pick(rng, _COMP_ZERO)
            doc.metric("complaints.total", 0, q)
        else:
            n = rint(rng, 1, 4)
            q = _fill(doc, pick(rng, _COMP_N), n)
            doc.metric("complaints.total", n, q)
        clauses.append(q)
    if not clauses:
        return None
    return [lead + "，".join(clauses) + "。"]


def _preamble(doc: Doc, section_titles: list[str], title_shown: bool) -> str:
    """Basis, contents and (maybe) the statistics period, with the regulation's name as a distractor."""
    rng = doc.rng
    a, y = doc.agency.name, doc.year
    basis = pick(
        rng,
        (
            "本年度报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）的规定编制。",
            f"根据《中华人民共和国政府信息公开条例》要求，现公布{a}{y}年政府信息公开工作年度报告。",
            f"依据《条例》和上级有关要求，{doc.me()}编制了{y}年度政府信息公开工作年度报告。",
        ),
    )
    if not title_shown and a not in basis:
        # Without a title line the preamble is the only place naming the body and the year.
        basis = f"根据《中华人民共和国政府信息公开条例》要求，现公布{a}{y}年政府信息公开工作年度报告。"
    parts = [basis]
    if rng.random() < 0.6:
        parts.append("全文包括" + "、".join(section_titles) + "等部分。")
    period = period_sentence(doc)
    if period:
        parts.append(period + "。")
    if rng.random() < 0.4:
        phone = f"0{rint(rng, 100, 999)}-{rint(rng, 2000000, 8999999)}"
        parts.append(f"如对本报告有疑问，请与{doc.me()}办公室联系（电话：{phone}）。")
    return "".join(parts)


def build_narrative(doc: Doc, title_shown: bool) -> None:
    """Write preamble and sections of a narrative report into doc."""
    rng = doc.rng
    proactive = _proactive(doc)
    application = _application(doc)
    fees = _fees(doc)
    review = _review(doc)

    sections: list[tuple[str, list[str]]] = []
    overview = [regulation_citation(doc) if rng.random() < 0.4 else filler_paragraph(doc, 2)]
    if rng.random() < 0.5:
        overview = [subheading(doc, i) + filler_paragraph(doc, rint(rng, 1, 3)) for i in range(3)]
    if rng.random() < 0.4:
        overview.append(distractor(doc) + filler_paragraph(doc, 1))
    sections.append(("overview", overview))
    sections.append(("proactive", proactive))
    if fees is not None and rng.random() < 0.25:
        sections.append(("application+fees", application + fees))
        fees = None
    else:
        sections.append(("application", application))
    if rng.random() < 0.15:
        sections.append(("other", [distractor(doc)]))
    if fees is not None:
        sections.append(("fees", fees))
    elif rng.random() < 0.2:
        sections.append(("fees", [filler_paragraph(doc, 1)]))  # the section exists, no fee stated
    if review is not None:
        sections.append(("review", review))
    problems = [problems_paragraph(doc)]
    if rng.random() < 0.8:
        problems.append(plans_paragraph(doc))
    sections.append(("problems", problems))

    titles = [pick(rng, _HEADINGS[kind]) for kind, _ in sections]
    doc.extend([_preamble(doc, titles, title_shown)])
    style = pick(rng, (0, 0, 0, 1, 2, 3))
    for i, ((_, paragraphs), title) in enumerate(zip(sections, titles, strict=True)):
        doc.add(_heading(doc, i, title, style))
        doc.extend(paragraphs)

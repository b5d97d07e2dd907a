"""Standard-template reports (2019 trial and 2021 formats): six fixed sections and tables 2, 3, 4.

Tables are built as rows of cell strings with the template's exact labels; every cell that holds a
number is recorded in the truth under its ``t2.*``/``t3.*``/``t4.*`` key with the cell text as quote.
Blank, "/" and "—" cells in table 2 are not numbers and get no truth row. Table 3 is generated
consistent: each row's 总计 is the six applicant columns summed, （七）总计 is the outcome rows summed
and 一 + 二 = （七）总计 + 四 in every column. Headline keys are derived exactly as the warehouse
defines them: applications.received / carried_over / processed = the 总计 of 一 / 二 / (七), reconsideration.total =
t4.reconsideration.total, litigation.total = the two litigation totals summed (no quote: no single
cell prints it).
"""

from __future__ import annotations

import functools
from random import Random

from ingest.devtools.sample.doc import Doc
from ingest.devtools.sample.filler import (
    distractor,
    filler_paragraph,
    period_sentence,
    plans_paragraph,
    problems_paragraph,
    regulation_citation,
)
from ingest.devtools.sample.layouts import Layout
from ingest.devtools.sample.rand import pick, rint
from ingest.devtools.sample.render import render_table
from ingest.devtools.sample.vocabulary import STANDARD_OVERVIEW_TOPICS
from ingest.extract.tables.reader import T3_HEADLINES
from ingest.vocabulary import APPLICANTS, T4_BLOCKS, T4_RESULTS

__all__ = ["T3_COLUMNS", "T4_BLOCKS", "T4_COLUMNS", "Rows", "build_standard", "t3_row_keys"]

Rows = list[list[str]]

_SECTION_TITLES = (
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
)

# Table keys from the vocabulary (written once for parser, generator, dbt and GX).
T3_COLUMNS = APPLICANTS
T4_COLUMNS = T4_RESULTS
_T3_ROW_KEYS = (
    "new_received", "carried_over", "granted", "partially_granted",
    "denied.state_secret", "denied.law_prohibited", "denied.three_safeties_one_stability",
    "denied.third_party_rights", "denied.internal_affairs", "denied.process_info",
    "denied.enforcement_case_file", "denied.admin_query",
    "unable.not_held", "unable.needs_creation", "unable.unclear_after_correction",
    "not_processed.petition_complaint", "not_processed.duplicate", "not_processed.publication",
    "not_processed.mass_repetitive", "not_processed.confirm_or_reissue",
    "other.overdue_correction", "other.overdue_fee", "other.other", "total_processed", "carried_forward",
)  # fmt: skip
# Truth keys per table-3 row, in column order (six applicant types, then 总计).
_T3_KEYS: dict[str, tuple[str, ...]] = {
    row: tuple(f"t3.{row}.{col}" for col in (*T3_COLUMNS, "total")) for row in _T3_ROW_KEYS
}
_T4_KEYS: dict[str, tuple[str, ...]] = {block: tuple(f"t4.{block}.{col}" for col in T4_COLUMNS) for block in T4_BLOCKS}

# Outcome rows of table 3: (key, group label or None, item label). The group label is the merged
# cell printed on the group's first row only, as flattened web tables show it. "{p}" is the
# paren style, "{d}" the item-number punctuation.
_DENIED = (
    ("denied.state_secret", "属于国家秘密"),
    ("denied.law_prohibited", "其他法律行政法规禁止公开"),
    ("denied.three_safeties_one_stability", "危及“三安全一稳定”"),
    ("denied.third_party_rights", "保护第三方合法权益"),
    ("denied.internal_affairs", "属于三类内部事务信息"),
    ("denied.process_info", "属于四类过程性信息"),
    ("denied.enforcement_case_file", "属于行政执法案卷"),
    ("denied.admin_query", "属于行政查询事项"),
)
_UNABLE = (
    ("unable.not_held", "本机关不掌握相关政府信息"),
    ("unable.needs_creation", "没有现成信息需要另行制作"),
    ("unable.unclear_after_correction", "补正后申请内容仍不明确"),
)
_NOT_PROCESSED = (
    ("not_processed.petition_complaint", "信访举报投诉类申请"),
    ("not_processed.duplicate", "重复申请"),
    ("not_processed.publication", "要求提供公开出版物"),
    ("not_processed.mass_repetitive", "无正当理由大量反复申请"),
    ("not_processed.confirm_or_reissue", "要求行政机关确认或重新出具已获取信息"),
)
_OTHER_2021 = (
    ("other.overdue_correction", "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("other.overdue_fee", "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other.other", "其他"),
)

# Relative frequency of each outcome (granted and not-held dominate real tables).
_OUTCOME_WEIGHT: dict[str, float] = {
    "granted": 0.4,
    "partially_granted": 0.1,
    "unable.not_held": 0.2,
    "unable.needs_creation": 0.03,
    "unable.unclear_after_correction": 0.03,
    "not_processed.petition_complaint": 0.05,
    "not_processed.duplicate": 0.04,
    "not_processed.confirm_or_reissue": 0.02,
    "other.other": 0.04,
    "other.overdue_correction": 0.03,
}


def t3_row_keys(version: str) -> list[str]:
    """Table-3 row keys in print order for a template version (2019 has a single （六） row)."""
    dropped = ("other.overdue_correction", "other.overdue_fee") if version == "standard_2019" else ()
    return [key for key in _T3_ROW_KEYS if key not in dropped]


def _paren(style: int, cn: str) -> str:
    return f"（{cn}）" if style == 0 else f"({cn})"


def _t3_row_labels(version: str, rng: Random) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(key, label cells) for every table-3 row of the given template version, in a random print style."""
    return _t3_labels_styled(version, rint(rng, 2), pick(rng, ("．", ".", "、")))


@functools.cache
def _t3_labels_styled(version: str, ps: int, dot: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    # Cached: only 12 print styles exist, and building the labels is a tenth of a report's cost.
    rows: list[tuple[str, tuple[str, ...]]] = [
        ("new_received", ("一、本年新收政府信息公开申请数量",)),
        ("carried_over", ("二、上年结转政府信息公开申请数量",)),
        ("granted", ("三、本年度办理结果", _paren(ps, "一") + "予以公开")),
        ("partially_granted", (_paren(ps, "二") + "部分公开" + _paren(ps, "区分处理的，只计这一情形，不计其他情形"),)),
    ]
    groups = [("三", "不予公开", _DENIED), ("四", "无法提供", _UNABLE), ("五", "不予处理", _NOT_PROCESSED)]
    if version == "standard_2021":
        groups.append(("六", "其他处理", _OTHER_2021))
    for cn, group, items in groups:
        for i, (key, label) in enumerate(items):
            item = f"{i + 1}{dot}{label}"
            rows.append((key, (_paren(ps, cn) + group, item) if i == 0 else (item,)))
    if version == "standard_2019":
        rows.append(("other.other", (_paren(ps, "六") + "其他处理",)))
    rows.append(("total_processed", (_paren(ps, "七") + "总计",)))
    rows.append(("carried_forward", ("四、结转下年度继续办理",)))
    return tuple(rows)


def _split(rng: Random, n: int, weights: list[float]) -> list[int]:
    """Split n into len(weights) non-negative parts, roughly proportional to the weights."""
    if n <= 0:
        return [0] * len(weights)
    if n <= 40:
        parts = [0] * len(weights)
        for i in rng.choices(range(len(weights)), weights=weights, k=n):
            parts[i] += 1
        return parts
    total = sum(weights)
    parts = [int(n * w / total) for w in weights]
    parts[max(range(len(weights)), key=weights.__getitem__)] += n - sum(parts)
    return parts


def _t3_numbers(doc: Doc, keys: list[str]) -> dict[str, list[int]]:
    """Consistent table-3 figures: key -> six applicant-column counts."""
    rng = doc.rng
    outcome_keys = [k for k in keys if k not in ("new_received", "carried_over", "total_processed", "carried_forward")]
    zero = [0] * 6
    if rng.random() < 0.35:
        new = list(zero)
    else:
        top = {"national": 3000, "province": 800, "city": 200, "county": 40, "township": 6}[doc.agency.admin_level]
        n = 1 + int(rng.random() ** 3 * top)
        # Natural persons file most requests; firms and law firms a share; NGOs and institutes few.
        new = _split(
            rng, n, [8.0, 1.5 * rng.random(), 0.1 * rng.random(), 0.1 * rng.random(), rng.random(), 0.6 * rng.random()]
        )
    carried = list(zero)
    if rng.random() < 0.25:
        carried = [rint(rng, 1, 4)] + [int(rng.random() < 0.15) for _ in range(5)]
    forward = list(zero)
    if rng.random() < 0.3:
        forward = [rint(rng, 0, new[c] + carried[c] + 1) if new[c] + carried[c] else 0 for c in range(6)]
        forward = [min(f, 1 + f // 5) for f in forward]  # most requests close within the year
    processed = [new[c] + carried[c] - forward[c] for c in range(6)]
    numbers = {"new_received": new, "carried_over": carried, "carried_forward": forward}
    if any(processed):
        weights = [_OUTCOME_WEIGHT.get(k, 0.01) * (0.2 + rng.random()) for k in outcome_keys]
        by_col = [_split(rng, processed[c], weights) for c in range(6)]
        for j, key in enumerate(outcome_keys):
            numbers[key] = [by_col[c][j] for c in range(6)]
    else:
        for key in outcome_keys:
            numbers[key] = zero
    numbers["total_processed"] = processed
    return numbers


def _table3(doc: Doc, version: str) -> Rows:
    """Table 3 rows (three header rows plus one row per template line) and their truth."""
    rng = doc.rng
    labelled = _t3_row_labels(version, rng)
    numbers = _t3_numbers(doc, [k for k, _ in labelled])
    head = ["申请人情况"]
    if rng.random() < 0.7:
        head.insert(0, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")
    rows: Rows = [
        head,
        ["自然人", "法人或其他组织", "总计"],
        ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"],
    ]
    keys: list[str] = []
    values: list[int] = []
    for key, labels in labelled:
        row = numbers[key]
        total = sum(row)
        keys.extend(_T3_KEYS[key])
        values.extend(row)
        values.append(total)
        rows.append([*labels, *map(str, row), str(total)])
    # About 200 cells a report: truth entries are built in one pass rather than via Doc.metric.
    doc.metrics.update(
        {k: {"value": v, "qualifier": "exact", "quote": str(v)} for k, v in zip(keys, values, strict=True)}
    )
    for headline, total_key in T3_HEADLINES:  # derived exactly as the warehouse derives them
        if total_key in doc.metrics:
            headline_value = doc.metrics[total_key]["value"]
            assert isinstance(headline_value, int)
            doc.metric(headline, headline_value, str(headline_value))
    return rows


def _table4(doc: Doc, plant_errors: bool = True) -> Rows:
    """Table 4: merged header rows and one data row of 15 numbers (three blocks of five).

    Without ``plant_errors`` no 总计 is misprinted (the draw still happens, so the stream is the same):
    a glued row whose sums do not add up has no split at all, and nothing left to flag.
    """
    rng = doc.rng
    data: list[str] = []
    totals: dict[str, int] = {}
    for block, p in zip(T4_BLOCKS, (0.2, 0.15, 0.1), strict=True):
        parts = [0, 0, 0, 0]
        if rng.random() < p:
            parts = [rint(rng, 0, 6), rint(rng, 0, 2), rint(rng, 0, 2), rint(rng, 0, 3)]
        values = [*parts, sum(parts)]
        if sum(parts) > 0 and rng.random() < 0.25 and plant_errors:
            # A deliberate source error, as real reports print it: a 总计 left at 0 (or off by one)
            # while its parts are not. The truth keeps the printed value; R4 must flag it.
            values[-1] = 0 if rng.random() < 0.5 else sum(parts) + 1
            doc.findings[f"R4_{block}"] = "fail"
            doc.notes.append(f"table 4 {block} prints a 总计 that is not the sum of its parts")
        totals[block] = values[-1]
        for cell_key, v in zip(_T4_KEYS[block], values, strict=True):
            cell = str(v)
            doc.metrics[cell_key] = {"value": v, "qualifier": "exact", "quote": cell}
            data.append(cell)
    doc.metric("reconsideration.total", totals["reconsideration"], str(totals["reconsideration"]))
    doc.metric("litigation.total", totals["litigation_direct"] + totals["litigation_after_reconsideration"], None)
    results = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    return [
        ["行政复议", "行政诉讼"],
        [*results, "未经复议直接起诉", "复议后起诉"],
        [*results, *results],
        data,
    ]


# Caseloads grow with the level of the body: a street office rarely decides thousands of cases.
_T2_SCALE = {"national": 1.0, "province": 1.0, "city": 0.6, "county": 0.3, "township": 0.05}


class _Table2:
    """Builds table-2 cells; some reports leave cells blank or write "/" (not numbers: no truth)."""

    def __init__(self, doc: Doc, plain: bool = False) -> None:
        self.doc = doc
        self.plain = plain  # bare non-negative numbers only (glued rows): no blanks, no signs
        self.scale = _T2_SCALE[doc.agency.admin_level]
        # 规章 are made by ministries and by provincial and city governments only.
        level = doc.agency.admin_level
        self.makes_rules = level == "national" or (
            doc.agency.agency_type == "government" and level in ("province", "city")
        )
        self.sparse = doc.rng.random() < 0.2 and not plain
        self.blank = pick(doc.rng, ("", "/", "—", "——"))
        if self.sparse:
            doc.notes.append(f"table 2 has empty cells ({self.blank or 'blank'}): not stated, not 0")

    def cell(self, key: str, value: int | float, text: str | None = None) -> str:
        if self.sparse and self.doc.rng.random() < 0.3:
            return self.blank
        text = str(value) if text is None else text
        self.doc.metric(key, value, text)
        return text

    def count(self, key: str, top: int, p_zero: float = 0.5) -> str:
        rng = self.doc.rng
        value = 0 if rng.random() < p_zero else 1 + int(rng.random() ** 3 * top * self.scale)
        return self.cell(key, value)

    def change(self, key: str) -> str:
        v = rint(self.doc.rng, -5, 6) if self.doc.rng.random() < 0.4 else 0
        if self.plain:
            v = abs(v)
            return self.cell(key, v)
        return self.cell(key, v, f"+{v}" if v > 0 and self.doc.rng.random() < 0.2 else str(v))

    def amount(self, key: str, top: float) -> str:
        rng = self.doc.rng
        if rng.random() < 0.5:
            text = pick(rng, ("0", "0.00", "0"))
        else:
            text = f"{rng.random() ** 2 * top:.{pick(rng, (2, 2, 4, 1))}f}"
        value: int | float = int(text) if "." not in text else float(text)
        return self.cell(key, value, text)


def _article(ps: int, item: str) -> list[str]:
    return [f"第二十条第{_paren(ps, item)}项"]


def _table2_2021(doc: Doc, plain: bool = False) -> list[Rows]:
    """Table 2 of the 2021 template, as four sub-tables (第二十条第（一）（五）（六）（八）项)."""
    t = _Table2(doc, plain)
    ps = rint(doc.rng, 2)
    # Bodies that cannot make 规章 print zeros in that row.
    if t.makes_rules:
        regs = [
            t.count("t2.regulations.made", 5),
            t.count("t2.regulations.repealed", 3),
            t.count("t2.regulations.in_force", 60),
        ]
    else:
        regs = [t.cell(f"t2.regulations.{col}", 0) for col in ("made", "repealed", "in_force")]
    made = rint(doc.rng, 0, 12) if doc.rng.random() < 0.6 else 0
    norms = [
        t.cell("t2.normative_docs.made", made),
        t.count("t2.normative_docs.repealed", 6, 0.6),
        t.cell("t2.normative_docs.in_force", made + rint(doc.rng, 0, 80)),
    ]
    return [
        [
            _article(ps, "一"),
            ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
            ["规章", *regs],
            ["行政规范性文件", *norms],
        ],
        [_article(ps, "五"), ["信息内容", "本年处理决定数量"], ["行政许可", t.count("t2.licensing.decisions", 6000)]],
        [
            _article(ps, "六"),
            ["信息内容", "本年处理决定数量"],
            ["行政处罚", t.count("t2.punishment.decisions", 4000)],
            ["行政强制", t.count("t2.coercion.decisions", 300, 0.7)],
        ],
        [
            _article(ps, "八"),
            ["信息内容", "本年收费金额（单位：万元）"],
            ["行政事业性收费", t.amount("t2.admin_fees.amount_wan_yuan", 9000.0)],
        ],
    ]


def _table2_2019(doc: Doc, plain: bool = False) -> list[Rows]:
    """Table 2 of the 2019 trial template (five sub-tables, 上一年项目数量 / 本年增/减 columns)."""
    t = _Table2(doc, plain)
    ps = rint(doc.rng, 2)
    three = ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"]

    def made(key: str, top: int) -> list[str]:
        if key == "t2.regulations" and not t.makes_rules:
            return [t.cell(f"{key}.{col}", 0) for col in ("new_made", "new_published", "total_published")]
        return [
            t.count(f"{key}.new_made", top),
            t.count(f"{key}.new_published", top),
            t.count(f"{key}.total_published", top * 10, 0.3),
        ]

    def items(key: str, top: int) -> list[str]:
        return [t.count(f"{key}.prev_items", 40, 0.3), t.change(f"{key}.change"), t.count(f"{key}.decisions", top)]

    wan = doc.rng.random() < 0.3  # some offices print the unit: then the key carries it
    amount_key = "t2.procurement.amount_wan_yuan" if wan else "t2.procurement.amount"
    return [
        [
            _article(ps, "一"),
            ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
            ["规章", *made("t2.regulations", 3)],
            ["规范性文件", *made("t2.normative_docs", 12)],
        ],
        [
            _article(ps, "五"),
            three,
            ["行政许可", *items("t2.licensing", 5000)],
            ["其他对外管理服务事项", *items("t2.other_services", 800)],
        ],
        [
            _article(ps, "六"),
            three,
            ["行政处罚", *items("t2.punishment", 3000)],
            ["行政强制", *items("t2.coercion", 200)],
        ],
        [
            _article(ps, "八"),
            ["信息内容", "上一年项目数量", "本年增/减"],
            ["行政事业性收费", t.count("t2.admin_fees.prev_items", 20), t.change("t2.admin_fees.change")],
        ],
        [
            _article(ps, "九"),
            ["信息内容", "采购项目数量", "采购总金额（万元）" if wan else "采购总金额"],
            ["政府集中采购", t.count("t2.procurement.projects", 40), t.amount(amount_key, 3000.0)],
        ],
    ]


_PROSE_ITEMS = (
    ("", "本年度主动公开政府信息{n}条", "exact"),
    ("", "全年通过门户网站主动公开政府信息{n}条", "exact"),
    ("{Y}年，", "{me}共主动公开各类政府信息{n}条", "exact"),
    ("全年", "主动公开政府信息{n}余条", "at_least"),
)
_PROSE_FEES = (
    ("", "全年收取政府信息公开信息处理费{n}元"),
    ("依据《政府信息公开信息处理费管理办法》，", "{me}本年度收取信息处理费{n}元"),
)
_PROSE_FEES_2019 = ("", "全年收取检索、复制、邮寄等费用{n}元")
_PROSE_FEES_ZERO_2021 = ("本年度未收取信息处理费", "{me}未收取任何信息处理费", "全年收取政府信息公开信息处理费{n}元")
_PROSE_FEES_ZERO_2019 = ("本年度未收取检索、复制、邮寄等费用", "{me}依申请提供政府信息未收取任何费用")


def _fmt(doc: Doc, template: str, n: int) -> str:
    return template.format(n=doc.num(n), Y=doc.year, me=doc.me())


def _overview(doc: Doc) -> list[str]:
    rng = doc.rng
    paragraphs = [filler_paragraph(doc, rint(rng, 1, 3))]
    topics = list(STANDARD_OVERVIEW_TOPICS[: rint(rng, 2, 6)])
    for i, topic in enumerate(topics):
        body = filler_paragraph(doc, rint(rng, 1, 3))
        if topic == "主动公开" and rng.random() < 0.5:
            lead, quote, qual = pick(rng, _PROSE_ITEMS)
            n = 20 + int(rng.random() ** 2 * 3000)
            if qual == "at_least":
                n = n // 10 * 10
            q = _fmt(doc, quote, n)
            doc.metric("proactive.items_new", n, q, qual)
            body = _fmt(doc, lead, 0) + q + "。" + body
        if rng.random() < 0.3:
            body += distractor(doc)
        ordinal = "（" + "一二三四五"[i] + "）"
        if rng.random() < 0.6:
            paragraphs.append(f"{ordinal}{topic}。{body}")
        else:
            paragraphs.extend([f"{ordinal}{topic}", body])
    if rng.random() < 0.3:
        paragraphs.append(regulation_citation(doc))
    return paragraphs


def _fees_sentence(doc: Doc, version: str) -> str | None:
    rng = doc.rng
    if rng.random() >= 0.6:
        return None
    if rng.random() < 0.15:
        n = rint(rng, 1, 40) * 10
        lead, quote = _PROSE_FEES_2019 if version == "standard_2019" else pick(rng, _PROSE_FEES)
        q = _fmt(doc, quote, n)
        doc.metric("fees.collected_yuan", n, q)
        return _fmt(doc, lead, n) + q + "。"
    q = _fmt(doc, pick(rng, _PROSE_FEES_ZERO_2021 if version == "standard_2021" else _PROSE_FEES_ZERO_2019), 0)
    doc.metric("fees.collected_yuan", 0, q)
    return q + "。"


def _preamble(doc: Doc, version: str, title_shown: bool) -> str:
    rng = doc.rng
    notice = "国办公开办函〔2021〕30号" if version == "standard_2021" else "国办公开办函〔2019〕60号"
    basis = pick(
        rng,
        (
            f"本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》（{notice}）要求编制。",
            f"根据《中华人民共和国政府信息公开条例》和上级有关要求，现公布{doc.agency.name}{doc.year}年政府信息公开工作年度报告。",
            f"依据《中华人民共和国政府信息公开条例》（国务院令第711号）第五十条规定，编制本报告（{notice}）。",
        ),
    )
    if not title_shown and doc.agency.name not in basis:
        basis = f"现公布{doc.agency.name}{doc.year}年度政府信息公开工作年度报告。" + basis
    parts = [basis]
    period = period_sentence(doc)
    if period:
        parts.append(period + "。")
    if rng.random() < 0.4:
        parts.append(
            "报告全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
            "政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。"
        )
    return "".join(parts)


def build_standard(doc: Doc, version: str, presentation: str, title_shown: bool, layout: Layout | None = None) -> None:
    """Write the six sections of a standard-template report into doc, tables in the given presentation.

    With a layout, tables are printed its way (see :mod:`ingest.devtools.sample.layouts`) and the truth loses
    the cells that print hides; ``presentation`` is then only the style of what the layout leaves.
    """
    rng = doc.rng
    style = rint(rng, 3)
    md = presentation == "markdown" and rng.random() < 0.5 and layout is None
    glued = layout is not None and layout.name == "glued"

    def heading(i: int) -> None:
        doc.add(("## " if md else "") + _SECTION_TITLES[i])

    def tables(tabs: list[Rows], kind: str) -> None:
        for rows in tabs:
            if layout is None:
                doc.add(render_table(rows, presentation, style))
            else:
                doc.add(layout.render(kind, rows, doc.metrics))

    preamble = _preamble(doc, version, title_shown)
    if rng.random() < 0.5:
        doc.extend([preamble])
        heading(0)
        doc.extend(_overview(doc))
    else:
        heading(0)
        doc.extend([preamble, *_overview(doc)])
    fees = _fees_sentence(doc, version)
    heading(1)
    tables(_table2_2021(doc, glued) if version == "standard_2021" else _table2_2019(doc, glued), "t2")
    heading(2)
    tables([_table3(doc, version)], "t3")
    heading(3)
    tables([_table4(doc, plant_errors=not glued)], "t4")
    heading(4)
    five = [problems_paragraph(doc), plans_paragraph(doc)]
    fees_in_five = fees is not None and rng.random() < 0.25
    if fees is not None and fees_in_five:
        five.append(fees)
    doc.extend(five)
    heading(5)
    six: list[str] = []
    if fees is not None and not fees_in_five:
        six.append(fees)
    if rng.random() < 0.3:
        six.append(distractor(doc))
    if not six or rng.random() < 0.3:
        six.append(pick(rng, ("无。", "本机关无其他需要报告的事项。", "本年度无其他需要报告的事项。")))
    doc.extend(six)

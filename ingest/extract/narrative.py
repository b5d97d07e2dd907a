"""Headline figures from report prose: positive counts, zero statements, competing totals.

Rules run on the flat view, clause by clause, and know which section a sentence is in. Each rule
has an id recorded with the figure. The headline proactive total is chosen by a documented score
(:func:`_score_items_new`); cumulative figures go to ``proactive.items_cumulative``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ingest.records import Metric
from ingest.text.clauses import Clause, Sentence
from ingest.text.normalize import TextView
from ingest.text.numbers import Quantity

__all__ = ["extract_narrative"]

_Put = Callable[[Metric], None]
# A negation that says "none of": 无法/无正当理由/未能/未予/未经复议/尚未审结/没有现成信息 negate
# something else (an ability, a reason, an outcome, a table-4 column) and state no zero.
_NEGATION = re.compile(
    r"(?:没有(?!现成)|未曾|尚无|均未|从未|不存在"
    r"|无(?!法|正当|关|偿|误|需|须|论|纸|疑|意|效|异|不)"
    r"|未(?!能|予|经|按|审结|及时|满|来|成年|列入|纳入))"
)
_ITEM_UNITS = ("条", "件", "篇", "项")
_INTERPRETATION_UNITS = ("条", "篇", "件", "次", "个", "期", "项")
_APPLICATION_UNITS = (None, "件", "条", "个", "份", "次", "宗", "项")
_CASE_UNITS = ("件", "起", "宗", "次", "个", "例")
_REVIEW_TERMS = (("复议", "reconsideration.total"), ("诉讼", "litigation.total"), ("申诉", "complaints.total"))
# A zero statement names complaints as 申诉 or 投诉 (未发生…投诉、行政复议); a positive 投诉 count is
# too often a hotline's, so only the zero reads it.
_ZERO_REVIEW_TERMS = (*_REVIEW_TERMS, ("投诉", "complaints.total"))
# Channels and activities whose counts are not the body's own proactive-disclosure total.
_PROACTIVE_DISTRACTORS = re.compile(
    r"微信|微博|公众号|头条|抖音|快手|热线|12345|培训|人次|咨询|报送|录用|档案馆|图书馆|点击|访问|浏览|会议|"
    r"新闻发布|视频|短信|图片|解读|专刊|简报|信访|复议|诉讼|申请|建议|提案|留言|信箱|转载|回复|回应|答复|"
    r"予以公开|部分公开|不予公开|不掌握|另行制作|标准|制发|印发"
)
# A sentence that has turned to applications (收到依申请公开12件，予以公开5件，…) counts their
# outcomes, not proactive items, however proactive its section.
_APPLICATION_TALK = re.compile(r"申请|予以公开|部分公开|不予|不掌握|另行制作|撤回")
_APPLICATION_DISTRACTORS = re.compile(r"复议|诉讼|申诉|咨询|12345|热线|信访|投诉|举报|建议|提案|交办|留言|信箱")
# Patterns of the rules below, compiled once (the rules run per clause and per number).
_TOTAL_MARKERS = re.compile(r"新增|全年|本年|今年|共计|总计|合计|共|\d{4}年")
_CUMULATIVE_WORDS = re.compile(r"累计|历年|截至目前|总数")
_CATEGORY_ITEM_END = re.compile(r"(?<![各等])类(?:信息)?$")
_PUBLISH_VERB = re.compile(r"公开|发布")
_PUBLISH_OR_SEND = re.compile(r"公开|发布|公布|发送")
_NOT_PROACTIVE = re.compile(r"不掌握|申请|不予")
_YEAR_CUMULATIVE = re.compile(r"(?:^|[。;；])[^。]{0,6}(?:19|20)\d{2}年(?:度)?[,，]?[^,，。]{0,12}累计主动公开")
_TO_DATE = re.compile(r"历年|截[至止]|已达|以来")
_RECEIVED_BEFORE = re.compile(r"(?:收到|受理|接到|接收|办理|依)[^，,；;]{0,30}申请[^0-9，,；;]{0,4}$")
_BY_APPLICATION_BEFORE = re.compile(r"依申请公开[^0-9，,；;信]{0,4}$")
_APPLICATION_NOUN_AFTER = re.compile(r"(?:政府信息公开|信息公开|依申请公开)?申请")
_RECEIVED_VERB = re.compile(r"收到|受理|接到|共")
_OUTCOME_WORDS = re.compile(r"办结|答复|予以公开|不予|部分公开")
_FEE_WORDS = re.compile(r"收取|收费|费用|处理费|复制|邮寄")
_DISCLOSURE_FEE_CONTEXT = re.compile(r"信息公开|信息处理费|检索|复制|邮寄")
_REVIEW_TERM_PATTERNS = tuple(
    (key, re.compile(rf"{term}[^0-9，,；;、]{{0,8}}$"), re.compile(rf"[^0-9，,；;、]{{0,4}}{term}"))
    for term, key in _REVIEW_TERMS
)
_REVIEW_SUBORDINATE = {term: re.compile(rf"{term}的(?!情况|案件|申请)") for term, _ in _ZERO_REVIEW_TERMS}
# 诉讼相关的费用支出 / 与行政复议有关的费用: the term qualifies an expense, it is not what is negated.
# Tight: the expense follows the term (and its 相关/有关的); a later heading's 相关费用情况 does not count.
_REVIEW_EXPENSE = {
    term: re.compile(rf"{term}(?:案件)?(?:[、和及与]行政(?:复议|诉讼))*(?:相关|有关)?的?(?:费用|支出|经费)")
    for term, _ in _ZERO_REVIEW_TERMS
}
# What the body spends, and table 2's administrative-fee header (本年收费金额（单位：万元）): neither
# is a disclosure fee, so neither states one.
_NOT_DISCLOSURE_FEE = re.compile(r"行政事业性|支出|经费|万元|单位[:：]")
_FEE_OBJECT = re.compile(r"收费|收取|费用")
_FEE_ZERO_CONTEXT = re.compile(r"信息公开|公开|申请|信息处理费|检索|复制|邮寄")
_APPLICATION_SUBORDINATE = re.compile(r"申请的(?!情况)")
_REFUSAL = re.compile(r"不予|驳回")
_COLON_NONE = re.compile(r"[:：]\s*(?:无|没有|0|零)$")
_ONLY_CLOSING = re.compile(r"[ ，,；;。.！!？?\n|]*\Z")
_CARRIED_OVER_BEFORE = re.compile(r"上年(?:度)?结转[^，,；;0-9]{0,16}$")
# The patterns anchored at the end of the text before a number ($) are searched in the last
# characters only: their longest match (plus one for a lookbehind) fits, and a search over the
# whole prefix would try every start position of a long clause for every number in it.
_CATEGORY_ITEM_WINDOW = 3 + 1  # 类信息, and the character its lookbehind examines
_RECEIVED_WINDOW = 2 + 30 + 2 + 4  # 收到 … 申请 …
_REVIEW_WINDOW = 2 + 8  # 复议 …
_CARRIED_OVER_WINDOW = 5 + 16  # 上年度结转 …
_OUTCOME_SUBJECT_WINDOW = 20  # 涉及政府信息公开的行政复议 | 未被撤销


def _metric(
    view: TextView, key: str, qty: Quantity, start: int, rule: str, sentence: Sentence, unit: str | None = None
) -> Metric:
    o_start, o_end = view.span(start, qty.end)
    return Metric(
        key=key,
        value=qty.value,
        qualifier=qty.qualifier,
        evidence=view.original[o_start:o_end],
        start=o_start,
        end=o_end,
        rule=rule,
        section=sentence.section,
        unit=unit or qty.unit,
    )


def _zero(view: TextView, key: str, start: int, end: int, rule: str, sentence: Sentence) -> Metric:
    o_start, o_end = view.span(start, end)
    return Metric(
        key=key,
        value=0.0,
        qualifier="exact",
        evidence=view.original[o_start:o_end],
        start=o_start,
        end=o_end,
        rule=rule,
        section=sentence.section,
    )


def _after_qizhong(text: str, sentence: Sentence, pos: int) -> bool:
    return "其中" in text[sentence.start : pos]


def _score_items_new(text: str, sentence: Sentence, c_start: int, qty: Quantity) -> int | None:
    """Score a candidate for ``proactive.items_new``; None when it cannot be the headline total.

    Rule: the body's own total for the year is a count of 条/件/篇/项 in a sentence about proactive
    disclosure (主动公开, or any 公开 sentence in a proactive section), not in a 其中 breakdown, not
    cumulative (累计/历年), and not a channel or activity count (WeChat posts, hotline cases,
    training, submissions to archives...). Among candidates, 主动公开 in the same clause scores
    highest, then in the same sentence; 新增/全年/本年/共/共计/总计 adds one. Ties go to the first.
    Two refinements: 2018年，我局累计主动公开…146条 (累计 scoped by a year, not 截至/历年) is that
    year's total, and a 其中 item that is itself 主动公开 (全年制作236条，其中主动公开158条) counts.
    Outside proactive sections, a 信息 count with a publishing verb and a year/全年/共 marker
    (全年信息更新468条) is a weak candidate.
    """
    if qty.unit not in _ITEM_UNITS:
        return None
    clause = text[c_start : qty.end]
    sentence_text = text[sentence.start : sentence.end]
    if _year_scoped_cumulative(text[sentence.start : qty.end]):
        return 5
    if _CUMULATIVE_WORDS.search(clause):
        return None
    if _CATEGORY_ITEM_END.search(text[max(c_start, qty.start - _CATEGORY_ITEM_WINDOW) : qty.start]):
        return None  # 机构职能类信息4条 is a category item, not a total
    if _after_qizhong(text, sentence, qty.start) and "主动公开" not in clause:
        return None
    if text.startswith("目录", qty.end) or _PROACTIVE_DISTRACTORS.search(clause):
        return None
    score = 0
    if "主动公开" in clause:
        score += 4
    elif "主动公开" in sentence_text and not _PROACTIVE_DISTRACTORS.search(sentence_text[: qty.end - sentence.start]):
        score += 2
    elif (
        "proactive" in sentence.kinds
        and _PUBLISH_VERB.search(sentence_text)
        # 信息 before the number: 发布…公告5件 in a proactive section counts one kind of document.
        and "信息" in text[sentence.start : qty.end]
        and not _APPLICATION_TALK.search(text, sentence.start, qty.end)
    ):
        score += 1
    elif (
        qty.unit == "条"
        and "信息" in clause
        and _PUBLISH_OR_SEND.search(clause)
        and _TOTAL_MARKERS.search(text, sentence.start, qty.end)
        and not _NOT_PROACTIVE.search(clause)
    ):
        return 1
    else:
        return None
    if _TOTAL_MARKERS.search(clause):
        score += 1
    return score


def _year_scoped_cumulative(clause: str) -> bool:
    """累计 within one stated year (2018年，我局累计主动公开…) rather than to date."""
    return bool(_YEAR_CUMULATIVE.search(clause) and not _TO_DATE.search(clause))


def extract_narrative(view: TextView, clauses: list[Clause]) -> dict[str, Metric]:
    """Headline metrics stated in prose; the first statement of each key wins (except items_new)."""
    text = view.text
    found: dict[str, Metric] = {}

    def put(metric: Metric) -> None:
        found.setdefault(metric.key, metric)

    best_items: tuple[int, Metric] | None = None
    for clause_record in clauses:
        sentence, c_start, c_end = clause_record.sentence, clause_record.start, clause_record.end
        clause = text[c_start:c_end]
        quantities = clause_record.quantities
        sentence_text = text[sentence.start : sentence.end]
        # A table printed as text is one long clause with a hundred numbers: what depends on the
        # clause alone is decided once, and the text before a number is sliced only when needed.
        applications_clause: bool | None = None
        for qty in quantities:
            # Each rule puts its own keys, so the order of the rules for one number does not matter.
            if qty.unit in _APPLICATION_UNITS:
                if applications_clause is None:
                    applications_clause = not _APPLICATION_DISTRACTORS.search(clause) and _applications_context(
                        sentence, clause
                    )
                if applications_clause:
                    _positive_applications(view, sentence, c_start, qty, put)
            if qty.unit is None:
                continue  # a bare number (most of a table printed as text): every rule below wants a unit
            score = _score_items_new(text, sentence, c_start, qty)
            if score is not None and (best_items is None or score > best_items[0]):
                best_items = (score, _metric(view, "proactive.items_new", qty, c_start, "items_new.scored", sentence))
            if qty.unit in _ITEM_UNITS:
                before = text[c_start : qty.start]
                if (
                    ("累计" in before or "历年" in before)
                    and not _year_scoped_cumulative(text[sentence.start : qty.end])
                    # The body's own cumulative total: 主动公开 in the sentence, or 政府信息 in a
                    # proactive section (a sub-site's 各项信息累计… is not the body's).
                    and ("主动公开" in sentence_text or ("proactive" in sentence.kinds and "政府信息" in before))
                    and not _PROACTIVE_DISTRACTORS.search(before)
                ):
                    put(_metric(view, "proactive.items_cumulative", qty, c_start, "items_cumulative.phrase", sentence))
            if qty.unit in _INTERPRETATION_UNITS and "解读" in text[max(c_start, qty.start - 12) : qty.start]:
                put(_metric(view, "proactive.interpretations", qty, c_start, "interpretations.phrase", sentence))
            _positive_fees(view, sentence, c_start, qty, put)
            _positive_review(view, sentence, c_start, qty, put)
            _carried_over(view, sentence, c_start, qty, put)
        # A clause cut off by the end of the text (没有收到政府信息公开… then nothing) states no zero:
        # what it denied is not known.
        if not _cut_off(text, c_end):
            _zero_statements(view, sentence, c_start, c_end, quantities, put)
            if not quantities:
                _colon_none(view, sentence, c_start, c_end, put)
    if best_items is not None:
        found.setdefault("proactive.items_new", best_items[1])
    return found


def _applications_context(sentence: Sentence, clause: str) -> bool:
    return "applications" in sentence.kinds or "公开" in clause


def _positive_applications(view: TextView, sentence: Sentence, c_start: int, qty: Quantity, put: _Put) -> None:
    """收到…申请5件 / 共5件申请, in a clause about applications (the caller checks the clause)."""
    text = view.text
    after = text[qty.end : qty.end + 12]
    tail = text[max(c_start, qty.start - _RECEIVED_WINDOW) : qty.start]
    if _RECEIVED_BEFORE.search(tail) or _BY_APPLICATION_BEFORE.search(tail):
        rule = "applications.received_phrase"
    elif (
        qty.unit is not None
        and _APPLICATION_NOUN_AFTER.match(after)
        and _RECEIVED_VERB.search(text, c_start, qty.start)
    ):
        rule = "applications.count_before_noun"
    else:
        return
    if _OUTCOME_WORDS.search(tail[-6:]):
        return
    put(_metric(view, "applications.received", qty, c_start, rule, sentence))


def _positive_fees(view: TextView, sentence: Sentence, c_start: int, qty: Quantity, put: _Put) -> None:
    if qty.unit != "元":
        return
    text = view.text
    before = text[c_start : qty.start]
    if _NOT_DISCLOSURE_FEE.search(before) or not _FEE_WORDS.search(before):
        return
    if not ("fees" in sentence.kinds or _DISCLOSURE_FEE_CONTEXT.search(text, sentence.start, sentence.end)):
        return
    put(_metric(view, "fees.collected_yuan", qty, c_start, "fees.amount_phrase", sentence))


def _positive_review(view: TextView, sentence: Sentence, c_start: int, qty: Quantity, put: _Put) -> None:
    if qty.unit not in _CASE_UNITS:
        return
    text = view.text
    before = text[c_start : qty.start]
    after = text[qty.end : qty.end + 8]
    sentence_text = text[sentence.start : sentence.end]
    if not ("review_litigation" in sentence.kinds or "信息公开" in sentence_text):
        return
    for key, before_term, after_term in _REVIEW_TERM_PATTERNS:
        if before_term.search(before[-_REVIEW_WINDOW:]) or after_term.match(after):
            put(_metric(view, key, qty, c_start, f"{key.split('.')[0]}.count_phrase", sentence))


def _zero_statements(
    view: TextView, sentence: Sentence, c_start: int, c_end: int, quantities: tuple[Quantity, ...], put: _Put
) -> None:
    """未收到 / 没有 / 无 … → 0 for what the clause is about.

    The negation must come before the object in the same clause, and a clause whose object is
    followed by 的 (未收到申请的…, a subordinate clause) is not a statement of zero. A number in
    the negation's scope makes it a count, not a zero; one before it (a page's BET3365 spam, a
    heading's figure glued on) does not.
    """
    text = view.text
    clause = text[c_start:c_end]
    negation = _NEGATION.search(clause)
    if negation is None:
        return
    if any(qty.start >= c_start + negation.start() for qty in quantities):
        return
    tail = clause[negation.end() :]
    sentence_text = text[sentence.start : sentence.end]
    # The subject right before the negation (复议…未被撤销); a heading run into the clause further
    # back is not.
    head = clause[max(0, negation.start() - _OUTCOME_SUBJECT_WINDOW) : negation.start()]
    # Each measure is zero only when its own word is in the negation's scope (the clause after it):
    # 未发生…行政复议 is no statement about 申诉, and a statement about fees none about lawsuits.
    review_hits = [(term, key) for term, key in _ZERO_REVIEW_TERMS if term in tail]
    disclosure_context = "信息公开" in sentence_text or "公开" in clause or "review_litigation" in sentence.kinds
    if review_hits and disclosure_context:
        if any(term in head for term, _ in _ZERO_REVIEW_TERMS):
            return  # 复议…未被撤销: the negation is about the outcome, not the count
        for term, key in review_hits:
            if _REVIEW_SUBORDINATE[term].search(tail) or _REVIEW_EXPENSE[term].search(tail):
                continue
            put(_zero(view, key, c_start, c_end, f"{key.split('.')[0]}.zero_statement", sentence))
        return
    # Fees before applications: 没有向依申请公开对象收取任何费用 is about fees.
    if _FEE_OBJECT.search(tail) and not _NOT_DISCLOSURE_FEE.search(clause):
        if "fees" in sentence.kinds or _FEE_ZERO_CONTEXT.search(clause + sentence_text):
            put(_zero(view, "fees.collected_yuan", c_start, c_end, "fees.zero_statement", sentence))
        return
    if "申请" in tail and _applications_context(sentence, clause) and not _APPLICATION_DISTRACTORS.search(clause):
        if _APPLICATION_SUBORDINATE.search(tail) or _REFUSAL.search(tail):
            return
        put(_zero(view, "applications.received", c_start, c_end, "applications.zero_statement", sentence))


_COLON_NONE_OBJECTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile("复议"), "reconsideration.total"),
    (re.compile("诉讼"), "litigation.total"),
    (re.compile("收费|费用"), "fees.collected_yuan"),
    (re.compile("申请"), "applications.received"),
)


def _colon_none(view: TextView, sentence: Sentence, c_start: int, c_end: int, put: _Put) -> None:
    """Form-style zero: 依申请受理信息公开申请：无 / 收费情况：无."""
    clause = view.text[c_start:c_end]
    match = _COLON_NONE.search(clause)
    if match is None:
        return
    head = clause[: match.start()]
    if _NOT_DISCLOSURE_FEE.search(head):
        return  # 与行政复议有关的费用支出：无 is about spending, neither a fee nor a count of cases
    for pattern, key in _COLON_NONE_OBJECTS:
        if pattern.search(head):
            put(_zero(view, key, c_start, c_end, f"{key.split('.')[0]}.colon_none", sentence))
            return


def _cut_off(text: str, clause_end: int) -> bool:
    """True when the clause runs to the end of the text without closing punctuation."""
    return _ONLY_CLOSING.match(text, clause_end) is not None and not re.search(r"[。；;！!？?.]\s*$", text)


def _carried_over(view: TextView, sentence: Sentence, c_start: int, qty: Quantity, put: _Put) -> None:
    """上年结转政府信息公开申请2件 → applications.carried_over."""
    if qty.unit not in ("件", "条", "个", "份"):
        return
    before = view.text[c_start : qty.start]
    after = view.text[qty.end : qty.end + 6]
    mentions_application = "申请" in before or "申请" in before[-1:] + after
    if mentions_application and _CARRIED_OVER_BEFORE.search(before[-_CARRIED_OVER_WINDOW:]):
        put(_metric(view, "applications.carried_over", qty, c_start, "applications.carried_over_phrase", sentence))

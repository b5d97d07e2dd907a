"""Report-level facts: title, report year, statistics period, and the agency's name as printed.

The agency's name is found by :mod:`ingest.extract.agency.names`; this module quotes it back as the report
prints it. The template version is :mod:`ingest.extract.tables.template`'s.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ingest.extract.agency.names import REPORT_WORDS, TITLE_END, YEAR, choose_agency
from ingest.text.normalize import TextView, squeeze

__all__ = ["Metadata", "extract_metadata", "find_title", "report_year", "statistics_period"]

_YEAR_RE = re.compile(YEAR)
_TITLE_YEAR_RE = re.compile(r"(?:19|20)\d{2}年")
_REPORT_WORDS_RE = re.compile(REPORT_WORDS)
_TITLE_END_RE = re.compile(TITLE_END)
_PERIOD_RE = re.compile(
    r"统计(?:期限|时间|时限|期间|区间|范围)[^。]{0,12}?(?P<y1>(?:19|20)\d{2})年(?P<m1>\d{1,2})月(?P<d1>\d{1,2})日"
    r"[^。]{0,8}?至(?P<y2>(?:19|20)\d{2})年(?P<m2>\d{1,2})月(?P<d2>\d{1,2})日"
)
_CUTOFF_RE = re.compile(r"截[止至](?P<y>(?:19|20)\d{2})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日")
_REPORT_NAMED_YEAR_RE = re.compile(rf"{YEAR}{REPORT_WORDS}(?:工作)?(?:年度)?(?:报告|年报)")
_SENTENCE_START_YEAR_RE = re.compile(r"(?:^|[。\n])\s*(?P<year>(?:19|20)\d{2})年度?[,，]")
_ANY_YEAR_RE = re.compile(r"(?P<year>(?:19|20)\d{2})年(?!\d{1,2}月\d{1,2}日起?施行)")
_CITATION_RE = re.compile(r"《[^》]{0,80}》|〔[^〕]{0,10}〕|\[[^\]]{0,10}\]")
# Pinyin glosses that mirror sites put after characters (區(qū), 報(bào)告): not part of any name or title.
_GLOSS_RE = re.compile(r"(?<=[\u3400-\u9fff])[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[)）]")


@dataclass(frozen=True)
class Metadata:
    """What the report says about itself."""

    title: str | None
    report_year: int | None
    agency_name: str | None
    period_start: str | None
    period_end: str | None
    year_rule: str | None
    agency_canonical: str | None = None  # the name in simplified characters (what regions resolve)


def find_title(lines: list[str]) -> tuple[int, str] | None:
    """Index and text of the title line among the first lines (it names the report and a year)."""
    for index, line in enumerate(lines[:25]):
        compact = squeeze(line)
        if len(compact) > 90 or "年" not in compact or not _TITLE_YEAR_RE.search(compact):
            continue
        joined = compact + (squeeze(lines[index + 1]) if index + 1 < len(lines) else "")
        if _REPORT_WORDS_RE.search(joined) and _TITLE_END_RE.search(joined):
            if "条例" in compact or "通知" in compact[:4]:
                continue
            return index, compact
    return None


def statistics_period(flat: str) -> tuple[str | None, str | None]:
    """Start and end dates of the statistics period (统计期限自…起至…止), ISO strings."""
    match = _PERIOD_RE.search(flat)
    if match:
        return (
            f"{match['y1']}-{int(match['m1']):02d}-{int(match['d1']):02d}",
            f"{match['y2']}-{int(match['m2']):02d}-{int(match['d2']):02d}",
        )
    cutoff = _CUTOFF_RE.search(flat)
    if cutoff:
        return None, f"{cutoff['y']}-{int(cutoff['m']):02d}-{int(cutoff['d']):02d}"
    return None, None


def report_year(flat: str, title: str | None, period_start: str | None) -> tuple[int | None, str | None]:
    """The year the statistics cover, and the rule that decided it."""
    if title and (match := _YEAR_RE.search(title)):
        return int(match["year"]), "title"
    if period_start:
        return int(period_start[:4]), "statistics_period"
    match = _REPORT_NAMED_YEAR_RE.search(flat[:2000])
    before = flat[max(0, match.start() - 30) : match.start()] if match else ""
    if match and before.count("《") <= before.count("》"):  # not inside a cited title
        return int(match["year"]), "report_named"
    match = _SENTENCE_START_YEAR_RE.search(flat)
    if match:
        return int(match["year"]), "sentence_start"
    counts = Counter(int(m["year"]) for m in _ANY_YEAR_RE.finditer(_drop_citations(flat)))
    if counts:
        return counts.most_common(1)[0][0], "most_frequent_year"
    return None, None


def _drop_citations(flat: str) -> str:
    return _CITATION_RE.sub("", flat)


def extract_metadata(lines_view: TextView, flat_view: TextView) -> Metadata:
    """Title, year, agency and period of one report."""
    lines_view, flat_view = _without_glosses(lines_view), _without_glosses(flat_view)
    lines = lines_view.text.split("\n")
    non_empty = [line for line in lines if line.strip()]
    flat = flat_view.text
    title_hit = find_title(non_empty)
    title = title_hit[1] if title_hit else None
    canonical = choose_agency(non_empty, lines_view.text, flat, title_hit)
    agency = canonical
    if agency and (found := flat.find(agency)) >= 0:
        # Keep the name as printed (traditional characters, original spacing removed).
        agency = _GLOSS_RE.sub("", squeeze(flat_view.quote(found, found + len(agency))))
    period_start, period_end = statistics_period(flat)
    year, rule = report_year(flat, title, period_start)
    return Metadata(title, year, agency, period_start, period_end, rule, canonical)


def _without_glosses(view: TextView) -> TextView:
    """``view`` without pinyin glosses (西藏自治區(qū) → 西藏自治區), offsets still into the original."""
    spans = [m.span() for m in _GLOSS_RE.finditer(view.text)]
    if not spans:
        return view
    keep: list[int] = []
    text: list[str] = []
    last = 0
    for start, end in (*spans, (len(view.text), len(view.text))):
        text.append(view.text[last:start])
        keep.extend(range(last, start))
        last = end
    return TextView("".join(text), [view.offsets[i] for i in keep], view.original)

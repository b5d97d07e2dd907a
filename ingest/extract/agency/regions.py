"""Region resolution against the GB/T 2260 gazetteer in ``seeds/regions.csv`` (from jionlp's data).

An agency name is parsed from its start into gazetteer units (遂宁市安居区教育局 → 遂宁市 → 安居区);
a name without a region prefix falls back to the report's context (a unified social credit code in
the page chrome, the one county or city the text names). Same-name units (several 鼓楼区, 朝阳区) are
told apart by the other names, telephone area codes and postcodes in the text; when that fails the
resolution is *ambiguous* and lists its candidates instead of guessing.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ingest import SEEDS_DIR

__all__ = [
    "MUNICIPALITIES",
    "REGIONS_CSV",
    "Context",
    "Gazetteer",
    "Region",
    "Resolution",
    "complete_name",
    "fix_ocr_prefix",
    "gazetteer",
    "parse_prefix",
    "resolve_region",
    "unique_unit_ending",
]

REGIONS_CSV = SEEDS_DIR / "regions.csv"
MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
_NAME_END = frozenset("省市区县州盟旗")
_NAME_END_RE = re.compile("[省市区县州盟旗]")
# Names too generic to count as a mention in running text (城区学校, 矿区) unless they prefix a name.
_GENERIC = frozenset({"城区", "郊区", "矿区", "东区", "西区"})
# A lookahead on the first character (here and in _CREDIT_RE) lets the engine reject most positions in one test.
_PHONE_RE = re.compile(r"(?=[0(（])(?:(?<!\d)(0\d{2,3})\s*[-－—–)）]\s*\d{7,8}(?!\d)|[(（](0\d{2,3})[)）])")
_POSTCODE_RE = re.compile(r"邮\s*(?:政)?\s*编\s*(?:码)?\s*[:：]?\s*(\d{6})(?!\d)")
# 18-character unified social credit code (统一社会信用代码): characters 3-8 are the division code.
_CREDIT_RE = re.compile(r"(?=[1-9A-Y])(?<![0-9A-Z])[1-9A-Y][1-9A-Z](\d{6})[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])")


@dataclass(frozen=True)
class Region:
    """One row of the gazetteer (a current unit, or a former name pointing at its successor's code)."""

    code: str
    name: str
    short_name: str
    level: str  # province | city | county
    parent_code: str | None
    province: str
    city: str | None
    county: str | None
    area_code: str | None
    postcode: str | None
    valid_to: str | None

    def ancestors(self, gaz: Gazetteer) -> tuple[str, ...]:
        """Codes of the units above this one (city, then province)."""
        codes: list[str] = []
        parent = self.parent_code
        while parent and parent in gaz.by_code and len(codes) < 3:
            codes.append(parent)
            parent = gaz.by_code[parent].parent_code
        return tuple(codes)


@dataclass(frozen=True)
class Gazetteer:
    """The gazetteer indexed by name (full names and safe aliases) and by code (current units)."""

    by_name: dict[str, tuple[Region, ...]]
    by_code: dict[str, Region]
    max_len: int


@dataclass(frozen=True)
class Resolution:
    """Where a report's body sits: the deepest unit resolved, or the candidates when ambiguous."""

    province: str | None = None
    city: str | None = None
    county: str | None = None
    code: str | None = None
    level: str | None = None  # level of the unit the code belongs to
    rule: str | None = None
    candidates: tuple[Region, ...] = field(default_factory=tuple)
    mention: str | None = None  # the ambiguous name

    @property
    def ambiguous(self) -> bool:
        return self.code is None and len(self.candidates) > 1


def _aliases(region: Region) -> list[str]:
    names = [region.name]
    shorts = [s for s in region.short_name.split("/") if s]
    if region.name.endswith("自治州"):
        names += [s if s.endswith("州") else s + "州" for s in shorts]
    elif region.name.endswith("自治县"):
        names += [s + "县" for s in shorts if not s.endswith("县")]
    elif region.name.endswith("自治旗"):
        names += [s + "旗" for s in shorts if not s.endswith("旗")]
    elif region.level == "province" and region.name.endswith("自治区"):
        names += shorts
    return names


@lru_cache(maxsize=1)
def gazetteer(path: Path = REGIONS_CSV) -> Gazetteer:
    """Load and index ``seeds/regions.csv`` once per process."""
    by_name: dict[str, list[Region]] = {}
    by_code: dict[str, Region] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            region = Region(
                code=row["code"],
                name=row["name"],
                short_name=row["short_name"],
                level=row["level"],
                parent_code=row["parent_code"] or None,
                province=row["province"],
                city=row["city"] or None,
                county=row["county"] or None,
                area_code=row["area_code"] or None,
                postcode=row["postcode"] or None,
                valid_to=row["valid_to"] or None,
            )
            if region.valid_to is None:
                by_code.setdefault(region.code, region)
            for alias in _aliases(region):
                by_name.setdefault(alias, []).append(region)
    # Two first-character aliases widely used for autonomous prefectures (博州, 巴州, 克州) when unique.
    prefectures = {r.code: r for rs in by_name.values() for r in rs if r.name.endswith("自治州")}
    firsts = Counter(r.name[0] for r in prefectures.values())
    for regions in list(by_name.values()):
        for region in regions:
            alias = region.name[0] + "州"
            if region.name.endswith("自治州") and firsts[region.name[0]] == 1 and alias not in by_name:
                by_name[alias] = [region]
    frozen = {name: tuple(dict.fromkeys(regions)) for name, regions in by_name.items()}
    return Gazetteer(frozen, by_code, max(len(n) for n in frozen))


def parse_prefix(name: str) -> tuple[list[tuple[str, tuple[Region, ...]]], int]:
    """Gazetteer units at the start of an agency name, longest match first, and where they end.

    ``遂宁市安居区教育局`` → ([('遂宁市', …), ('安居区', …)], 6).
    """
    parts, pos = _parse_prefix(name)
    return list(parts), pos


@lru_cache(maxsize=8192)  # agency names are parsed several times per report, and recur across reports
def _parse_prefix(name: str) -> tuple[tuple[tuple[str, tuple[Region, ...]], ...], int]:
    gaz = gazetteer()
    parts: list[tuple[str, tuple[Region, ...]]] = []
    pos = 0
    while pos < len(name):
        for length in range(min(gaz.max_len, len(name) - pos), 1, -1):
            piece = name[pos : pos + length]
            if piece in gaz.by_name:
                parts.append((piece, gaz.by_name[piece]))
                pos += length
                break
        else:
            break
    return tuple(parts), pos


@lru_cache(maxsize=1)
def _name_lengths() -> dict[str, tuple[int, ...]]:
    """Lengths (two or more, longest first) of the gazetteer names ending in each of 省市区县州盟旗."""
    lengths: dict[str, set[int]] = {ch: set() for ch in _NAME_END}
    for name in gazetteer().by_name:
        if name[-1] in lengths and len(name) > 1:
            lengths[name[-1]].add(len(name))
    return {ch: tuple(sorted(found, reverse=True)) for ch, found in lengths.items()}


@lru_cache(maxsize=4)  # a report's text is searched by several rules
def _mentions(text: str) -> tuple[tuple[int, str], ...]:
    gaz = gazetteer()
    lengths = _name_lengths()
    found: list[tuple[int, str]] = []
    last_start = -1
    for match in _NAME_END_RE.finditer(text):
        end = match.end()
        for length in lengths[match[0]]:
            if length > end:
                continue
            piece = text[end - length : end]
            if piece in gaz.by_name and end - length > last_start:
                generic = len(piece) == 2 and (piece in _GENERIC or piece[-1] == "县")
                if generic and not _preceded_by_parent(text, end - length, gaz.by_name[piece]):
                    break
                found.append((end, piece))
                last_start = end - 1
                break
    return tuple(found)


def _preceded_by_parent(text: str, start: int, regions: tuple[Region, ...]) -> bool:
    return bool(_printed_parent(text, start, regions))


@dataclass(frozen=True)
class Context:
    """What the report text says about its place besides the agency name."""

    names: Counter[str]
    area_codes: frozenset[str]
    postcodes: frozenset[str]
    credit_codes: tuple[str, ...]


@lru_cache(maxsize=4)  # resolve_region and fix_ocr_prefix read the same report; callers must not mutate it
def _context(text: str) -> Context:
    names = Counter(name for _, name in _mentions(text))
    area = frozenset(m.group(1) or m.group(2) for m in _PHONE_RE.finditer(text))
    posts = frozenset(m.group(1) for m in _POSTCODE_RE.finditer(text))
    credit = tuple(dict.fromkeys(m.group(1) for m in _CREDIT_RE.finditer(text) if m.group(1) in gazetteer().by_code))
    return Context(names, area, posts, credit)


def _evidence(region: Region, context: Context) -> int:
    """How strongly the context points at this candidate (0 = not at all)."""
    gaz = gazetteer()
    score = 0
    for code in region.ancestors(gaz):
        if gaz.by_code[code].name in context.names:
            score += 2
    city = gaz.by_code.get(region.code[:4] + "00")
    if city is not None:
        if city.area_code and city.area_code in context.area_codes:
            score += 2
        if city.postcode and any(p[:3] == city.postcode[:3] for p in context.postcodes):
            score += 1
    if any(code == region.code or code[:4] == region.code[:4] for code in context.credit_codes):
        score += 3
    return score


def _choose(candidates: tuple[Region, ...], context: Context) -> tuple[Region, ...]:
    """Candidates left after the context has spoken (one = resolved)."""
    current = tuple(dict.fromkeys(candidates))
    if len({r.code for r in current}) <= 1:
        return current[:1]
    scores = [(_evidence(r, context), r) for r in current]
    best = max(score for score, _ in scores)
    winners = tuple(r for score, r in scores if score == best)
    return winners if best > 0 else current


def _result(region: Region, rule: str) -> Resolution:
    return Resolution(region.province, region.city, region.county, region.code, region.level, rule)


def _chain(parts: list[tuple[str, tuple[Region, ...]]]) -> tuple[Region, ...]:
    """Candidates for the deepest part that are consistent with the parts before it."""
    gaz = gazetteer()
    candidates = parts[0][1]
    for _, deeper in parts[1:]:
        allowed = {r.code for r in candidates}
        narrowed = tuple(r for r in deeper if allowed & {r.code, *r.ancestors(gaz)})
        if not narrowed:
            break
        candidates = narrowed
    return candidates


# Development and pilot zones named after the unit that holds them, often by its short name (西宁经济技术
# 开发区, 郑州高新区, 中国(河北)自由贸易试验区雄安片区, 海门经济技术开发区).
_ZONE_RE = re.compile(
    r"^(?:中国[(（](?P<paren>[\u4e00-\u9fff]{2,8})[)）])?(?P<place>[\u4e00-\u9fff]{2,8}?)?"
    r"(?:国家级)?(?:经济技术开发区|高新技术产业开发区|经济开发区|高新区|经开区|开发区|综合实验区|综合试验区|"
    r"自由贸易试验区|自贸区|保税区|工业园区|产业园区|新区|示范区)"
)


@lru_cache(maxsize=1)
def _short_names() -> dict[str, tuple[Region, ...]]:
    """Current units by short name (西宁 → 西宁市), for names that use the short form."""
    index: dict[str, list[Region]] = {}
    for region in gazetteer().by_code.values():
        for short in region.short_name.split("/"):
            if len(short) >= 2:
                index.setdefault(short, []).append(region)
    return {short: tuple(regions) for short, regions in index.items()}


def _zone_units(name: str, context: Context) -> tuple[str, tuple[Region, ...]] | None:
    """The unit a zone's name says holds it (西宁经济技术开发区 → 西宁市), and the candidates.

    A full unit name counts alone; a short name (西宁, 从化) only where the text also points at the
    unit (its name, parent, telephone or postcode), since short names collide (桃园 is also in Taiwan).
    """
    match = _ZONE_RE.match(name)
    if match is None:
        return None
    gaz = gazetteer()
    for place in (match["paren"], match["place"]):
        if not place:
            continue
        # 广东从化经济开发区: a province's short name may lead the holding unit's
        for start in (0, 2, 3):
            piece = place[start:]
            if len(piece) < 2:
                break
            if piece in gaz.by_name:
                return piece, gaz.by_name[piece]
            attested = tuple(
                r
                for r in _short_names().get(piece, ())
                if r.level == "province" or r.name in context.names or _evidence(r, context) > 0
            )
            if attested:
                return piece, attested
    return None


def resolve_region(name: str | None, text: str, *, use_context_fallback: bool = True) -> Resolution:
    """Province / city / county / code of the body named ``name`` (simplified), in report ``text``.

    ``use_context_fallback`` allows a name without a region prefix (林业局, 东岭镇人民政府) to take the
    place from the text: a credit code in the page chrome, or the single county/city it names.
    """
    context = _context(text)
    if name:
        parts, _ = parse_prefix(name)
        if parts:
            chosen = _choose(_chain(parts), context)
            if len(chosen) == 1:
                return _result(chosen[0], "name" if len(_chain(parts)) == 1 else "name_context")
            return Resolution(rule="ambiguous", candidates=chosen, mention=parts[-1][0])
        zone = _zone_units(name, context)
        if zone is not None:
            place, regions = zone
            chosen = _choose(regions, context)
            if len(chosen) == 1:
                return _result(chosen[0], "zone_name")
            return Resolution(rule="ambiguous", candidates=chosen, mention=place)
    if not use_context_fallback:
        return Resolution()
    if name and name.startswith(("省", "自治区")) and (province := _one_province(context)) is not None:
        # 自治区人民政府办公厅 in a text that names one province-level unit (新疆维吾尔自治区): that one,
        # even where it names many of its cities and counties too
        return _result(province, "text_province")
    for code in context.credit_codes:
        region = gazetteer().by_code[code]
        if region.level == "county" or not context.names:
            return _result(region, "credit_code")
    return _from_mentions(context)


def _one_province(context: Context) -> Region | None:
    """The province-level unit the text names, if it names exactly one."""
    gaz = gazetteer()
    found = {r.code: r for name in context.names for r in gaz.by_name[name] if r.level == "province"}
    return next(iter(found.values())) if len(found) == 1 else None


def _from_mentions(context: Context) -> Resolution:
    """The one deepest unit the text names (its ancestors may be named too), else nothing."""
    gaz = gazetteer()
    units: dict[str, Region] = {}
    for name in context.names:
        regions = _choose(gaz.by_name[name], context)
        if len(regions) == 1:
            units[regions[0].code] = regions[0]
    if not units:
        return Resolution()
    ancestors = {code for r in units.values() for code in r.ancestors(gaz)}
    leaves = [r for code, r in units.items() if code not in ancestors]
    if len(leaves) == 1:
        return _result(leaves[0], "text_mention")
    return Resolution()


def complete_name(generic: str, text: str) -> str | None:
    """A region-prefixed form of a name the title gives without its place (区教育局 → 安居区教育局).

    Looks for the same function words behind a gazetteer name in the text (the full name as the
    report prints it elsewhere); returns None when the text never writes it in full.
    """
    stem = generic[1:]
    level_char = generic[0]
    if len(stem) < 2:
        return None
    gaz = gazetteer()
    found: Counter[str] = Counter()
    for match in re.finditer(re.escape(stem), text):
        start = match.start()
        for length in range(min(gaz.max_len, start), 1, -1):
            prefix = text[start - length : start]
            if prefix.endswith(level_char) and prefix in gaz.by_name:
                # keep a parent name printed right before it (遂宁市安居区)
                parent = _printed_parent(text, start - length, gaz.by_name[prefix])
                found[parent + prefix] += 1
                break
    if not found:
        return None
    return found.most_common(1)[0][0] + stem


def _printed_parent(text: str, start: int, regions: tuple[Region, ...]) -> str:
    gaz = gazetteer()
    for region in regions:
        for code in region.ancestors(gaz):
            parent = gaz.by_code[code].name
            if text[max(0, start - len(parent)) : start] == parent:
                return parent
    return ""


def unique_unit_ending(text: str, level_char: str) -> str | None:
    """The one gazetteer name ending in ``level_char`` (县/区/市) that the text mentions, if only one."""
    names = {name for _, name in _mentions(text) if name.endswith(level_char)}
    return names.pop() if len(names) == 1 else None


def fix_ocr_prefix(name: str, text: str) -> str:
    """Correct a one-character slip in a county-level place that starts a name (沐阳县 → 沭阳县).

    Only when the printed place is not in the gazetteer and, among the county-level units that differ
    from it by one character at the same length, exactly one is named in the text (or, failing that,
    exactly one lies under a city or province the text names). The printed name is kept as
    ``agency_name``; this is the canonical form beside it.
    """
    if not name or name[0] in "区县市省旗州" or parse_prefix(name)[0]:
        return name
    mentioned = set(_context(text).names)
    for length in (3, 4):
        printed = name[:length]
        if len(printed) < length or printed[-1] not in "县区市旗":
            continue
        near = {
            alias
            for alias in _county_aliases(length, printed[-1])
            if sum(a != b for a, b in zip(alias, printed, strict=True)) == 1
        }
        named = [alias for alias in near if alias in mentioned]
        attested = named or [alias for alias in near if _related_names(alias) & mentioned]
        if len(attested) == 1:
            return attested[0] + name[length:]
    return name


@lru_cache(maxsize=16)
def _county_aliases(length: int, last: str) -> tuple[str, ...]:
    """Names of ``length`` characters ending in ``last`` that denote a county-level unit."""
    return tuple(
        alias
        for alias, regions in gazetteer().by_name.items()
        if len(alias) == length and alias[-1] == last and any(r.level == "county" for r in regions)
    )


def _related_names(alias: str) -> set[str]:
    """The name and the names of every unit above the units it can denote."""
    gaz = gazetteer()
    return {alias} | {gaz.by_code[c].name for r in gaz.by_name[alias] for c in r.ancestors(gaz)}

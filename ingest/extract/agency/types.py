"""Agency type (taxonomy in ``seeds/agency_types.csv``) and administrative level of a reporting body."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

from ingest import SEEDS_DIR
from ingest.extract.agency.regions import fix_ocr_prefix, parse_prefix, resolve_region

__all__ = [
    "ADMIN_LEVELS",
    "AGENCY_TYPES_CSV",
    "AgencyClass",
    "Identity",
    "admin_level",
    "agency_type",
    "agency_type_patterns",
    "classify_agency",
    "identify",
]

AGENCY_TYPES_CSV = SEEDS_DIR / "agency_types.csv"
ADMIN_LEVELS = ("national", "province", "city", "county", "township")
_NATIONAL_RE = re.compile(r"^(?:国家|国务院|中华人民共和国|中国)|^[\u4e00-\u9fff]{1,12}(?:部|总局|总署)$")
# 在县委、县政府的领导下 / 县政府《关于…》: the governments an unnamed body answers to.
_SELF_LEVEL_RE = re.compile(r"(?:^|(?<=[在、和及照据按,，。;；“《(（\s]))(?P<level>[省市县区旗])(?:委|人民政府|政府)")
_LEADING_PLACE_RE = re.compile(r"[\u4e00-\u9fff]{1,3}?[县区旗市](?![场委政])")
_NOT_A_PLACE_RE = re.compile(r"开发|园区|新区|高新|工业|城区|街|乡|镇")


@dataclass(frozen=True)
class AgencyClass:
    """Type and administrative level of an agency (None where the name does not tell)."""

    agency_type: str | None
    admin_level: str | None


@lru_cache(maxsize=1)
def agency_type_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(agency_type, compiled pattern) in priority order, read from the dbt seed (single source of truth)."""
    with AGENCY_TYPES_CSV.open(encoding="utf-8", newline="") as handle:
        rows = sorted(csv.DictReader(handle), key=lambda row: int(row["priority"]))
    return tuple((row["agency_type"], re.compile(row["pattern"])) for row in rows)


@lru_cache(maxsize=8192)  # a report's agency name is typed several times, and names recur across reports
def agency_type(name: str | None) -> str | None:
    """The first type whose pattern matches the name's function part (张店区教育局 → education)."""
    if not name:
        return None
    parts, end = parse_prefix(name)
    if parts and end == len(name):
        return "government"  # a place reporting under its own name (江西省, 天津市西青区) is its government
    function = name[end:] or name
    for kind, pattern in agency_type_patterns():
        if pattern.search(function) or (kind in ("township", "street_office") and pattern.search(name)):
            return kind
    return "other"


def admin_level(name: str | None, region_level: str | None, kind: str | None) -> str | None:
    """national | province | city | county | township for a body of type ``kind`` seated at ``region_level``.

    ``region_level`` is the level of the gazetteer unit the body's region resolved to. Township and
    street offices are ``township`` whatever their county; development zones fit no level (None).
    """
    if kind in ("township", "street_office"):
        return "township"
    if kind == "development_zone":
        return None
    prefix_len = parse_prefix(name)[1] if name else 0
    if name and prefix_len == 0 and _NATIONAL_RE.search(name):
        return "national"
    if region_level in ("province", "city", "county"):
        return region_level
    if name:
        return _level_from_generic_name(name)
    return None


def _level_from_generic_name(name: str) -> str | None:
    """区教育局 → county, 市教育局 → city, 省教育厅 → province (names without a gazetteer place)."""
    if name.startswith(("区", "县", "旗")):
        return "county"
    if name.startswith("市"):
        return "city"
    if name.startswith("省") or name.endswith("厅"):
        return "province"
    return None


def _level_from_superiors(flat: str) -> str | None:
    """Level of an unnamed body from the governments it reports to (在县委、县政府的领导下 → county)."""
    levels = [m["level"] for m in _SELF_LEVEL_RE.finditer(flat[:3000])]
    if not levels:
        return None
    top = max(set(levels), key=levels.count)
    return {"省": "province", "市": "city", "县": "county", "区": "county", "旗": "county"}[top]


def classify_agency(name: str | None, region_level: str | None = None) -> AgencyClass:
    """Classify an agency by name: 张店区教育局 → (education, county)."""
    if not name:
        return AgencyClass(None, None)
    kind = agency_type(name)
    if region_level is None:
        parts, _ = parse_prefix(name)
        levels = {r.level for r in parts[-1][1]} if parts else set()
        region_level = levels.pop() if len(levels) == 1 else None
    return AgencyClass(kind, admin_level(name, region_level, kind))


@dataclass(frozen=True)
class Identity:
    """Who reports and where: type, level, region and the checks the resolution raised."""

    agency_type: str | None
    admin_level: str | None
    province: str | None
    city: str | None
    county: str | None
    region_code: str | None
    canonical_name: str | None
    ambiguity: str | None  # detail of a G1_region_ambiguous check, None when resolved or unstated


def _unknown_place(name: str | None) -> str | None:
    """A leading place-like word the gazetteer does not know (沐阳县 in 沐阳县教育局), else None."""
    if not name or name[0] in "区县市省旗州" or name.startswith("自治区") or parse_prefix(name)[0]:
        return None  # a bare level word (自治区人民政府办公厅) is no place at all, known or not
    match = _LEADING_PLACE_RE.match(name)
    if match is None or _NOT_A_PLACE_RE.search(match[0]):
        return None
    return match[0]


def identify(canonical: str | None, flat: str) -> Identity:
    """Resolve the body named ``canonical`` (simplified characters) in report text ``flat``."""
    name = fix_ocr_prefix(canonical, flat) if canonical else None
    kind = agency_type(name)
    national = bool(name) and _NATIONAL_RE.search(name or "") is not None and not parse_prefix(name or "")[1]
    unknown_place = _unknown_place(name)
    # A name without a place may take it from the context, except a national body's or one that
    # starts with a place the gazetteer does not know (the context would give a wrong level).
    resolution = resolve_region(name, flat, use_context_fallback=not national and unknown_place is None)
    ambiguity = None
    if resolution.ambiguous:
        listed = "; ".join(f"{r.code} {r.province}{r.city or ''}{r.county or ''}" for r in resolution.candidates)
        ambiguity = f"{resolution.mention} matches {len(resolution.candidates)} divisions: {listed}"
    region_level = resolution.level
    if resolution.ambiguous and len({r.level for r in resolution.candidates}) == 1:
        region_level = resolution.candidates[0].level  # where is unclear, but not at which level
    if region_level is None and unknown_place is not None and unknown_place[-1] in "县区旗":
        region_level = "county"
    level = admin_level(name, region_level, kind) if name else region_level or _level_from_superiors(flat)
    if name and level is None and kind not in ("development_zone",):
        level = _level_from_superiors(flat)
    county = resolution.county
    if kind in ("township", "street_office") and resolution.level != "county":
        county = None
    return Identity(
        agency_type=kind,
        admin_level=level,
        province=resolution.province,
        city=resolution.city,
        county=county,
        region_code=resolution.code,
        canonical_name=name,
        ambiguity=ambiguity,
    )

"""Pick a reporting body for a synthetic report: its printed name, type, region and how it refers to itself."""

from __future__ import annotations

from dataclasses import dataclass
from random import Random

from ingest.devtools.sample.rand import pick
from ingest.devtools.sample.vocabulary import (
    BODY_KINDS,
    CITY_ALIASES,
    COUNTIES,
    EXTRA_CITIES,
    MUNICIPALITIES,
    TOWNS,
    BodyKind,
)

__all__ = ["Agency", "pick_agency"]


@dataclass(frozen=True, slots=True)
class Agency:
    """A reporting body as the truth file describes it, plus the words the prose uses for it."""

    name: str
    agency_type: str
    admin_level: str
    province: str | None
    city: str | None
    county: str | None
    self_refs: tuple[str, ...]  # 我局 / 本局 / 区教育局 … (the body speaking of itself)


def _cities() -> tuple[tuple[str, str], ...]:
    seen: dict[tuple[str, str], None] = {}
    for province, city, _ in COUNTIES:
        if city is not None:
            seen[(province, city)] = None
    for pair in EXTRA_CITIES:
        seen[pair] = None
    return tuple(seen)


_CITIES = _cities()
_PROVINCES: tuple[str, ...] = tuple(dict.fromkeys(p for p, _, _ in COUNTIES))


def _kinds_for(year: int, level: str) -> list[BodyKind]:
    kinds = [k for k in BODY_KINDS if k.first_year <= year <= k.last_year for _ in range(k.weight)]
    if level == "province":
        return [k for k in kinds if k.provincial is not None]
    if level == "national":
        return [k for k in kinds if k.national is not None]
    if level == "city":
        # 教育和体育局 / 卫生健康局 style names (no provincial counterpart) are county-level usage.
        return [k for k in kinds if k.provincial is not None]
    return kinds


def _own_refs(dept: str) -> tuple[str, ...]:
    """How a department refers to itself, from the last character(s) of its name."""
    if dept.endswith("委员会"):
        return ("我委", "本委")
    if dept.endswith("厅"):
        return ("我厅", "本厅")
    if dept.endswith("部"):
        return ("我部", "本部门")
    return ("我局", "本局")


def _city_prefix(rng: Random, city: str) -> str:
    alias = CITY_ALIASES.get(city)
    return alias if alias is not None and rng.random() < 0.4 else city


def _department(rng: Random, year: int, level: str) -> Agency:
    kind = pick(rng, _kinds_for(year, level))
    if level == "national":
        assert kind.national is not None
        return Agency(kind.national, kind.agency_type, "national", None, None, None, _own_refs(kind.national))
    if level == "province":
        province = pick(rng, _PROVINCES)
        if province in MUNICIPALITIES:
            dept = kind.municipal or kind.local
        else:
            assert kind.provincial is not None
            dept = kind.provincial
        return Agency(province + dept, kind.agency_type, "province", province, None, None, _own_refs(dept))
    if level == "city":
        province, city = pick(rng, _CITIES)
        short = city[-1] + kind.local  # 市教育局 / 州教育局
        return Agency(
            _city_prefix(rng, city) + kind.local,
            kind.agency_type,
            "city",
            province,
            city,
            None,
            (*_own_refs(kind.local), short),
        )
    province, city_or_none, county = pick(rng, COUNTIES)
    if province in MUNICIPALITIES and kind.agency_type == "public_security":
        # Districts of municipalities have 公安分局 of the city bureau, not bureaus of their own.
        kind = BODY_KINDS[0]
    dept = kind.municipal if (province in MUNICIPALITIES and kind.municipal) else kind.local
    r = rng.random()
    if city_or_none is not None and r < 0.35:
        name = _city_prefix(rng, city_or_none) + county + dept
    elif city_or_none is None and r < 0.4:
        name = province + county + dept
    else:
        name = county + dept
    short = county[-1] + dept  # 区教育局 / 县公安局 / 市财政局 (county-level city)
    return Agency(name, kind.agency_type, "county", province, city_or_none, county, (*_own_refs(dept), short))


def _government(rng: Random, level: str) -> Agency:
    suffix = "人民政府办公室" if rng.random() < 0.15 else "人民政府"
    if level == "province":
        province = pick(rng, _PROVINCES)
        ref = "市政府" if province in MUNICIPALITIES else "省政府"
        own = "我市" if province in MUNICIPALITIES else "我省"
        return Agency(province + suffix, "government", "province", province, None, None, (own, ref))
    if level == "city":
        province, city = pick(rng, _CITIES)
        return Agency(
            _city_prefix(rng, city) + suffix,
            "government",
            "city",
            province,
            city,
            None,
            ("我" + city[-1], city[-1] + "政府"),
        )
    province, city_or_none, county = pick(rng, COUNTIES)
    unit = county[-1]  # 区 / 县 / 市 / 旗
    name = county + suffix
    if city_or_none is not None and rng.random() < 0.25:
        name = _city_prefix(rng, city_or_none) + name
    return Agency(name, "government", "county", province, city_or_none, county, ("我" + unit, unit + "政府"))


def _township(rng: Random) -> Agency:
    province, city, county, town = pick(rng, TOWNS)
    street = town.endswith("街道")
    if street:
        office = pick(rng, ("办事处", "办事处", ""))
        refs = ("我街道", "本街道", "街道办事处")
        kind = "street_office"
    else:
        office = "人民政府"
        unit = town[-1]
        refs = ("我" + unit, "本" + unit, unit + "政府")
        kind = "township"
    r = rng.random()
    prefix = county if r < 0.6 else (_city_prefix(rng, city) + county if city and r < 0.7 else "")
    return Agency(prefix + town + office, kind, "township", province, city, county, refs)


def pick_agency(rng: Random, year: int) -> Agency:
    """Choose a body: mostly county-level departments, then townships, city, province, national."""
    r = rng.random()
    if r < 0.05:
        return _department(rng, year, "national")
    if r < 0.13:
        return _government(rng, "province") if rng.random() < 0.25 else _department(rng, year, "province")
    if r < 0.33:
        return _government(rng, "city") if rng.random() < 0.2 else _department(rng, year, "city")
    if r < 0.78:
        return _government(rng, "county") if rng.random() < 0.2 else _department(rng, year, "county")
    return _township(rng)

"""Agency type and administrative level from the agency name (a first cut, by name patterns)."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Ordered: the first pattern that matches the function part of the name decides the type.
AGENCY_TYPE_PATTERNS: tuple[tuple[str, str], ...] = (
    ("education", r"教育|教体|教科"),
    ("public_security", r"公安"),
    ("health", r"卫生|卫健|健康"),
    ("natural_resources", r"自然资源|国土|规划和自然"),
    ("finance", r"财政"),
    ("human_resources", r"人力资源|人社"),
    ("market_regulation", r"市场监督|市场监管|工商"),
    ("street_office", r"街道"),
    ("township", r"[乡镇](?:人民政府|政府)?$"),
    ("government", r"人民政府|政府$|管委会|管理委员会"),
)


@dataclass(frozen=True)
class AgencyClass:
    """Type and administrative level of an agency (None where the name does not tell)."""

    agency_type: str | None
    admin_level: str | None


def _admin_level(name: str) -> str | None:
    if re.search(r"^(?:国家|国务院|中华人民共和国)|^[\u4e00-\u9fff]{1,6}部$", name):
        return "national"
    if re.search(r"街道|[乡镇](?:人民政府|政府|党委)?$|[乡镇](?=.{0,3}$)", name):
        return "township"
    region = re.split(r"(?:人民政府|政府|[^市区县旗州盟省]*(?:局|委员会|委|厅|办公室|办事处|中心)$)", name)[0]
    if re.search(r"[区县旗]", region):
        return "county"
    if re.search(r"(?:市|州|盟)$", region) or "市" in region:
        return "city"
    if re.search(r"省|自治区", region) or name.endswith("厅"):
        return "province"
    return None


def classify_agency(name: str | None) -> AgencyClass:
    """Classify an agency by name: 张店区教育局 → (education, county)."""
    if not name:
        return AgencyClass(None, None)
    agency_type = next((kind for kind, pattern in AGENCY_TYPE_PATTERNS if re.search(pattern, name)), "other")
    return AgencyClass(agency_type, _admin_level(name))

"""Which template a report follows: narrative, standard (version unseen), standard_2019 or standard_2021.

The version is decided by the table-2 columns each template prints (本年制发件数… in 2021, 本年新制作数量… in
2019), then by the template's section headings, the format notices it was written under, and the report year.
"""

from __future__ import annotations

import re

from ingest.records import Template

__all__ = ["detect_template"]

_STANDARD_HEADINGS = ("收到和处理政府信息公开申请情况", "政府信息公开行政复议、行政诉讼情况", "主动公开政府信息情况")
_TABLE_2021_RE = re.compile(r"本年制发件数|本年废止件数|现行有效件数|逾期不补正|逾期未按收费通知")
_TABLE_2019_RE = re.compile(r"本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量")
# The format notices of the standard templates (国办公开办函〔2019〕60号 / 〔2021〕30号, 年度报告格式(试行)),
# the revised Regulations (新修订的《条例》) and its article 50 that orders the report.
_TEMPLATE_ERA_RE = re.compile(
    r"〔20(?:19|21)〕(?:60|30)号|\[20(?:19|21)\](?:60|30)号|年度报告格式|新修订的?《|修订后的《|第五十条"
)


def detect_template(line_text: str, flat: str, year: int | None) -> Template:
    """narrative | standard_2019 | standard_2021 | standard, from the table-2 columns and headings."""
    if _TABLE_2021_RE.search(flat):
        return "standard_2021"
    if _TABLE_2019_RE.search(flat):
        return "standard_2019"
    standard_heads = sum(1 for heading in _STANDARD_HEADINGS if heading in flat)
    if year is not None and year >= 2019 and (standard_heads >= 2 or "总体情况" in flat[:3000]):
        return "standard"
    if year is not None and year >= 2019 and _TEMPLATE_ERA_RE.search(flat[:3000]):
        # written under the revised Regulations or the format notice: the template era, version unseen
        return "standard"
    if year is not None and year < 2019:
        return "narrative"  # no template before the 2019 report year, whatever headings look alike
    if "收到和处理政府信息公开申请情况" in flat or "政府信息公开行政复议、行政诉讼情况" in flat:
        return "standard"
    return "narrative"

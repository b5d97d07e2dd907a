"""The dashboard as a static site: pages rendered from :mod:`ingest.serve.dashboard`'s data.

Opened from disk (file://) or any static server, offline: plotly.js is copied from the installed
``plotly`` package (never a CDN), our own script and style from ``ingest/serve/static``. Pages are
Jinja templates with autoescape on, and data reaches the browser as escaped JSON, so text from
reports (untrusted input) cannot become markup or script. Filters and charts run in the browser
over the embedded JSON (``assets/data.js``).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.resources
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from ingest.serve.dashboard import AGENCY_YEAR_MEASURES, AgencyPage, DashboardData, load_dashboard
from ingest.vocabulary import OUTCOME_GROUPS

__all__ = ["DashboardSite", "build_dashboard", "page_name", "plotly_js"]

_HERE = Path(__file__).resolve().parent
_TEMPLATES = _HERE / "templates"
_STATIC = _HERE / "static"
_QUALIFIER_MARKS = {"approx": "≈", "at_least": "≥", "at_most": "≤"}
NOT_STATED = "not stated"


@dataclass(frozen=True)
class DashboardSite:
    """What :func:`build_dashboard` wrote."""

    out: Path
    pages: int
    agencies: int
    reports: int
    provinces: int
    agency_types: int

    def summary(self) -> str:
        return (
            f"dashboard: {self.pages} pages in {self.out} ({self.reports} reports, {self.agencies} agencies, "
            f"{self.provinces} provinces, {self.agency_types} agency types); open {self.out / 'index.html'}"
        )


def plotly_js() -> Path:
    """plotly.min.js as shipped inside the installed plotly wheel."""
    path = Path(str(importlib.resources.files("plotly") / "package_data" / "plotly.min.js"))
    if not path.is_file():
        raise FileNotFoundError(f"plotly.min.js not found in the plotly package ({path}); reinstall plotly")
    return path


def page_name(key: str) -> str:
    """A file name for a page keyed by any text: ASCII keys as they are, others by a short hash."""
    if re.fullmatch(r"[A-Za-z0-9_-]{1,80}", key):
        return key
    return "k" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _num(value: Any) -> str:
    if value is None:
        return NOT_STATED
    number = float(value)
    if number.is_integer():
        return f"{int(number):,}"
    return f"{number:,.2f}".rstrip("0").rstrip(".")


def _qualified(value: Any, qualifier: str | None) -> str:
    if value is None:
        return NOT_STATED
    return _QUALIFIER_MARKS.get(qualifier or "", "") + _num(value)


def _json_for_script(value: Any) -> str:
    """JSON safe inside a <script> element: no <, >, & or line separators left raw."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        text = text.replace(raw, f"\\u{ord(raw):04x}")
    return text


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(_TEMPLATES)),
        autoescape=select_autoescape(["html"], default=True),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["num"] = _num
    env.filters["qualified"] = _qualified
    env.filters["tojson"] = lambda value: Markup(_json_for_script(value))
    return env


def _change(previous: Any, current: Any, previous_year: int) -> tuple[str, str]:
    if previous is None or current is None:
        return "", ""
    delta = float(current) - float(previous)
    sign = "+" if delta > 0 else ("−" if delta < 0 else "±")
    percent = f" ({sign}{abs(delta) / float(previous) * 100:.1f}%)" if previous else ""
    return f"{sign}{_num(abs(delta))}{percent} vs {previous_year}", ("up" if delta > 0 else "down" if delta < 0 else "")


def _agency_cells(page: AgencyPage) -> dict[str, list[dict[str, Any]]]:
    """Each measure across the agency's years, with the change from the previous column."""
    cells: dict[str, list[dict[str, Any]]] = {}
    for column, _, _ in AGENCY_YEAR_MEASURES:
        row: list[dict[str, Any]] = []
        for i, year in enumerate(page.years):
            change, change_class = ("", "")
            if i:
                before = page.years[i - 1]
                change, change_class = _change(before[column], year[column], before["report_year"])
            row.append(
                {
                    "year": year["report_year"],
                    "report_id": year["report_id"],
                    "value": year[column],
                    "change": change,
                    "change_class": change_class,
                }
            )
        cells[column] = row
    return cells


class _Writer:
    """Renders templates into the output folder and counts the pages."""

    def __init__(self, out: Path, common: dict[str, Any]) -> None:
        self.out = out
        self.env = _environment()
        self.common = common
        self.pages = 0

    def page(self, relative: str, template: str, config: dict[str, Any], **context: Any) -> None:
        depth = relative.count("/")
        root = "../" * depth
        html = self.env.get_template(template).render(
            root=root, config={**config, "root": root}, measures=AGENCY_YEAR_MEASURES, **self.common, **context
        )
        target = self.out / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
        self.pages += 1


def _copy_assets(out: Path, data: DashboardData) -> None:
    assets = out / "assets"
    assets.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(plotly_js(), assets / "plotly.min.js")
    for name in ("dashboard.js", "dashboard.css"):
        shutil.copyfile(_STATIC / name, assets / name)
    payload = {
        **data.overview,
        "measures": [list(measure) for measure in AGENCY_YEAR_MEASURES],
        "outcome_groups": [group for group in OUTCOME_GROUPS if group != "total_processed"],
    }
    (assets / "data.js").write_text(f"window.GOVINFO_DATA = {_json_for_script(payload)};\n", encoding="utf-8")


def build_dashboard(warehouse: Path, out: Path) -> DashboardSite:
    """Write the static site for ``warehouse`` into ``out`` (replacing a previous dashboard there)."""
    data = load_dashboard(warehouse)
    if out.exists():
        if not (out / "index.html").is_file() and any(out.iterdir()):
            raise FileExistsError(f"{out} exists and is not a dashboard; choose an empty or new folder")
        shutil.rmtree(out)
    out.mkdir(parents=True)
    _copy_assets(out, data)
    agency_years = data.overview["agency_years"]
    provinces = sorted({(row["province"], row["province_code"]) for row in agency_years if row["province"]})
    province_pages = {name: f"province/{page_name(code or name)}.html" for name, code in provinces}
    types = sorted({(row["agency_type"], row["agency_type_label"]) for row in agency_years if row["agency_type"]})
    type_pages = {key: f"type/{page_name(key)}.html" for key, _ in types}
    writer = _Writer(
        out,
        {
            "warehouse_name": warehouse.name,
            "report_count": len(data.overview["reports"]),
            "plotly_version": importlib.metadata.version("plotly"),
        },
    )
    writer.page("index.html", "overview.html", {"page": "overview"}, heading="Overview", subtitle="")
    writer.page(
        "provinces.html", "groups.html", {"page": "groups", "by": "province", "group_pages": province_pages},
        heading="By province", group_label="province",
    )  # fmt: skip
    writer.page(
        "types.html", "groups.html", {"page": "groups", "by": "agency_type", "group_pages": type_pages},
        heading="By agency type", group_label="agency type",
    )  # fmt: skip
    for name, _ in provinces:
        writer.page(
            province_pages[name], "overview.html", {"page": "overview", "fixed": {"province": name}},
            heading=name, subtitle="Province page: every agency whose region resolves to this province.",
        )  # fmt: skip
    for key, label in types:
        writer.page(
            type_pages[key], "overview.html", {"page": "overview", "fixed": {"type": key}},
            heading=f"{label or key} ({key})", subtitle="Agency type page.",
        )  # fmt: skip
    for agency in data.agencies:
        years = [
            {"report_id": y["report_id"], "report_year": y["report_year"]}
            | {column: y[column] for column, _, _ in AGENCY_YEAR_MEASURES}
            for y in agency.years
        ]
        writer.page(
            f"agency/{page_name(agency.agency['agency_id'])}.html", "agency.html",
            {"page": "agency", "years": years, "measures": [list(m) for m in AGENCY_YEAR_MEASURES]},
            agency=agency.agency, years=agency.years, cells=_agency_cells(agency), cross_year=agency.cross_year,
            reports=agency.reports, province_page=province_pages.get(agency.agency["province"] or ""),
        )  # fmt: skip
    for report in data.reports:
        writer.page(
            f"report/{page_name(report.report['report_id'])}.html", "report.html",
            {"page": "report", "outcomes": report.outcomes},
            report=report.report, metrics=report.metrics, checks=report.checks, cross_year=report.cross_year,
            outcomes=report.outcomes,
        )  # fmt: skip
    writer.page("reports.html", "reports.html", {"page": "reports"}, reports=data.reports)
    return DashboardSite(
        out=out,
        pages=writer.pages,
        agencies=len(data.agencies),
        reports=len(data.reports),
        provinces=len(provinces),
        agency_types=len(types),
    )

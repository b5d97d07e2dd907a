"""The dashboard in a real browser: headless Chromium (Debian's, driven by its own chromedriver) through selenium.

The site is built from a small real warehouse (seeds + generated reports, ingest + dbt, two hostile
texts planted); every page is opened from disk (file://, so offline). Checks: no console errors,
every visible chart has drawn marks, and the numbers shown equal the marts' for the same filters.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import Select, WebDriverWait

from ingest.serve.dashboard_pages import DashboardSite, build_dashboard
from tests.ingest.serve.test_dashboard import build_small_warehouse

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
_MARK = ".main-svg .point, .main-svg .trace path, .main-svg .bars path"
MARKS = (
    "return Array.from(document.querySelectorAll('.chart')).filter(c => c.style.display !== 'none')"
    f".map(c => [c.id, c.querySelectorAll('{_MARK}').length])"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> DashboardSite:
    root = tmp_path_factory.getbasetemp() / "dashboard-warehouse"
    root.mkdir(exist_ok=True)
    return build_dashboard(build_small_warehouse(root), tmp_path_factory.mktemp("site") / "dashboard")


@pytest.fixture(scope="module")
def warehouse(site: DashboardSite, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.getbasetemp() / "dashboard-warehouse" / "govinfo.duckdb"


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    missing = [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not path.exists()]
    if missing:
        pytest.fail(
            f"headless Chromium is required for the dashboard tests and {', '.join(missing)} is missing: "
            "run `make system-deps` as root (apt-get install chromium chromium-driver)"
        )
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1400,1800", "--lang=zh-CN"):  # fmt: skip
        options.add_argument(argument)
    options.set_capability("goog:loggingOptions", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def _open(browser: WebDriver, page: Path, anchor: str = "") -> list[dict[str, Any]]:
    """Open a page, wait until the script ran, return the console's errors and warnings."""
    browser.get_log("browser")  # drop what earlier pages logged
    browser.get(page.as_uri() + anchor)
    WebDriverWait(browser, 20).until(lambda d: d.execute_script("return document.body.dataset.ready === '1'"))
    return [entry for entry in browser.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")]


def _sql(warehouse: Path, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def _shown(browser: WebDriver, table: str, row_attr: str, key: str) -> dict[str, float | None]:
    """``{row id: number}`` read from a table's cells (data-value; '' is "not stated")."""
    cells: list[list[str]] = browser.execute_script(
        f"const cell = tr => tr.querySelector('td[data-key=\"{key}\"]');"
        f"return Array.from(document.querySelectorAll('#{table} tbody tr'))"
        f".map(tr => [tr.getAttribute('{row_attr}'), cell(tr).dataset.value, cell(tr).textContent])"
    )
    shown: dict[str, float | None] = {}
    for row, value, text in cells:
        shown[row] = float(value) if value else None
        assert value or text.strip().startswith("not stated"), f"{table} {row}: empty value must read 'not stated'"
    return shown


def _expected(rows: list[tuple[Any, ...]]) -> dict[str, float | None]:
    return {str(key): (None if value is None else float(value)) for key, value in rows}


def _close(shown: dict[str, float | None], expected: dict[str, float | None]) -> None:
    assert shown.keys() == expected.keys()
    for key, value in expected.items():
        assert (shown[key] is None) == (value is None), f"{key}: shown {shown[key]}, marts {value}"
        if value is not None:
            assert shown[key] == pytest.approx(value), key


def test_every_page_opens_without_console_errors_and_its_charts_have_marks(
    browser: WebDriver, site: DashboardSite
) -> None:
    pages = sorted(site.out.rglob("*.html"))
    assert len(pages) == site.pages > 20
    problems: list[str] = []
    charted = 0
    for page in pages:
        errors = _open(browser, page)
        problems += [f"{page.relative_to(site.out)}: {entry['message']}" for entry in errors]
        for chart, marks in browser.execute_script(MARKS):
            charted += 1
            if marks == 0:
                problems.append(f"{page.relative_to(site.out)}: chart {chart} drew nothing")
        if browser.execute_script("return window.__pwned"):
            problems.append(f"{page.relative_to(site.out)}: text from a report ran as script")
    assert not problems, "\n".join(problems[:20])
    assert charted > len(pages) // 2


def test_overview_numbers_equal_the_marts_with_and_without_filters(browser: WebDriver, site: DashboardSite,
                                                                   warehouse: Path) -> None:  # fmt: skip
    per_year = "select report_year, sum({col}) from marts.rpt_agency_years {where} group by 1"
    _open(browser, site.out / "index.html")
    for column in ("applications_received", "fees_collected_yuan", "reconsideration_total", "litigation_total"):
        expected = _expected(_sql(warehouse, per_year.format(col=column, where="")))
        _close(_shown(browser, "year-table", "data-year", column), expected)

    [(province,)] = _sql(
        warehouse, "select province from marts.rpt_agency_years where province is not null "
        "group by 1 order by count(applications_received) desc, 1 limit 1",
    )  # fmt: skip
    Select(browser.find_element("id", "f-province")).select_by_value(province)
    expected = _expected(_sql(warehouse, per_year.format(col="applications_received", where="where province = ?"),
                              [province]))  # fmt: skip
    _close(_shown(browser, "year-table", "data-year", "applications_received"), expected)

    Select(browser.find_element("id", "f-province")).select_by_value("")
    [(agency_type,)] = _sql(warehouse, "select agency_type from marts.rpt_agency_years group by 1 order by count(*) "
                            "desc, 1 limit 1")  # fmt: skip
    Select(browser.find_element("id", "f-type")).select_by_value(agency_type)
    Select(browser.find_element("id", "f-year-from")).select_by_value("2019")
    expected = _expected(
        _sql(
            warehouse,
            per_year.format(col="fees_collected_yuan", where="where agency_type = ? and report_year >= 2019"),
            [agency_type],
        )
    )
    _close(_shown(browser, "year-table", "data-year", "fees_collected_yuan"), expected)
    [(agency_years,)] = _sql(warehouse, "select count(*) from marts.rpt_agency_years where agency_type = ? "
                             "and report_year >= 2019", [agency_type])  # fmt: skip
    shown_rows = browser.execute_script("return document.querySelectorAll('#agency-year-table tbody tr').length")
    assert shown_rows == min(agency_years, 300)


def test_a_province_page_is_the_overview_for_that_province(browser: WebDriver, site: DashboardSite,
                                                           warehouse: Path) -> None:  # fmt: skip
    [(province, code)] = _sql(warehouse, "select province, province_code from marts.rpt_agency_years where "
                              "province_code is not null group by all order by count(*) desc, 1 limit 1")  # fmt: skip
    _open(browser, site.out / "province" / f"{code}.html")
    assert Select(browser.find_element("id", "f-province")).first_selected_option.get_attribute("value") == province
    expected = _expected(_sql(warehouse, "select report_year, sum(applications_received) from marts.rpt_agency_years "
                              "where province = ? group by 1", [province]))  # fmt: skip
    _close(_shown(browser, "year-table", "data-year", "applications_received"), expected)


def test_provinces_compared_equal_the_marts(browser: WebDriver, site: DashboardSite, warehouse: Path) -> None:
    _open(browser, site.out / "provinces.html")
    expected = _expected(_sql(warehouse, "select coalesce(province, '__none__'), sum(applications_received) "
                              "from marts.rpt_agency_years group by 1"))  # fmt: skip
    _close(_shown(browser, "group-table", "data-group", "applications_received"), expected)


def test_an_agency_page_shows_its_years_side_by_side(browser: WebDriver, site: DashboardSite, warehouse: Path) -> None:
    [(agency_id,)] = _sql(warehouse, "select agency_id from marts.rpt_agency_years group by 1 "
                          "order by count(*) desc, 1 limit 1")  # fmt: skip
    _open(browser, site.out / "agency" / f"{agency_id}.html")
    for column in ("applications_received", "litigation_total"):
        shown = browser.execute_script(
            f"return Array.from(document.querySelectorAll('#agency-years tr[data-key=\"{column}\"] td'))"
            ".map(td => [td.dataset.year, td.dataset.value])"
        )
        expected = _expected(_sql(warehouse, f"select report_year, {column} from marts.rpt_agency_years "
                                  "where agency_id = ?", [agency_id]))  # fmt: skip
        _close({year: (float(value) if value else None) for year, value in shown}, expected)


def test_every_report_page_shows_every_figure_of_the_marts(browser: WebDriver, site: DashboardSite,
                                                          warehouse: Path) -> None:  # fmt: skip
    reports = _sql(warehouse, "select report_id from marts.dim_reports order by 1")
    for (report_id,) in reports:
        _open(browser, site.out / "report" / f"{report_id}.html")
        shown = browser.execute_script(
            "return Array.from(document.querySelectorAll('#metrics-table tbody tr')).map(tr => "
            "[tr.dataset.key, tr.dataset.value, tr.querySelector('.evidence').textContent])"
        )
        expected = _sql(warehouse, "select metric_key, value, coalesce(evidence, '') from marts.fct_report_metrics "
                        "where report_id = ?", [report_id])  # fmt: skip
        assert {(k, float(v) if v else None, e) for k, v, e in shown} == {
            (k, None if v is None else float(v), e) for k, v, e in expected
        }, report_id


def test_clicking_a_figure_opens_its_report_at_that_figure(browser: WebDriver, site: DashboardSite,
                                                          warehouse: Path) -> None:  # fmt: skip
    _open(browser, site.out / "index.html")
    link = browser.find_element("css selector", "#agency-year-table td[data-key='applications_received'] a")
    shown = float(link.find_element("xpath", "..").get_attribute("data-value") or "nan")
    link.click()
    WebDriverWait(browser, 20).until(lambda d: "#metric-applications.received" in d.current_url)
    target = browser.execute_script("return document.querySelector(':target')")
    assert target is not None and target.get_attribute("data-key") == "applications.received"
    assert float(target.get_attribute("data-value")) == shown
    assert target.find_element("css selector", ".evidence").text.strip()


def test_screenshots_of_the_main_pages(browser: WebDriver, site: DashboardSite, warehouse: Path,
                                       tmp_path: Path) -> None:  # fmt: skip
    """Screenshots of overview, a province, an agency, a report; GOVINFO_SCREENSHOTS=DIR keeps them."""
    [(code,)] = _sql(warehouse, "select province_code from marts.rpt_agency_years where province_code is not null "
                     "group by 1 order by count(*) desc, 1 limit 1")  # fmt: skip
    [(agency_id,)] = _sql(warehouse, "select agency_id from marts.rpt_agency_years where agency_name not like '<%' "
                          "group by 1 order by count(*) desc, 1 limit 1")  # fmt: skip
    [(report_id,)] = _sql(warehouse, "select report_id from marts.rpt_agency_years where agency_id = ? "
                          "order by report_year desc limit 1", [agency_id])  # fmt: skip
    pages = {
        "overview": site.out / "index.html",
        "province": site.out / "province" / f"{code}.html",
        "agency": site.out / "agency" / f"{agency_id}.html",
        "report": site.out / "report" / f"{report_id}.html",
    }
    keep = os.environ.get("GOVINFO_SCREENSHOTS")
    for name, page in pages.items():
        assert not _open(browser, page)
        shot = tmp_path / f"{name}.png"
        assert browser.save_screenshot(str(shot))
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 30_000, name
        if keep:
            Path(keep).mkdir(parents=True, exist_ok=True)
            shutil.copyfile(shot, Path(keep) / shot.name)

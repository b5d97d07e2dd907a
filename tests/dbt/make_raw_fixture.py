"""Create the raw layer in a DuckDB file and fill it with a small, realistic fixture for dbt.

Usage (from the repo root):
    .venv/bin/python tests/dbt/make_raw_fixture.py WAREHOUSE_PATH [--empty]

The tables come from ``ingest.land.schema.RAW_TABLES`` (the contract). Existing raw rows are deleted
first, so the script can be re-run. With ``--empty`` the tables are created and left empty.

What the fixture exercises:
- r1, r2: one agency (孝感市教育局) with two report years; r1 has a category breakdown that sums and
  whose printed percentages are truncated (0.6 for 0.66%), r2 has table 3/4 figures and checks.
- r3, r4: a duplicate agency-year (遂宁市安居区教育局, 2020); r4 was ingested later. r3 states only
  proactive.items_new (qualifier at_least); its breakdown does NOT sum to the total and one printed
  percentage is wrong: a real source finding for the warn-severity tests.
- r5: agency_name unknown (NULL) -> no agency; complaints stated approximately.
- r6, r7: two agencies with the same name (鼓楼区教育局) in different provinces -> two agency ids.
  r7 has no report year and no metrics at all.
- r9: a row in raw.reports whose file is only a duplicate (contract violation on purpose): it must
  not reach the marts.
- report_files also has a quarantined file and a duplicate of r1's file.
- table_cells: r2's cells carry their reading rule (labelled, aligned, split, and one left untold).
"""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

import duckdb

REPO = Path(__file__).resolve().parents[2]

PV = "0.1.0"


def ts(day: int, hour: int = 9) -> datetime:
    return datetime(2026, 11, day, hour, 0, 0)


R1, R2, R3, R4, R5, R6, R7, R9 = (
    "a1b2c3d4e5f60001",
    "a1b2c3d4e5f60002",
    "a1b2c3d4e5f60003",
    "a1b2c3d4e5f60004",
    "a1b2c3d4e5f60005",
    "a1b2c3d4e5f60006",
    "a1b2c3d4e5f60007",
    "a1b2c3d4e5f60009",
)


def sha(report_id: str) -> str:
    return report_id + "0" * 48


REPORT_FILES = [
    # source_path, sha256, report_id, bytes, format, encoding, status, error, parser_version, ingested_at
    ("corpus/xiaogan_2018.txt", sha(R1), R1, 8123, "txt", "utf-8", "loaded", None, PV, ts(1)),
    ("corpus/xiaogan_2019.pdf", sha(R2), R2, 301234, "pdf", None, "loaded", None, PV, ts(1)),
    ("corpus/anju_2020.html", sha(R3), R3, 40211, "html", "gb18030", "loaded", None, PV, ts(1)),
    ("corpus/anju_2020_v2.docx", sha(R4), R4, 55120, "docx", None, "loaded", None, PV, ts(2)),
    ("corpus/unknown_2017.txt", sha(R5), R5, 3100, "txt", "utf-8", "loaded", None, PV, ts(1)),
    ("corpus/gulou_nanjing_2021.md", sha(R6), R6, 12000, "md", "utf-8", "loaded", None, PV, ts(1)),
    ("corpus/gulou_fuzhou.txt", sha(R7), R7, 900, "txt", "utf-8", "loaded", None, PV, ts(1)),
    ("corpus/copy_of_xiaogan_2018.txt", sha(R1), R1, 8123, "txt", "utf-8", "duplicate", None, PV, ts(1)),
    (
        "corpus/broken.pdf",
        "f" * 64,
        None,
        10,
        "pdf",
        None,
        "quarantined",
        "corpus/broken.pdf: no text layer",
        PV,
        ts(1),
    ),
    ("corpus/stray_copy.txt", sha(R9), R9, 700, "txt", "utf-8", "duplicate", None, PV, ts(1)),
]

REPORTS = [
    # report_id, sha256, source_path, report_year, agency_name, agency_type, admin_level, province, city,
    # county, region_code, template, title, period_start, period_end, char_count, parser_version, ingested_at
    (
        R1,
        sha(R1),
        "corpus/xiaogan_2018.txt",
        2018,
        "孝感市教育局",
        "education",
        "city",
        "湖北省",
        "孝感市",
        None,
        "420900",
        "narrative",
        "孝感市教育局2018年政府信息公开工作年度报告",
        date(2018, 1, 1),
        date(2018, 12, 31),
        4012,
        PV,
        ts(1),
    ),
    (
        R2,
        sha(R2),
        "corpus/xiaogan_2019.pdf",
        2019,
        "孝感市教育局",
        "education",
        "city",
        "湖北省",
        "孝感市",
        None,
        "420900",
        "standard_2019",
        "孝感市教育局2019年政府信息公开工作年度报告",
        None,
        None,
        9050,
        PV,
        ts(1),
    ),
    (
        R3,
        sha(R3),
        "corpus/anju_2020.html",
        2020,
        "遂宁市安居区教育局",
        "education",
        "county",
        "四川省",
        "遂宁市",
        "安居区",
        "510904",
        "standard_2019",
        "遂宁市安居区教育局2020年政府信息公开工作年度报告",
        None,
        None,
        7020,
        PV,
        ts(1),
    ),
    (
        R4,
        sha(R4),
        "corpus/anju_2020_v2.docx",
        2020,
        "遂宁市安居区教育局",
        "education",
        "county",
        "四川省",
        "遂宁市",
        "安居区",
        "510904",
        "standard_2019",
        "遂宁市安居区教育局2020年政府信息公开工作年度报告（修订）",
        None,
        None,
        7100,
        PV,
        ts(2),
    ),
    (
        R5,
        sha(R5),
        "corpus/unknown_2017.txt",
        2017,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        "narrative",
        "2017年政府信息公开工作年度报告",
        None,
        None,
        1500,
        PV,
        ts(1),
    ),
    (
        R6,
        sha(R6),
        "corpus/gulou_nanjing_2021.md",
        2021,
        "鼓楼区教育局",
        "education",
        "county",
        "江苏省",
        "南京市",
        "鼓楼区",
        "320106",
        "standard_2021",
        "南京市鼓楼区教育局2021年政府信息公开工作年度报告",
        date(2021, 1, 1),
        date(2021, 12, 31),
        6000,
        PV,
        ts(1),
    ),
    (
        R7,
        sha(R7),
        "corpus/gulou_fuzhou.txt",
        None,
        "鼓楼区教育局",
        "education",
        "county",
        "福建省",
        "福州市",
        "鼓楼区",
        "350102",
        None,
        "工作要点落实情况",
        None,
        None,
        450,
        PV,
        ts(1),
    ),
    (
        R9,
        sha(R9),
        "corpus/stray_copy.txt",
        2018,
        "不应出现的机关",
        None,
        None,
        None,
        None,
        None,
        None,
        "narrative",
        "不应出现",
        None,
        None,
        300,
        PV,
        ts(1),
    ),
]

SECTIONS = [
    # report_id, ordinal, heading, kind, start_offset, end_offset
    (R1, 0, "", "preamble", 0, 120),
    (R1, 1, "一、概述", "overview", 120, 600),
    (R1, 2, "二、主动公开政府信息情况", "proactive", 600, 1500),
    (R1, 3, "三、依申请公开情况", "applications", 1500, 2100),
    (R1, 4, "四、收费及减免情况", "fees", 2100, 2300),
    (R2, 1, "一、总体情况", "overview", 0, 1000),
    (R2, 2, "二、主动公开政府信息情况", "proactive", 1000, 3000),
    (R2, 3, "三、收到和处理政府信息公开申请情况", "applications", 3000, 6000),
    (R2, 4, "四、政府信息公开行政复议、行政诉讼情况", "review_litigation", 6000, 7500),
]


MetricRow = tuple[str, str, float, str, str | None, str, int, int, str | None, str, str, str | None, int | None]


def metric(
    report_id: str,
    key: str,
    value: float,
    qualifier: str = "exact",
    unit: str | None = "条",
    evidence: str = "",
    start: int = 0,
    end: int = 0,
    section: str | None = None,
    rule: str = "rule",
    source: str = "text",
    table_ref: str | None = None,
    page: int | None = None,
) -> MetricRow:
    """One raw.report_metrics row; evidence defaults to 'key=value'."""
    return (
        report_id,
        key,
        float(value),
        qualifier,
        unit,
        evidence or f"{key}={value}",
        start,
        end,
        section,
        rule,
        source,
        table_ref,
        page,
    )


METRICS = [
    # r1: narrative 2018, proactive with a clean breakdown, zero applications, no fees
    metric(
        R1,
        "proactive.items_new",
        454,
        evidence="2018年新增主动公开政府信息454条",
        start=640,
        end=660,
        section="proactive",
        rule="narr.proactive.new",
    ),
    metric(
        R1,
        "proactive.items_cumulative",
        3000,
        "at_least",
        evidence="累计主动公开3000多条",
        start=700,
        end=712,
        section="proactive",
        rule="narr.proactive.cumulative",
    ),
    metric(
        R1,
        "applications.received",
        0,
        unit="件",
        evidence="未收到政府信息公开申请",
        start=1520,
        end=1531,
        section="applications",
        rule="narr.applications.none",
    ),
    metric(
        R1,
        "fees.collected_yuan",
        0,
        unit="元",
        evidence="没有收费",
        start=2120,
        end=2124,
        section="fees",
        rule="narr.fees.none",
    ),
    # r2: standard 2019 with tables
    metric(
        R2,
        "applications.received",
        12,
        unit="件",
        section="applications",
        rule="t3.cell",
        source="table",
        table_ref="t3/new_received/total",
        page=3,
    ),
    metric(
        R2,
        "applications.carried_over",
        1,
        unit="件",
        section="applications",
        rule="t3.cell",
        source="table",
        table_ref="t3/carried_over/total",
    ),
    metric(
        R2,
        "applications.processed",
        13,
        unit="件",
        section="applications",
        rule="t3.cell",
        source="table",
        table_ref="t3/total_processed/total",
    ),
    metric(
        R2,
        "t3.new_received.natural_person",
        11,
        unit="件",
        section="applications",
        rule="t3.cell",
        source="table",
        table_ref="t3/new_received/natural_person",
    ),
    metric(
        R2,
        "t3.new_received.commercial_enterprise",
        1,
        unit="件",
        section="applications",
        rule="t3.cell",
        source="table",
        table_ref="t3/new_received/commercial_enterprise",
    ),
    metric(
        R2,
        "t3.new_received.total",
        12,
        unit="件",
        section="applications",
        rule="t3.cell",
        source="table",
        table_ref="t3/new_received/total",
    ),
    metric(
        R2,
        "t4.reconsideration.total",
        1,
        unit="件",
        section="review_litigation",
        rule="t4.cell",
        source="table",
        table_ref="t4/reconsideration/total",
    ),
    metric(
        R2,
        "reconsideration.total",
        1,
        unit="件",
        section="review_litigation",
        rule="t4.cell",
        source="table",
        table_ref="t4/reconsideration/total",
    ),
    metric(
        R2,
        "litigation.total",
        0,
        unit="件",
        section="review_litigation",
        rule="t4.sum",
        source="table",
        table_ref="t4/litigation_*/total",
    ),
    metric(
        R2,
        "t2.licensing.change",
        -3,
        unit="项",
        section="proactive",
        rule="t2.cell",
        source="table",
        table_ref="t2/licensing/change",
    ),
    metric(
        R2,
        "t2.procurement.amount_wan_yuan",
        152.35,
        unit="万元",
        section="proactive",
        rule="t2.cell",
        source="table",
        table_ref="t2/procurement/amount",
    ),
    # r3: only proactive.items_new, stated as "400余条"
    metric(
        R3,
        "proactive.items_new",
        400,
        "at_least",
        evidence="主动公开政府信息400余条",
        start=210,
        end=222,
        section="proactive",
        rule="narr.proactive.new",
    ),
    # r4: the later version of the same agency-year
    metric(
        R4,
        "proactive.items_new",
        410,
        evidence="主动公开政府信息410条",
        start=215,
        end=226,
        section="proactive",
        rule="narr.proactive.new",
    ),
    metric(
        R4,
        "applications.received",
        3,
        unit="件",
        section="applications",
        rule="t3.cell",
        source="table",
        table_ref="t3/new_received/total",
    ),
    # r5: no agency; old-style complaints
    metric(
        R5,
        "complaints.total",
        2,
        "approx",
        unit="件",
        evidence="收到申诉约2件",
        start=800,
        end=807,
        rule="narr.complaints",
    ),
    metric(
        R5,
        "proactive.interpretations",
        15,
        evidence="发布政策解读15条",
        start=300,
        end=309,
        rule="narr.proactive.interpretations",
    ),
    # r6: standard 2021
    metric(
        R6,
        "t2.regulations.in_force",
        4,
        unit="件",
        section="proactive",
        rule="t2.cell",
        source="table",
        table_ref="t2/regulations/in_force",
    ),
    metric(R6, "litigation.total", 2, unit="件", section="review_litigation", rule="t4.sum", source="table"),
    metric(
        R6,
        "fees.collected_yuan",
        35.5,
        unit="元",
        evidence="收取信息处理费35.5元",
        start=5000,
        end=5011,
        rule="narr.fees",
    ),
    # r9 must never reach the marts
    metric(R9, "proactive.items_new", 99, rule="narr.proactive.new"),
]

CATEGORIES = [
    # report_id, ordinal, label, count, percent, evidence, start_offset, end_offset
    (R1, 1, "概况信息", 3, 0.6, "概况信息3条，占0.6%", 670, 682),
    (R1, 2, "人事信息", 151, 33.2, "人事信息151条，占33.2%", 683, 697),
    (R1, 3, "业务工作", 300, 66.0, "业务工作300条，占66%", 698, 711),
    # r3: 250 + 100 = 350, not the 400 stated; 20% printed for 100/400 = 25%
    (R3, 1, "工作动态", 250, 62.5, "工作动态250条，占62.5%", 225, 239),
    (R3, 2, "通知公告", 100, 20.0, "通知公告100条，占20%", 240, 253),
    # r6 has a breakdown but no headline total: not assessable
    (R6, 1, "政策文件", 12, None, "政策文件12条", 400, 407),
]

CHECKS = [
    # report_id, rule, status, expected, actual, detail
    (R2, "R1", "pass", 13.0, 13.0, "一 + 二 = 三（七）总计 + 四 for column total"),
    (R2, "R3", "fail", 12.0, 11.0, "t3/new_received: total 12 but applicant columns sum to 11"),
    (R2, "R4", "not_assessable", None, None, "table 4 blocks incomplete"),
    (R1, "categories.sum", "pass", 454.0, 454.0, "category counts sum to items_new"),
    (R3, "categories.sum", "fail", 400.0, 350.0, "category counts 350 vs items_new 400"),
    (R9, "R1", "pass", 1.0, 1.0, "must not reach the marts"),
]


# r2's table cells as printed, each with the rule that read it: labelled, aligned and split reads, a
# NULL cell ("/"), and a cell whose rule the parser did not tell ('' -> NULL in staging).
TABLE_CELLS: list[tuple[object, ...]] = [
    (R2, "t3", "new_received", "natural_person", "t3.new_received.natural_person", "11", 11.0, None, None,
     3010, 3012, "table.t3.labelled"),
    (R2, "t3", "new_received", "commercial_enterprise", "t3.new_received.commercial_enterprise", "1", 1.0, None,
     None, 3013, 3014, "table.t3.aligned"),
    (R2, "t3", "new_received", "research_institution", "t3.new_received.research_institution", "/", None, None,
     None, 3015, 3016, "table.t3.aligned"),
    (R2, "t3", "new_received", "total", "t3.new_received.total", "12", 12.0, None, None, 3030, 3032,
     "table.t3.split"),
    (R2, "t4", "reconsideration", "total", "t4.reconsideration.total", "1", 1.0, None, None, 6100, 6101, ""),
]  # fmt: skip


def raw_tables() -> dict[str, str]:
    """The raw-layer DDL from the contract, importable whether or not the repo is on sys.path."""
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from ingest.land.schema import RAW_TABLES

    return RAW_TABLES


def build(path: str, empty: bool = False) -> None:
    """Create raw.* in the DuckDB file at ``path`` and (unless ``empty``) insert the fixture rows."""
    tables = raw_tables()
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(path) as con:
        con.execute("create schema if not exists raw")
        for ddl in tables.values():
            con.execute(ddl)
        for table in tables:
            con.execute(f"delete from raw.{table}")
        if empty:
            return
        con.executemany("insert into raw.report_files values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", REPORT_FILES)
        con.executemany(
            "insert into raw.reports (report_id, sha256, source_path, report_year, agency_name, agency_type,"
            " admin_level, province, city, county, region_code, template, title, period_start, period_end,"
            " char_count, parser_version, ingested_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            REPORTS,
        )
        # Contact details (added columns) for one report; the others leave them NULL (not stated).
        con.execute(
            "update raw.reports set agency_name_canonical = agency_name, contact_phone = '0712-2327166'"
            " where report_id = ?",
            [R1],
        )
        con.executemany(
            "insert into raw.report_sections (report_id, ordinal, heading, kind, kinds, start_offset, end_offset)"
            " values (?, ?, ?, ?, ?, ?, ?)",
            [(*row[:4], row[3], *row[4:]) for row in SECTIONS],
        )
        con.executemany("insert into raw.report_metrics values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", METRICS)
        con.executemany("insert into raw.proactive_categories values (?, ?, ?, ?, ?, ?, ?, ?)", CATEGORIES)
        con.executemany("insert into raw.report_checks values (?, ?, ?, ?, ?, ?)", CHECKS)
        con.executemany(
            "insert into raw.table_cells (report_id, table_no, row_key, column_key, metric_key, raw_text, value,"
            " note, unit, start_offset, end_offset, rule) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            TABLE_CELLS,
        )


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    build(args[0], empty="--empty" in argv)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

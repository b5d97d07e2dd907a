"""`govinfo coverage`: shares per template, table completeness, meta scoring and floors, on small fixtures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.cli import main
from ingest.devtools.coverage import (
    IDENTITY_RULES,
    identity_problems,
    measure,
    meta_as_gold,
    missing_cells,
    score_meta,
    template_slots,
)

# A narrative report whose title names body, place and year.
NARRATIVE = (
    "首页 > 政务公开 > 政府信息公开年报\n"
    "遂宁市安居区教育局2018年政府信息公开工作年度报告\n"
    "一、概述\n2018年新增主动公开政府信息454条。\n没有收到政府信息公开申请。\n"
)
# A template-era report cut before its tables: year, agency and place resolved, tables absent. Its version
# is not visible (no table-2 columns; gold labels a cited format notice alone as `standard`).
STANDARD = (
    "绥宁县人民政府2025年政府信息公开工作年度报告\n"
    "本报告依据《中华人民共和国政府信息公开工作年度报告格式》(国办公开办函〔2021〕30号)要求编制。\n"
    "一、总体情况\n2025年，绥宁县人民政府门户网站共发布信息3553条。\n"
    "二、主动公开政府信息情况\n"
)
# No title, no body name, no year: nothing resolves.
BARE = "我局高度重视信息公开工作，认真贯彻落实《条例》。\n"


def _corpus(tmp_path: Path) -> tuple[Path, Path]:
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "a.txt").write_text(NARRATIVE, encoding="utf-8")
    (texts / "b.txt").write_text(STANDARD, encoding="utf-8")
    (texts / "c.txt").write_text(BARE, encoding="utf-8")
    meta = tmp_path / "meta.jsonl"
    rows = [
        # values read off the fixture titles above
        {"id": "a", "file": "texts/a.txt", "report_year": 2018, "agency_name": "遂宁市安居区教育局",
         "template": "narrative", "province": "四川省"},
        {"id": "b", "file": "texts/b.txt", "report_year": 2025, "agency_name": "绥宁县人民政府",
         "template": "standard", "province": "湖南省"},
        # meta knows the body from the page title the text lost; template null is not scored
        {"id": "c", "file": "texts/c.txt", "report_year": 2019, "agency_name": "白水县公安局",
         "template": None, "province": "陕西省"},
    ]  # fmt: skip
    meta.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return texts, meta


def test_shares_per_template_and_files_short(tmp_path: Path) -> None:
    texts, _ = _corpus(tmp_path)
    report = measure([texts])
    table = report.as_json()["by_template"]
    assert table["narrative"]["files"] == 2  # a.txt and the bare c.txt
    assert table["narrative"]["year"] == 0.5 and table["narrative"]["agency"] == 0.5
    assert table["narrative"]["tables_complete"] is None  # no tables in the narrative template
    assert table["standard"] == {
        "files": 1, "year": 1.0, "agency": 1.0, "region": 1.0, "tables_complete": 0.0, "identities_hold": 0.0,
    }  # fmt: skip
    assert table["all"]["files"] == 3
    short = {Path(item["path"]).name: item["missing"] for item in report.as_json()["short"]}
    assert "a.txt" not in short
    assert short["c.txt"] == ["year", "agency", "region"]
    assert short["b.txt"][0] == "t2 absent, t3 absent, t4 absent"
    assert report.as_json()["rules"]  # narrative rules counted (items_new, zero statements)


def test_meta_scoring_uses_eval_fields(tmp_path: Path) -> None:
    texts, meta = _corpus(tmp_path)
    scored = measure([texts], meta).meta
    assert scored is not None
    assert scored.accuracy("year") == pytest.approx(2 / 3)  # c.txt states no year
    assert scored.accuracy("agency") == pytest.approx(2 / 3)
    assert scored.accuracy("template") == 1.0  # meta `standard` accepts standard_2021; null not scored
    assert scored.score.field_total["template"] == 2
    assert scored.accuracy("province") == pytest.approx(2 / 3)
    assert len(scored.disagreements) == 1 and "c.txt" in scored.disagreements[0]


def test_meta_standard_matches_any_version_only() -> None:
    row = {"report_year": 2021, "agency_name": None, "template": "standard", "province": None}
    assert meta_as_gold(row, "standard_2019") == {"report_year": 2021, "template": "standard_2019"}
    assert meta_as_gold(row, "narrative")["template"] == "standard"
    assert meta_as_gold({"template": "standard_2021"}, "standard_2019")["template"] == "standard_2021"


@pytest.mark.parametrize(
    ("meta", "parsed", "matches"),
    [
        pytest.param("standard_2019", "standard", True, id="parsed standard: version not visible, era right"),
        pytest.param("standard_2021", "standard_2019", False, id="the other version is wrong"),
        pytest.param("narrative", "standard", False, id="the other era is wrong"),
        pytest.param("standard_2021", "narrative", False, id="narrative against a version is wrong"),
    ],
)
def test_template_era_matches_either_way_but_strict_counts_exact(meta: str, parsed: str, matches: bool) -> None:
    gold = meta_as_gold({"template": meta}, parsed)
    assert (gold["template"] == parsed) == matches
    scored = score_meta([(Path("x.txt"), {"template": parsed})], {str(Path("x.txt").resolve()): {"template": meta}})
    assert scored.accuracy("template") == (1.0 if matches else 0.0)
    assert scored.accuracy("template_strict") == (1.0 if meta == parsed else 0.0)


def test_missing_cells_by_template_version() -> None:
    slots_2021 = template_slots("standard_2021")
    every = [slot[0] for slot in slots_2021]
    assert missing_cells("standard_2021", every) == []
    # an amount cell keyed by the unit its header prints fills the same slot
    slots_2019 = template_slots("standard_2019")
    assert ("t2.procurement.amount", "t2.procurement.amount_wan_yuan") in slots_2019
    keys_2019 = [slot[-1] for slot in slots_2019]
    assert missing_cells("standard_2019", keys_2019) == []
    # the 2021 rows that split （六）其他处理 are missing from a 2019-shaped table
    gaps = missing_cells("standard_2021", [slot[0] for slot in slots_2019])
    assert "t3.other.overdue_fee.total" in gaps
    # version unseen: measured against the closer version
    assert missing_cells("standard", every) == []


def test_identity_problems() -> None:
    assert identity_problems(dict.fromkeys(IDENTITY_RULES, "pass")) == []
    checks = dict.fromkeys(IDENTITY_RULES, "pass") | {"R2": "fail"}
    del checks["R4_reconsideration"]
    assert identity_problems(checks) == ["R2 fail", "R4_reconsideration absent"]


def test_cli_floor_missed_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    texts, meta = _corpus(tmp_path)
    code = main(["coverage", str(texts), "--meta", str(meta), "--min-field", "year=0.9"])
    captured = capsys.readouterr()
    assert code == 1
    assert "FLOOR FAILED: year accuracy" in captured.err
    assert "report_year" in captured.out


def test_cli_floors_met_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    texts, meta = _corpus(tmp_path)
    args = ["coverage", str(texts), "--meta", str(meta), "--json", "--min-field", "template=0.98"]
    assert main([*args, "--min-share", "year=0.6"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["files"] == 3
    assert out["meta"]["accuracy"]["template"] == 1.0
    assert main(["coverage", str(texts), "--min-share", "agency=0.9"]) == 1


def test_cli_min_field_needs_meta(tmp_path: Path) -> None:
    texts, _ = _corpus(tmp_path)
    assert main(["coverage", str(texts), "--min-field", "year=0.5"]) == 2


@pytest.mark.parametrize(
    ("meta", "parsed", "matches"),
    [
        # meta gives the simplified form of a name the page prints in traditional characters
        pytest.param("鹤山市公安局", "鶴山市公安局", True, id="traditional-printed-simplified-meta"),
        pytest.param("成都市體育局", "成都市体育局", True, id="traditional-meta-simplified-printed"),
        # only the script is forgiven: a different name still disagrees
        pytest.param("鹤山市公安局", "鶴山市公安分局", False, id="different-name-still-wrong"),
    ],
)
def test_agency_compared_in_simplified(meta: str, parsed: str, matches: bool) -> None:
    scored = score_meta(
        [(Path("x.txt"), {"agency_name": parsed})], {str(Path("x.txt").resolve()): {"agency_name": meta}}
    )
    assert scored.accuracy("agency") == (1.0 if matches else 0.0)

"""The scorer counts what it says: hits, false positives, misses and false zeros."""

from __future__ import annotations

import json
from pathlib import Path

from ingest.devtools.evaluate import evaluate

TEXT = (
    "XX县教育局2018年政府信息公开工作年度报告\n"
    "二、主动公开政府信息情况\n2018年新增主动公开政府信息454条。\n"
    "三、依申请公开情况\n2018年，我局没有收到政府信息公开申请。\n"
)


def _corpus(tmp_path: Path, gold: dict[str, object]) -> Path:
    (tmp_path / "set" / "texts").mkdir(parents=True)
    (tmp_path / "set" / "gold").mkdir()
    (tmp_path / "set" / "texts" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "set" / "gold" / "a.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return tmp_path / "set"


def test_perfect_case(tmp_path: Path) -> None:
    gold = {
        "report_year": 2018,
        "agency_name": "XX县教育局",
        "template": "narrative",
        "metrics": {
            "proactive.items_new": {"value": 454, "qualifier": "exact"},
            "applications.received": {"value": 0, "qualifier": "exact"},
        },
    }
    score, _ = evaluate([_corpus(tmp_path, gold)])
    assert score.metric_prf() == (1.0, 1.0, 1.0)
    assert score.accuracy("report_year") == 1.0
    assert score.false_zeros == []


def test_false_zero_and_miss_are_counted(tmp_path: Path) -> None:
    gold = {
        "report_year": 2017,
        "template": "narrative",
        "metrics": {
            "proactive.items_new": {"value": 450, "qualifier": "exact"},
            "fees.collected_yuan": {"value": 0, "qualifier": "exact"},
        },
    }
    folder = _corpus(tmp_path, gold)
    # A second case labels applications.received, so the key is in the set's annotation scope and
    # the first case's 0 for it (gold states nothing there) is a false zero.
    (folder / "texts" / "b.txt").write_text(TEXT, encoding="utf-8")
    labelled = {"metrics": {"applications.received": {"value": 0, "qualifier": "exact"}}}
    (folder / "gold" / "b.json").write_text(json.dumps(labelled), encoding="utf-8")
    score, _ = evaluate([folder])
    assert score.accuracy("report_year") == 0.0
    assert score.tp["proactive.items_new"] == 0
    # a: 454 against a gold 450 (a miss and a false positive); b: 454 where b's gold states nothing.
    assert score.fp["proactive.items_new"] == 2 and score.fn["proactive.items_new"] == 1
    assert score.fn["fees.collected_yuan"] == 1
    assert score.tp["applications.received"] == 1
    assert len(score.false_zeros) == 1 and "set/a: applications.received=0" in score.false_zeros[0]
    assert score.unscored == {}

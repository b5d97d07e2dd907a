"""Every mart and every mart column is described in English and in Chinese (meta.description_zh).

The data dictionary of `govinfo export` reads these (ingest/serve/export.py), and persist_docs writes
the English ones into DuckDB for BI tools. Checked on the YAML under models/marts/ and against the
columns the real dbt build produces, so a column added to a model's SQL but not to its YAML fails.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import duckdb
import yaml

from tests.conftest import REPO

MARTS = REPO / "models" / "marts"
CJK = re.compile(r"[\u4e00-\u9fff]")


def _meta(node: dict[str, Any]) -> dict[str, Any]:
    """``meta`` of a model or column: top level or under ``config`` (both are dbt's)."""
    return {**(node.get("meta") or {}), **((node.get("config") or {}).get("meta") or {})}


def _mart_models() -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for path in sorted(MARTS.rglob("*.yml")):
        for model in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("models") or []:
            assert model["name"] not in found, f"{model['name']} described twice"
            found[model["name"]] = model
    return found


def _problems(model: dict[str, Any]) -> list[str]:
    name = model["name"]
    out: list[str] = []
    if not str(model.get("description") or "").strip():
        out.append(f"{name}: no description")
    if not CJK.search(str(_meta(model).get("description_zh") or "")):
        out.append(f"{name}: no Chinese description_zh")
    for column in model.get("columns") or []:
        where = f"{name}.{column['name']}"
        if not str(column.get("description") or "").strip():
            out.append(f"{where}: no description")
        if not CJK.search(str(_meta(column).get("description_zh") or "")):
            out.append(f"{where}: no Chinese description_zh")
    return out


def test_every_mart_and_column_has_both_descriptions() -> None:
    models = _mart_models()
    assert len(models) >= 16, sorted(models)
    problems = [problem for model in models.values() for problem in _problems(model)]
    assert problems == []


def test_a_missing_chinese_description_is_caught() -> None:
    """The check itself can fail: one column without description_zh, one model without it."""
    model = {
        "name": "fct_example",
        "description": "An example.",
        "config": {"meta": {"test_scope": "changed_reports"}},
        "columns": [
            {"name": "a", "description": "A.", "meta": {"description_zh": "甲"}},
            {"name": "b", "description": "B.", "meta": {"description_zh": "B"}},
            {"name": "c", "description": "", "config": {"meta": {"description_zh": "丙"}}},
        ],
    }
    assert _problems(model) == [
        "fct_example: no Chinese description_zh",
        "fct_example.b: no Chinese description_zh",
        "fct_example.c: no description",
    ]


def test_every_built_mart_column_is_in_its_yaml(fixture_warehouse: Path) -> None:
    with duckdb.connect(str(fixture_warehouse), read_only=True) as con:
        built = con.execute(
            "select table_name, column_name from duckdb_columns() where schema_name = 'marts'"
        ).fetchall()
    models = _mart_models()
    described = {(name, column["name"]) for name, model in models.items() for column in model.get("columns") or []}
    assert {table for table, _ in built} == set(models)
    assert set(built) == described

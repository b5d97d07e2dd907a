"""The value lists of ingest.vocabulary are the only ones: dbt YAML and Python copies must equal them.

The dbt YAML cannot import Python, and some modules still carry their own copy (ingest.extract.tables.reader and
ingest.devtools.sample are being edited elsewhere): these tests fail the moment a copy drifts.
"""

from __future__ import annotations

import csv
import re
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import pytest
import yaml

from ingest import records, vocabulary
from ingest.devtools.sample import standard
from ingest.devtools.sample.generate import make_report
from ingest.extract import facts
from ingest.extract.agency import types as agencies
from ingest.extract.report import extract_report
from ingest.extract.tables import reader as tables
from ingest.text import sections
from tests.conftest import CORPUS, REPO

MODELS = REPO / "models"


@dataclass
class ModelTests:
    """The generic data tests of one dbt model, as declared in its YAML."""

    columns: dict[str, set[str]] = field(default_factory=dict)
    unique_combinations: set[tuple[str, ...]] = field(default_factory=set)
    accepted_values: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)


def _test_name(test: str | dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """``- unique`` or ``- accepted_values: {arguments: {...}}`` → (name, arguments)."""
    if isinstance(test, str):
        return test, {}
    [(name, body)] = test.items()
    body = body or {}
    return name, {**body, **(body.get("arguments") or {})}


@cache
def dbt_data_tests() -> dict[str, ModelTests]:
    """Every model of every YAML under models/ with its column and model-level data tests."""
    found: dict[str, ModelTests] = {}
    for path in sorted(MODELS.rglob("*.yml")):
        for model in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("models") or []:
            tests = found.setdefault(model["name"], ModelTests())
            for test in model.get("data_tests") or model.get("tests") or []:
                name, args = _test_name(test)
                if name == "unique_combination_of_columns":
                    tests.unique_combinations.add(tuple(args["combination_of_columns"]))
            for column in model.get("columns") or []:
                names = tests.columns.setdefault(column["name"], set())
                for test in column.get("data_tests") or column.get("tests") or []:
                    name, args = _test_name(test)
                    names.add(name)
                    if name == "accepted_values":
                        tests.accepted_values.append((column["name"], tuple(args["values"])))
    return found


def _accepted_values() -> Iterator[tuple[str, str, tuple[str, ...]]]:
    for model, tests in sorted(dbt_data_tests().items()):
        for column, values in tests.accepted_values:
            yield model, column, values


def test_the_yaml_is_found() -> None:
    models = dbt_data_tests()
    assert {"dim_reports", "fct_report_metrics", "stg_ingest__reports"} <= set(models)
    assert len(list(_accepted_values())) >= 30


@pytest.mark.parametrize(("model", "column", "values"), list(_accepted_values()))
def test_dbt_accepted_values_equal_the_vocabulary(model: str, column: str, values: tuple[str, ...]) -> None:
    expected = vocabulary.accepted_values_for(model, column)
    assert expected is not None, (
        f"{model}.{column}: declare its vocabulary in ingest.vocabulary.ACCEPTED_VALUES "
        "(or ACCEPTED_VALUES_BY_MODEL) before listing values in dbt"
    )
    assert values == expected, f"{model}.{column} in YAML drifted from ingest.vocabulary"


def test_record_literals_equal_the_vocabulary() -> None:
    # records.py keeps Literal types for mypy; their members must be the vocabulary's.
    assert typing.get_args(records.Qualifier) == vocabulary.QUALIFIERS
    assert typing.get_args(records.Template) == vocabulary.TEMPLATES
    assert typing.get_args(records.CheckStatus) == vocabulary.CHECK_STATUSES
    assert typing.get_args(records.FileStatus) == vocabulary.PARSE_FILE_STATUSES
    source = typing.get_type_hints(records.Metric)["source"]
    assert typing.get_args(source) == vocabulary.METRIC_SOURCES
    assert records.QUALIFIERS == vocabulary.QUALIFIERS
    assert records.TEMPLATES == vocabulary.TEMPLATES


def test_parser_tables_equal_the_vocabulary() -> None:
    assert tables.T3_COLUMNS == vocabulary.APPLICANT_TYPES
    assert tables.T4_BLOCKS == vocabulary.T4_BLOCKS
    assert tables.T4_COLUMNS == vocabulary.T4_RESULTS
    assert tuple(key for key, _ in tables.T3_ROWS) == vocabulary.T3_ROW_KEYS


def test_generator_tables_equal_the_vocabulary() -> None:
    assert standard.T3_COLUMNS == vocabulary.APPLICANTS  # the generator appends 总计 itself
    assert standard.T4_BLOCKS == vocabulary.T4_BLOCKS
    assert standard.T4_COLUMNS == vocabulary.T4_RESULTS
    assert standard._T3_ROW_KEYS == vocabulary.T3_ROW_KEYS


def test_other_parser_lists_equal_the_vocabulary() -> None:
    assert agencies.ADMIN_LEVELS == vocabulary.ADMIN_LEVELS
    # facts and sections order their lists by match priority, so only the members are compared.
    assert {channel for channel, _ in facts.CHANNELS} == set(vocabulary.FACT_CHANNELS)
    assert {kind for kind, _ in facts.KINDS} | {"amount"} == set(vocabulary.FACT_KINDS)  # amount: by unit
    assert {kind for kind, _ in sections._KIND_KEYWORDS} | {"preamble"} == set(vocabulary.SECTION_KINDS)


def test_outcome_groups_are_the_groups_of_the_outcome_rows() -> None:
    outcome_rows = vocabulary.T3_ROW_KEYS[2:-1]  # between 上年结转 and 结转下年度
    assert tuple(dict.fromkeys(row.split(".")[0] for row in outcome_rows)) == vocabulary.OUTCOME_GROUPS


def test_metric_key_seed_uses_the_table_vocabulary() -> None:
    with (REPO / "seeds" / "metric_keys.csv").open(encoding="utf-8") as f:
        keys = [row["key"] for row in csv.DictReader(f)]
    table_keys = [k for k in keys if k.split(".")[0] in vocabulary.TABLE_NUMBERS]
    assert {k.split(".")[0] for k in table_keys} == set(vocabulary.TABLE_NUMBERS)
    t3 = {f"t3.{row}.{col}" for row in vocabulary.T3_ROW_KEYS for col in vocabulary.APPLICANT_TYPES}
    assert {k for k in keys if k.startswith("t3.")} == t3
    t4 = {f"t4.{block}.{result}" for block in vocabulary.T4_BLOCKS for result in vocabulary.T4_RESULTS}
    assert {k for k in keys if k.startswith("t4.")} == t4


def test_check_rules_the_parser_emits_are_in_the_vocabulary() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((CORPUS / "seeds" / "texts").glob("*.txt"))]
    texts += [make_report(i, 11).text for i in range(40)]
    emitted = {check.rule for text in texts for check in extract_report(text).checks}
    assert emitted <= set(vocabulary.REPORT_CHECK_RULES), emitted - set(vocabulary.REPORT_CHECK_RULES)
    assert {"R1", "R3"} <= emitted  # the sample really exercised the table rules


def test_check_rules_named_in_the_parser_are_in_the_vocabulary() -> None:
    """Every ``Check("<rule>", …)`` literal of the package, also those the sample above never hits."""
    named = {
        match
        for path in sorted((REPO / "ingest").rglob("*.py"))
        for match in re.findall(r'\bCheck\(\s*"([A-Za-z0-9_]+)"', path.read_text(encoding="utf-8"))
    }
    assert named, "no Check(...) literal found: the pattern needs updating"
    assert named <= set(vocabulary.REPORT_CHECK_RULES), named - set(vocabulary.REPORT_CHECK_RULES)


def test_cross_year_rules_are_the_ones_the_model_computes() -> None:
    [path] = MODELS.rglob("fct_cross_year_checks.sql")  # wherever the marts folder puts it
    sql = path.read_text(encoding="utf-8")
    assert {rule for rule in vocabulary.CROSS_YEAR_CHECK_RULES if f"'{rule}' as check_rule" in sql} == set(
        vocabulary.CROSS_YEAR_CHECK_RULES
    )

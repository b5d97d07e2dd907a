"""dbt's node lines read from either console format, progress from a (fake) dbt run, its errors kept."""

from __future__ import annotations

import json
import re
import stat
import sys
from pathlib import Path
from typing import Any

import pytest

from ingest.land.progress import parse_progress_line
from ingest.ops import dbt_runner
from ingest.ops.dbt_runner import DbtStep, dbt_step, failure_lines, run_dbt


def _event(name: str, msg: str, level: str = "info", **data: Any) -> str:
    """One line of ``dbt --log-format json`` (the fields run_dbt reads, as dbt 1.11 writes them)."""
    info = {"name": name, "level": level, "msg": msg, "ts": "2026-12-04T16:07:04.123456Z", "code": "Q000"}
    return json.dumps({"data": data, "info": info})


@pytest.mark.parametrize(
    ("line", "step"),
    [
        pytest.param(
            _event("LogStartLine", "1 of 348 START seed file seeds.agency_types ... [RUN]", index=1, total=348),
            DbtStep(1, 348, False),
            id="json-start",
        ),
        pytest.param(
            _event("LogModelResult", "42 of 348 OK created sql view model …", index=42, total=348, status="OK"),
            DbtStep(42, 348, True),
            id="json-model",
        ),
        pytest.param(
            _event("LogTestResult", "4 of 348 PASS source_not_null …", index=4, num_models=348, status="pass"),
            DbtStep(4, 348, True),
            id="json-test-counts-num_models",
        ),
        pytest.param(
            _event("LogHookEndLine", "1 of 1 OK hook: govinfo.on-run-start.0", index=1, total=1),
            None,
            id="json-hook",
        ),
        pytest.param(_event("StatsLine", "Done. PASS=349 WARN=1 ERROR=0"), None, id="json-other"),
        pytest.param(
            "\x1b[0m16:07:04  12 of 348 OK created sql view model staging.stg … [\x1b[32mOK\x1b[0m in 0.08s]\n",
            DbtStep(12, 348, True),
            id="text-colour-and-time",
        ),
        pytest.param("3 of 348 START test not_null_x ... [RUN]", DbtStep(3, 348, False), id="text-start"),
        pytest.param("17 of 348 SKIP relation marts.fct_fees", DbtStep(17, 348, True), id="text-skip"),
        pytest.param("16:07:04  1 of 1 START hook: govinfo.on-run-end.0 ...", None, id="text-hook"),
        pytest.param("16:07:04    Got 1 result, configured to fail if != 0", None, id="text-other"),
        pytest.param("{not json at all", None, id="broken-json"),
    ],
)
def test_a_node_line_is_read_from_either_format(line: str, step: DbtStep | None) -> None:
    assert dbt_step(line) == step


_FAILED_RUN = [
    _event("MainReportVersion", "Running with dbt=1.11.16"),
    _event("LogStartLine", "1 of 2 START test accepted_values_x [RUN]", index=1, total=2),
    _event("LogTestResult", "1 of 2 FAIL 1 accepted_values_x [FAIL 1]", level="error", index=1, num_models=2),
    _event("LogStartLine", "2 of 2 START test unique_y [RUN]", index=2, total=2),
    _event("LogTestResult", "2 of 2 PASS unique_y [PASS]", index=2, num_models=2),
    _event("EndOfRunSummary", "Completed with 1 error, 0 partial successes, and 0 warnings:"),
    _event("Formatting", ""),
    _event("RunResultFailure", "Failure in test accepted_values_x (models/x.yml)", level="error"),
    _event("RunResultError", "  Got 1 result, configured to fail if != 0", level="error"),
    _event("SQLCompiledPath", "  compiled code at target/compiled/x.sql"),
    _event("StatsLine", "Done. PASS=1 WARN=0 ERROR=1 SKIP=0 NO-OP=0 TOTAL=2"),
]


def test_a_failed_quiet_run_shows_its_errors_and_closing_report() -> None:
    shown = failure_lines([*_FAILED_RUN, "Traceback (most recent call last):\n"])
    assert all(re.match(r"\d\d:\d\d:\d\d  ", line) for line in shown[:-1])  # as dbt's text format prints them
    assert [line[10:] for line in shown[:-1]] == [
        "1 of 2 FAIL 1 accepted_values_x [FAIL 1]",  # an error event before the closing report
        "Completed with 1 error, 0 partial successes, and 0 warnings:",
        "Failure in test accepted_values_x (models/x.yml)",
        "  Got 1 result, configured to fail if != 0",
        "  compiled code at target/compiled/x.sql",
        "Done. PASS=1 WARN=0 ERROR=1 SKIP=0 NO-OP=0 TOTAL=2",
    ]
    assert shown[-1] == "Traceback (most recent call last):"  # a line that is no event, as it came
    assert failure_lines(_FAILED_RUN[:2]) == []  # nothing of a run that only started


def _fake_dbt(tmp_path: Path, lines: list[str], code: int) -> Path:
    """An executable that prints ``lines`` whatever its arguments and exits with ``code``."""
    data = tmp_path / "lines.json"
    data.write_text(json.dumps(lines), encoding="utf-8")
    script = tmp_path / "dbt"
    script.write_text(
        f"#!{sys.executable}\nimport json, sys\n"
        f"for line in json.load(open({str(data)!r}, encoding='utf-8')):\n    print(line, flush=True)\n"
        f"sys.exit({code})\n",
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def _nodes(count: int) -> list[str]:
    lines = []
    for index in range(1, count + 1):
        lines.append(_event("LogStartLine", f"{index} of {count} START model m{index}", index=index, total=count))
        lines.append(_event("LogModelResult", f"{index} of {count} OK model m{index}", index=index, total=count))
    return lines


def test_quiet_run_shows_bounded_progress_on_stderr_and_nothing_on_stdout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("GOVINFO_PROGRESS", raising=False)
    monkeypatch.setattr(dbt_runner, "dbt_executable", lambda: str(_fake_dbt(tmp_path, _nodes(500), 0)))
    assert run_dbt(["build"], tmp_path / "wh.duckdb", quiet=True) == 0
    out, err = capfd.readouterr()
    assert out == ""
    progress = [parse_progress_line(line) for line in err.splitlines()]
    assert all(progress) and 2 <= len(progress) <= 11, err
    assert progress[-1] == ("dbt build", 500, 500)


def test_quiet_failed_run_writes_dbt_errors_and_progress_can_go_to_a_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("GOVINFO_PROGRESS", raising=False)
    monkeypatch.setattr(dbt_runner, "dbt_executable", lambda: str(_fake_dbt(tmp_path, _FAILED_RUN, 1)))
    logged: list[str] = []
    assert run_dbt(["build"], tmp_path / "wh.duckdb", quiet=True, progress_log=logged.append) == 1
    out, err = capfd.readouterr()
    assert out == ""
    assert "Failure in test accepted_values_x (models/x.yml)" in err
    assert "Running with dbt" not in err  # info before the closing report stays quiet
    assert not any(parse_progress_line(line) for line in err.splitlines())
    assert [parse_progress_line(line) for line in logged] == [("dbt build", 1, 2), ("dbt build", 2, 2)]


def test_an_interactive_run_passes_dbt_output_through_to_stdout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GOVINFO_PROGRESS", "0")
    text = ["16:07:04  1 of 2 START model a", "16:07:05  1 of 2 OK model a", "16:07:05  Done. PASS=2"]
    monkeypatch.setattr(dbt_runner, "dbt_executable", lambda: str(_fake_dbt(tmp_path, text, 0)))
    assert run_dbt(["build"], tmp_path / "wh.duckdb") == 0
    out, err = capfd.readouterr()
    assert out.splitlines() == text
    assert err == ""

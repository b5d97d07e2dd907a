"""Run dbt against the warehouse with the repository's project and profile, showing its progress.

dbt numbers the nodes it runs (``12 of 348 START …``, ``12 of 348 OK …``); :func:`dbt_step` reads
that from a line of either of dbt's console formats (``--log-format json`` events, or text lines
with or without their time and colours), and :func:`run_dbt` turns the finished nodes into
progress (:mod:`ingest.land.progress`: nodes done / total, rate, ETA on stderr).

- Interactive (``quiet=False``, ``govinfo build``): dbt's own text passes through to stdout as
  before; the live progress line is cleared before each of dbt's lines and drawn again after it.
- Quiet (``quiet=True``, the refresh): dbt runs with ``--log-format json`` (its log file keeps the
  usual debug format) and nothing reaches stdout. Progress goes to stderr, or as plain lines to
  ``progress_log``. When dbt fails, what ``--quiet`` would have shown is written to stderr: every
  error event and dbt's closing report from ``Completed with …`` on, plus any line that is not
  an event (a crash's traceback).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from ingest import PROJECT_DIR, dbt_executable
from ingest.land.progress import Progress, start_progress

__all__ = ["DbtStep", "dbt_step", "failure_lines", "run_dbt"]

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
# "12:00:01  12 of 348 OK created sql view model …"; hooks count on their own ("1 of 1 START hook: …").
_TEXT_STEP = re.compile(r"^(?:\d\d:\d\d:\d\d(?:\.\d+)?\s+)?(\d+) of (\d+) (\S+)(.*)$")
_SUMMARY_EVENT = "EndOfRunSummary"  # "Completed with 1 error …": dbt's closing report starts here


class DbtStep(NamedTuple):
    """One node line: its number (node) of total; finished is False for its START line."""

    node: int
    total: int
    finished: bool


def _event(line: str) -> dict[str, Any] | None:
    """A ``--log-format json`` event, or None for any other line."""
    text = line.strip()
    if not text.startswith("{"):
        return None
    try:
        event = json.loads(text)
    except json.JSONDecodeError:
        return None
    return event if isinstance(event, dict) and isinstance(event.get("info"), dict) else None


def dbt_step(line: str) -> DbtStep | None:
    """The node a dbt console line starts or finishes, from a JSON event or a text line; else None."""
    event = _event(line)
    if event is not None:
        name = str(event["info"].get("name", ""))
        data = event.get("data")
        if "Hook" in name or not isinstance(data, dict):
            return None
        index, total = data.get("index"), data.get("total", data.get("num_models"))  # tests say num_models
        if not isinstance(index, int) or not isinstance(total, int) or total <= 0:
            return None
        return DbtStep(index, total, name != "LogStartLine")
    found = _TEXT_STEP.match(_ANSI.sub("", line).strip())
    if found is None or found[4].lstrip().startswith("hook:"):
        return None
    index, total = int(found[1]), int(found[2])
    if total <= 0:
        return None
    return DbtStep(index, total, found[3] != "START")


def _event_text(event: dict[str, Any]) -> str:
    """An event as dbt's text format prints it: local time, two spaces, the message."""
    info = event["info"]
    try:
        stamp = dt.datetime.fromisoformat(str(info.get("ts", "")).replace("Z", "+00:00"))
        return f"{stamp.astimezone().strftime('%H:%M:%S')}  {info.get('msg', '')}"
    except ValueError:
        return str(info.get("msg", ""))


def failure_lines(lines: list[str]) -> list[str]:
    """What to show of a failed quiet run: error events, the closing report, lines that are no event."""
    shown: list[str] = []
    in_summary = False
    for line in lines:
        event = _event(line)
        if event is None:
            if line.strip():
                shown.append(line.rstrip("\n"))
            continue
        info = event["info"]
        in_summary = in_summary or info.get("name") == _SUMMARY_EVENT
        if (in_summary and str(info.get("msg", "")).strip()) or info.get("level") == "error":
            shown.append(_event_text(event))
    return shown


def run_dbt(
    args: list[str], warehouse: Path, quiet: bool = False, progress_log: Callable[[str], None] | None = None
) -> int:
    """Run ``dbt <args>`` on ``warehouse`` with progress on stderr; returns dbt's exit code.

    ``quiet``: nothing on stdout; dbt's errors on stderr when it fails. ``progress_log`` receives the
    plain progress lines when stderr is no terminal (e.g. a logger's ``info``).
    """
    env = dict(os.environ)
    env["GOVINFO_WAREHOUSE"] = str(warehouse.resolve())
    env["DBT_PROFILES_DIR"] = str(PROJECT_DIR)
    env.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
    extra: list[str] = []
    if quiet and not any(arg.startswith("--log-format") for arg in args):
        extra = ["--log-format", "json", "--log-format-file", "debug"]  # events to read; the file as usual
    command = [
        dbt_executable(), *args, *extra, "--project-dir", str(PROJECT_DIR), "--profiles-dir", str(PROJECT_DIR)
    ]  # fmt: skip
    label = ("dbt " + next((arg for arg in args if not arg.startswith("-")), "")).strip()
    progress: Progress | None = None  # from the first node on: dbt's parsing is no node time
    finished: set[int] = set()
    captured: list[str] = []
    with subprocess.Popen(
        command,
        env=env,
        cwd=PROJECT_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT if quiet else None,
        text=True,
        encoding="utf-8",
        errors="replace",
    ) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            if quiet:
                captured.append(line)
            else:
                if progress is not None:
                    progress.interrupt()
                sys.stdout.write(line)
                sys.stdout.flush()
            step = dbt_step(line)
            if step is not None and progress is None:
                progress = start_progress(label, step.total, "nodes", log=progress_log)
            if step is not None and step.finished:
                finished.add(step.node)
            if progress is not None:  # after each of dbt's lines: the live line drawn again under it
                progress.update(len(finished), max(step.total if step else 0, progress.model.total))
    code = proc.returncode
    if progress is not None:
        progress.finish()
    if quiet and code != 0:
        shown = failure_lines(captured)
        if shown:
            sys.stderr.write("\n".join(shown) + "\n")
    return code

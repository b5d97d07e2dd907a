"""Progress: the model's arithmetic on an injected clock, the terminal line and the bounded plain lines."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.devtools.sample import generate
from ingest.land.progress import (
    LogRenderer,
    Progress,
    ProgressModel,
    TerminalRenderer,
    format_duration,
    format_final,
    format_line,
    parse_progress_line,
    progress_mode,
    start_progress,
)
from tests.conftest import REPO


class FakeClock:
    """Time that moves only when told to."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def tick(self, seconds: float) -> None:
        self.now += seconds


class FakeTty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_rate_and_eta_follow_the_injected_clock() -> None:
    clock = FakeClock()
    model = ProgressModel("ingest", 1000, "files", clock)
    assert model.rate() is None and model.eta() is None  # no time has passed
    clock.tick(10)
    model.update(200)
    assert model.rate() == pytest.approx(20.0)
    assert model.eta() == pytest.approx(40.0)  # 800 left at 20 files/s
    assert model.fraction() == pytest.approx(0.2)
    assert format_line(model) == "ingest: 200/1,000 files (20%), 20 files/s, ETA 0:40"


def test_the_rate_is_the_recent_one_so_a_slow_start_does_not_skew_the_eta() -> None:
    clock = FakeClock()
    model = ProgressModel("ingest", 10_000, "files", clock, window=30.0)
    clock.tick(60)  # a minute of start-up: nothing done
    model.update(0)
    for _ in range(60):  # then 100 files/s for a minute
        clock.tick(1)
        model.advance(100)
    assert model.rate() == pytest.approx(100.0, rel=0.05)
    assert model.overall_rate() == pytest.approx(50.0)
    assert model.eta() == pytest.approx(40.0, rel=0.05)  # 4,000 left


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [
        pytest.param(7.4, "0:07", id="seconds"),
        pytest.param(725, "12:05", id="minutes"),
        pytest.param(3723, "1:02:03", id="hours"),
    ],
)
def test_durations(seconds: float, shown: str) -> None:
    assert format_duration(seconds) == shown


def test_unknown_total_shows_a_count_and_no_eta() -> None:
    clock = FakeClock()
    model = ProgressModel("dbt build", 0, "nodes", clock)
    clock.tick(2)
    model.update(5)
    assert model.eta() is None
    assert format_line(model) == "dbt build: 5 nodes, 2.5 nodes/s"


def test_the_terminal_line_is_redrawn_in_place_and_throttled() -> None:
    clock = FakeClock()
    stream = FakeTty()
    progress = Progress(ProgressModel("validate", 4, "suites", clock), TerminalRenderer(stream, clock, interval=0.1))
    for _ in range(4):
        clock.tick(0.5)
        progress.advance()
        progress.update(progress.model.done)  # again at once: throttled, not drawn
    progress.finish()
    out = stream.getvalue()
    assert out.count("\r") == 5  # four updates and the final line, each from the line's start
    assert out.count("\n") == 1 and out.endswith("\n")  # one line on the terminal in the end
    assert "\r" + "validate: 2/4 suites (50%), 2.0 suites/s, ETA 0:01\x1b[K" in out
    assert out.rstrip("\n").rsplit("\r", 1)[1] == "validate: 4/4 suites (100%) in 0:02, 2.0 suites/s\x1b[K"


def test_the_terminal_line_is_cut_to_the_terminal_width() -> None:
    clock = FakeClock()
    stream = FakeTty()
    renderer = TerminalRenderer(stream, clock, width=30)
    model = ProgressModel("ingest", 1_000_000, "files", clock)
    clock.tick(1)
    model.update(1)
    renderer.update(model)
    assert stream.getvalue() == "\r" + format_line(model)[:29] + "\x1b[K"


def test_plain_lines_are_bounded_for_ten_thousand_updates() -> None:
    clock = FakeClock()
    lines: list[str] = []
    progress = Progress(ProgressModel("ingest", 10_000, "files", clock), LogRenderer(lines.append, clock))
    for _ in range(10_000):
        clock.tick(0.001)  # 10 s in all: no heartbeat due
        progress.advance()
    progress.finish()
    assert len(lines) == 10  # 10%, 20%, … 90%, then the final line
    assert lines[0] == "ingest: 1,000/10,000 files (10%), 1,000 files/s, ETA 0:09"
    assert lines[-1] == "ingest: 10,000/10,000 files (100%) in 0:10, 1,000 files/s"
    assert not any("\r" in line for line in lines)


def test_a_slow_phase_still_logs_a_heartbeat() -> None:
    clock = FakeClock()
    lines: list[str] = []
    renderer = LogRenderer(lines.append, clock, heartbeat=30.0)
    model = ProgressModel("dbt build", 1000, "nodes", clock)
    for _ in range(9):  # 9 nodes in 90 s: under one tenth, but a line every 30 s
        clock.tick(10)
        model.advance()
        renderer.update(model)
    assert len(lines) == 3


def test_a_plain_line_reads_back() -> None:
    clock = FakeClock()
    model = ProgressModel("dbt build", 14, "nodes", clock)
    clock.tick(3)
    model.update(7)
    assert parse_progress_line(format_line(model)) == ("dbt build", 7, 14)
    assert parse_progress_line("validation passed: 104 expectations on the marts") is None
    assert parse_progress_line("  dbt build: 1/2 nodes (50%) inside another line") is None
    assert parse_progress_line(format_final(model)) == ("dbt build", 7, 14)


@pytest.mark.parametrize(
    ("setting", "tty", "mode"),
    [
        pytest.param(None, True, "terminal", id="tty"),
        pytest.param(None, False, "plain", id="pipe"),
        pytest.param("0", True, "off", id="off"),
        pytest.param("off", False, "off", id="off-word"),
        pytest.param("plain", True, "plain", id="plain-on-a-tty"),
    ],
)
def test_the_rendering_follows_the_stream_and_govinfo_progress(
    monkeypatch: pytest.MonkeyPatch, setting: str | None, tty: bool, mode: str
) -> None:
    if setting is None:
        monkeypatch.delenv("GOVINFO_PROGRESS", raising=False)
    else:
        monkeypatch.setenv("GOVINFO_PROGRESS", setting)
    assert progress_mode(FakeTty() if tty else io.StringIO()) == mode


def test_govinfo_progress_0_writes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOVINFO_PROGRESS", "0")
    stream = FakeTty()
    logged: list[str] = []
    with start_progress("ingest", 10, stream=stream, log=logged.append) as progress:
        for _ in range(10):
            progress.advance()
    assert stream.getvalue() == "" and logged == []


def test_plain_lines_go_to_the_log_when_one_is_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GOVINFO_PROGRESS", raising=False)
    stream = io.StringIO()
    logged: list[str] = []
    with start_progress("ingest", 10, stream=stream, log=logged.append) as progress:
        progress.advance(10)
    assert stream.getvalue() == ""
    assert len(logged) == 1 and logged[0].startswith("ingest: 10/10 files (100%) in ")


def test_govinfo_ingest_prints_plain_progress_to_stderr_and_its_summary_to_stdout(tmp_path: Path) -> None:
    generate(100, 5, tmp_path / "sample")
    env = {key: value for key, value in os.environ.items() if key != "GOVINFO_PROGRESS"}
    done = subprocess.run(
        [sys.executable, "-m", "ingest.cli", "ingest", str(tmp_path / "sample" / "texts"),
         "--warehouse", str(tmp_path / "govinfo.duckdb")],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=300, check=True,
    )  # fmt: skip
    progress = [line for line in done.stderr.splitlines() if parse_progress_line(line)]
    assert 2 <= len(progress) <= 11, done.stderr  # some lines, never one per file
    assert progress[-1].startswith("ingest: 100/100 files (100%) in ")
    assert all("\r" not in line for line in done.stderr.splitlines())  # no terminal line in a pipe
    assert done.stdout.startswith("files seen: 100  unchanged (skipped): 0  loaded: 100")
    assert "ingest:" not in done.stdout

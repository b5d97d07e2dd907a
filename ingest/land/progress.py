"""Progress of long work (ingest, dbt build, validation): files done / total, rate, ETA.

One model, two renderings:

- :class:`ProgressModel` is pure arithmetic over an injected clock: done / total, the rate over the
  last :data:`RATE_WINDOW_SECONDS` (so the ETA follows the current speed, not the start-up), ETA.
- :class:`TerminalRenderer` redraws one line in place (``\\r`` … clear to end of line) at most every
  :data:`TERMINAL_INTERVAL_SECONDS`, for a person watching a terminal.
- :class:`LogRenderer` writes plain lines for cron, CI and pipes: one each time another 10 % is done
  and one after :data:`LOG_HEARTBEAT_SECONDS` without a line, then a final line. The number of lines
  is bounded whatever the number of updates: never one per file.

:func:`start_progress` picks the rendering: none when ``GOVINFO_PROGRESS=0`` (also ``off``, ``false``,
``no``), the terminal line when the stream (stderr by default) is a TTY and ``GOVINFO_PROGRESS`` is not
``plain``, else plain lines through ``log`` (e.g. a logger's ``info``, so they reach its log file) or
onto the stream. Progress never goes to stdout: commands print their summaries there.

A plain line reads ``ingest: 1,250/8,000 files (15%), 480 files/s, ETA 0:14`` and
:func:`parse_progress_line` reads one back (``govinfo refresh`` follows its validation subprocess so).
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol, TextIO

__all__ = [
    "LOG_HEARTBEAT_SECONDS",
    "PROGRESS_ENV",
    "RATE_WINDOW_SECONDS",
    "TERMINAL_INTERVAL_SECONDS",
    "LogRenderer",
    "NullRenderer",
    "Progress",
    "ProgressModel",
    "Renderer",
    "TerminalRenderer",
    "format_duration",
    "format_final",
    "format_line",
    "parse_progress_line",
    "progress_mode",
    "start_progress",
]

PROGRESS_ENV = "GOVINFO_PROGRESS"  # 0/off/false/no: no progress; plain: plain lines even on a terminal
RATE_WINDOW_SECONDS = 30.0  # the rate (and so the ETA) is measured over this much recent time
TERMINAL_INTERVAL_SECONDS = 0.1  # the live line is redrawn at most this often
LOG_HEARTBEAT_SECONDS = 30.0  # a plain line at least this often while work goes on (slow phases)
_LOG_STEP = 0.1  # a plain line each time another tenth is done
_OFF = frozenset({"0", "off", "false", "no"})

Clock = Callable[[], float]
Sink = Callable[[str], None]


@dataclass
class ProgressModel:
    """Done of total units since ``started``; rate over the recent window; ETA. Pure: the clock is given."""

    label: str
    total: int
    unit: str = "files"
    clock: Clock = time.monotonic
    window: float = RATE_WINDOW_SECONDS
    done: int = 0
    started: float = field(init=False)
    _samples: deque[tuple[float, int]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.started = self.clock()
        self._samples = deque([(self.started, 0)])

    def update(self, done: int, total: int | None = None) -> None:
        """Set the units done (and the total, when it becomes known or grows)."""
        if total is not None:
            self.total = total
        self.done = done
        now = self.clock()
        # A sample at most every window/64 seconds: bounded memory whatever the update rate.
        if now - self._samples[-1][0] >= self.window / 64:
            self._samples.append((now, done))
        while len(self._samples) > 1 and now - self._samples[1][0] >= self.window:
            self._samples.popleft()  # keep one sample at or before the window's start

    def advance(self, units: int = 1) -> None:
        """``units`` more are done."""
        self.update(self.done + units)

    def elapsed(self) -> float:
        """Seconds since the model started."""
        return self.clock() - self.started

    def fraction(self) -> float | None:
        """Share done (0–1), or None while the total is unknown (0)."""
        return min(1.0, self.done / self.total) if self.total > 0 else None

    def rate(self) -> float | None:
        """Units per second over the recent window, or None before any time has passed."""
        now = self.clock()
        since, done_then = self._samples[0]
        if now - since <= 0:
            return None
        return (self.done - done_then) / (now - since)

    def overall_rate(self) -> float | None:
        """Units per second since the start."""
        elapsed = self.elapsed()
        return self.done / elapsed if elapsed > 0 else None

    def eta(self) -> float | None:
        """Seconds left at the recent rate; None while unknown (no total, no rate yet)."""
        rate = self.rate()
        if self.total <= 0 or rate is None or rate <= 0:
            return None
        return max(0, self.total - self.done) / rate


def format_duration(seconds: float) -> str:
    """``0:07``, ``12:05``, ``1:02:03``."""
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _format_rate(rate: float | None, unit: str) -> str:
    if rate is None:
        return f"-- {unit}/s"
    return f"{rate:.1f} {unit}/s" if rate < 10 else f"{rate:,.0f} {unit}/s"


def format_line(model: ProgressModel) -> str:
    """``ingest: 1,250/8,000 files (15%), 480 files/s, ETA 0:14`` (no total yet: ``dbt build: 12 nodes``)."""
    fraction = model.fraction()
    if fraction is None:
        return f"{model.label}: {model.done:,} {model.unit}, {_format_rate(model.rate(), model.unit)}"
    eta = model.eta()
    return (
        f"{model.label}: {model.done:,}/{model.total:,} {model.unit} ({fraction:.0%}), "
        f"{_format_rate(model.rate(), model.unit)}, ETA {format_duration(eta) if eta is not None else '--'}"
    )


def format_final(model: ProgressModel) -> str:
    """``ingest: 8,000/8,000 files (100%) in 0:16, 480 files/s``."""
    count = f"{model.done:,}/{model.total:,}" if model.total > 0 else f"{model.done:,}"
    share = f" ({model.fraction():.0%})" if model.total > 0 else ""
    return (
        f"{model.label}: {count} {model.unit}{share} in {format_duration(model.elapsed())}, "
        f"{_format_rate(model.overall_rate(), model.unit)}"
    )


_PLAIN_LINE = re.compile(r"^(?P<label>\w[\w .-]*): (?P<done>[\d,]+)/(?P<total>[\d,]+) (?P<unit>\w+) \(\d+%\)")


def parse_progress_line(line: str) -> tuple[str, int, int] | None:
    """``(label, done, total)`` of a plain progress line, else None."""
    found = _PLAIN_LINE.match(line)
    if found is None:
        return None
    return found["label"].strip(), int(found["done"].replace(",", "")), int(found["total"].replace(",", ""))


class Renderer(Protocol):
    """Shows a model: on every update (it decides whether to draw), and once at the end."""

    def update(self, model: ProgressModel) -> None: ...

    def finish(self, model: ProgressModel) -> None: ...

    def interrupt(self) -> None: ...


class NullRenderer:
    """No progress (``GOVINFO_PROGRESS=0``)."""

    def update(self, model: ProgressModel) -> None:
        """Nothing."""

    def finish(self, model: ProgressModel) -> None:
        """Nothing."""

    def interrupt(self) -> None:
        """Nothing."""


class TerminalRenderer:
    """One live line, redrawn in place with a carriage return; a newline when finished."""

    def __init__(
        self,
        stream: TextIO,
        clock: Clock = time.monotonic,
        width: int = 100,
        interval: float = TERMINAL_INTERVAL_SECONDS,
    ) -> None:
        self._stream = stream
        self._clock = clock
        self._width = max(20, width - 1)  # a wrapped line could not be redrawn in place
        self._interval = interval
        self._drawn_at: float | None = None

    def _draw(self, text: str, end: str = "") -> None:
        self._stream.write("\r" + text[: self._width] + "\x1b[K" + end)
        self._stream.flush()

    def update(self, model: ProgressModel) -> None:
        """Redraw unless the line was drawn less than ``interval`` ago."""
        now = self._clock()
        if self._drawn_at is not None and now - self._drawn_at < self._interval:
            return
        self._drawn_at = now
        self._draw(format_line(model))

    def finish(self, model: ProgressModel) -> None:
        """The final line, kept on the terminal."""
        self._draw(format_final(model), "\n")
        self._drawn_at = None

    def interrupt(self) -> None:
        """Clear the line so other output can be printed; the next update redraws it at once."""
        if self._drawn_at is not None:
            self._stream.write("\r\x1b[K")
            self._stream.flush()
            self._drawn_at = None


class LogRenderer:
    """Plain lines: one per further tenth done, one after ``heartbeat`` seconds without a line, a final one."""

    def __init__(self, write: Sink, clock: Clock = time.monotonic, heartbeat: float = LOG_HEARTBEAT_SECONDS) -> None:
        self._write = write
        self._clock = clock
        self._heartbeat = heartbeat
        self._last_step = 0  # tenths already reported
        self._last_at = clock()
        self._last_done = 0

    def update(self, model: ProgressModel) -> None:
        """Write a line when another tenth is done or the heartbeat is due (never at 100%: finish says it)."""
        fraction = model.fraction()
        now = self._clock()
        step = int(fraction / _LOG_STEP + 1e-9) if fraction is not None else 0
        if fraction is not None and fraction >= 1.0:
            return
        due = step > self._last_step or (now - self._last_at >= self._heartbeat and model.done != self._last_done)
        if due:
            self._last_step = max(self._last_step, step)
            self._last_at = now
            self._last_done = model.done
            self._write(format_line(model))

    def finish(self, model: ProgressModel) -> None:
        """The final line."""
        self._write(format_final(model))

    def interrupt(self) -> None:
        """Nothing: plain lines never need clearing."""


def progress_mode(stream: TextIO) -> str:
    """``off``, ``terminal`` or ``plain`` for ``stream``, from ``GOVINFO_PROGRESS`` and whether it is a TTY."""
    setting = os.environ.get(PROGRESS_ENV, "").strip().lower()
    if setting in _OFF:
        return "off"
    if setting != "plain" and stream.isatty():
        return "terminal"
    return "plain"


class Progress:
    """A model and its renderer; use as a context manager so the final line is always written."""

    def __init__(self, model: ProgressModel, renderer: Renderer) -> None:
        self.model = model
        self.renderer = renderer
        self._finished = False

    def update(self, done: int, total: int | None = None) -> None:
        """Set units done (and the total, when it is known only now)."""
        self.model.update(done, total)
        self.renderer.update(self.model)

    def advance(self, units: int = 1) -> None:
        """``units`` more are done."""
        self.update(self.model.done + units)

    def interrupt(self) -> None:
        """Before printing other lines on the same terminal."""
        self.renderer.interrupt()

    def finish(self) -> None:
        """Write the final line (once)."""
        if not self._finished:
            self._finished = True
            self.renderer.finish(self.model)

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.finish()


def start_progress(
    label: str,
    total: int,
    unit: str = "files",
    *,
    log: Sink | None = None,
    stream: TextIO | None = None,
    clock: Clock = time.monotonic,
) -> Progress:
    """Progress of ``total`` units, shown on ``stream`` (default stderr) as :func:`progress_mode` says.

    Plain lines go to ``log`` when given (a logger's ``info``), else onto the stream.
    """
    out = stream if stream is not None else sys.stderr
    model = ProgressModel(label, total, unit, clock)
    mode = progress_mode(out)
    renderer: Renderer
    if mode == "off":
        renderer = NullRenderer()
    elif mode == "terminal":
        renderer = TerminalRenderer(out, clock, _terminal_width(out))
    else:

        def write(line: str) -> None:
            out.write(line + "\n")
            out.flush()

        renderer = LogRenderer(log or write, clock)
    return Progress(model, renderer)


def _terminal_width(stream: TextIO) -> int:
    """Columns of the terminal; 100 when it does not say (a pseudo-terminal without a size says 0)."""
    try:
        columns = os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, AttributeError):
        return 100
    return columns if columns > 0 else 100
